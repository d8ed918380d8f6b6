"""Stage "participles": a cue verb's participle after a comma that the rules do not accept outright ('"...,"
she said, blaming the heat', "..., Hedge said, referring to the two resorts", "Carson turned on the Post,
pointing out that ..."), proposed with the subject a participle takes, and doubted: the filter weighs it,
and without the filter it is dropped.

``cues_participle.txt`` lists the participles the rules accept with no doubt ("..., saying"); those stay the
cue rules' (``sources``). The subject proposed is the one nesting gives a kept participle: the source of the
nearest accepted cue before it in the sentence, else the sentence's opening subject.
"""

from __future__ import annotations

from model.attribution.cues import cue_at
from model.attribution.phrases import is_word, sentence_subject
from model.attribution.records import Found, Sentence
from model.lexicon import PARTICIPLE_CUES

DOUBT = "participle"  # the filter's trait: no rule accepts this participle


def propose(s: Sentence) -> None:
    """Stage "participles": a doubted candidate for every cue participle after a comma that no candidate
    covers ("..., blaming", "..., referring to")."""
    if s.found:
        return  # a headline's colon decided the sentence
    toks, low = s.toks, s.low
    taken = {k for f in s.candidates for k in range(*f.cue)}
    added = []
    for i in [k for k, w in enumerate(low) if k and w.endswith("ing") and toks[k - 1] == ","]:
        if low[i] in PARTICIPLE_CUES or i in taken or s.in_quote[i] or not is_word(toks[i]):
            continue
        hit = cue_at(low, i)
        if hit is None or hit[2] == "relay":
            continue
        source = _subject(s, i)
        if source is not None:
            added.append(Found((i, hit[0]), source, hit[1], hit[2], False, participle=True, doubt=DOUBT))
    if added:
        s.candidates = sorted(s.candidates + added, key=lambda f: f.cue)


def _subject(s: Sentence, i: int) -> tuple[int, int] | None:
    """Who the participle at i would speak for: the source of the nearest accepted cue before it (none after
    a relay or a source following its cue: '"...," said Trump, ...' frames the sentence), else the subject
    opening the sentence when it ends before the participle."""
    before = [f for f in s.candidates if f.cue[1] <= i and f.source and not f.doubt]
    if before:
        prev = before[-1]
        return None if prev.kind == "relay" or prev.source_after else prev.source
    subject = sentence_subject(s.toks, s.low, 0, len(s.toks))
    return subject if subject is not None and subject[1] <= i else None
