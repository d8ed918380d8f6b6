"""How far the untouched figures move by the luck of which texts were labelled: bootstrap intervals per figure,
and the paired difference between two trees' answers on the same texts.

    .venv/bin/python bench/noise.py counts bench/out/noise-main.json --add model/data/wire/incoming
    .venv/bin/python bench/noise.py counts bench/out/noise-start.json --tree bench/out/revision-START --add ...
    .venv/bin/python bench/noise.py compare bench/out/noise-main.json bench/out/noise-start.json

``counts`` posts every untouched text to the service of ``--tree`` (a checkout of the repository; this one by
default) and writes one row of counts per text: per article of the three PolNeAR team holdouts (38 articles,
matched by the shared sourcing scorer's own ``match``), per story of the wire holdouts and of every ``--add``
folder (scored by ``bench/wire_eval.py``). The gold is always this checkout's, so two trees are read on the same
labels. Summed, the rows give the figures those scorers print.

``compare`` prints each figure with a 95 % percentile interval over texts drawn with replacement (articles for
PolNeAR, stories for the wire; seeded), and, given a second file, the paired difference first - second on the
same draws and its interval. A move whose interval holds 0 is within what the choice of texts alone produces.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import SHARED, machine_line  # noqa: E402
from bench.wire_eval import Tally  # noqa: E402

LABELS = ROOT / "model" / "data" / "sourcing"
HOLDOUTS = ("holdout", "holdout2", "holdout3")
DRAWS = 2000
SEED = 20261207
LEVEL = 0.95
Counts = dict[str, int]
# (figure, first value, its interval, second value, interval of first - second): the second pair None alone.
Row = tuple[str, float, tuple[float, float], float | None, tuple[float, float] | None]


# ---------------------------------------------------------------- PolNeAR team holdouts


def holdout_labels() -> dict[str, list[dict[str, Any]]]:
    """article -> its labelled attributions, for every article of the three team holdouts."""
    split = {}
    for line in (LABELS / "batches.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            split[cols[2]] = cols[1]
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((LABELS / "labels").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if row and split.get(row["article"]) in HOLDOUTS:
                out.setdefault(row["article"], []).append(row)
    return out


def shared_match() -> Callable[[dict, list], int | None]:
    """The shared sourcing scorer's matching of a labelled attribution to a predicted claim."""
    spec = importlib.util.spec_from_file_location("polnear_sourcing_eval",
                                                  SHARED / "eval" / "polnear_sourcing_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.match


def article_counts(golds: Sequence[dict[str, Any]], preds: list[dict[str, Any]],
                   match: Callable[[dict, list], int | None]) -> Counts:
    """The counts behind the shared scorer's figures, for one article (its own loop, counted the same way)."""
    n = Tally()
    for g in golds:
        n.add("gold")
        kind = g["kind"]
        n.add("anonymous_gold", kind == "anonymous")
        i = match(g, preds)
        if i is None:
            continue
        p = preds[i]
        n.add("matched")
        n.add("kind_ok", p.get("kind") == kind)
        n.add(f"matched[{kind}]")
        n.add(f"ok[{kind}]", p.get("kind") == kind)
        n.binary("anonymous", kind == "anonymous", p.get("kind") == "anonymous")
        n.add("anonymous_e2e", kind == "anonymous" and p.get("kind") == "anonymous")
        if not g.get("source"):
            continue
        n.add("matched_src")
        n.add("role_ok", p.get("role") == g.get("role"))
        n.binary("official", g.get("role") == "official", p.get("role") == "official")
        n.binary("denial", g.get("stance") == "denies", p.get("stance") == "denies")
        n.binary("hedged", bool(g.get("hedges")), bool(p.get("hedges")))
    return n.n


def polnear_figures(n: Counts) -> dict[str, float]:
    """The shared scorer's figures from summed counts (a ratio with nothing behind it is 0)."""
    tally = _tally(n)
    ratio, f1 = tally.ratio, tally.f1
    return {"coverage": ratio("matched", "gold"), "kind_acc": ratio("kind_ok", "matched"),
            "kind_acc[named_organization]": ratio("ok[named_organization]", "matched[named_organization]"),
            "role_acc": ratio("role_ok", "matched_src"), "anonymous_f1": f1("anonymous"),
            "anonymous_recall": ratio("anonymous_e2e", "anonymous_gold"), "denial_f1": f1("denial"),
            "official_f1": f1("official"), "hedged_f1": f1("hedged")}


def _tally(n: Counts) -> Tally:
    """Summed counts as the wire scorer's ``Tally``, whose ratios and F1s both scorers' figures use."""
    tally = Tally()
    tally.n = dict(n)
    return tally


# ---------------------------------------------------------------- wire stories


WIRE_FIGURES = ("corroboration_link_f1", "denial_link_f1", "coverage", "kind_acc", "kind_acc_named_org",
                "role_acc", "denial_f1", "declines_f1")


def wire_figures(n: Counts) -> dict[str, float]:
    figures = _tally(n).figures()
    return {k: figures[k] for k in WIRE_FIGURES}


# ---------------------------------------------------------------- the two commands


def counts(out: Path, tree: Path, add: list[Path]) -> int:
    from bench.wire_eval import evaluate, stories_in, stories_of

    match = shared_match()
    sys.path.insert(0, str(tree.resolve()))  # the service (and its model package) of that tree answers
    from service import create_app

    logging.getLogger("service.access").setLevel(logging.WARNING)  # one access line per text is noise here
    client = create_app().test_client()
    model = client.get("/v1/model").get_json()
    polnear = {}
    text_dir = SHARED / "data" / "polnear" / "train" / "text"
    for article, golds in holdout_labels().items():
        text = (text_dir / f"{article}.txt").read_text(encoding="utf-8")
        body = client.post("/v1/score", json={"documents": [{"id": article, "text": text}]}).get_json()
        preds = [c for d in body["documents"] for c in d.get("claims") or []]
        polnear[article] = article_counts(golds, preds, match)
    wire: dict[str, Counts] = {}
    groups = [(stories_of(split), None) for split in HOLDOUTS] + [(stories_in(d), d) for d in add]
    for stories, folder in groups:
        res = evaluate(stories, client) if folder is None else evaluate(stories, client, wire=folder)
        wire.update({story: row["counts"] for story, row in res["per_story"].items()})
    out.write_text(json.dumps({"tree": str(tree), "models": _models(model), "polnear": polnear,
                               "wire": wire}, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{out}: {len(polnear)} PolNeAR articles, {len(wire)} wire stories, answered by {tree}")
    return 0


def _models(model: dict[str, Any]) -> dict[str, str]:
    """name -> sha256 of every artifact the tree's service lists: which models answered."""
    listed = [a for a in model.get("artifacts", []) if a.get("name") and a.get("sha256")]
    return {"scorer": model.get("sha256", "")} | {a["name"]: a["sha256"] for a in listed}


def draws(units: int, seed: int = SEED, n: int = DRAWS) -> np.ndarray:
    """``n`` bootstrap draws of ``units`` indices each, with replacement, seeded."""
    return np.random.default_rng(seed).integers(0, units, size=(n, units))


def summed(rows: Sequence[Counts], keys: Sequence[str], picks: np.ndarray) -> list[Counts]:
    """For each draw, the rows it picked summed into one set of counts."""
    table = np.array([[row.get(k, 0) for k in keys] for row in rows], dtype=np.int64)
    return [dict(zip(keys, totals.tolist(), strict=True)) for totals in table[picks].sum(axis=1)]


def interval(values: Sequence[float], level: float = LEVEL) -> tuple[float, float]:
    lo, hi = np.quantile(np.asarray(values), [(1 - level) / 2, (1 + level) / 2])
    return float(lo), float(hi)


def compare_rows(new: dict[str, Counts], old: dict[str, Counts] | None,
                 figures: Callable[[Counts], dict[str, float]]) -> list[Row]:
    """(figure, new value, its interval, old value, interval of new - old) for each figure, on shared draws."""
    units = sorted(new)
    if old is not None and set(old) != set(new):
        raise SystemExit("the two files hold different texts: read both trees on the same --add folders")
    keys = sorted({k for rows in (new, old or {}) for row in rows.values() for k in row})
    picks = draws(len(units))
    boot_new = [figures(c) for c in summed([new[u] for u in units], keys, picks)]
    boot_old = [figures(c) for c in summed([old[u] for u in units], keys, picks)] if old is not None else None
    whole_new = figures(_total(new.values()))
    whole_old = figures(_total(old.values())) if old is not None else None
    out: list[Row] = []
    for name, value in whole_new.items():
        spread = interval([b[name] for b in boot_new])
        if boot_old is None or whole_old is None:
            out.append((name, value, spread, None, None))
        else:
            moved = interval([b[name] - o[name] for b, o in zip(boot_new, boot_old, strict=True)])
            out.append((name, value, spread, whole_old[name], moved))
    return out


def _total(rows: Any) -> Counts:
    out: Counts = {}
    for row in rows:
        for k, v in row.items():
            out[k] = out.get(k, 0) + v
    return out


def compare(new_path: Path, old_path: Path | None) -> int:
    new = json.loads(new_path.read_text(encoding="utf-8"))
    old = json.loads(old_path.read_text(encoding="utf-8")) if old_path else None
    print(machine_line())
    print(f"first: {new['tree']} (scorer {new['models']['scorer'][:12]})"
          + (f"; second: {old['tree']} (scorer {old['models']['scorer'][:12]})" if old else ""))
    print(f"{DRAWS} draws with replacement, seed {SEED}; {int(LEVEL * 100)} % percentile intervals")
    for title, key, figures in (("PolNeAR team holdouts", "polnear", polnear_figures),
                                ("wire, untouched stories", "wire", wire_figures)):
        print(f"\n{title}: {len(new[key])} texts")
        print(f"{'figure':<30}{'first':>8}{'interval':>17}" + (f"{'second':>9}{'first - second':>16}{'interval':>19}"
                                                              if old else ""))
        for name, value, (lo, hi), before, moved in compare_rows(new[key], old[key] if old else None, figures):
            line = f"{name:<30}{value:>8.3f}{f'{lo:.3f}-{hi:.3f}':>17}"
            if before is not None and moved is not None:
                line += f"{before:>9.3f}{value - before:>+16.3f}{f'{moved[0]:+.3f} to {moved[1]:+.3f}':>19}"
            print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python bench/noise.py", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("counts", help="read the untouched texts with one tree's service; write the counts")
    c.add_argument("out", type=Path)
    c.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose service answers (default: this)")
    c.add_argument("--add", type=Path, action="append", default=[], metavar="DIR",
                   help="a folder of unread wire stories (stories/ and labels/), pooled with the holdouts")
    m = sub.add_parser("compare", help="figures with intervals, and the paired difference of two count files")
    m.add_argument("first", type=Path)
    m.add_argument("second", type=Path, nargs="?")
    args = ap.parse_args(argv)
    if args.command == "compare":
        return compare(args.first, args.second)
    if not (SHARED / "eval").is_dir():
        print("skipped: the shared data and scorers are expected in ../shared beside the repository")
        return 0
    return counts(args.out, args.tree, args.add)


if __name__ == "__main__":
    sys.exit(main())
