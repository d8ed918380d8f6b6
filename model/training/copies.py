"""Near-duplicate PolNeAR train articles: a story and its next day's update must share a side of every split."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from model.independence import originals
from model.types import Document


@cache
def _groups(text_dir: Path) -> dict[str, int]:
    """article -> the index of its copy group, by the service's own test of copies
    (``model.independence.originals``: half the longer one's word five-grams shared)."""
    names = sorted(p.stem for p in text_dir.glob("*.txt"))
    docs = [Document(id=n, text=(text_dir / f"{n}.txt").read_text(encoding="utf-8")) for n in names]
    return dict(zip(names, originals(docs), strict=True))


def copies_of(articles: set[str] | frozenset[str], text_dir: Path) -> set[str]:
    """The other articles of ``text_dir`` that are near-duplicates of these."""
    group = _groups(text_dir)
    held = {group[a] for a in articles if a in group}
    return {n for n, g in group.items() if g in held} - set(articles)
