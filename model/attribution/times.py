"""A time adverbial between a subject and its cue ("Feinstein last week said", "The ministry on Monday said"):
where it starts, so that the subject before it is found."""

from __future__ import annotations

from model.attribution.phrases import MONTHS, WEEKDAYS, np_before
from model.lexicon import GRAMMAR

_TIME_ADVERBS = GRAMMAR["time_adverbs"]
_TIME_NOUNS = GRAMMAR["time_nouns"]
_TIME_POINTERS = GRAMMAR["time_pointers"]
_TIME_EDGES = GRAMMAR["time_edges"]
_TIME_AMOUNTS = GRAMMAR["time_amounts"]
_TIME_HEDGES = GRAMMAR["time_hedges"]
_TIME_PREPOSITIONS = GRAMMAR["time_prepositions"]
_TIME_ENDS = _TIME_ADVERBS | WEEKDAYS | MONTHS | _TIME_NOUNS | {"ago"}  # the words a time adverbial can end in


def before_time(toks: list[str], low: list[str], j: int, lo: int) -> int:
    """The last token before a time adverbial ending at j ("Feinstein last week said", "The ministry on Monday
    said"), when a noun phrase ends there; j itself otherwise."""
    if low[j] not in _TIME_ENDS and not low[j].isdigit():
        return j  # most words before a cue end no time adverbial: one set asked first, not _time_start's rules
    k = _time_start(toks, low, j, lo)
    if k > j or k - 1 < lo or past_participle(toks[k - 1]):
        return j  # "disclosures filed on Sunday night revealed": the time is the filing's, inside the phrase
    if toks[k - 1] in (",", "—", "–") or np_before(toks, low, k - 1, lo) is not None:
        return k - 1  # "Cruz, who opposed Trump, last week said": the inserted clause is crossed next
    return j


def past_participle(w: str) -> bool:
    """A lower-case word in -ed: "filed", "commissioned"."""
    return w[:1].islower() and w.endswith("ed")


def _time_start(toks: list[str], low: list[str], j: int, lo: int) -> int:
    """Where a time adverbial ending at token j begins (j + 1 when none ends there): one word ("yesterday"), a
    weekday or a date with its preposition, a pointer and a time noun ("earlier this week"), or an amount of
    time ago ("less than two weeks ago")."""
    w = low[j]
    k = j + 1
    if toks[j][:1].isupper() and w not in WEEKDAYS and w not in MONTHS:
        return k  # "USA TODAY", "Good Morning America": capitals make a name of it
    if w in _TIME_ADVERBS or w in WEEKDAYS:
        k = j
    elif w in MONTHS and toks[j][:1].isupper() and j - 1 >= lo and (
            low[j - 1] in _TIME_PREPOSITIONS or low[j - 1] in _TIME_POINTERS or low[j - 1] in _TIME_EDGES):
        k = j - (low[j - 1] in _TIME_POINTERS)  # "in May", "last March": "Theresa May said" is a name
    elif w.isdigit() and j - 1 >= lo and (low[j - 1] in MONTHS or (len(w) == 4 and low[j - 1] in _TIME_PREPOSITIONS)):
        k = j - (low[j - 1] in MONTHS)  # "on March 3"; "in 2014" (its preposition is taken below)
    elif w in _TIME_NOUNS and j - 1 >= lo and (low[j - 1] in _TIME_POINTERS or low[j - 1] in WEEKDAYS):
        k = j - 1  # "last week", "this month", "Monday night"
    elif w == "ago" and j - 2 >= lo and low[j - 1] in _TIME_NOUNS and (low[j - 2] in _TIME_AMOUNTS
                                                                      or low[j - 2].isdigit()):
        k = j - 2  # "two weeks ago", "a year ago", "several months ago"
        if k - 1 >= lo and low[k - 1] in ("a", "an") and low[k] in ("few", "couple"):
            k -= 1  # "a few days ago"
    if k > j:
        return k
    while k - 1 >= lo and (low[k - 1] in _TIME_EDGES or low[k - 1] in _TIME_PREPOSITIONS or (
            low[k - 1] in _TIME_HEDGES and low[k] not in _TIME_HEDGES)):
        k -= 1  # "earlier this week", "late on Monday", "less than two weeks ago", "nearly a year ago"
        if low[k] == "than" and k - 1 >= lo and low[k - 1] in ("less", "more"):
            k -= 1
    return k
