"""The word pairs the paraphrase model reads: wire train stories -> WordPairs -> ``word_pairs``.

    python -m model.training.word_pairs

Rows are the paraphrase model's candidate pairs of every team wire TRAIN story (``model.training.paraphrase``;
the holdouts are never read), each with the content terms of its two sentences and whether they corroborate.
``WordPairs`` keeps a word pair that two stories hold in three candidate pairs, with its smoothed log-odds
(prior 5 rows) where they lie above the base rate's: the settings ``bench/word_pairs.py`` measured (block-
grouped CV F1 0.365 -> 0.387 on 356 stories). Deterministic: two runs write byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from model import artifact
from model.training.paraphrase import data_hash, read_story, train_stories  # the rows the pair model reads
from model.training.word_pair_counts import SETTINGS
from model.word_pairs import FEATURES, NAME, Pair, WordPairs

OUT = Path(__file__).resolve().parents[2] / "model" / "artifacts"
VERSION = "1.0.0"


def fit(names: Sequence[str], rows: Sequence[tuple[Sequence[Pair], np.ndarray]]) -> WordPairs:
    """WordPairs over every story's candidate pairs, each story its own group."""
    pairs = [p for story_pairs, _ in rows for p in story_pairs]
    y = np.concatenate([y for _, y in rows]) if rows else np.zeros(0, dtype=bool)
    groups = [name for name, (story_pairs, _) in zip(names, rows, strict=True) for _ in story_pairs]
    return WordPairs(**SETTINGS).fit(pairs, y, groups)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.training.word_pairs", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="artifact directory (default model/artifacts)")
    args = ap.parse_args(argv)
    names = train_stories()
    stories = [read_story(n) for n in names]
    model = fit(names, [(s.terms, s.y) for s in stories])
    kept = sum(len(v) for v in model.odds_.values()) // 2
    meta = {
        "name": NAME, "version": VERSION,
        "role": "word pairs that sources confirming one fact use for it (read by the paraphrase model)",
        "features": list(FEATURES), "settings": SETTINGS,
        "training_data": {"labels": "model/data/wire (train half of split.tsv; the three holdouts excluded)",
                          "stories": names, "sha256": data_hash(names)},
        "metrics": {"stories": len(names), "candidate_pairs": int(sum(len(s.y) for s in stories)),
                    "word_pairs_kept": kept, "base_rate": round(model.rate_, 6)},
        "libraries": artifact.library_versions(),
    }
    sha = artifact.write(model, args.out, NAME, meta)["sha256"]
    print(f"wrote {NAME}.joblib sha256 {sha}; {kept} word pairs kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
