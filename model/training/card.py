"""Write the trained Pipeline as an artifact: joblib + JSON metadata + model card + calibration plot."""

from __future__ import annotations

import json
import platform
from dataclasses import replace
from pathlib import Path

import joblib
import matplotlib
import numpy as np
import scipy
import sklearn

from model.artifact import sha256_file
from model.features import FEATURES, reference_claim
from model.scorer import JOBLIB, META
from model.types import Links

matplotlib.use("Agg")
import matplotlib.pyplot as plt

NAME = "sourcing-logit"
BASE_RATE_NOTE = ("Calibrated to the training mix: Emergent rumours are about 2 in 3 false, so a score of 0.3 on "
                  "an ordinary wire sentence is not 'probably false'; read scores relative to each other and to the "
                  "reference claim, not as absolute odds for everyday news.")
EXPLANATION = ("Exact for the logistic model: feature j moves the logit by coef_j * (x_j - x_ref_j) against the "
               "reference claim (a named person, cued, unhedged, asserting, unlinked); those logit shares are "
               "rescaled by (score - reference score) / (logit - reference logit), so the effects, in score units, "
               "sum exactly to score - reference score. Largest |effect| first; zero effects are omitted.")


def examples(pipeline) -> list[tuple[str, float]]:
    """Scores of a few variations of the reference claim (exact model outputs)."""
    claim, _ = reference_claim()
    assert claim.cue is not None  # the reference claim is cued ("said"), see reference_claim()
    anon = replace(claim, kind="anonymous", anonymity="individual", entity="")
    rows = [
        ("reference: named person, cued, unlinked", claim, Links()),
        ("same, anonymous source, no reason given", anon, Links()),
        ("same, named official", replace(claim, role="official"), Links()),
        ("same, hedged", replace(claim, hedges=(claim.cue,)), Links()),
        ("same, unattributed", replace(claim, kind="unattributed", source=None, cue=None, entity=""), Links()),
        ("reference + 2 independent named sources", claim,
         Links(corroborated_by=("x:1", "y:1"), corroborating_sources=2, corroborating_named=2)),
        ("reference + an official denial", claim, Links(denied_by=("x:2",), official_denial=True)),
    ]
    p = pipeline.predict_proba([(c, lk) for _, c, lk in rows])[:, 1]
    return [(label, round(float(v), 3)) for (label, _, _), v in zip(rows, p, strict=True)]


def feature_table(pipeline) -> list[dict]:
    model = pipeline[-1]
    ref_x = pipeline[:-1].transform([reference_claim()])[0]
    z_ref = float(ref_x @ model.coef_[0] + model.intercept_[0])
    out = []
    for j, (name, direction) in enumerate(FEATURES.items()):
        w = float(model.coef_[0][j])
        unit = 0.5 if name == "denial_share" else float(np.log1p(1)) if name.startswith(("corrob", "denied",
                                                                                          "contradicted")) else 1.0
        effect = 1 / (1 + np.exp(-(z_ref + w * unit))) - 1 / (1 + np.exp(-z_ref))
        out.append({"name": name, "direction": direction, "coefficient": round(w, 4), "unit": round(unit, 4),
                    "effect_at_reference": round(float(effect), 4)})
    return out


def calibration_plot(path: Path, p: np.ndarray, y: np.ndarray) -> None:
    fig, (ax, hx) = plt.subplots(2, 1, figsize=(5, 6), height_ratios=(3, 1), sharex=True)
    edges = np.quantile(p, np.linspace(0, 1, 6))
    idx = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, 4)
    xs = [p[idx == b].mean() for b in range(5) if (idx == b).any()]
    ys = [y[idx == b].mean() for b in range(5) if (idx == b).any()]
    ax.plot([0, 1], [0, 1], ls=":", c="grey", label="perfect")
    ax.plot(xs, ys, "o-", label="out-of-fold, quintiles")
    ax.set_ylabel("share that held up")
    ax.set_title("Emergent claims under check (grouped CV)")
    ax.legend(loc="upper left")
    hx.hist(p, bins=20, range=(0, 1))
    hx.set_xlabel("score")
    fig.tight_layout()
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)


def write(out: Path, pipeline, rows: list, data: list[dict], report: dict, oof: np.ndarray, *,
          version: str, seed: int, thresholds: dict, hyperparameters: dict) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(pipeline, out / JOBLIB)
    y = np.array([r.y for r in rows])
    emergent = np.array([r.origin == "emergent" for r in rows])
    calibration_plot(out / "calibration.png", oof[emergent], y[emergent])
    patterns: dict[str, int] = {}
    for r in rows:
        if r.origin == "labelled":
            patterns[r.pattern] = patterns.get(r.pattern, 0) + 1
    meta = {
        "name": NAME, "version": version, "sha256": sha256_file(out / JOBLIB),
        "pipeline": "ClaimFeatures -> SignedLogisticRegression (L2, sign-bounded coefficients, L-BFGS-B)",
        "hyperparameters": {**hyperparameters, "seed": seed},
        "features": feature_table(pipeline),
        "intercept": round(float(pipeline[-1].intercept_[0]), 4),
        "training_data": {"sets": data, "labelled_patterns": dict(sorted(patterns.items()))},
        "base_rate": {"emergent_true_share": round(float(y[emergent].mean()), 4),
                      "training_true_share": round(float(y.mean()), 4), "note": BASE_RATE_NOTE},
        "thresholds": thresholds, "metrics": report, "explanation": EXPLANATION,
        "reference_score": examples(pipeline)[0][1], "examples": examples(pipeline),
        "libraries": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                      "numpy": np.__version__, "scipy": scipy.__version__, "joblib": joblib.__version__},
        "artifacts": [{"name": NAME, "file": JOBLIB, "role": "scoring Pipeline"},
                      {"file": META, "role": "metadata"}, {"file": "CARD.md", "role": "model card"},
                      {"file": "calibration.png", "role": "calibration plot"}],
    }
    (out / META).write_text(json.dumps(meta, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    (out / "CARD.md").write_text(markdown(meta), encoding="utf-8")
    return meta


def _counts(values: list) -> str:
    return ", ".join(f"{v} x{values.count(v)}" for v in sorted(set(values)))


def summary(report: dict) -> str:
    cv, best, held = report["cv"]["emergent"], report["single_feature_rules"][0], report.get("holdout") or {}
    out = (f"nested grouped CV (Emergent claim under check): AUC {cv['roc_auc']:.3f} Brier {cv['brier']:.3f}; "
           f"best single-feature rule {best['feature']}: AUC {best['roc_auc']:.3f} Brier {best['brier']:.3f}")
    if held:
        out += (f"; team holdout ({held['rows']} stories, scored once): AUC {held['roc_auc']:.3f} "
                f"Brier {held['brier']:.3f}")
    return out


def markdown(meta: dict) -> str:
    r = meta["metrics"]
    cv, lab, best = r["cv"]["emergent"], r["cv"]["labelled"], r["single_feature_rules"][0]
    lines = [
        f"# Model card: {meta['name']} {meta['version']}", "",
        f"sha256 of `{JOBLIB}`: `{meta['sha256']}`", "",
        "Scores how well a claim holds up *as sourced*: a calibrated probability from a logistic model over named "
        "sourcing features, monotone by construction (each coefficient's sign is bounded).", "",
        "## Base rate", "", meta["base_rate"]["note"],
        f"Share true: Emergent rows {meta['base_rate']['emergent_true_share']}, all training rows "
        f"{meta['base_rate']['training_true_share']}.", "",
        "## Training data", "", "| set | file | sha256 | rows | held up | not |", "|---|---|---|---|---|---|",
        *[f"| {d['file'].split('/')[-1]} | `{d['file']}` | `{d['sha256'][:16]}…` | {d['rows']} | {d['positive']} | "
          f"{d['negative']} |" for d in meta["training_data"]["sets"]], "",
        "Labelled examples per pattern: " + ", ".join(f"{k} {v}" for k, v in
                                                       meta["training_data"]["labelled_patterns"].items()), "",
        "## Metrics (nested, grouped by claim, out of fold; and the team holdout)", "",
        "StratifiedGroupKFold, 5 outer folds x 5 seeded repeats; the regularisation strength C is chosen in 4 inner "
        f"folds of each outer fold's training part (chosen: {_counts(r['cv']['inner_choices_of_C'])}); mean (sd over "
        "repeats). Emergent rows are the claim under check sent beside up to 25 bodies, as `emergent_eval.py` "
        "sends it. The team holdout (30 Emergent training stories drawn before any of this, "
        "`model/data/emergent-holdout.txt`) is scored once by the final model and never used to choose anything.", "",
        "| model | ROC AUC | Brier |", "|---|---|---|",
        f"| this model, nested CV | {cv['roc_auc']:.3f} ({cv['roc_auc_sd']:.3f}) | {cv['brier']:.3f} "
        f"({cv['brier_sd']:.3f}) |",
        *([f"| this model, team holdout ({r['holdout']['rows']} stories, once) | {r['holdout']['roc_auc']:.3f} | "
           f"{r['holdout']['brier']:.3f} |"] if r.get("holdout") else []),
        f"| best single-feature rule ({best['feature']}) | {best['roc_auc']:.3f} | {best['brier']:.3f} |",
        *[f"| {k} | {m['roc_auc']:.3f} | {m['brier']:.3f} |" for k, m in r["alternatives"].items()],
        f"| base-rate constant | 0.500 | {r['base_rate_constant_brier']:.3f} |", "",
        f"Labelled examples out of fold: AUC {lab['roc_auc']:.3f}, Brier {lab['brier']:.3f} ({lab['rows']} rows; "
        "these labels are judgements, see `model/data/GUIDELINE.md`).",
        f"In-sample on the Emergent training rows (contract check only, not an estimate): AUC "
        f"{r['train_in_sample']['roc_auc']:.3f}, Brier {r['train_in_sample']['brier']:.3f}.", "",
        "Single-feature rules (one-feature logistic, same folds), best Brier first:", "",
        "| feature | AUC | Brier |", "|---|---|---|",
        *[f"| {m['feature']} | {m['roc_auc']:.3f} | {m['brier']:.3f} |" for m in r["single_feature_rules"]], "",
        "## Labels", "",
        f"low < {meta['thresholds']['medium']} <= medium < {meta['thresholds']['high']} <= high: the cuts put a "
        f"third of ordinary news claims in each label ({meta['thresholds'].get('ordinary_claims', '?')} claims of "
        "the PolNeAR dev articles, each article alone). How often each label held up, out of fold:", "",
        "| label | Emergent rows | held up | labelled rows | held up |", "|---|---|---|---|---|",
        *[f"| {b} | {r['bands']['emergent'][b]['rows']} | {r['bands']['emergent'][b]['held_up']} | "
          f"{r['bands']['labelled'][b]['rows']} | {r['bands']['labelled'][b]['held_up']} |"
          for b in ("low", "medium", "high")], "",
        "![calibration](calibration.png)", "",
        "## Feature effects", "", meta["explanation"], "",
        "Coefficients (logit per unit) and the effect in score units of adding `unit` of the feature to the "
        f"reference claim (reference score {meta['reference_score']}); kind features stack: an anonymous claim is "
        "attributed + anonymous_individual/group (+ anonymous_no_reason), a named one attributed + named_*.", "",
        "| feature | direction | coefficient | unit | effect at reference |", "|---|---|---|---|---|",
        *[f"| {f['name']} | {f['direction']:+d} | {f['coefficient']:.3f} | {f['unit']:.3f} | "
          f"{f['effect_at_reference']:+.3f} |" for f in meta["features"]], "",
        "Example scores (exact model outputs):", "", "| claim | score |", "|---|---|",
        *[f"| {label} | {v:.3f} |" for label, v in meta["examples"]], "",
        "## Limits", "",
        "- Emergent gives 132 true/false stories (102 to train on), and its claim under check is a headline "
        "(mostly unattributed), "
        "so the own-sourcing coefficients rest on the project's labelled examples (judgements, not outcomes).",
        "- The linking rules and denial phrases were settled while reading training stories' figures, so the "
        "nested figures are somewhat optimistic; the team holdout was not read before it was scored.",
        "- Content matching is lexical (stemmed content words); paraphrase with no shared words is missed, and "
        "a denial that repeats little of what it denies is only linked through its document's topic.",
        "- Scores are calibrated to rumours under check, not to everyday wire copy (see Base rate).", "",
        "Library versions: " + ", ".join(f"{k} {v}" for k, v in meta["libraries"].items()), "",
    ]
    return "\n".join(lines)
