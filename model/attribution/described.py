"""Stage "described": a pronoun that found no antecedent, after a description that names no one.

A short text often introduces its speaker by a description only ("The company said on Monday it would cut 500
jobs. It added that talks would continue."; "The minister said ... She added ..."). The description resolves to
nothing the text names, and it is kept out of the history that resolution searches, so that a later "the bank"
is never taken for an unnamed "the central bank"; the pronoun then found no antecedent either and came out an
anonymous "it", a second source beside the first. Here such a pronoun refers to the nearest earlier unresolved
description of its kind: "it" to a body, "he" or "she" to a person. "They" stays as resolution left it: it
speaks for a body's people as often as for the body. The stage runs after typing, so the pronoun takes the
description's final mention: one source, one type.
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from model.attribution.gender import gender_of
from model.attribution.history import LOOKBACK
from model.attribution.mentions import classify
from model.attribution.records import Doc, Resolution
from model.attribution.role_words import person_head
from model.lexicon import MENTION_WORDS, ORGANIZATIONS, PERSON_ROLES, TYPING
from model.types import Source, Span

_WANTS = {**{p: "named_organization" for p in TYPING["it_pronouns"]},
          **{p: "named_person" for p in TYPING["he_pronouns"]}}
# A kind -> the heads of a description saying it: a body ("the company"), an office one person holds ("the minister").
_KINDS = {"named_organization": ORGANIZATIONS, "named_person": MENTION_WORDS["named_offices"]}


def stage(doc: Doc) -> None:
    """Point each antecedent-less "it", "he" or "she" at the nearest earlier unresolved description of its kind."""
    out = list(doc.resolutions)
    last: dict[tuple[str, str], int] = {}  # (kind, gender) -> the latest unresolved description of that kind
    pointed: list[tuple[int, int]] = []  # (pronoun, description) pairs pointed here
    carried = _carried(out)
    for n, r in enumerate(out):
        if r.source is None or r.mention is None or r.source.resolved is not None:
            continue
        want = _WANTS.get(r.source.text.lower())
        if want is None:
            if (kind := _described(r)) is not None:
                last[kind, _gender(r.source.text)] = n
            continue
        own = _gender(r.source.text)  # "she" never refers to "The first man in the video"
        k = max(last.get((want, own), -1), last.get((want, "unknown"), -1))  # own may be "unknown" itself
        # out[k] is a description kept in ``last`` above: a resolution with a source
        if r.mention.kind == "anonymous" and k >= 0 and r.source.start - cast(Source, out[k].source).end <= LOOKBACK:
            out[n] = _pointed(r, out[k])
            pointed.append((n, k))
    for n, k in pointed:  # the quotation's uncued sentences carry the pronoun: they refer where it now does
        pronoun = cast(Source, out[n].source)  # _pointed gave it one
        at = (pronoun.start, pronoun.end)
        for m in carried.get(at, ()):
            if m != n:
                out[m] = _pointed(out[m], out[k])
    doc.resolutions = out


def _carried(out: list[Resolution]) -> dict[tuple[int, int], list[int]]:
    """A pronoun's span -> the claims that carry it as their source resolved to itself: a quotation's uncued
    sentences take the speaker's mention as it was when resolution left it ('"A. B," she said': "she")."""
    spans: dict[tuple[int, int], list[int]] = {}
    for m, r in enumerate(out):
        s = r.source
        if s is not None and s.resolved is not None and (s.resolved.start, s.resolved.end) == (s.start, s.end):
            spans.setdefault((s.start, s.end), []).append(m)
    return spans


def _gender(text: str) -> str:
    """male, female or unknown: the mention's own, else its head word's ("The first man in the video"), before
    any comma ("The girl, whose name ... because she is a minor": the girl's)."""
    m = classify(text.partition(",")[0])
    return m.gender if m.gender in ("male", "female") else gender_of([m.head])


def _described(r: Resolution) -> str | None:
    """The kind of a description that resolved to nothing and names a body ("The company", "the ministry") or
    an office one person holds ("The minister"), as typing left it; "named_person" too for an unnamed person
    ("The police chief", "The man, who asked not to be named": a "he" after it is the same speaker, anonymous
    as the description is); None for any other source ("the statement", "The officers")."""
    assert r.source is not None and r.mention is not None  # stage() asks only of resolutions with both
    m = classify(r.source.text)
    if m.kind == "backref" and m.head in _KINDS.get(r.mention.kind, ()):
        return r.mention.kind
    one = m.kind in ("backref", "anonymous") and r.mention.kind == "anonymous" and (
        m.head in PERSON_ROLES or person_head(m.head, one=True))
    return "named_person" if one and r.mention.gender != "plural" else None


def _pointed(pronoun: Resolution, described: Resolution) -> Resolution:
    """The pronoun's resolution, referring to the description's source and taking its mention."""
    to = described.source
    assert to is not None and pronoun.source is not None  # both have sources: stage() points only those
    span = Span(to.text, to.start, to.end)
    return Resolution(replace(pronoun.source, resolved=span), described.mention, described.full or span)
