"""What stands between a cue and its subject: adverbs, auxiliaries, a day, a short aside ("has also said", "on
Monday said", "has, however, revealed"). Bounded backward walks: linear whatever the text.
"""

from __future__ import annotations

from model.attribution.name_words import may_as_name
from model.attribution.phrases import BEFORE_DAY, LY_NOUNS, SKIP, WEEKDAYS
from model.lexicon import COMMON_WORDS, GRAMMAR

_BE_NOT = GRAMMAR["be_negated"]
_BE = GRAMMAR["be"]
_ASIDE = 3  # lower-case words of an aside set off after an auxiliary: "has, so far, refused", "is, of course,"
_AUXILIARIES = GRAMMAR["auxiliaries"]


def skip_back(toks: list[str], low: list[str], i: int, lo: int) -> tuple[int, bool]:
    """Index of the token before the cue once adverbs and auxiliaries are passed; whether a "be" precedes.
    A capitalised "-ly" word is a name, not an adverb ("Mrs. Schlafly said"), unless the cue is capitalised too
    and the word is a common one: a headline's "Tim Kaine Fully Embraced"."""
    j = i - 1
    passive = False
    headline = toks[i][:1].isupper()
    while j >= lo:
        w = low[j]
        if (w in SKIP and not may_as_name(toks, j, lo)) or (w.endswith("ly") and len(w) > 4 and w not in LY_NOUNS and (
                toks[j][0].islower() or (headline and w in COMMON_WORDS))):
            passive = passive or w in _BE or w.replace("’", "'") in _BE_NOT
            j -= 1
        elif w == "neither" and j == i - 1 and "nor" in low[i + 1:i + 3]:
            j -= 1  # "would neither confirm nor deny": the cue's own pair (not "and neither apologized")
        elif w in WEEKDAYS:  # "on Monday", "earlier Thursday", "Obama Tuesday said": when, not who
            j -= 1 + (j - 1 >= lo and low[j - 1] in BEFORE_DAY)
        elif w == "," and (m := _aside_start(toks, low, j, lo)) is not None:
            j = m - 1  # "A YouGov poll has, however, revealed": the auxiliary before the aside, passed next round
        else:
            break
    return j, passive


def _aside_start(toks: list[str], low: list[str], j: int, lo: int) -> int | None:
    """The comma opening a short lower-case aside that closes at comma ``j``, when an auxiliary stands before
    it ("has, however,", "is, of course,"): an auxiliary's verb is still to come, so its subject is before."""
    m = j - 1
    while m > lo and j - m <= _ASIDE + 1 and toks[m] != ",":
        if not (toks[m].isalpha() and toks[m].islower()):
            return None
        m -= 1
    if m > lo and m < j - 1 and toks[m] == "," and low[m - 1] in _AUXILIARIES and low[m - 1] in SKIP:
        return m
    return None
