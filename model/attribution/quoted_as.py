"""Who is quoted: "The agency quoted Finance Minister Ana Roth as saying ..." makes Roth the source and the
outlet that quotes her its relay (the guideline's relays), in the active and the passive."""

from __future__ import annotations

from dataclasses import replace

from model.attribution.phrases import np_after, np_before
from model.attribution.records import Found
from model.attribution.sentence_subject import sentence_subject
from model.attribution.subjects import subject as subject_before
from model.lexicon import ATTRIBUTION

_AS_SAYING = ATTRIBUTION["quoted_as"]  # "quoted Roth as saying"


def quoted_as(toks: list[str], low: list[str], f: Found) -> Found:
    """'The agency quoted Finance Minister Ana Roth as saying ...': the one quoted is the source, the outlet that
    quotes its relay (the guideline's relays)."""
    if f.lemma != "quote" or f.source is None or f.via:
        return f
    if f.source_after:
        return _quoted_by_as(toks, low, f)
    np = np_after(toks, low, f.cue[1], len(toks))
    if np is None or np[1] + 1 >= len(toks) or low[np[1]] != "as" or low[np[1] + 1] not in _AS_SAYING:
        return f
    return replace(f, source=np, source_after=True, via=(f.source,))


def _quoted_by_as(toks: list[str], low: list[str], f: Found) -> Found:
    """'Prime Minister Sofie Dahl was quoted by the news agency LNA as saying ...': the passive of the above, the
    sentence's subject the one quoted and the agent after "by" its relay."""
    assert f.source is not None  # quoted_as, its only caller, returns f itself when it has no source
    e, aux = f.source[1], f.cue[0] - 1
    if not f.passive or e + 1 >= len(toks) or low[e] != "as" or low[e + 1] not in _AS_SAYING or aux < 1:
        return f
    subject = sentence_subject(toks, low, 0, f.cue[0]) or np_before(toks, low, aux - 1, 0)
    if subject is None or subject[1] != aux:
        subject = subject_before(toks, low, aux, aux - 1, 0)[0]  # "The head of X, Jonas Berg, was quoted by"
    if subject is None or subject[1] not in (aux, aux - 1):
        return f
    return replace(f, source=subject, source_after=False, passive=False, via=(f.source,))
