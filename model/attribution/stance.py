"""A claim's stance (asserts / denies / declines) and its hedges, from its words."""

from __future__ import annotations

import re

from model.attribution.records import Doc, Draft
from model.attribution.refusals import declines
from model.denial import NOT_DENIAL, NOT_DENIAL_KEYS, NOT_REJECTION, QUOTE_NEGATION, REJECTING, REJECTING_KEYS
from model.lexicon import HEDGES
from model.text import words
from model.types import Span

_HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in
                                          sorted(HEDGES, key=len, reverse=True)) + r")\b", re.IGNORECASE)
# A word every match of the pattern holds (the longest of each phrase): without one, the pattern is not run.
_HEDGE_KEYS = frozenset(max(h.split(), key=len) for h in HEDGES)
_COULD_NOT = re.compile(r"\s*(?:not|n['’]t|have|only)\b", re.IGNORECASE)
_LIKELY_NOUN = re.compile(r"\s+(?:voters|caucusgoers|electorate|republican|democratic|general)\b", re.IGNORECASE)
# "so she could use", "You could dismiss": purpose and the generic "you" are no hedges of the content.
_COULD_PURPOSE = re.compile(r"\b(?:so|so that|you)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "appear in person", "appears alongside": only "appear(s) to / that / set to" hedges.
_APPEAR_OK = re.compile(r"\s+(?:to|that|set|poised|likely|ready)\b", re.IGNORECASE)


def stage(doc: Doc) -> None:
    """Stage "stance": asserts, denies or declines, per draft (a claim needs a source after resolution to
    deny; a refusal is one whoever refuses)."""
    doc.stances = [stance(doc.text, d, s is not None) for d, s in zip(doc.drafts, doc.sources(), strict=True)]


def hedge_stage(doc: Doc) -> None:
    """Stage "hedges": the hedge expressions of each draft's span."""
    doc.hedges = [hedges(doc.text, d.start, d.end) for d in doc.drafts]


def hedges(text: str, start: int, end: int) -> tuple[Span, ...]:
    """Hedge expressions in [start, end), minus ability "could not", the month "May" and "likely voters"."""
    if _HEDGE_KEYS.isdisjoint(words(text[start:end])):
        return ()
    out = []
    for m in _HEDGE.finditer(text, start, end):
        w = m.group(0)
        low = w.lower()
        if low == "could" and _COULD_NOT.match(text, m.end()):
            continue
        if w == "May" and (m.start() > start or _next_is_digit(text, m.end())):
            continue
        if low == "likely" and _LIKELY_NOUN.match(text, m.end()):
            continue
        if low == "could" and _COULD_PURPOSE.search(text, max(start, m.start() - 30), m.start()):
            continue
        if low in ("appear", "appears", "appeared") and not _APPEAR_OK.match(text, m.end()):
            continue
        out.append(Span(w, m.start(), m.end()))
    return tuple(out)


def _next_is_digit(text: str, pos: int) -> bool:
    rest = text[pos:pos + 4].lstrip()
    return rest[:1].isdigit()


def stance(text: str, d: Draft, sourced: bool) -> str:
    """declines for a refusal or non-answer ("declined to comment"); denies for a rejection cue or rejecting
    words in a sourced claim; "did not deny" is no denial.

    ``sourced``: the claim has a source after resolution (a quotation's uncued sentences included).
    """
    if declines(text, d):
        return "declines"
    if not sourced:
        return "asserts"
    body = text[d.start:d.end]
    present = words(body)
    if not NOT_DENIAL_KEYS.isdisjoint(present) and NOT_DENIAL.search(body):
        return "asserts"
    if d.kind == "denial" and not NOT_REJECTION.search(body):
        return "denies"
    if not REJECTING_KEYS.isdisjoint(present) and REJECTING.search(body):
        return "denies"
    if ("“" in body or '"' in body) and QUOTE_NEGATION.search(body):
        return "denies"
    return "asserts"
