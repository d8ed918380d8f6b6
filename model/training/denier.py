"""The denier: wire train stories + team PolNeAR train labels -> Pipeline -> artifact ``denier``.
Run: ``python -m model.training.denier``.

Rows are the drafts ``model.attribution.denier.rows`` asks about (sourced, left "asserts" by the rules, content
negating or sweeping), captured as serving computes them with the stage itself off, in every wire TRAIN story
(``model/data/wire``, split.tsv "train" only; never the holdouts nor ``incoming/``) and every team PolNeAR TRAIN
article (``model/data/sourcing``, the held-out articles and their near-duplicates excluded:
``scoreboard.held_out``). A row's label is whether its matched labelled attribution denies (wire: the attribution
of its sentence whose source shares most words, ``wire_labels.matched``; PolNeAR: the shared scorer's match);
unmatched rows are not fitted but are still decided when scoring.

Scored as the release scores: wire denial F1 per labelled sentence as ``bench/wire_eval.py`` counts it (a
sentence denies when any claim of it does), PolNeAR denial F1 per matched sourced attribution, each from the
claims' stance after linking (rebuttals deny too), a flipped claim spreading its denial over its quotation as
the "quotation_stance" stage does. C and the threshold maximise the sum of the two datasets' F1 in 8-fold
cross-validation (wire: whole blocks of eight stories, one annotator round never on both sides; PolNeAR: by
article). The figures reported are nested: each fold decided by a model whose settings were chosen on the other
folds alone; the rules' figures beside them, and the recent wire slice (stories 1201-1384) apart.
Seeded and deterministic: two runs write byte-identical files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from tqdm import tqdm

from model import ATTRIBUTION_ARTIFACTS, artifact
from model.attribution import Pipeline as Attribution
from model.attribution.claims import quotations
from model.attribution.denier import ARTIFACT, FEATURES, DenierFeatures, matrix, rows
from model.attribution.records import Doc
from model.coverage import linked
from model.denial_aim import DenialAim
from model.paraphrase import Paraphrase
from model.training import wire_labels
from model.training.attributions import at_threshold
from model.training.capture import StageRows
from model.training.evaluate import match_index
from model.training.mentions import OUT, POLNEAR, artifact_dir, data_hash, team_train_labels
from model.training.paraphrase import block, sentence_of, story_files, train_stories
from model.training.scoreboard import held_out
from model.types import Document

VERSION = "1.0.0"
SEED = 20261207
FOLDS = 8
GRID = (0.03, 0.1, 0.3, 1.0)  # C of the logistic regression
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)  # P(denies) from which a claim is made a denial
RECENT = (1201, 1384)  # the annotator rounds that write most denials with no denial word


@dataclass(frozen=True)
class Story:
    """One story's or article's rows and what its units (wire: labelled sentences; PolNeAR: matched sourced
    attributions) are: denying by the labels, denying by the rules, and made denying by each row's flip."""

    name: str
    data: str  # "wire" or "polnear"
    group: int  # its fold
    X: np.ndarray
    y: np.ndarray  # 1 denies, 0 not, -1 no labelled attribution matched (not fitted)
    spread: list[frozenset[int]]  # per row: the units a flip makes denying (its quotation's too)
    gold: frozenset[int]
    rules: frozenset[int]


@lru_cache(maxsize=1)
def upstream() -> tuple[dict[str, object], Paraphrase, DenialAim]:
    """Every shipped attribution model but this one, and the linking models, loaded as serving loads them."""
    return ({name: artifact.load(OUT, name)[0] for name in ATTRIBUTION_ARTIFACTS if name != ARTIFACT},
            Paraphrase.load(OUT), DenialAim.load(OUT))


def _run(text: str) -> tuple[list, StageRows]:
    """The claims after linking (the rules' stances, rebuttals included) and the stage's rows, each with the drafts
    its denial spreads to."""
    models, paraphrase, aim = upstream()
    capture = StageRows("denier", _with_quotations)
    doc = Document(id="d", text=text)
    claims = Attribution(timer=capture, models=models)(doc, 0)
    return linked([doc], claims, None, paraphrase, aim)[0], capture


def _with_quotations(doc: Doc) -> tuple[list[int], list[tuple[dict, list[int]]]]:
    """``rows``, each with the drafts its denial spreads to ("quotation_stance": its quotation's)."""
    idx, feats = rows(doc)
    key = quotations(doc)
    spread = [[n] + ([m for m, k in enumerate(key) if k == key[n] and doc.stances[m] != "declines"]
                     if key[n] is not None else []) for n in idx]
    return idx, list(zip(feats, spread, strict=True))


def _story(name: str, data: str, group: int, capture: StageRows, unit_of: dict[int, set[int]],
           labels: dict[int, bool], gold: set[int], rules: set[int]) -> Story:
    y = np.array([int(labels[n]) if n in labels else -1 for n in capture.rows])
    return Story(name, data, group, matrix([f for f, _ in capture.rows.values()]), y,
                 [frozenset(u for m in s for u in unit_of.get(m, ())) for _, s in capture.rows.values()],
                 frozenset(gold), frozenset(rules))


def wire_story(name: str, group: int) -> Story:
    text, labels = wire_labels.read(name)
    claims, capture = _run(text)
    spans = [(s["start"], s["end"]) for s in labels["sentences"]]
    unit_of: dict[int, set[int]] = {}
    for i, c in enumerate(claims):
        k = sentence_of(c.start, c.end, spans)
        if k is not None:
            unit_of[i] = {k}
    gold = {s["index"] for s in labels["sentences"] if any(a["stance"] == "denies" for a in s["attributions"])}
    rules = {u for i, c in enumerate(claims) if c.stance == "denies" for u in unit_of.get(i, ())}
    said: dict[int, bool] = {}
    for i, g in wire_labels.matched(labels, claims):
        said[i] = said.get(i, False) or g["stance"] == "denies"
    return _story(name, "wire", group, capture, unit_of, said, gold, rules)


def polnear_story(name: str, golds: list[dict], group: int) -> Story:
    claims, capture = _run((POLNEAR / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8"))
    unit_of: dict[int, set[int]] = {}
    gold: set[int] = set()
    said: dict[int, bool] = {}
    for u, g in enumerate(x for x in golds if x.get("source")):
        i = match_index(g, claims)
        if i is None:
            continue
        unit_of.setdefault(i, set()).add(u)
        said[i] = said.get(i, False) or g["stance"] == "denies"
        if g["stance"] == "denies":
            gold.add(u)
    rules = {u for i, us in unit_of.items() if claims[i].stance == "denies" for u in us}
    return _story(name, "polnear", group, capture, unit_of, said, gold, rules)


def stories() -> tuple[list[Story], list[dict], list[str]]:
    """Every wire train story and team train article, each with its fold."""
    names = train_stories()
    blocks = sorted({block(n) for n in names})
    fold = {b: i % FOLDS for i, b in enumerate(blocks)}  # as the pair models fold them: whole blocks
    out = [wire_story(n, fold[block(n)]) for n in tqdm(names, desc="wire train stories", unit="story")]
    held = held_out()
    labels = [g for g in team_train_labels() if g["article"] not in held]
    by_article: dict[str, list[dict]] = {}
    for g in labels:
        by_article.setdefault(g["article"], []).append(g)
    articles = sorted(by_article)
    groups = dict(zip(articles, [0] * len(articles), strict=True))
    for k, (_, te) in enumerate(GroupKFold(FOLDS).split(articles, groups=articles)):
        groups.update({articles[i]: k for i in te})
    out += [polnear_story(a, by_article[a], groups[a]) for a in tqdm(articles, desc="team train articles",
                                                                      unit="article")]
    return out, labels, names


def make(C: float) -> Pipeline:
    return Pipeline([("features", DenierFeatures()), ("scale", StandardScaler()),
                     ("logit", LogisticRegression(C=C, max_iter=5000))])


def fit(data: list[Story], C: float) -> Pipeline:
    X = np.vstack([s.X[s.y >= 0] for s in data])
    y = np.concatenate([s.y[s.y >= 0] for s in data])
    model = make(C)  # fitted past its features step: the rows are kept as their matrix already (``matrix``)
    model.named_steps["logit"].fit(model.named_steps["scale"].fit_transform(X), y)
    return model


def proba(model: Pipeline, s: Story) -> np.ndarray:
    if not len(s.y):
        return np.zeros(0)
    return model.named_steps["logit"].predict_proba(model.named_steps["scale"].transform(s.X))[:, 1]


def counts(data: list[Story], p: list[np.ndarray] | None, t: float) -> dict[str, dict[str, float]]:
    """Per dataset (and the recent wire slice): tp, fp, fn and F1 of the units, the rules' denials with every row
    whose probability reaches ``t`` flipped (``p`` None: the rules alone)."""
    out: dict[str, list[int]] = {}
    for k, s in enumerate(data):
        found = set(s.rules)
        if p is not None:
            for spread, q in zip(s.spread, p[k].tolist(), strict=True):
                if q >= t:
                    found |= spread
        names = [s.data] + (["recent"] if s.data == "wire" and RECENT[0] <= int(s.name.split("-")[0]) <= RECENT[1]
                            else [])
        for name in names:
            c = out.setdefault(name, [0, 0, 0])
            c[0] += len(found & s.gold)
            c[1] += len(found - s.gold)
            c[2] += len(s.gold - found)
    return {name: {"tp": tp, "fp": fp, "fn": fn, "f1": round(2 * tp / max(1, 2 * tp + fp + fn), 4)}
            for name, (tp, fp, fn) in sorted(out.items())}


def gain(c: dict[str, dict[str, float]]) -> float:
    """What settings are chosen by: the two datasets' F1, summed (each dataset's own figure, as released)."""
    return c["wire"]["f1"] + c["polnear"]["f1"]


def out_of_fold(data: list[Story], C: float) -> list[np.ndarray]:
    p: list[np.ndarray] = [np.zeros(0)] * len(data)
    for g in sorted({s.group for s in data}):
        model = fit([s for s in data if s.group != g], C)
        for k, s in enumerate(data):
            if s.group == g:
                p[k] = proba(model, s)
    return p


def choose(data: list[Story]) -> tuple[float, float, list[dict]]:
    """C and threshold with the largest summed cross-validated F1 (the smaller C, the higher cut on a tie)."""
    grid: list[dict[str, Any]] = []
    for C in GRID:
        p = out_of_fold(data, C)
        for t in THRESHOLDS:
            c = counts(data, p, t)
            grid.append({"C": C, "threshold": t, "gain": round(gain(c), 4), **c})
    best = max(grid, key=lambda g: (g["gain"], -g["C"], g["threshold"]))
    return best["C"], best["threshold"], grid


def nested(data: list[Story]) -> tuple[dict, list[dict]]:
    """Each fold decided by a model whose C and threshold were chosen on the other folds alone."""
    p: list[np.ndarray] = [np.zeros(0)] * len(data)
    chosen = []
    for g in sorted({s.group for s in data}):
        rest = [s for s in data if s.group != g]
        C, t, _ = choose(rest)
        model = fit(rest, C)
        chosen.append({"fold": g, "C": C, "threshold": t})
        for k, s in enumerate(data):
            if s.group == g:
                p[k] = (proba(model, s) >= t).astype(float)
    return counts(data, p, 1.0), chosen


def main(argv: list[str] | None = None) -> int:
    out = artifact_dir("python -m model.training.denier", __doc__, argv)
    if out is None:
        return 0
    np.random.seed(SEED)
    data, labels, names = stories()
    rules = counts(data, None, 1.0)
    nested_counts, per_fold = nested(data)
    C, threshold, grid = choose(data)
    model = at_threshold(fit(data, C), threshold)
    chosen = next(g for g in grid if g["C"] == C and g["threshold"] == threshold)
    meta = {
        "name": "denier", "version": VERSION,
        "role": "attribution stage model (denier): which sourced claims the denial rules left asserting deny",
        "features": list(FEATURES), "settings": {"C": C, "threshold": threshold}, "seed": SEED,
        "libraries": artifact.library_versions(), "threshold_in_intercept": True,
        "training_data": {"labels": "model/data/wire (train split) and model/data/sourcing (team train split); "
                                    "the holdouts of each and their near-duplicates excluded",
                          "stories": len(names), "articles": len({g["article"] for g in labels}),
                          "rows": int(sum(len(s.y) for s in data)),
                          "labelled_rows": int(sum((s.y >= 0).sum() for s in data)),
                          "denials": int(sum((s.y == 1).sum() for s in data)),
                          "sha256": data_hash(labels, POLNEAR / "train" / "text", *story_files(names))},
        "metrics": {"unit": "wire: labelled sentences (bench/wire_eval.py's denial F1); polnear: matched sourced "
                            "attributions (the shared scorer's denial F1)",
                    "rules": rules, "nested": nested_counts, "nested_settings": per_fold,
                    "grouped_cv": chosen, "grid": grid, "folds": FOLDS},
    }
    written = artifact.write(model, out, ARTIFACT, meta)
    print(f"wrote {ARTIFACT}.joblib sha256 {written['sha256']}; C {C}, threshold {threshold}")
    print(f"{'denial F1':<24}{'rules':>22}{'rules + model (nested)':>34}")
    for name in ("wire", "recent", "polnear"):
        r, m = rules[name], nested_counts[name]
        print(f"{name:<24}{r['f1']:>8.4f} ({r['tp']}/{r['fp']}/{r['fn']})"
              f"{m['f1']:>14.4f} ({m['tp']}/{m['fp']}/{m['fn']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
