"""From drafts to claims: transcript speakers, the anonymity reason, one stance per quotation, and the
``Claim`` records that leave the attribution package."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from model.attribution.anonymity import REASON, REASON_KEYS
from model.attribution.mentions import Mention
from model.attribution.records import QUOTED, UNRESOLVED, Doc, Draft, Resolution
from model.text import words
from model.types import Claim, Source

_SPEAKER_GROUP = 1 << 30  # quote-group ids for "NAME: ..." paragraphs, clear of real quotations
_SPEAKER_AT = 2  # characters into the paragraph where a transcript's speaker stands: "PENCE: ..."


def speakers(doc: Doc) -> None:
    """Stage "speakers": a paragraph opened by "PENCE: ..." is the speaker's throughout, like a quotation."""
    doc.drafts = speaker_paragraphs(doc.drafts)


def anonymity(doc: Doc) -> None:
    """Stage "anonymity": the words saying why an anonymous source is unnamed."""
    doc.reasons = [anonymity_reason(doc, r.source, d)
                   if r.source is not None and r.mention is not None and r.mention.kind == "anonymous" else None
                   for d, r in zip(doc.drafts, _resolutions(doc), strict=True)]


def quotation_stance(doc: Doc) -> None:
    """Stage "quotation_stance": one quotation, one stance: the sentences a speaker says in one paragraph deny
    together ('“Coal isn't the villain,” he said. “The villain is carbon dioxide.”')."""
    if not doc.stances:
        return
    keys = quotations(doc)
    denying = {k for k, st in zip(keys, doc.stances, strict=True) if k is not None and st == "denies"}
    if denying:  # a refusal inside the quotation stays one: it asserts nothing, so it denies nothing
        doc.stances = ["denies" if k in denying and st != "declines" else st
                       for k, st in zip(keys, doc.stances, strict=True)]


def quotations(doc: Doc) -> list[tuple[int, int] | None]:
    """Per draft, the quotation it belongs to (its paragraph and where its speaker's source starts), None for a
    draft that is not mostly quoted or has no source: the drafts of one quotation share one stance."""
    return [(d.paragraph, s.start) if d.quote_share >= QUOTED and s is not None else None
            for d, s in zip(doc.drafts, doc.sources(), strict=True)]


def build(doc: Doc) -> list[Claim]:
    """The claims of a document, from its drafts and what the document stages found (defaults where a stage
    was switched off)."""
    resolutions = _resolutions(doc)
    reasons = doc.reasons or [None] * len(doc.drafts)
    stances = doc.stances or ["asserts"] * len(doc.drafts)
    hedges = doc.hedges or [()] * len(doc.drafts)
    return [claim(doc, n, d, r, reason, st, h) for n, (d, r, reason, st, h) in
            enumerate(zip(doc.drafts, resolutions, reasons, stances, hedges, strict=True))]


def _resolutions(doc: Doc) -> list[Resolution]:
    return doc.resolutions or [UNRESOLVED] * len(doc.drafts)


def speaker_paragraphs(drafts: list[Draft]) -> list[Draft]:
    """A paragraph opened by "PENCE: ..." is the speaker's throughout, like a quotation."""
    out = []
    speaker_para = -1
    for d in drafts:
        if d.cue is not None and d.cue.text == ":" and d.source is not None and d.source.start <= d.start + _SPEAKER_AT:
            speaker_para = d.paragraph
            d = replace(d, quote_group=_SPEAKER_GROUP + d.paragraph, quote_share=1.0)
        elif d.paragraph == speaker_para and d.source is None:
            d = replace(d, quote_group=_SPEAKER_GROUP + d.paragraph, quote_share=1.0)
        out.append(d)
    return out


def anonymity_reason(doc: Doc, source: Source, d: Draft) -> str | None:
    """The words saying why an anonymous source is unnamed, in its mention or its sentence. The words of a draft
    holding its source are ``doc.words`` of the draft, which the stance and hedge stages ask after: read once."""
    text = doc.text
    if REASON_KEYS.isdisjoint(doc.words(min(d.start, source.start), max(d.end, source.end))) and (
            source.resolved is None or REASON_KEYS.isdisjoint(words(source.resolved.text))):
        return None
    m = REASON.search(text, source.start, d.end) or REASON.search(text, d.start, d.end)
    if not m and source.resolved is not None:  # "He said ..." of a source who asked not to be named
        m = REASON.search(text, source.resolved.start, source.resolved.end)
    if not m:
        return None
    reason = m.group(0).strip()
    if reason.lower().startswith("and "):
        reason = reason[4:]
    return reason


def _anonymity(kind: str, mention, source) -> str:
    """individual for a confidential source (a stated reason makes it one), group for a described group."""
    if kind != "anonymous" or mention is None:
        return "none"
    return "individual" if source is not None and source.anonymity_reason else mention.anonymity


def claim(doc: Doc, number: int, d: Draft, r: Resolution, reason: str | None, stance: str, hedges: tuple) -> Claim:
    mention = r.mention
    source = r.source
    if source is not None and mention is not None and mention.kind == "anonymous" and reason is not None:
        source = Source(source.text, source.start, source.end, source.resolved, source.via, reason)
    named = bool(mention and source)
    by = cast(Mention, mention)  # read below only where named, so where the mention is not None
    kind = by.kind if named else "unattributed"
    if kind in ("pronoun", "backref"):
        kind = "anonymous"
    # In the order of Claim's fields, passed by position: keywords cost a third of building the record.
    return Claim(doc.index, doc.document.id, number, doc.text[d.start:d.end], d.start, d.end, kind,
                 by.role if named else "other", source, d.cue, d.quote_share >= QUOTED, stance, hedges,
                 by.entity if named else "", _anonymity(kind, mention, source), d.kind == "belief", d.paragraph,
                 number in doc.learned_denials)
