"""Train the stance model and write its artifact.  Run: ``python -m model.training.agreement``.

Data: Emergent's training stories (``../shared/data/emergent/stories-train.jsonl``) minus the team's 30
holdout stories (``model/data/emergent-holdout.txt``), as labelled (claim, text) pairs (see
``agreement_data``). Model: PairFeatures -> StandardScaler -> multinomial LogisticRegression.

Evaluation, all grouped by claim cluster:

1. Nested cross-validation: 5 outer folds; inside each, the regularisation C and the class weighting are
   chosen by macro F1 over the 4 inner folds, the winner is refitted on the outer training folds and
   scored on the outer test fold. Unrelated pairs are drawn inside each fold, so no text crosses folds.
   The baseline's overlap threshold is chosen on the outer training folds the same way.
2. The final hyper-parameters are the best by the same folds (plain CV); the model is fitted on every
   non-holdout story and scored once on the 30 holdout stories, which nothing was tuned on.
3. Emergent's real question: each true/false story ranked by its bodies' mean P(agrees) - P(denies),
   ROC AUC out of fold and on the holdout, beside the regex over the bodies.
4. Sentences: each holdout body split into sentences, each sentence paired with its claim.

Seeded, so a rerun writes byte-identical ``model/artifacts/agreement.{joblib,json}``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from tqdm import tqdm

from model import artifact
from model.agreement import ARTIFACTS, NAME
from model.agreement_features import PairFeatures, Pairs, lexicon_from_files
from model.training import agreement_eval as ev
from model.training.agreement_data import (
    CLASSES,
    Example,
    Story,
    claim_similarity,
    load_stories,
    story_folds,
    with_unrelated,
)
from model.training.emergent_split import EMERGENT, HOLDOUT, read_holdout

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261130
FOLDS = 5
MAX_BODIES = 25  # as ../shared/eval/emergent_eval.py sends a story
VERSION = "1.0.0"
GRID = tuple(itertools.product((0.03, 0.1, 0.3, 1.0), (None, "balanced")))  # (C, class_weight)
LEXICON_FILES = ("refuting.txt", "supporting.txt", "discussing.txt", "negation.txt")


def make_pipeline(c: float, class_weight: str | None, lexicon=None) -> Pipeline:
    return Pipeline([("features", PairFeatures(lexicon=lexicon)), ("scale", StandardScaler(with_mean=False)),
                     ("model", LogisticRegression(C=c, class_weight=class_weight, max_iter=5000))])


@dataclass
class Split:
    """Features of one training set, fitted once, and of the folds scored against it."""

    features: PairFeatures
    scaler: StandardScaler
    x_train: object
    y_train: np.ndarray
    x_test: dict[int, object]
    model: LogisticRegression | None = None

    def transform(self, pairs: list[tuple[str, str]]):
        return self.scaler.transform(self.features.transform(pairs))


def fold_data(train: list[Story], sim: np.ndarray, folds: np.ndarray) -> list[list[Example]]:
    """Per fold, its stories' labelled pairs with unrelated pairs drawn inside the fold."""
    out = []
    for k in range(FOLDS):
        idx = np.nonzero(folds == k)[0]
        out.append(with_unrelated([train[i] for i in idx], sim[np.ix_(idx, idx)], SEED + k))
    return out


def pairs_of(examples: list[Example]) -> list[tuple[str, str]]:
    return [(e.claim, e.text) for e in examples]


def featurize(data: list[list[Example]], train_folds: tuple[int, ...], test_folds: tuple[int, ...],
              lexicon) -> Split:
    rows = [e for k in train_folds for e in data[k]]
    features = PairFeatures(lexicon=lexicon).fit(pairs_of(rows))
    x = features.transform(pairs_of(rows))
    scaler = StandardScaler(with_mean=False).fit(x)
    tests = {k: scaler.transform(features.transform(pairs_of(data[k]))) for k in test_folds}
    return Split(features, scaler, scaler.transform(x), np.array([e.label for e in rows]), tests)


def classifier(c: float, class_weight: str | None) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight=class_weight, max_iter=5000)


def nested_cv(data: list[list[Example]], lexicon, progress: tqdm) -> dict:
    """Outer-fold predictions with inner-fold model choice; also every setting's outer-fold predictions."""
    labels = [np.array([e.label for e in data[k]]) for k in range(FOLDS)]
    inner_cache: dict[tuple[int, ...], Split] = {}
    outer_pred: dict[int, np.ndarray] = {}
    by_setting: dict[tuple, dict[int, np.ndarray]] = {s: {} for s in GRID}
    chosen = []
    outer_splits: dict[int, Split] = {}
    for k in range(FOLDS):
        inner_scores: dict[tuple, tuple[list[str], list[str]]] = {s: ([], []) for s in GRID}
        for j in (j for j in range(FOLDS) if j != k):
            train_folds = tuple(f for f in range(FOLDS) if f not in (j, k))
            split = inner_cache.get(train_folds)
            if split is None:
                split = inner_cache[train_folds] = featurize(data, train_folds, tuple(sorted((j, k))), lexicon)
            for s in GRID:
                pred = classifier(*s).fit(split.x_train, split.y_train).predict(split.x_test[j])
                inner_scores[s][0].extend(labels[j])
                inner_scores[s][1].extend(pred)
            progress.update(1)
        best = max(GRID, key=lambda s: (ev.macro_f1(*inner_scores[s]), -GRID.index(s)))
        chosen.append(best)
        outer = outer_splits[k] = featurize(data, tuple(f for f in range(FOLDS) if f != k), (k,), lexicon)
        for s in GRID:
            model = classifier(*s).fit(outer.x_train, outer.y_train)
            by_setting[s][k] = model.predict(outer.x_test[k])
            if s == best:
                outer_pred[k] = by_setting[s][k]
                outer.model = model
        progress.update(1)
    return {"pred": outer_pred, "chosen": chosen, "by_setting": by_setting,
            "labels": labels, "splits": outer_splits}


def baseline_cv(data: list[list[Example]]) -> tuple[np.ndarray, list[float]]:
    """The overlap + refuting-regex baseline, its threshold chosen on each outer fold's training folds."""
    inputs = [ev.baseline_inputs(pairs_of(d)) for d in data]
    labels = [[e.label for e in d] for d in data]
    preds, thresholds = [], []
    for k in range(FOLDS):
        rest = [f for f in range(FOLDS) if f != k]
        t = ev.baseline_fit(np.concatenate([inputs[f][0] for f in rest]),
                            np.concatenate([inputs[f][1] for f in rest]), [y for f in rest for y in labels[f]])
        thresholds.append(t)
        preds.append(ev.baseline_predict(*inputs[k], t))
    return np.concatenate(preds), thresholds


def body_pairs(stories: list[Story]) -> tuple[list[tuple[str, str]], np.ndarray]:
    """(claim, body) for up to MAX_BODIES bodies per story (ties included), and each pair's story index."""
    pairs, owner = [], []
    for i, s in enumerate(stories):
        for text, _ in s.bodies[:MAX_BODIES]:
            pairs.append((s.claim, text))
            owner.append(i)
    return pairs, np.asarray(owner, dtype=np.int64)


def veracity(stories: list[Story], proba: np.ndarray, owner: np.ndarray) -> dict:
    """AUC of true above false stories: the model's two story scores and the regex over the bodies."""
    keep = [i for i, s in enumerate(stories) if s.veracity in ("true", "false") and s.bodies]
    truth = [stories[i].veracity == "true" for i in keep]
    scores = ev.story_scores(proba, owner, len(stories))
    regex = ev.regex_scores([[t for t, _ in s.bodies[:MAX_BODIES]] for s in stories])
    out = {name: ev.veracity_auc(truth, v[keep]) for name, v in scores.items()}
    out["regex_baseline"] = ev.veracity_auc(truth, regex[keep])
    out["stories"] = len(keep)
    return out


def sentence_check(model: Pipeline, stories: list[Story], rng: np.random.Generator) -> dict:
    """How the model reads single sentences: each body's sentences against its own claim (by the body's
    label) and against another story's claim (should be unrelated)."""
    # The per-sentence lists become arrays below, under the lists' names without "_list".
    pairs, body_label, owner_list, foreign_list = [], [], [], []
    body_id = 0
    for i, s in enumerate(stories):
        other = stories[(i + 1 + int(rng.integers(len(stories) - 1))) % len(stories)]
        for text, label in s.bodies[:MAX_BODIES]:
            for sentence in ev.sentences(text):
                pairs += [(s.claim, sentence), (other.claim, sentence)]
                owner_list += [body_id, body_id]
                foreign_list += [False, True]
            body_label.append(label or "tie")
            body_id += 1
    proba = model.predict_proba(Pairs.of(pairs))
    pred = proba.argmax(axis=1)
    foreign = np.asarray(foreign_list)
    owner_body = np.asarray(owner_list)
    out: dict[str, float | dict[str, float]]  # figures, and per body label its sentences' class shares
    out = {"sentences": int((~foreign).sum()), "bodies": body_id,
           "foreign_claim_unrelated": round(float((pred[foreign] == 3).mean()), 3)}
    own = ~foreign
    for label in ("agrees", "denies", "discusses"):
        mask = own & np.isin(owner_body, [b for b, lab in enumerate(body_label) if lab == label])
        shares = np.bincount(pred[mask], minlength=4) / max(1, mask.sum())
        out[f"{label}_bodies_sentence_shares"] = dict(zip(CLASSES, np.round(shares, 3).tolist(), strict=True))
    # Does the body's most denying sentence find the denying bodies? (own claim only)
    max_deny = np.zeros(body_id)
    np.maximum.at(max_deny, owner_body[own], proba[own, 1])
    labelled = np.array([lab in ("agrees", "denies", "discusses") for lab in body_label])
    is_deny = np.array([lab == "denies" for lab in body_label])
    out["denies_body_auc_by_max_sentence"] = round(float(roc_auc_score(is_deny[labelled],
                                                                       max_deny[labelled])), 3)
    return out


def data_hash(*paths: Path) -> str:
    digest = hashlib.sha256()
    for p in paths:
        digest.update(p.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ARTIFACTS, help="artifact directory (default model/artifacts)")
    parser.add_argument("--body-labels", choices=("composed", "majority"), default="composed",
                        help="how body stance votes become labels (see model/training/agreement_data.py)")
    args = parser.parse_args(argv)
    if not EMERGENT.is_file() or not HOLDOUT.is_file():
        print(f"skipped: needs {EMERGENT.name} in ../shared/data/emergent beside the repository and "
              f"{HOLDOUT.relative_to(ROOT)}")
        return 1
    return train(args.out, args.body_labels)


def train(out: Path, body_labels: str) -> int:
    stories = load_stories(EMERGENT, body_labels)
    held = read_holdout()
    train_stories = [s for s in stories if s.claim_id not in held]
    holdout = [s for s in stories if s.claim_id in held]
    lexicon = lexicon_from_files()
    sim = claim_similarity(train_stories)
    folds = story_folds(train_stories, sim, FOLDS, SEED)
    data = fold_data(train_stories, sim, folds)
    progress = tqdm(total=FOLDS * FOLDS + 4, desc="stance model", unit="step")

    cv = nested_cv(data, lexicon, progress)
    y_all = np.concatenate(cv["labels"])
    pred_all = np.concatenate([cv["pred"][k] for k in range(FOLDS)])
    kinds = np.array([e.kind for d in data for e in d])
    base_pred, thresholds = baseline_cv(data)
    cv_report = {"model": ev.stance_report(y_all, pred_all),
                 "headlines": ev.stance_report(y_all[kinds == "headline"], pred_all[kinds == "headline"]),
                 "bodies": ev.stance_report(y_all[kinds == "body"], pred_all[kinds == "body"]),
                 "baseline": ev.stance_report(y_all, base_pred), "baseline_thresholds": thresholds,
                 "chosen": [{"C": c, "class_weight": w} for c, w in cv["chosen"]],
                 "fold_macro_f1": [round(ev.macro_f1(cv["labels"][k], cv["pred"][k]), 3) for k in range(FOLDS)]}
    # Emergent's question, out of fold: each fold's stories' bodies scored by that fold's outer model.
    proba, owner = np.zeros((0, 4)), np.zeros(0, dtype=np.int64)
    for k in range(FOLDS):
        idx = np.nonzero(folds == k)[0]
        pairs, own = body_pairs([train_stories[i] for i in idx])
        split = cv["splits"][k]
        x = split.transform(pairs)
        proba = np.vstack([proba, split.model.predict_proba(x)])
        owner = np.concatenate([owner, idx[own]])
    cv_report["veracity"] = veracity(train_stories, proba, owner)
    progress.update(1)

    # Final settings: the best by the same folds' outer predictions; fitted on every non-holdout story.
    final = max(GRID, key=lambda s: (ev.macro_f1(y_all, np.concatenate([cv["by_setting"][s][k]
                                                                        for k in range(FOLDS)])), -GRID.index(s)))
    every = with_unrelated(train_stories, sim, SEED)
    model = make_pipeline(*final, lexicon=lexicon).fit(pairs_of(every), [e.label for e in every])
    progress.update(1)

    hold_sim = claim_similarity(holdout)
    hold_examples = with_unrelated(holdout, hold_sim, SEED)
    hold_pred = model.predict(pairs_of(hold_examples))
    hold_y = [e.label for e in hold_examples]
    threshold = ev.baseline_fit(*ev.baseline_inputs(pairs_of(every)), [e.label for e in every])
    hold_base = ev.baseline_predict(*ev.baseline_inputs(pairs_of(hold_examples)), threshold)
    pairs, own = body_pairs(holdout)
    hold_report = {"model": ev.stance_report(hold_y, hold_pred), "baseline": ev.stance_report(hold_y, hold_base),
                   "baseline_threshold": threshold,
                   "veracity": veracity(holdout, model.predict_proba(Pairs.of(pairs)), own),
                   "sentences": sentence_check(model, holdout, np.random.default_rng(SEED))}
    progress.update(1)

    meta = metadata(model, final, every, train_stories, holdout, cv_report, hold_report)
    meta["training_data"]["body_labels"] = body_labels
    written = artifact.write(model, out, NAME, meta)
    progress.update(1)
    progress.close()
    print(json.dumps({"cv": cv_report, "holdout": hold_report}, indent=1))
    print(f"wrote {NAME}.joblib ({written['sha256'][:16]}…) and {NAME}.json to {out}")
    return 0


def metadata(model: Pipeline, final: tuple, every: list[Example], train_stories: list[Story],
             holdout: list[Story], cv_report: dict, hold_report: dict) -> dict:
    lex_dir = ROOT / "model" / "lexicon"
    counts = Counter((e.kind, e.label) for e in every)
    return {
        "name": NAME, "version": VERSION,
        "task": "stance of a text (sentence, headline or body) towards a claim",
        "pipeline": "PairFeatures -> StandardScaler(with_mean=False) -> LogisticRegression (multinomial)",
        "classes": [str(c) for c in model.classes_],
        "hyperparameters": {"C": final[0], "class_weight": final[1], "grid": [list(s) for s in GRID]},
        "features": [str(n) for n in model[0].get_feature_names_out()],
        "libraries": artifact.library_versions(),
        "training_data": {
            "file": "../shared/data/emergent/stories-train.jsonl", "sha256": data_hash(EMERGENT),
            "holdout_file": str(HOLDOUT.relative_to(ROOT)), "holdout_sha256": data_hash(HOLDOUT),
            "lexicon_sha256": data_hash(*(lex_dir / f for f in LEXICON_FILES)),
            "stories": len(train_stories), "holdout_stories_excluded": len(holdout),
            "pairs": {kind: {label: counts[(kind, label)] for label in CLASSES} for kind in ("headline", "body")},
        },
        "metrics": {"grouped_nested_cv": cv_report, "holdout": hold_report},
        "command": "python -m model.training.agreement",
    }


if __name__ == "__main__":
    sys.exit(main())
