"""Per sentence: cue, source span, kind, role, stance, hedges, direct quote, anonymity reason and relays."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from model import acts, cues, phrases
from model.lexicon import ANONYMITY_REASONS
from model.resolve import Resolution, resolve
from model.stance import hedges, stance
from model.text import TOKEN as _TOKEN
from model.text import Segmentation, segment
from model.types import Claim, Document, Source, Span

_CONJ = frozenset({"while", "but", "and", "whereas", "though", "although", "yet"})
_REASON = re.compile(r"\b(?:who\s+|because\s+(?:he|she|they)\s+(?:was|were|is|are)\s+|speaking\s+|and\s+)?(?:"
                     + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in ANONYMITY_REASONS) + r")"
                     + r"(?:\s+(?:about|on|to)(?:\s+[\w’'-]{1,30}){1,6})?", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """One claim before resolution: its span and the attribution found in it (offsets into the text)."""

    start: int
    end: int
    sentence: int
    paragraph: int
    cue: Span | None = None
    source: Span | None = None
    via: tuple[Span, ...] = ()
    kind: str = ""  # cue kind: speech, denial, belief, relay
    local_resolved: Span | None = None  # antecedent found inside the sentence ("Trump, who said")
    quote_group: int = -1  # the quotation the claim sits in, -1 when none
    quote_share: float = 0.0


def attribute(doc: Document, doc_index: int) -> list[Claim]:
    """One claim per asserting sentence (per attribution where a sentence has several), in text order."""
    text = doc.text
    seg = segment(text)
    ends = [q.end for q in seg.quotes]  # quotations are disjoint and in order: their ends are sorted
    drafts = speaker_paragraphs([d for n in range(len(seg.sentences)) for d in sentence_drafts(text, seg, n, ends)])
    resolutions = resolve(text, seg, drafts)
    claims = [build_claim(text, doc, doc_index, n, d, r) for n, (d, r) in enumerate(zip(drafts, resolutions,
                                                                                          strict=True))]
    return quotation_stance(drafts, claims)


def quotation_stance(drafts: list[Draft], claims: list[Claim]) -> list[Claim]:
    """One quotation, one stance: the sentences a speaker says in one paragraph deny together
    ('“Coal isn't the villain,” he said. “The villain is carbon dioxide.”')."""
    denying = {(d.paragraph, c.source.start) for d, c in zip(drafts, claims, strict=True)
               if c.stance == "denies" and c.source is not None and d.quote_share >= 0.5}
    if not denying:
        return claims
    return [replace(c, stance="denies") if c.source is not None and (d.paragraph, c.source.start) in denying
            and d.quote_share >= 0.5 else c for d, c in zip(drafts, claims, strict=True)]


_SPEAKER_GROUP = 1 << 30  # quote-group ids for "NAME: ..." paragraphs, clear of real quotations


def speaker_paragraphs(drafts: list[Draft]) -> list[Draft]:
    """A paragraph opened by "PENCE: ..." is the speaker's throughout, like a quotation."""
    out = []
    speaker_para = -1
    for d in drafts:
        if d.cue is not None and d.cue.text == ":" and d.source is not None and d.source.start <= d.start + 2:
            speaker_para = d.paragraph
            d = replace(d, quote_group=_SPEAKER_GROUP + d.paragraph, quote_share=1.0)
        elif d.paragraph == speaker_para and d.source is None:
            d = replace(d, quote_group=_SPEAKER_GROUP + d.paragraph, quote_share=1.0)
        out.append(d)
    return out


def sentence_drafts(text: str, seg: Segmentation, n: int, ends: list[int]) -> list[Draft]:
    """The claims of sentence n: one per attribution kept, each on its own part of the sentence."""
    sent = seg.sentences[n]
    matches = list(_TOKEN.finditer(text, sent.start, sent.end))
    toks = [m.group(0) for m in matches]
    low = [t.lower() for t in toks]
    qs = _overlapping(seg, ends, sent.start, sent.end)
    in_quote = _inside(qs, matches)
    found = _title_colon(toks) if sent.start == seg.paragraphs[sent.paragraph][0] else []
    if not found:
        found = keep(toks, cues.find(toks, in_quote, title=n == 0 and sent.paragraph == 0, low=low), low)
    qends = [q.end for q in qs]
    group, share = _quote_of(qs, qends, sent.start, sent.end)
    if not found and share < 0.5:
        found = _pronoun_acts(toks, in_quote, low) or [Kept(cue, src, lemma, "speech", False)
                                                       for cue, src, lemma in acts.fallback(toks, low, in_quote)]
    if not found:
        found = _sourceless_cue(toks, in_quote)
    elif toks[0] == "Asked" and found[0].cue[0] > 2:  # "Asked about X, Trump said ...": the question is its own
        found = [Kept((0, 1), None, "ask", "speech", False), *found]
    if not found:
        return [Draft(sent.start, sent.end, n, sent.paragraph, quote_group=group, quote_share=share)]
    cuts = _cuts(toks, found)
    drafts = []
    for k, f in enumerate(found):
        a = sent.start if k == 0 else matches[cuts[k - 1]].start()
        e = sent.end if k == len(found) - 1 else _end_before(text, matches[cuts[k]].start(), a)
        part_group, part_share = _quote_of(qs, qends, a, e)  # "Asked about X, she said, “...”": per part
        drafts.append(_draft(text, matches, f, a, e, n, sent.paragraph, part_group, part_share))
    return drafts


def _overlapping(seg: Segmentation, ends: list[int], start: int, end: int) -> list:
    """Quotations overlapping [start, end), found by bisection (linear overall, whatever the text)."""
    out = []
    for k in range(bisect_right(ends, start), len(ends)):
        q = seg.quotes[k]
        if q.start >= end:
            break
        out.append(q)
    return out


def _inside(qs: list, matches: list) -> list[bool]:
    """For each token, whether it starts inside one of the (ordered) quotations: one merged sweep."""
    if not qs:
        return [False] * len(matches)
    flags, k = [], 0
    for m in matches:
        pos = m.start()
        while k < len(qs) and qs[k].end <= pos:
            k += 1
        flags.append(k < len(qs) and qs[k].start < pos < qs[k].end)
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


def _span(text: str, matches, a: int, b: int) -> Span:
    s, e = matches[a].start(), matches[b - 1].end()
    return Span(text[s:e], s, e)


def _draft(text, matches, f: cues.Found, a, e, n, para, group, share) -> Draft:
    cue = _span(text, matches, *f.cue)
    source = acts.pronoun_part(_span(text, matches, *f.source)) if f.source else None
    via = tuple(_span(text, matches, *v) for v in getattr(f, "via", ()))
    local = _span(text, matches, *f.resolved) if f.resolved else None
    return Draft(a, e, n, para, cue, source, via, f.kind, local, group, share)


@dataclass(frozen=True)
class Kept(cues.Found):
    via: tuple[tuple[int, int], ...] = ()


def keep(toks: list[str], found: list[cues.Found], low: list[str] | None = None) -> list[Kept]:
    """Drop attributions nested in an earlier one's content; fold "According to X, she said" into a relay."""
    low = [t.lower() for t in toks] if low is None else low
    out: list[Kept] = []
    inside = {k for f in found if f.source and f.source[1] - f.source[0] > 1 for k in range(*f.source)}
    for f in found:
        if f.source and f.source[0] in inside and f.source[1] - f.source[0] == 1:
            continue  # "a source who asked not to be named told ...": the clause belongs to the larger mention
        prev = out[-1] if out else None
        if f.participle:
            subj = prev.source if prev is not None else phrases.sentence_subject(toks, low, 0, len(toks))
            if subj is None and low[f.cue[0]].endswith("ing"):
                subj = acts.opening_subject(toks)  # "several environmental groups granted ..., saying ..."

            if subj and (prev is None or (prev.kind != "relay" and not prev.source_after)):
                out.append(Kept(f.cue, subj, f.lemma, f.kind, False, participle=prev is not None))
            continue
        if prev is not None and prev.kind == "relay" and prev.cue[0] == 0 and f.source and not f.source_after \
                and f.source[0] <= prev.source[1] + 1:
            out[-1] = Kept(f.cue, f.source, f.lemma, f.kind, False, f.passive, f.resolved, via=(prev.source,))
            continue
        if prev is not None and f.kind == "relay" and f.source and prev.source and f.cue[0] > prev.cue[0]:
            out[-1] = replace(prev, via=(*prev.via, f.source))  # "X said ..., according to the Sun": a relay of X
            continue
        if prev is not None and _nested(toks, low, prev, f):
            continue
        if f.source is None and prev is not None:
            continue
        out.append(Kept(f.cue, f.source, f.lemma, f.kind, f.source_after, f.passive, f.resolved))
    return _outer_last(toks, out)


def _outer_last(toks: list[str], out: list[Kept]) -> list[Kept]:
    """'He promised X, Frankel said.': an attribution closing the sentence after a comma frames all before it."""
    if len(out) < 2:
        return out
    last = out[-1]
    if last.source is None or last.kind == "relay" or out[-2].participle:
        return out
    before = (last.cue[0] if last.source_after else last.source[0]) - 1  # '..., said Mr. Barrett, the lawyer ...'
    tail = [t for t in toks[max(last.cue[1], last.source[1]):] if cues.is_word(t)]
    if ";" in toks[_right(out[-2]):before]:
        return out  # "World leaders denounce N. Korea test; Obama, others vow consequences": two clauses
    if before >= 0 and toks[before] in (",", "”", '"', "''") and len(tail) <= 3:
        return [last]
    return out


def _left(f: cues.Found) -> int:
    return min(f.cue[0], f.source[0]) if f.source and not f.participle else f.cue[0]


def _right(f: cues.Found) -> int:
    return max(f.cue[1], f.source[1]) if f.source else f.cue[1]


_NEST_WINDOW = 60  # tokens


def _nested(toks: list[str], low: list[str], prev: cues.Found, f: cues.Found) -> bool:
    """f sits inside prev's content: no clause boundary between them."""
    a, b = _right(prev), _left(f)
    if b < a:
        return True
    if b - a > _NEST_WINDOW:
        return False  # far apart: a new clause, and the scan stays linear on run-on text
    for p in range(a, b):
        if toks[p] in (";", "—", "–") or (toks[p] in ("”", '"') and p + 1 < len(toks) and toks[p + 1] == ",") \
                or (toks[p] == "-" and p + 1 < len(toks) and toks[p + 1] == "-"):  # "--" is a dash
            return False
        if toks[p] == "," and p + 1 < len(toks) and (low[p + 1] in _CONJ or p + 1 == b):
            return False
    return True


def _cuts(toks: list[str], found: list[Kept]) -> list[int]:
    """Token index where each next attribution's part begins."""
    out = []
    for prev, f in itertools.pairwise(found):
        a, b = _right(prev), _left(f)
        cut = b
        for p in range(max(a, b - _NEST_WINDOW, 0), b):
            if toks[p] in (",", ";", "—", "–") or (toks[p] == "-" and toks[p - 1] == "-"):
                cut = p + 1
            elif toks[p].lower() in _CONJ:
                cut = p
        out.append(cut if cut < len(toks) else b)
    return out


_NOT_SPEAKERS = frozenset({"the", "update", "updated", "related", "watch", "read", "note", "editor", "exclusive",
                           "breaking", "video", "photos", "live", "q", "a", "more", "see", "also", "source", "sources",
                           "this", "here", "why", "what", "how", "when", "where", "who", "correction", "clarification",
                           "transcript", "caption", "photo", "editor’s", "editor's", "name", "email", "paid",
                           "pledged", "superdelegates", "delegate", "stat", "age", "city", "job", "pay"})


_AUX = frozenset({"is", "was", "are", "were", "be", "been", "has", "have", "had", "does", "did", "do", "will", "would",
                  "can", "could", "should", "may", "might", "must", "seemed", "appeared", "seems"})


def _pronoun_acts(toks: list[str], in_quote: list[bool], low: list[str]) -> list[Kept]:
    """'He questioned the integrity of ...': a speaker already in focus, opening a sentence with a past-tense
    verb, takes a public stance; PolNeAR counts it as an attribution with the verb as the cue."""
    first = 1 if low and low[0] in ("and", "but") else 0  # "And he sponsored ..."
    if len(low) <= first or low[first] not in ("he", "she"):
        return []
    v = first + 1
    while v < len(toks) and ((low[v] in phrases.SKIP and low[v] not in _AUX) or toks[v] == ","):
        v += 1
    if v >= len(toks) or in_quote[v] or low[v] in _AUX or not toks[v][:1].islower() or not low[v].endswith("ed"):
        return []
    return [Kept((v, v + 1), (first, first + 1), low[v], "speech", False)]


# Cues of attributions whose source is not in the text ("Trump seemed to ...", "reportedly", "Asked about ...").
_SOURCELESS = frozenset({"reportedly", "seemed", "seems", "seem", "appears", "appeared", "allegedly", "purportedly"})


def _sourceless_cue(toks: list[str], in_quote: list[bool]) -> list[Kept]:
    for k, t in enumerate(toks):
        if not in_quote[k] and (t.lower() in _SOURCELESS or (k == 0 and t == "Asked")):
            return [Kept((k, k + 1), None, t.lower(), "speech", False)]
    return []


def _title_colon(toks: list[str]) -> list[Kept]:
    """A headline "Gingrich: Trump Must ..." or a transcript's "PENCE: Well, ...": the words before the colon speak."""
    lo = 1 if toks and toks[0] in ('"', "“", "''") else 0
    for k in range(lo + 1, min(lo + 5, len(toks))):
        if toks[k] == ":":
            names = toks[lo:k]
            rest = toks[k + 1:]
            names_only = rest.count(",") >= 3 and not any(t[:1].islower() for t in rest[:8])
            listing = names_only or not rest or not (rest[0][:1].isalpha() or rest[0] in "“\"'")
            if all(cues.is_cap(t) or t == "." for t in names) and names[0].lower() not in _NOT_SPEAKERS \
                    and len(toks) > k + 2 and not listing:  # not "Clinton: 2,316." nor "Iowa: A, B, C, ..."
                return [Kept((k, k + 1), (lo, k), ":", "speech", False)]
            return []
    return []


def anonymity_reason(text: str, source: Source, d: Draft) -> str | None:
    """The words saying why an anonymous source is unnamed, in its mention or its sentence."""
    m = _REASON.search(text, source.start, d.end) or _REASON.search(text, d.start, d.end)
    if not m and source.resolved is not None:  # "He said ..." of a source who asked not to be named
        m = _REASON.search(text, source.resolved.start, source.resolved.end)
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


def build_claim(text: str, doc: Document, doc_index: int, number: int, d: Draft, r: Resolution) -> Claim:
    mention = r.mention
    source = r.source
    if source is not None and mention is not None and mention.kind == "anonymous":
        source = source.__class__(**{**source.__dict__, "anonymity_reason": anonymity_reason(text, source, d)})
    kind = mention.kind if mention and source else "unattributed"
    if kind in ("pronoun", "backref"):
        kind = "anonymous"
    body = text[d.start:d.end]
    return Claim(
        doc_index=doc_index, doc_id=doc.id, number=number, text=body, start=d.start, end=d.end,
        kind=kind, role=mention.role if mention and source else "other", source=source, cue=d.cue,
        direct_quote=d.quote_share >= 0.5, stance=stance(text, d, source is not None),
        hedges=hedges(text, d.start, d.end),
        entity=mention.entity if mention and source else "",
        anonymity=_anonymity(kind, mention, source),
        belief=d.kind == "belief",
    )
