"""bench/noise.py: the counts it resamples add up to the scorers' figures, its draws are seeded, and a tree
compared with itself moves nothing. Nothing here reads the shared data or the shipped model."""

from __future__ import annotations

import json

import pytest

from bench import noise


def gold(kind: str, role: str = "other", stance: str = "asserts", source: bool = True) -> dict:
    return {"kind": kind, "role": role, "stance": stance, "hedges": [], "source": [0, 1] if source else None}


def claim(kind: str, role: str = "other", stance: str = "asserts") -> dict:
    return {"kind": kind, "role": role, "stance": stance, "hedges": []}


def by_position(g: dict, preds: list) -> int | None:
    """A stand-in for the shared scorer's match: the gold's ``at`` names its claim."""
    return g.get("at")


def test_article_counts_give_the_scorers_figures():
    golds = [gold("named_organization") | {"at": 0}, gold("anonymous") | {"at": 1},
             gold("anonymous", stance="denies") | {"at": 2}, gold("named_person") | {"at": None},
             gold("unattributed", source=False) | {"at": 3}]
    preds = [claim("named_person"), claim("anonymous"), claim("named_person", stance="denies"),
             claim("unattributed")]
    figures = noise.polnear_figures(noise.article_counts(golds, preds, by_position))
    assert figures["coverage"] == 4 / 5
    assert figures["kind_acc"] == 2 / 4  # the anonymous and the unattributed one
    assert figures["kind_acc[named_organization]"] == 0.0
    assert figures["anonymous_recall"] == 1 / 2  # one of the two gold anonymous is found anonymous
    assert figures["anonymous_f1"] == pytest.approx(2 / 3)  # tp 1, fn 1, fp 0
    assert figures["denial_f1"] == 1.0
    assert figures["role_acc"] == 1.0  # over the three matched with a source


def test_a_tree_compared_with_itself_moves_nothing():
    rows = {f"a{i}": {"gold": 10, "matched": 7 + i % 3, "kind_ok": 6 + i % 2} for i in range(12)}
    for name, value, (lo, hi), before, moved in noise.compare_rows(rows, dict(rows), noise.polnear_figures):
        assert before == value and moved == (0.0, 0.0), name
        assert lo <= hi


def test_intervals_hold_the_figure_and_are_seeded():
    rows = {f"s{i}": {"gold": 10, "matched": i % 11} for i in range(30)}
    first = noise.compare_rows(rows, None, noise.polnear_figures)
    assert first == noise.compare_rows(rows, None, noise.polnear_figures)
    coverage = next(r for r in first if r[0] == "coverage")
    assert coverage[2][0] < coverage[1] < coverage[2][1]


def test_a_better_tree_moves_up_beyond_noise():
    old = {f"a{i}": {"gold": 10, "matched": 5} for i in range(20)}
    new = {name: {"gold": 10, "matched": 8} for name in old}
    coverage = next(r for r in noise.compare_rows(new, old, noise.polnear_figures) if r[0] == "coverage")
    assert coverage[4] is not None and coverage[4][0] > 0


def test_different_texts_are_refused():
    with pytest.raises(SystemExit):
        noise.compare_rows({"a": {"gold": 1}}, {"b": {"gold": 1}}, noise.polnear_figures)


def test_compare_prints_both_sets(tmp_path, capsys):
    rows = {"polnear": {"a": {"gold": 2, "matched": 1}}, "wire": {"s": {"attributions": 3, "covered": 3}}}
    path = tmp_path / "counts.json"
    path.write_text(json.dumps({"tree": "here", "models": {"scorer": "0" * 64}} | rows), encoding="utf-8")
    assert noise.main(["compare", str(path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "coverage" in out and "corroboration_link_f1" in out and "+0.000 to +0.000" in out
