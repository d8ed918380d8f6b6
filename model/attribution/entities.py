"""One entity, one type: a company however a text names it, a speaker in every sentence of a quotation."""

from __future__ import annotations

from dataclasses import replace

from model.attribution.mentions import words_of
from model.attribution.records import Doc
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


def same_speaker(doc: Doc, resolutions: list[Resolution]) -> None:
    """Every sentence of a quotation is its speaker's ('"..." said Mira Kovac, a rescue coordinator. "But every
    hour counts."'), so the speaker and the uncued sentences take one mention: the one typed from the fullest
    words ("Mira Kovac, a rescue coordinator ..." over the name alone; "Sen. Jeff Sessions" over "Sessions")."""
    best: dict[tuple[int, int], tuple[int, int]] = {}  # speaker's span -> (words typed from, resolution)
    for n, (d, r) in enumerate(zip(doc.drafts, resolutions, strict=True)):
        if r.source is not None and r.mention is not None:
            typed_from = r.source.resolved or d.local_resolved or r.source
            key, size = (r.source.start, r.source.end), len(words_of(typed_from.text))
            if key not in best or size > best[key][0]:
                best[key] = (size, n)
    for n, r in enumerate(resolutions):
        if r.source is not None and r.mention is not None:
            chosen = resolutions[best[(r.source.start, r.source.end)][1]].mention
            if chosen != r.mention:
                resolutions[n] = replace(r, mention=chosen)
