"""The wire set's labels are consistent, its split covers every story once, and its scorer reads answers as
DESIGN.md says (an answer built from the labels scores 1 everywhere) and runs on the service. Nothing here
asserts what the shipped model scores."""

from __future__ import annotations

import pytest

from bench import wire_eval as we

STORIES = sorted(p.stem for p in (we.WIRE / "stories").glob("*.txt")) if (we.WIRE / "stories").is_dir() else []
pytestmark = pytest.mark.skipif(not STORIES, reason="the wire set is absent")


@pytest.mark.parametrize("story", STORIES)
def test_labels_are_consistent(story):
    text, labels = we.load_story(story)
    assert labels["story"] == story
    assert we.problems(text, labels) == []
    # sentences tile the text: nothing but spaces and newlines between them
    ends = [0] + [s["end"] for s in labels["sentences"]]
    starts = [s["start"] for s in labels["sentences"]] + [len(text)]
    assert all(not text[e:s].strip() for e, s in zip(ends, starts, strict=True))


def test_problems_catches_bad_labels():
    text = "A said B. C denied it."
    labels = {"sentences": [
        {"index": 0, "start": 0, "end": 9, "text": "A said B.", "corroborates": [0], "denies": [],
         "attributions": [{"source": "A", "kind": "named_person", "role": "boss", "stance": "asserts",
                           "hedged": False}]},
        {"index": 1, "start": 10, "end": 21, "text": "C denied at", "corroborates": [], "denies": [5],
         "attributions": [{"source": None, "kind": "anonymous", "role": "other", "stance": "asserts",
                           "hedged": True, "hedges": []}]}]}
    found = "\n".join(we.problems(text, labels))
    for expected in ("outside the sets", "to itself", "differs", "out of range", "no attribution denies",
                     "disagrees with hedges", "source None with kind anonymous"):
        assert expected in found


def test_split_covers_every_story_once():
    lines = [ln.split("\t") for ln in (we.WIRE / "split.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    names = [r[0] for r in lines]
    assert sorted(names) == STORIES and len(set(names)) == len(names)
    assert sorted(p.stem for p in (we.WIRE / "labels").glob("*.json")) == STORIES
    halves = [r[1] for r in lines]
    third = sum(33 <= int(n.split("-")[0]) < 105 or int(n.split("-")[0]) >= 121 for n in names)  # later sets: train
    assert set(halves) <= {"train", "holdout", "holdout2", "holdout3"}
    assert halves.count("train") == halves.count("holdout") + third
    assert all(h == "holdout3" for n, h in zip(names, halves, strict=True) if 105 <= int(n.split("-")[0]) < 121)


def oracle(labels):
    """The answer a perfect service would give: one claim per labelled attribution, linked as labelled."""
    sents = labels["sentences"]
    ids = {s["index"]: [f"w:{s['index']}.{k}" for k in range(len(s["attributions"]))] for s in sents}
    corr, deny = we.gold_links(labels)
    claims = []
    for s in sents:
        i = s["index"]
        partners = sorted({j for p in corr if i in p for j in p if j != i})
        deniers = sorted(d for d, t in deny if t == i)
        for k, a in enumerate(s["attributions"]):
            claims.append({"id": ids[i][k], "start": s["start"], "end": s["end"], "kind": a["kind"],
                           "role": a["role"], "source": {"text": a["source"]} if a["source"] else None,
                           "stance": a["stance"], "hedges": [{"text": h} for h in a.get("hedges", [])],
                           "corroborated_by": [ids[j][0] for j in partners],
                           "denied_by": [ids[d][0] for d in deniers]})
    return claims


def test_an_answer_built_from_the_labels_scores_one():
    tally = we.Tally()
    for story in STORIES:
        _, labels = we.load_story(story)
        we.score_story(labels, oracle(labels), tally, misses := [])
        assert misses == []
    assert we.Tally.figures(tally) == {k: 1.0 for k in we.FIGURES}


def test_no_answer_scores_zero_not_one():
    tally = we.Tally()
    _, labels = we.load_story(STORIES[0])
    we.score_story(labels, [], tally, [])
    figures = tally.figures()
    assert figures["coverage"] == 0.0 and figures["corroboration_link_f1"] == 0.0
    assert all(0.0 <= v <= 1.0 for v in figures.values())


def test_claims_go_to_the_sentence_they_overlap_most():
    spans = [(0, 10), (11, 30)]
    claims = [{"start": 0, "end": 10}, {"start": 8, "end": 30}, {"start": 40, "end": 50}, {"start": None}]
    assert we.assign(claims, spans) == [0, 1, None, None]


def test_source_match_reads_resolved_and_relay_texts():
    claim = {"source": {"text": "she", "resolved": {"text": "Spokeswoman Nadia Perl"},
                        "via": [{"text": "the state news agency LTA", "resolved": None}]}}
    assert we.source_score("a spokeswoman for the office, Nadia Perl", claim) == 3
    assert we.source_score("LTA", claim) == 1
    assert we.source_score("The company", claim) == 0
    assert we.source_score("Lusia's foreign ministry", {"source": {"text": "Lusia"}}) == 1


def test_of_two_claims_sharing_the_source_word_the_closer_source_is_read():
    clerk = {"start": 0, "end": 90, "source": {"text": "A court clerk"}}
    court = {"start": 0, "end": 90, "source": {"text": "the court"}}
    for cands in ([clerk, court], [court, clerk]):  # neither the order nor the shared word decides
        assert we.best_claim({"source": "the court"}, cands, (0, 90)) == (court, True)
        assert we.best_claim({"source": "A court clerk"}, cands, (0, 90)) == (clerk, True)


def test_regex_floor():
    labels = {"sentences": [
        {"index": i, "start": 0, "end": len(t), "text": t, "attributions": [], "corroborates": [], "denies": []}
        for i, t in enumerate(["Vasko said members had not been paid.", "He said it was probably late.",
                               "The ministry dismissed the report.", "Velmar declined to comment.",
                               "According to Irena Budic, the gate was shut."])]}
    got = [(c["kind"], (c["source"] or {}).get("text"), c["stance"], bool(c["hedges"]))
           for c in we.floor_claims(labels)]
    assert got == [("named_person", "Vasko", "asserts", False), ("unattributed", None, "asserts", True),
                   ("unattributed", None, "denies", False), ("unattributed", None, "declines", False),
                   ("named_person", "Irena Budic", "asserts", False)]


def test_skips_without_the_wire_set(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(we, "WIRE", tmp_path / "wire")
    assert we.main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_scorer_runs_on_two_stories(client):
    two = we.stories_of("train")[:2]
    res = we.evaluate(two, client)
    assert res["sentences"] == sum(len(we.load_story(s)[1]["sentences"]) for s in two)
    for side in ("service", "regex_floor"):
        assert set(res[side]) == set(we.FIGURES)
        assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in res[side].values())
    assert set(res["per_story"]) == set(two)


def test_pooled_figures_are_those_of_one_run_over_every_story(client, tmp_path):
    three = we.stories_of("train")[:3]
    folder = tmp_path / "unread"  # a folder laid out as model/data/wire is, as the unread sets are
    for sub, ext in (("stories", "txt"), ("labels", "json")):
        (folder / sub).mkdir(parents=True)
        for s in three[1:]:
            (folder / sub / f"{s}.{ext}").write_bytes((we.WIRE / sub / f"{s}.{ext}").read_bytes())
    assert we.stories_in(folder) == three[1:]
    whole = we.evaluate(three, client)
    parts = we.pooled([we.evaluate(three[:1], client), we.evaluate(we.stories_in(folder), client, wire=folder)])
    for key in ("sentences", "attributions", "service", "regex_floor", "counts"):
        assert parts[key] == whole[key]


def test_untouched_is_every_holdout():
    halves = we.read_split()
    assert we.stories_of("untouched") == sorted(s for s, h in halves.items() if h != "train")
    assert we.stories_of("none") == []
