"""What a learned cue tagger would add to coverage, measured before anything is built on it.  Run:

    python -m model.training.cue_tagger     # deterministic; prints the table, writes bench/results/cue-tagger.json

Most attributions the engine misses on PolNeAR have a cue no candidate overlaps: attitudes and intentions
("his passion for", "are zeroing in on", "criticism of"), whose words are cues in a small share of their
uses, so no word list proposes them. A token tagger reads the words around each token instead: a logistic
regression over hashed window features (the word, its ending, two words either side, the pairs beside it),
trained on every Cue span of PolNeAR train (first annotator; the team's holdout articles left out) and run on
dev. What matters for coverage is reported: of the dev cues no claim of the engine overlaps, how many a run of
tagged tokens outside the engine's cues finds, and how many of those runs are cues at all. Nothing here serves.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression

from model import Document, Options, analyze
from model.text import TOKEN  # the engine's own tokens
from model.training.attributions import articles as annotated
from model.training.scoreboard import POLNEAR, ROOT, held_out

OUT = ROOT / "bench" / "results" / "cue-tagger.json"
THRESHOLDS = (0.3, 0.5, 0.7)
_FEATURES = 2**20  # hashed columns: few collisions for a vocabulary of news words and their pairs
Tokens = list[tuple[str, int, int]]


def articles(split: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """(text, cue spans) of every article of a PolNeAR split, by its first annotator (a discontinuous cue
    hulled), the team's holdout articles left out."""
    return [(a.text, [tuple(g["cue"]) for g in a.gold if g["cue"]]) for a in annotated(split, held_out())]


def window(low: list[str], k: int) -> dict[str, str]:
    """A token's features: itself, its ending and its neighbours."""
    def at(j: int) -> str:
        return low[j] if 0 <= j < len(low) else "<s>"
    w = low[k]
    return {"w": w, "end": w[-3:], "p1": at(k - 1), "n1": at(k + 1), "p2": at(k - 2), "n2": at(k + 2),
            "p1w": f"{at(k - 1)}|{w}", "wn1": f"{w}|{at(k + 1)}", "n1n2": f"{at(k + 1)}|{at(k + 2)}"}


def rows(text: str, spans: list[tuple[int, int]]) -> tuple[Tokens, list[dict[str, str]], np.ndarray]:
    """The tokens of a text, their features and whether each overlaps one of ``spans``."""
    toks = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]
    low = [t.lower() for t, _, _ in toks]
    return toks, [window(low, k) for k in range(len(low))], inside(toks, spans)


def inside(toks: Tokens, spans: list[tuple[int, int]]) -> np.ndarray:
    """Whether each token overlaps one of ``spans``."""
    starts = np.array([s for _, s, _ in toks])
    ends = np.array([e for _, _, e in toks])
    flags = np.zeros(len(toks), bool)
    for a, b in spans:
        flags |= (starts < b) & (ends > a)
    return flags


def engine_cues(text: str) -> list[tuple[int, int]]:
    """The cue spans of the claims the shipped engine finds in one article."""
    doc = analyze([Document(id="a", text=text)], Options(explain=False))["documents"][0]
    return [(c["cue"]["start"], c["cue"]["end"]) for c in doc["claims"] if c.get("cue")]


def _runs(flags: np.ndarray, toks: Tokens) -> list[tuple[int, int]]:
    """Character spans of the maximal runs of flagged tokens: the cues the tagger would propose."""
    out, k = [], 0
    while k < len(flags):
        if flags[k]:
            j = k
            while j + 1 < len(flags) and flags[j + 1]:
                j += 1
            out.append((toks[k][1], toks[j][2]))
            k = j
        k += 1
    return out


def _hits(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> int:
    return sum(any(a < d and b > c for c, d in others) for a, b in spans)


def measure() -> dict:
    feats, labels = [], []
    for text, cues in articles("train"):
        _, f, y = rows(text, cues)
        feats += f
        labels.append(y)
    hasher = FeatureHasher(_FEATURES, input_type="dict")
    model = LogisticRegression(solver="liblinear", max_iter=300).fit(hasher.transform(feats), np.concatenate(labels))
    counts = {t: {"proposed": 0, "right": 0, "found": 0} for t in THRESHOLDS}
    cues_n = missed_n = 0
    for text, cues in articles("dev"):
        ours = engine_cues(text)
        toks, f, _ = rows(text, cues)
        covered = inside(toks, ours)  # the same tokens: no second pass over the text
        p = model.predict_proba(hasher.transform(f))[:, 1]
        missed = [c for c in cues if not _hits([c], ours)]
        cues_n, missed_n = cues_n + len(cues), missed_n + len(missed)
        for t in THRESHOLDS:
            new = _runs((p >= t) & ~covered, toks)
            counts[t]["proposed"] += len(new)
            counts[t]["right"] += _hits(new, cues)
            counts[t]["found"] += _hits(missed, new)
    report: dict[str, Any] = {"train_tokens": len(feats), "dev_cues": cues_n, "dev_cues_engine_misses": missed_n,
                              "thresholds": {}}
    for t, c in counts.items():
        report["thresholds"][str(t)] = {"proposed": c["proposed"],
                                        "proposed_precision": round(c["right"] / max(1, c["proposed"]), 3),
                                        "missed_found": c["found"],
                                        "share_of_missed_found": round(c["found"] / max(1, missed_n), 3)}
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.training.cue_tagger", description=__doc__.splitlines()[0])
    ap.parse_args(argv)
    if not (POLNEAR / "train" / "attributions").is_dir():
        print(f"skipped: PolNeAR is expected in {POLNEAR.parent.parent.name}/data/polnear beside the repo")
        return 0
    r = measure()
    print(f"dev cues {r['dev_cues']}, of which no claim's cue overlaps {r['dev_cues_engine_misses']}")
    print(f"{'threshold':>9} {'new cues proposed':>18} {'that are cues':>14} {'missed cues found':>18}")
    for t, m in r["thresholds"].items():
        print(f"{t:>9} {m['proposed']:>18} {m['proposed_precision']:>14.3f} "
              f"{m['missed_found']:>10} ({m['share_of_missed_found']:.3f})")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(r, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
