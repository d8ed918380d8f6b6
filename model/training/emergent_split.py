"""Fix the team's Emergent holdout: 30 true/false training stories that nothing is trained or tuned on.

Run once: ``python -m model.training.emergent_split``. Among the stories of
``../shared/data/emergent/stories-train.jsonl`` whose veracity is true or false and that have at least one
body, 30 are drawn stratified by veracity (seed 20261130) and their claim ids written to
``model/data/emergent-holdout.txt``. The draw depends only on the file and the seed, so a rerun writes the
same file. These stories are only ever reported, beside the cross-validated figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
EMERGENT = ROOT.parent / "shared" / "data" / "emergent" / "stories-train.jsonl"
HOLDOUT = ROOT / "model" / "data" / "emergent-holdout.txt"
SEED = 20261130
SIZE = 30
HEADER = """\
# The team's Emergent holdout: claim ids of 30 stories of ../shared/data/emergent/stories-train.jsonl
# (veracity true or false, at least one body), drawn stratified by veracity with seed 20261130.
# Nothing is trained or tuned on these stories (not the stance model, not the score); they are only reported.
# Made by: python -m model.training.emergent_split
"""


def eligible(path: Path) -> list[dict]:
    """True/false stories with at least one body, in file order."""
    with path.open(encoding="utf-8") as f:
        stories = [json.loads(line) for line in f if line.strip()]
    return [s for s in stories if s["veracity"] in ("true", "false") and s["bodies"]]


def draw(stories: list[dict], size: int = SIZE, seed: int = SEED) -> list[str]:
    """Claim ids of ``size`` stories, each veracity drawn in proportion to its share (largest remainder)."""
    rng = np.random.default_rng(seed)
    strata = {v: sorted(s["claim_id"] for s in stories if s["veracity"] == v) for v in ("false", "true")}
    exact = {v: size * len(ids) / len(stories) for v, ids in strata.items()}
    quota = {v: int(q) for v, q in exact.items()}
    for v in sorted(exact, key=lambda v: quota[v] - exact[v])[: size - sum(quota.values())]:
        quota[v] += 1
    picked = [cid for v, ids in strata.items() for cid in rng.choice(ids, size=quota[v], replace=False)]
    return sorted(str(c) for c in picked)


def read_holdout(path: Path = HOLDOUT) -> frozenset[str]:
    """The holdout's claim ids (comments and blank lines dropped)."""
    return frozenset(x.split("#", 1)[0].strip() for x in path.read_text(encoding="utf-8").splitlines()) - {""}


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    if not EMERGENT.is_file():
        print(f"skipped: {EMERGENT.name} is not in ../shared/data/emergent beside the repository")
        return 1
    stories = eligible(EMERGENT)
    ids = draw(stories)
    by_id = {s["claim_id"]: s["veracity"] for s in stories}
    counts = {v: sum(by_id[i] == v for i in ids) for v in ("false", "true")}
    HOLDOUT.write_text(HEADER + "".join(f"{i}\n" for i in ids), encoding="utf-8")
    print(f"{len(ids)} of {len(stories)} eligible stories ({counts['false']} false, {counts['true']} true) "
          f"-> {HOLDOUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
