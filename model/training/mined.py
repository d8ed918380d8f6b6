"""What the word lists mined from the training news share: the texts they read and how a command writes one."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from model.training.scoreboard import POLNEAR, held_out


def training_texts() -> list[str]:
    """PolNeAR train without the articles of the team's holdouts: all a mined list may read."""
    held = held_out()
    return [p.read_text(encoding="utf-8") for p in sorted((POLNEAR / "train" / "text").glob("*.txt"))
            if p.stem not in held]


def command(argv: list[str] | None, prog: str, doc: str, out: Path,
            mine: Callable[[list[str]], tuple[list[str], dict[str, int]]], noun: str) -> int:
    """Parse ``--out``, mine the training texts (``mine``: texts -> comment header, entry -> count) and write
    one "entry  # count" line each, sorted; say so and write nothing without PolNeAR beside the repository."""
    ap = argparse.ArgumentParser(prog=prog, description=doc.splitlines()[0])
    ap.add_argument("--out", type=Path, default=out)
    args = ap.parse_args(argv)
    if not (POLNEAR / "train" / "text").is_dir():
        print(f"skipped: PolNeAR is expected in {POLNEAR.parent.parent.name}/data/polnear beside the repo")
        return 0
    head, found = mine(training_texts())
    body = [f"{entry}  # {n}" for entry, n in sorted(found.items())]
    args.out.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    print(f"wrote {len(found)} {noun} to {args.out.name}")
    return 0
