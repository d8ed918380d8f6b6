"""Stage "participles": a cue verb's participle after a comma or "and" that the rules do not accept outright
('"...," she said, blaming the heat', "..., Hedge said, referring to the two resorts", "mocking his rival and
calling him ..."), proposed with the subject a participle takes, and doubted: the filter weighs it, and
without the filter it is dropped.

``cues_participle.txt`` lists the participles the rules accept with no doubt ("..., saying"); those stay the
cue rules' (``sources``). The subject proposed is the one nesting gives a kept participle: the source of the
nearest accepted cue before it in the sentence, else the sentence's opening subject.
"""

from __future__ import annotations

from itertools import compress

from model.attribution.cues import PARTICIPLE_STARTS, cue_at
from model.attribution.phrases import is_word
from model.attribution.records import Found, Sentence
from model.attribution.sentence_subject import sentence_subject
from model.lexicon import PARTICIPLE_CUES

DOUBT = "participle"  # the filter's trait: no rule accepts this participle
_ADVERBS = frozenset({"just", "also", "even", "then", "still", "again"})  # "and just saying", "..., then adding"


def propose(s: Sentence) -> None:
    """Stage "participles": a doubted candidate for every cue participle after a comma or "and" that no
    candidate covers ("..., blaming", "..., referring to", "and calling")."""
    if s.found:
        return  # a headline's colon decided the sentence
    toks, low = s.toks, s.low
    if PARTICIPLE_STARTS.isdisjoint(low):
        return  # most sentences, found in one pass in C
    # the participle starts found through C calls (compress over the membership tests), then the few tested
    found = [k for k in compress(range(1, len(low)), map(PARTICIPLE_STARTS.__contains__, low[1:]))
             if _opens_participle(low, k)]
    taken = {k for f in s.candidates for k in range(*f.cue)}
    accepted = sorted((f for f in s.candidates if f.source and not f.doubt), key=lambda f: f.cue)
    opening: list[tuple[int, int] | None] = []  # the sentence's opening subject, worked out when first asked
    added, n = [], 0  # accepted[:n] end before the participle: one pass, linear however many participles
    for i in found:
        if i in taken or s.in_quote[i] or not is_word(toks[i]):
            continue
        if low[_before(low, i)] == "," and low[i] in PARTICIPLE_CUES:
            continue  # "..., saying": the cue rules' own
        hit = cue_at(low, i)
        if hit is None or hit[2] == "relay":
            continue
        while n < len(accepted) and accepted[n].cue[1] <= i:
            n += 1
        if not n and not opening:
            opening.append(sentence_subject(toks, low, 0, len(toks)))
        source = _subject(accepted[n - 1] if n else None, opening[0] if opening else None, i)
        if source is not None:
            added.append(Found((i, hit[0]), source, hit[1], hit[2], False, participle=True, doubt=DOUBT))
    if added:
        s.candidates = sorted(s.candidates + added, key=lambda f: f.cue)


def _before(low: list[str], i: int) -> int:
    """The word before the participle at i, past one adverb ("..., pointedly saying", "and just saying")."""
    k = i - 1
    return k - 1 if k > 0 and (low[k].endswith("ly") or low[k] in _ADVERBS) else k


def _opens_participle(low: list[str], i: int) -> bool:
    """A comma or "and" before the word at i: "..., blaming", "mocking ... and calling"."""
    return low[_before(low, i)] in (",", "and")


def _subject(prev: Found | None, opening: tuple[int, int] | None, i: int) -> tuple[int, int] | None:
    """Who the participle at i would speak for: the source of the nearest accepted cue before it (``prev``;
    none after a relay or a source following its cue: '"...," said Trump, ...' frames the sentence), else the
    subject opening the sentence when it ends before the participle."""
    if prev is not None:
        return None if prev.kind == "relay" or prev.source_after else prev.source
    return opening if opening is not None and opening[1] <= i else None
