"""A document's sentences as ``Sentence`` working objects (tokens, offsets, quotation flags), and the
claims' drafts cut from what the sentence stages found."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from model.attribution.acts import pronoun_part
from model.attribution.nesting import cuts
from model.attribution.records import Draft, Found, Sentence
from model.text import Memo, Segmentation, chunk_token_words

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"  # one to four capitalised words: "Anna Lindqvist", "J. R. Moore"
# A byline ("By Anna Lindqvist and Tomas Berg", "By Anna Lindqvist, Nordwire") or a wire credit line ("(Reporting by
# ...; Editing by ...)"), the whole sentence; bounded repetitions only, so no backtracking runs away.
CREDIT = re.compile(rf"\s*(?:By\s+{_NAME}(?:\s*(?:,|and|&)\s+{_NAME}){{0,3}}\s*$"
                    rf"|\(\s*(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled)\s+by\b"
                    rf"|(?:Reporting|Writing|Editing)\s+by\s+{_NAME}\s*(?:;|$))")


def sentences(text: str, seg: Segmentation) -> list[Sentence]:
    """One working object per sentence, in text order."""
    ends = [q.end for q in seg.quotes]  # quotations are disjoint and in order: their ends are sorted
    out = []
    for n, sent in enumerate(seg.sentences):
        chunks = sent.text.split()  # split once: the tokens, the words and the offsets read them
        toks, words = chunk_token_words(chunks)
        qs = _overlapping(seg, ends, sent.start, sent.end)
        group, share = _quote_of(qs, [q.end for q in qs], sent.start, sent.end) if qs else (-1, 0.0)
        # In the order of Sentence's fields, passed by position: keywords would build a dict for every sentence.
        s = Sentence(text, n, sent.paragraph, sent.start, sent.end, toks, _lower(toks, "WHO" in sent.text),
                     [False] * len(toks), qs, group, share, sent.start == seg.paragraphs[sent.paragraph][0],
                     n == 0 and sent.paragraph == 0, words, [], [], None, chunks)
        if qs:
            s.in_quote = _inside(qs, s)
        out.append(s)
    return out


def _lower(toks: list[str], who: bool) -> list[str]:
    """The tokens' lower-case forms (read from a memo: tokens recur, and a lookup costs less than a new string),
    but "WHO" (the World Health Organization) is no relative "who"; ``who``: the sentence's text holds "WHO" (a
    substring test, cheaper than comparing every token)."""
    low = list(map(_LOWER.__getitem__, toks))
    return [t if t == "WHO" else w for t, w in zip(toks, low, strict=True)] if who else low


_LOWER = Memo(str.lower)


def parts(s: Sentence) -> list[Draft]:
    """The claims of a sentence: one per attribution kept, each on its own part of the sentence; none for a
    byline or a wire credit line, which assert nothing ("By Anna Lindqvist", "(Reporting by ...; Editing by ...)")."""
    if not s.found and CREDIT.match(s.text, s.start, s.end):
        return []
    if not s.found:
        return [Draft(s.start, s.end, s.index, s.paragraph, quote_group=s.quote_group, quote_share=s.quote_share)]
    qends = [q.end for q in s.quotes] if s.quotes else []
    cut = cuts(s.toks, s.found)
    drafts = []
    for k, f in enumerate(s.found):
        a = s.start if k == 0 else s.starts[cut[k - 1]]
        e = s.end if k == len(s.found) - 1 else _end_before(s.text, s.starts[cut[k]], a)
        # "Asked about X, she said, “...”": per part (a sentence outside every quotation has none to look for)
        group, share = _quote_of(s.quotes, qends, a, e) if s.quotes else (-1, 0.0)
        drafts.append(_draft(s, f, a, e, group, share))
    return drafts


def _draft(s: Sentence, f: Found, a: int, e: int, group: int, share: float) -> Draft:
    source = pronoun_part(s.span(*f.source)) if f.source else None
    via = tuple(s.span(*v) for v in f.via) if f.via else ()  # most have none: no generator
    local = s.span(*f.resolved) if f.resolved else None
    return Draft(a, e, s.index, s.paragraph, s.span(*f.cue), source, via, f.kind, local, group, share)


def _overlapping(seg: Segmentation, ends: list[int], start: int, end: int) -> list:
    """Quotations overlapping [start, end), found by bisection (linear overall, whatever the text)."""
    out = []
    for k in range(bisect_right(ends, start), len(ends)):
        q = seg.quotes[k]
        if q.start >= end:
            break
        out.append(q)
    return out


def _inside(qs: list, s: Sentence) -> list[bool]:
    """For each token, whether it starts inside one of the (disjoint) quotations: the tokens starting strictly
    inside a quotation are one run of the sorted starts, found by bisection and set as a slice (no loop over
    the tokens in Python). A quotation covering the whole sentence holds every token but the first, which starts
    at the sentence's start (inside only when the quotation opened before it): no offsets are worked out."""
    if len(qs) == 1 and qs[0].start <= s.start and qs[0].end >= s.end:
        return [qs[0].start < s.start] + [True] * (len(s.toks) - 1)
    starts = s.starts
    flags = [False] * len(starts)
    for q in qs:
        lo, hi = bisect_right(starts, q.start), bisect_left(starts, q.end)
        if lo < hi:
            flags[lo:hi] = [True] * (hi - lo)
    return flags


def _quote_of(qs, qends: list[int], start: int, end: int) -> tuple[int, float]:
    """The quotation covering most of [start, end) and the share it covers; only overlapping ones are visited."""
    best, share = -1, 0.0
    for q in qs[bisect_right(qends, start):]:
        if q.start >= end:
            break
        ov = min(q.end, end) - max(q.start, start)
        if ov / max(1, end - start) > share:
            best, share = q.group, ov / max(1, end - start)
    return best, share


def _end_before(text: str, pos: int, floor: int) -> int:
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    return pos
