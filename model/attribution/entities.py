"""One entity per body however a text names it: "Kestrel" and "Kestrel Pharmaceuticals" are one company."""

from __future__ import annotations

from dataclasses import replace

from model.attribution.resolve import Resolution
from model.lexicon import BUSINESS_NAMES


def one_business(resolutions: list[Resolution]) -> None:
    """Give a body named by one word the entity of the fuller name the text gives it ("Kestrel" after or before
    "Kestrel Pharmaceuticals"), so that the two never corroborate or deny each other. Only a fuller name made of
    the one word and business words or legal forms ("Velmar Holdings AG"), never another body ("Kestrel Bay
    Council")."""
    full: dict[str, str] = {}
    for r in resolutions:
        words = r.mention.entity.split() if r.mention is not None and r.mention.kind == "named_organization" else []
        if len(words) > 1 and all(w.rstrip(".") in BUSINESS_NAMES for w in words[1:]):
            full.setdefault(words[0], r.mention.entity)
    for n, r in enumerate(resolutions):
        if r.mention is not None and r.mention.kind == "named_organization" and r.mention.entity in full:
            resolutions[n] = replace(r, mention=replace(r.mention, entity=full[r.mention.entity]))
