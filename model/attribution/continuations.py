"""Uncued sentences inside a quotation: each takes the speaker of the quotation it belongs to ('"A." "B," he
said.'; a quotation paragraph after the one that named its speaker)."""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from model.attribution.records import QUOTED, UNRESOLVED, Draft, Resolution
from model.text import Segmentation
from model.types import Source, Span


def in_quote(seg: Segmentation, at: int) -> bool:
    """Whether an offset lies inside one of the document's quotations."""
    k = _bisect_quotes(seg, at + 1) - 1  # the last quotation opening at or before ``at``
    return k >= 0 and at < seg.quotes[k].end


def sourced_by_paragraph(drafts: list[Draft], done: list[Resolution]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for n, (d, r) in enumerate(zip(drafts, done, strict=True)):
        if r.source is not None:
            out.setdefault(d.paragraph, []).append(n)
    return out


def quote_speakers(drafts: list[Draft]) -> dict[int, int]:
    """Index of the first sourced claim in a sentence touching each quotation: the quotation's speaker."""
    out: dict[int, int] = {}
    for n, d in enumerate(drafts):
        if d.source is not None and d.quote_group >= 0 and d.quote_group not in out:
            out[d.quote_group] = n
    return out


def continuation(n: int, d: Draft, speakers: dict[int, int], done: list[Resolution],
                  by_para: dict[int, list[int]], seg: Segmentation) -> Resolution:
    """An uncued sentence inside a quotation carries the speaker's source, resolved to the fullest mention.

    The speaker is the one cued in a sentence of the same quotation; else the nearest speaker of the same
    paragraph (the next one first: '“A.” “B,” he said.'); else, for a quotation opening its paragraph, the
    last speaker of the paragraph before (newspaper style).
    """
    if d.quote_group < 0 or d.quote_share < QUOTED:
        return UNRESOLVED
    if d.quote_group in speakers:
        return _carry(done[speakers[d.quote_group]])
    same = by_para.get(d.paragraph, [])
    after = [k for k in same if k > n]
    if after:
        return _carry(done[after[0]])
    if same:
        return _carry(done[same[-1]])
    prev = by_para.get(d.paragraph - 1)
    if prev and _opens_paragraph(seg, d):
        return _carry(done[prev[-1]])
    return UNRESOLVED


def _opens_paragraph(seg: Segmentation, d: Draft) -> bool:
    """The claim's quotation starts its paragraph (found by bisection over the ordered quotations)."""
    para_start = seg.paragraphs[d.paragraph][0]
    k = _bisect_quotes(seg, para_start)
    return k < len(seg.quotes) and seg.quotes[k].start == para_start and seg.quotes[k].group == d.quote_group


def _bisect_quotes(seg: Segmentation, pos: int) -> int:
    return bisect_left(seg.quotes, pos, key=attrgetter("start"))  # the first quotation starting at or after pos


def _carry(r: Resolution) -> Resolution:
    """The speaker's own mention as source, and what it resolved to (or itself) as the resolved mention."""
    s = r.source
    if s is None:
        return r
    resolved = s.resolved or r.full or Span(s.text, s.start, s.end)
    return Resolution(Source(s.text, s.start, s.end, resolved, s.via), r.mention, r.full)
