"""The wire train stories' labelled sources, each matched to the pipeline's claim it labels.

A labelled attribution of a sentence (``model/data/wire/labels``) is matched to the claim of that sentence whose
source shares the most words with the labelled source (its own text or its resolved mention's); none when no
claim of the sentence shares a word. Training code that learns from the wire labels (the witness model, the
mention typer) reads them through this one rule.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from model.training.paraphrase import WIRE, sentence_of
from model.types import Claim


def read(name: str) -> tuple[str, dict]:
    """A wire story's text and labels."""
    text = (WIRE / "stories" / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((WIRE / "labels" / f"{name}.json").read_text(encoding="utf-8"))


def sourced(name: str) -> int:
    """How many labelled attributions of a wire story have a source."""
    return sum(1 for s in read(name)[1]["sentences"] for g in s["attributions"] if g["source"])


def matched(labels: dict, claims: list[Claim]) -> Iterator[tuple[int, dict]]:
    """(claim index, labelled attribution) for every labelled attribution some claim of its sentence matches."""
    sents = labels["sentences"]
    spans = [(s["start"], s["end"]) for s in sents]
    where = [sentence_of(c.start, c.end, spans) for c in claims]
    for k, s in enumerate(sents):
        # Each claim index with its source, kept once it is known not None (so the type checker sees it too).
        here = [(i, src) for i, w in enumerate(where) if w == k and (src := claims[i].source) is not None]
        for g in s["attributions"]:
            gold = words(g["source"])
            shared = [(len(gold & (words(src.text) | words(
                src.resolved.text if src.resolved else ""))), -i) for i, src in here]
            if gold and shared and max(shared)[0] > 0:
                yield -max(shared)[1], g


def words(text: str | None) -> set[str]:
    return {w.strip(".,;:\"'“”’").lower() for w in (text or "").split()} - {""}
