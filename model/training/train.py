"""Data -> Pipeline -> artifact + model card.  Run: ``python -m model.training.train``.

Rows come from two places, both run through the same extract -> linked ->
featurize path the service uses (the shipped stance model included):

- Emergent stories (``../shared/data/emergent/stories-train.jsonl``, true or
  false with bodies) except the team's 30 holdout stories
  (``model/data/emergent-holdout.txt``): the claim under check is sent as its
  own first document beside up to 25 bodies, exactly as ``emergent_eval.py``
  does, and the first claim of that document is the row, labelled by real
  veracity.
- The project's labelled examples (``model/data/labelled.jsonl``, see
  ``model/data/GUIDELINE.md``): one target sentence per example.

Validation is nested and grouped by claim: the regularisation strength is
chosen in the inner folds of each outer fold (StratifiedGroupKFold), so the
outer out-of-fold figures never saw the choice; repeated over seeds. The
holdout stories are scored once, by the final model, and only reported. The
label cuts split ordinary news claims (PolNeAR dev) into thirds. Seeded, so
two runs write byte-identical artifacts from the same data and code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.pipeline import Pipeline
from tqdm import tqdm

from model import extract
from model.agreement import Agreement
from model.coverage import linked
from model.features import DIRECTIONS, NAMES, ClaimFeatures
from model.monotone import SignedLogisticRegression
from model.training import card, crossval
from model.training.emergent_split import read_holdout
from model.types import Claim, Document, Links

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EMERGENT = SHARED / "data" / "emergent" / "stories-train.jsonl"
LABELLED = ROOT / "model" / "data" / "labelled.jsonl"
OUT = ROOT / "model" / "artifacts"
MAX_BODIES = 25
SEED = 20141024
# Inverse L2 strengths the inner folds choose from, and the weight of one labelled example against one
# Emergent outcome: the labels are judgements, not outcomes, so each counts half.
C_GRID = (0.1, 0.3, 1.0, 3.0)
LABELLED_WEIGHT = 0.5
ORDINARY = SHARED / "data" / "polnear" / "dev" / "text"  # ordinary news, for the label cuts
VERSION = "2.3.0"
CUTS = (1 / 3, 2 / 3)  # label cuts: quantiles of ordinary news claims' scores (a third low, a third high)


@dataclass(frozen=True)
class Row:
    claim: Claim
    links: Links
    y: int
    group: str
    origin: str  # "emergent" or "labelled"
    pattern: str = ""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def emergent_rows(path: Path, agreement: Agreement, holdout: frozenset[str], held_out: bool = False) -> list[Row]:
    """One row per true/false story with bodies: the training stories, or (``held_out``) only the holdout's."""
    stories = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    stories = [s for s in stories if s["veracity"] in ("true", "false") and s["bodies"]
               and (s["claim_id"] in holdout) == held_out]
    rows = []
    for st in tqdm(stories, desc="emergent holdout" if held_out else "emergent stories", unit="story"):
        docs = [Document(id="claim", text=st["claim"])]
        docs += [Document(id=b["id"], text=b["text"]) for b in st["bodies"][:MAX_BODIES]]
        claims = extract(docs)
        if not claims or claims[0].doc_index != 0:
            continue  # the service would leave it unscored (0.5 in the eval)
        claims, links = linked(docs, claims, agreement)
        rows.append(Row(claims[0], links[0], int(st["veracity"] == "true"), st["claim_id"], "emergent"))
    return rows


def target_index(claims: list[Claim], doc_index: int, start: int, end: int) -> int | None:
    """The claim of document ``doc_index`` overlapping [start, end) the most."""
    best, best_overlap = None, 0
    for i, c in enumerate(claims):
        overlap = min(c.end, end) - max(c.start, start)
        if c.doc_index == doc_index and overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def labelled_rows(path: Path, agreement: Agreement) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ex = json.loads(line)
        docs = [Document(id=d["id"], text=d["text"]) for d in ex["documents"]]
        t = ex["target"]
        start = docs[t["document"]].text.index(t["text"])
        claims = extract(docs)
        i = target_index(claims, t["document"], start, start + len(t["text"]))
        if i is None:
            continue
        claims, links = linked(docs, claims, agreement)
        rows.append(Row(claims[i], links[i], int(ex["held_up"]), ex["id"], "labelled",
                        ex["pattern"]))
    return rows


def build_pipeline(c: float = 1.0) -> Pipeline:
    return Pipeline([("features", ClaimFeatures()),
                     ("model", SignedLogisticRegression(directions=tuple(int(d) for d in DIRECTIONS), C=c))])


def data_record(path: Path, rows: list[Row], origin: str, note: str = "") -> dict:
    mine = [r for r in rows if r.origin == origin]
    base = ROOT.parent if origin == "emergent" else ROOT
    where = ("../" if origin == "emergent" else "") + path.relative_to(base).as_posix()
    record = {"file": where, "sha256": sha256_bytes(path.read_bytes()), "rows": len(mine),
              "positive": sum(r.y for r in mine), "negative": sum(1 - r.y for r in mine)}
    return {**record, "note": note} if note else record


def label_cuts(pipeline: Pipeline, agreement: Agreement) -> dict:
    """Score cuts that put a third of ordinary news claims (PolNeAR dev, each article alone) in each label."""
    scores = []
    for path in sorted(ORDINARY.glob("*.txt")):
        docs = [Document(id="a", text=path.read_text(encoding="utf-8"))]
        claims = extract(docs)
        if claims:
            scores.append(pipeline.predict_proba(list(zip(*linked(docs, claims, agreement), strict=True)))[:, 1])
    shown = np.round(np.concatenate(scores), 4)  # labels follow the score as shown
    return {"medium": cut(shown, CUTS[0]), "high": cut(shown, CUTS[1]), "ordinary_claims": len(shown)}


def cut(shown: np.ndarray, share: float) -> float:
    """The score, among those shown, below which the share of claims is nearest ``share``. Many claims share
    one score (every plain unattributed sentence scores the same, about three in ten), so a quantile can fall
    inside such a mass: the cut goes to one side of it, never through it, and the mass keeps one label."""
    values = np.unique(shown)
    below = np.searchsorted(np.sort(shown), values, side="left") / len(shown)
    return round(float(values[int(np.argmin(np.abs(below - share)))]), 4)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m model.training.train", description=(
        "Train the scorer on Emergent (minus the team holdout) and the labelled examples (seeded), cross-validate "
        "it nested and grouped by claim, score the holdout once, and write the artifact, its metadata, model "
        "card and calibration plot to model/artifacts/.")).parse_args(argv)
    if not EMERGENT.is_file():
        print(f"training skipped: {EMERGENT.name} not found; shared data belongs in ../shared/data/ beside the repo")
        return 0
    agreement = Agreement.load()
    holdout = read_holdout()
    rows = emergent_rows(EMERGENT, agreement, holdout) + labelled_rows(LABELLED, agreement)
    data = [data_record(EMERGENT, rows, "emergent", f"minus the {len(holdout)} holdout stories"),
            data_record(LABELLED, rows, "labelled")]
    X = [(r.claim, r.links) for r in rows]
    y = np.array([r.y for r in rows])
    groups = np.array([r.group for r in rows])
    emergent = np.array([r.origin == "emergent" for r in rows])
    w = np.where(emergent, 1.0, LABELLED_WEIGHT)
    oof, chosen = crossval.nested(build_pipeline, C_GRID, X, y, groups, w, emergent, SEED)
    F = ClaimFeatures().fit(X).transform(X)
    c = crossval.choose(build_pipeline, C_GRID, X, y, groups, w, emergent, SEED)
    pipeline = build_pipeline(c).fit(X, y, model__sample_weight=w)
    thresholds = label_cuts(pipeline, agreement)
    held = emergent_rows(EMERGENT, agreement, holdout, held_out=True)
    report = {
        "cv": {"emergent": crossval.metrics(oof, y, emergent), "labelled": crossval.metrics(oof, y, ~emergent),
               "inner_choices_of_C": chosen},
        "holdout": crossval.holdout_metrics(pipeline, held),
        "single_feature_rules": crossval.single_feature_rules(F, y, groups, w, emergent, NAMES, SEED),
        "base_rate_constant_brier": round(float(np.mean((y[emergent] - y[emergent].mean()) ** 2)), 4),
        "alternatives": crossval.alternatives(X, y, groups, w, emergent, SEED),
        "bands": crossval.bands(oof.mean(axis=0), y, thresholds, emergent),
    }
    report["train_in_sample"] = crossval.metrics(pipeline.predict_proba(X)[None, :, 1], y, emergent)
    card.write(OUT, pipeline, rows, data, report, oof.mean(axis=0), version=VERSION, seed=SEED, thresholds=thresholds,
               hyperparameters={"C": c, "C_grid": list(C_GRID), "labelled_weight": LABELLED_WEIGHT,
                                "max_bodies": MAX_BODIES})
    print(card.summary(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
