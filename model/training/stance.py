"""Denial rules against learned stance models, on the same features and labels.  Run:

    python -m model.training.stance        # seeded; prints the table and writes bench/results/stance-compare.json

Rows: the team's sourcing labels on PolNeAR train (``model/data/sourcing/``, the 32 train articles only:
the 10 holdout articles are never read) matched to the claims the engine finds with its stance stage off
(the shared scorer's rule: content overlap, then source overlap), asserts against denies; plus the
constructed examples of ``model/data/stance/`` (their GUIDELINE.md says who wrote them and how). Refusals
(stance declines) are left out: the refusal rules decide them before any denial is weighed.

Learned models (logistic regression, shallow trees; every row's features from ``model.attribution.denials``)
are scored by grouped cross-validation over the train articles, the constructed examples always in the
training folds; the rules need no training and are scored on the same rows. Both are then scored on the
shared dev labels (``../shared/data/polnear-sourcing/dev.jsonl``), the learned ones fitted on all train
rows. The rules serve because no learned model beat them (the figures are in the README and this
command's output); rerun this when there are more labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold
from sklearn.tree import DecisionTreeClassifier
from tqdm import tqdm

from model.attribution import Pipeline
from model.attribution.denials import FEATURES, Candidate, matrix, rule
from model.training.scoreboard import split_of
from model.types import Claim, Document, Span

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
LABELS = ROOT / "model" / "data" / "sourcing" / "labels"
CONSTRUCTED = ROOT / "model" / "data" / "stance" / "constructed.jsonl"
DEV = SHARED / "data" / "polnear-sourcing" / "dev.jsonl"
OUT = ROOT / "bench" / "results" / "stance-compare.json"
SEED = 20261130
FOLDS = 8  # grouped by article: 32 train articles, four to a fold
THRESHOLDS = (0.3, 0.5, 0.7)  # decision thresholds tried for the learned models (chosen by CV on train)


def _span(s) -> Span | None:
    return None if s is None else Span(s.text, s.start, s.end)


def candidate(text: str, c: Claim) -> Candidate:
    return Candidate(text, c.start, c.end, c.cue, _span(c.source), c.direct_quote)


def _overlap(a: tuple[int, int], b: list[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: dict, claims: list[Claim]) -> Claim | None:
    """The claim the shared scorer would compare with a gold attribution (content, then source overlap)."""
    best, key = None, None
    for c in claims:
        ov = _overlap((c.start, c.end), gold["content"])
        if ov <= 0 or c.source is None:
            continue
        spans = [c.source, c.source.resolved, *c.source.via]
        if not any(s is not None and _overlap((s.start, s.end), gold["source"]) > 0 for s in spans):
            continue
        k = (ov, -(c.end - c.start))
        if key is None or k > key:
            best, key = c, k
    return best


def labelled_rows(gold: list[dict], texts: Path) -> tuple[list[Candidate], list[bool], list[str]]:
    """(candidates, denies?, article) of every matched gold attribution with a source (refusals left out)."""
    engine = Pipeline(disable=["stance"])  # never the stage being compared
    by_article: dict[str, list[dict]] = {}
    for g in gold:
        by_article.setdefault(g["article"], []).append(g)
    xs, ys, groups = [], [], []
    for article, golds in tqdm(sorted(by_article.items()), desc=f"labels {texts.parent.name}", unit="article"):
        text = (texts / f"{article}.txt").read_text(encoding="utf-8")
        claims = engine(Document(id="a", text=text), 0)
        for g in golds:
            c = match(g, claims) if g.get("source") and g["stance"] != "declines" else None
            if c is not None:
                xs.append(candidate(text, c))
                ys.append(g["stance"] == "denies")
                groups.append(article)
    return xs, ys, groups


def constructed_rows() -> tuple[list[Candidate], list[bool]]:
    """Every sourced claim of each constructed example, with the example's stance."""
    engine = Pipeline(disable=["stance"])
    xs, ys = [], []
    for line in CONSTRUCTED.read_text(encoding="utf-8").splitlines():
        ex = json.loads(line)
        for c in engine(Document(id="a", text=ex["text"]), 0):
            if c.source is not None:
                xs.append(candidate(ex["text"], c))
                ys.append(ex["stance"] == "denies")
    return xs, ys


def team_train_gold() -> list[dict]:
    splits = split_of()
    rows = [json.loads(line) for path in sorted(LABELS.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if splits[r["article"]] == "train"]


def learners() -> dict[str, Callable[..., Any]]:
    # Called with no argument: each factory's settings are bound as lambda defaults, which a Callable[[], ...]
    # context cannot type; the estimators are scikit-learn's (untyped, hence Any).
    out: dict[str, Callable[..., Any]] = {}
    for c in (0.3, 1.0, 3.0, 10.0):
        for weight in (None, "balanced"):
            out[f"logistic C={c} {weight or 'unweighted'}"] = (
                lambda c=c, w=weight: LogisticRegression(C=c, class_weight=w, max_iter=5000))
    for depth in (3, 5, 8):
        out[f"tree depth={depth}"] = lambda d=depth: DecisionTreeClassifier(max_depth=d, min_samples_leaf=2,
                                                                         random_state=SEED)
    return out


def compare() -> dict:
    # The labels come as lists and are used as arrays: the lists get their own names so each name has one type.
    xt, yt_list, gt = labelled_rows(team_train_gold(), POLNEAR / "train" / "text")
    xd, yd_list, _ = labelled_rows([json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()],
                                   POLNEAR / "dev" / "text")
    xc, yc_list = constructed_rows()
    mt, md, mc = matrix(xt), matrix(xd), matrix(xc)
    yt, yd, yc = np.array(yt_list), np.array(yd_list), np.array(yc_list)
    rules = {"train": _rules_f1(mt, yt), "dev": _rules_f1(md, yd)}
    folds = list(GroupKFold(FOLDS).split(mt, yt, gt))
    results = {}
    for name, make in tqdm(learners().items(), desc="learned models", unit="model"):
        oof = np.zeros(len(yt))
        for train, test in folds:
            model = make().fit(np.vstack([mt[train], mc]), np.concatenate([yt[train], yc]))
            oof[test] = model.predict_proba(mt[test])[:, 1]
        t = max(THRESHOLDS, key=lambda t: f1_score(yt, oof >= t))
        dev = make().fit(np.vstack([mt, mc]), np.concatenate([yt, yc])).predict_proba(md)[:, 1]
        results[name] = {"threshold": t, "train_cv_f1": round(f1_score(yt, oof >= t), 3),
                         "dev_f1": round(f1_score(yd, dev >= t), 3)}
    best = max(results, key=lambda n: results[n]["train_cv_f1"])
    return {"rows": {"train": len(yt), "train_denies": int(yt.sum()), "dev": len(yd), "dev_denies": int(yd.sum()),
                     "constructed": len(yc), "constructed_denies": int(yc.sum())},
            "features": list(FEATURES), "rules": rules, "learned": results, "best_learned": best}


def _rules_f1(m: np.ndarray, y: np.ndarray) -> float:
    return round(f1_score(y, [rule(dict(zip(FEATURES, r, strict=True))) for r in m]), 3)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.training.stance", description=__doc__.splitlines()[0])
    ap.parse_args(argv)
    if not POLNEAR.is_dir() or not DEV.is_file():
        print(f"skipped: the shared data is expected in {SHARED.name}/ beside the repo")
        return 0
    report = compare()
    best = report["best_learned"]
    print(f"rows: {report['rows']}")
    print(f"{'denial F1':<46}{'train (CV for learned)':>24}{'dev':>8}")
    print(f"{'rules':<46}{report['rules']['train']:>24.3f}{report['rules']['dev']:>8.3f}")
    for name, r in report["learned"].items():
        mark = " (best by train CV)" if name == best else ""
        print(f"{name + mark:<46}{r['train_cv_f1']:>24.3f}{r['dev_f1']:>8.3f}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
