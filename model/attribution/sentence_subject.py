"""The subject that opens a sentence: who a participle ("..., saying") or a later cue speaks for when no cue
names anyone ("Republican presidential hopeful Sen. Ted Cruz was critical ..., telling reporters")."""

from __future__ import annotations

from model.attribution.phrases import (
    DETERMINERS,
    OPENING_NON_SUBJECTS,
    PEOPLE,
    SKIP,
    STOP,
    WEEKDAYS,
    abbreviation_dot,
    is_cap,
)
from model.lexicon import GRAMMAR, MEDIA_WORDS, ORGANIZATIONS, PERSON_ROLES
from model.text import after_dateline

_OPENING = 15  # tokens of an opening phrase before its comma: "In an interview with CNN on Sunday,"
_NAME_WORDS = 8  # capitalised words of one name, titles included
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))  # a sentence's subject by itself
_APPOSITIVE = 20  # tokens of an appositive set off by commas: ", president of the Fordham Institute,"
_BODY_WORDS = 3  # lower-case words after a name up to a body's or person's head: "Naren health ministry"
_BODY_HEADS = ORGANIZATIONS | PERSON_ROLES | MEDIA_WORDS  # "State television"
_OPENING_ADVERBS = GRAMMAR["opening_adverbs"]
_CLOSING_TAIL = 6  # tokens after a closing cue to the sentence's end: "said in a statement on Tuesday."
_ADJUNCTS = frozenset(("in", "amid", "as", "after"))  # or to an adjunct's comma: "said on Monday, in a blow to ..."


def sentence_subject(toks: list[str], low: list[str], lo: int, hi: int) -> tuple[int, int] | None:
    """The name (or pronoun) opening a sentence when its verb, a lower-case word, follows it; an appositive set
    off by commas may stand between ("Michael Petrilli, president of ..., tied ...")."""
    lo = after_dateline(toks, lo)  # "MERIDA, Jan 15 (Nordwire) - The central bank ... raised"
    lo += lo + 1 < hi and low[lo] in _OPENING_ADVERBS and toks[lo + 1] != ","  # "Then he cut into Bush, calling"
    if lo < hi and low[lo] in OPENING_NON_SUBJECTS:  # "In an interview with CNN, Trump doubled down ..."
        k = lo
        while k < hi and k - lo < _OPENING and toks[k] != ",":
            k += 1
        if k >= hi or k - lo >= _OPENING:
            return None
        lo = k + 1
    if lo >= hi or low[lo] in OPENING_NON_SUBJECTS:
        return None
    if low[lo] in _SUBJECT_PRONOUNS:
        end = lo + 1
    else:
        end = lo + (low[lo] in ("the", "a", "an"))
        while end < hi and end - lo < _NAME_WORDS and (is_cap(toks[end]) or toks[end] in ("-", "&")
                                                       or (toks[end] == "." and abbreviation_dot(low, end))):
            end += 1
        if end == lo or not is_cap(toks[end - 1]) or low[end - 1] in DETERMINERS:
            return None
        head = _last_head(toks, low, end, min(end + _BODY_WORDS, hi))
        if head >= end:  # "Anti-corruption campaigners welcomed ..., but said": people described, head and all
            end = head + 1  # "The Naren health ministry put ...": the body's head follows its name
            while end < hi and end - lo < _NAME_WORDS and is_cap(toks[end]) and low[end] not in WEEKDAYS:
                end += 1  # "Norwegian shipping group Velmar ASA cut ...": and the name follows its description
            if low[head] in ORGANIZATIONS:  # "The Merenburg branch of the Nurses' Federation gave ..."
                end = _of_name(toks, low, end, hi)
    nxt = end
    if nxt < hi and toks[nxt] == ",":
        k = nxt + 1
        while k < hi and k - nxt < _APPOSITIVE and toks[k] != ",":
            k += 1
        nxt = k + 1
        end = k if k < hi else end
    if nxt >= hi or not toks[nxt][:1].islower() or (low[nxt] in STOP and low[nxt] not in SKIP):
        return None
    if nxt == end == lo + 1 and toks[lo].isalpha() and low[lo] not in _SUBJECT_PRONOUNS and low[nxt] in DETERMINERS:
        return None  # "Cool the rhetoric: ...", "Such a strategy might ...": one word and a determiner, no subject
    return (lo, end)


def _of_name(toks: list[str], low: list[str], end: int, hi: int) -> int:
    """After a body's head, the name it is part of: "branch of the Nurses' Federation" (end when none follows)."""
    k = end + 1 + (end + 1 < hi and low[end + 1] == "the")
    if end >= hi or low[end] != "of" or k >= hi or not is_cap(toks[k]):
        return end
    while k < hi and k - end < _NAME_WORDS and (is_cap(toks[k]) or toks[k] in ("'", "’")):
        k += 1
    return k


def _last_head(toks: list[str], low: list[str], lo: int, hi: int) -> int:
    """The body's or person's head among the lower-case words from lo (not "Clinton shook her head"), with the
    heads right after it ("Trump's Virginia state director, Mike Rubino" is the director, not the state); -1
    for none."""
    head = -1
    for k in range(lo, hi):
        if not (toks[k].isalpha() and toks[k].islower()) or low[k] in DETERMINERS:
            break
        if low[k] in _BODY_HEADS or low[k] in PEOPLE:
            head = k
        elif head >= 0:  # "Mexican officials conducted public outreach": a verb ends the heads
            break
    return head


def participle_after(toks: list[str], k: int, end: int | None = None) -> int:
    """Where a clause ends, from token k up to ``end``: at a comma opening a participle ("..., the club said on
    Monday, ending a turbulent spell": the event described, or the speaker's own elaboration); else at end."""
    end = len(toks) if end is None else min(end, len(toks))
    for j in range(k, end - 1):
        if toks[j] == "," and toks[j + 1].lower().endswith("ing") and toks[j + 1].isalpha():
            return j
    return end


def closes_sentence(toks: list[str], low: list[str], b: int, hi: int) -> bool:
    """A cue ending at b closes its sentence ("..., it said."): a short tail at most follows it, up to the end, to
    a participle's comma ("it said on Tuesday, blaming ...") or to an adjunct's ("said on Monday, in a blow to")."""
    end = min(hi, b + _CLOSING_TAIL + 2, len(toks))
    if "," in toks[b:end - 1]:  # most cues have no comma before that end: no Python step per token then
        end = participle_after(toks, b, end)
        end = next((k for k in range(b, end - 1) if toks[k] == "," and low[k + 1] in _ADJUNCTS), end)
    return end - b <= _CLOSING_TAIL and (b >= end or toks[b] != ",")  # not "it says, would"
