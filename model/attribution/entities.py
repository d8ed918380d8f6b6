"""One entity, one type: a company however a text names it, a speaker in every sentence of a quotation."""

from __future__ import annotations

from dataclasses import replace

from model.attribution.mention_features import typed_text
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
    groups: dict[tuple[int, int], list[int]] = {}  # the speaker's span -> the drafts that carry it
    for n, r in enumerate(resolutions):
        if r.source is not None and r.mention is not None:
            groups.setdefault((r.source.start, r.source.end), []).append(n)
    for members in groups.values():
        if len(members) < 2:
            continue  # a speaker with no uncued sentence after it: nothing to make consistent
        best = max(members, key=lambda n: len(words_of(typed_text(doc.drafts[n], resolutions[n]))))  # first on a tie
        for n in members:
            if resolutions[n].mention != resolutions[best].mention:
                resolutions[n] = replace(resolutions[n], mention=resolutions[best].mention)

