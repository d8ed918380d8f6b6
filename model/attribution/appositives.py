"""What follows an inverted source's name and belongs to it: an age, an appositive, a description's name
("said Patrick McGinley, a law professor at WVU", "said Dean Baker, co-director of the Center ...")."""

from __future__ import annotations

from model.attribution.phrases import MONTHS, WEEKDAYS, abbreviation_dot, is_cap
from model.attribution.subjects import AGE_DIGITS
from model.lexicon import APPOSITIVE_OPENERS, BELIEF, DENIAL, GRAMMAR, SPEECH

_APPOSITIVE = 20  # tokens of an appositive after an inverted source: "said Patrick McGinley, a law professor at WVU."
_ROLE_WITHIN = 4  # words of an appositive before its role noun: "research and policy director"
_ROLE_STOPS = GRAMMAR["mention_tail"] | {"who", "which", "that"}  # the role noun comes before these
_NAME_AFTER = 4  # capitalised words of a name after a description: 'said one mother, Grace Banda.'
_CLAUSE_END = frozenset((".", ",", ";", "”", '"', "''", "?", "!"))
_CUE_WORDS = frozenset((*SPEECH, *BELIEF, *DENIAL))  # a relative clause with one of these attributes something itself


def with_appositive(toks: list[str], low: list[str], src: tuple[int, int], hi: int) -> tuple[int, int]:
    """'said Patrick McGinley, a law professor at WVU.': the appositive after the name belongs to the mention, and
    so does a relative clause saying who the person is ('said Ilie Marin, 61, who was pulled from the rubble')."""
    a, b = _with_apposed(toks, low, src, hi)
    if b == src[1] and b + 4 < hi and toks[b] == "," and toks[b + 1].isdigit() and len(toks[b + 1]) <= AGE_DIGITS \
            and toks[b + 2] == "," and low[b + 3] == "who":
        b += 2  # "said Ilie Marin, 61, who was pulled ...": the age, then the clause
    if b + 2 < hi and toks[b] == "," and low[b + 1] == "who":
        e = b + 2
        while e < hi and e - b < _APPOSITIVE and toks[e] not in ("—", "(") \
                and (toks[e] not in _CLAUSE_END or (toks[e] == "." and abbreviation_dot(low, e))):
            e += 1
        if _CUE_WORDS.isdisjoint(low[b + 2:e]):  # not 'said Smith, who added that ...': an attribution of its own
            return (a, e)
    return (a, b)


def _with_apposed(toks: list[str], low: list[str], src: tuple[int, int], hi: int) -> tuple[int, int]:
    a, b = src
    if b + 3 < hi and toks[b] == "," and toks[b + 1].isdigit() and len(toks[b + 1]) <= AGE_DIGITS \
            and toks[b + 2] == ",":
        b += 2  # "said Jakov Ristic, 52, a farmer in Nisko": an age, then the appositive
    if b + 1 < hi and toks[b] == "," and (low[b + 1] in ("a", "an", "the") or _described_by_role(low, b + 1, hi)):
        e = b + 1
        while e < hi and e - b < _APPOSITIVE and (toks[e] not in (",", ".", ";", "”", '"', "''", "—", "(", "?", "!")
                                                  or (toks[e] == "." and abbreviation_dot(low, e))):
            e += 1  # a title's or an initial's period goes on: "a spokesman for Mrs. Clinton", "George W. Bush"
        return (a, e)
    if b + 2 < hi and toks[b] == "," and (toks[b - 1][:1].islower() or toks[a][:1].islower()) \
            and is_cap(toks[b + 1]):
        e = b + 1  # 'said one mother, Grace Banda.', 'said his best friend at Lehigh, Bruce Turry': the description's
        # name, which ends the clause (a description opens in lower case or ends so; "said Smith, Jones" is a list)
        while e < hi and e - b <= _NAME_AFTER and (is_cap(toks[e]) or (toks[e] == "." and len(toks[e - 1]) == 1)):
            e += 1
        names = low[b + 1:e]
        if e - b > 2 and (e == hi or toks[e] in _CLAUSE_END) and not (set(names) & (WEEKDAYS | MONTHS)):
            return (a, e)
    return src


def _described_by_role(low: list[str], k: int, hi: int) -> bool:
    """A role noun among the first lower-case words at k: "editor in chief", "co-director of", "research and
    policy director of", "urban policy professor"."""
    for w in low[k:min(hi, k + _ROLE_WITHIN)]:
        if w.rsplit("-", 1)[-1] in APPOSITIVE_OPENERS:
            return True
        if (not w.isalpha() and "-" not in w) or w in _ROLE_STOPS:
            return False
    return False
