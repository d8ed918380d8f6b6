"""What follows an inverted source's name and belongs to it: an age, an appositive, a description's name
("said Patrick McGinley, a law professor at WVU", "said Dean Baker, co-director of the Center ...")."""

from __future__ import annotations

from model.attribution.phrases import MONTHS, WEEKDAYS, abbreviation_dot, is_cap, is_word
from model.attribution.subjects import AGE_DIGITS
from model.lexicon import APPOSITIVE_OPENERS, ATTRIBUTION, BELIEF, DENIAL, GRAMMAR, SPEECH

_APPOSITIVE = 20  # tokens of an appositive after an inverted source: "said Patrick McGinley, a law professor at WVU."
_ROLE_WITHIN = 4  # words of an appositive before its role noun: "research and policy director"
_ROLE_STOPS = GRAMMAR["mention_tail"] | {"who", "which", "that"}  # the role noun comes before these
_NAME_AFTER = 4  # capitalised words of a name after a description: 'said one mother, Grace Banda.'
_CLAUSE_END = frozenset((".", ",", ";", "”", '"', "''", "?", "!"))
_PHRASE_END = _CLAUSE_END | {"—", "("}  # an appositive or a relative clause ends at these too
_CUE_WORDS = frozenset((*SPEECH, *BELIEF, *DENIAL))  # a relative clause with one of these attributes something itself
_TAIL_WORDS = 8  # words after an inverted source that still belong to it: "said one GOP source in the room."
_TAIL_PREPOSITIONS = frozenset(("in", "at", "on", "with", "from", "for", "of"))
_RELATIVE = frozenset(("who", "which"))
_FINITE = GRAMMAR["auxiliaries"] | ATTRIBUTION["weak_past"]  # besides -ed forms: a verb that goes on after a phrase


def with_appositive(toks: list[str], low: list[str], src: tuple[int, int], hi: int) -> tuple[int, int]:
    """'said Patrick McGinley, a law professor at WVU.': the appositive after the name belongs to the mention, and
    so does a relative clause saying who the person is ('said Ilie Marin, 61, who was pulled from the rubble')."""
    a, b = _with_apposed(toks, low, src, hi)
    if b == src[1] and (aged := _age_end(toks, b, hi)) + 2 < hi and low[aged + 1] == "who":
        b = aged  # "said Ilie Marin, 61, who was pulled ...": the age, then the clause
    if b + 2 < hi and toks[b] == "," and low[b + 1] == "who":
        e = _phrase_end(toks, low, b + 2, b, hi)
        if _CUE_WORDS.isdisjoint(low[b + 2:e]):  # not 'said Smith, who added that ...': an attribution of its own
            return (a, e)
    return (a, b)


def with_tail(toks: list[str], low: list[str], src: tuple[int, int], hi: int) -> tuple[int, int]:
    """'said one GOP source in the room.': a prepositional phrase ending the clause after an inverted source is
    the source's."""
    if src[1] >= hi or low[src[1]] not in _TAIL_PREPOSITIONS:
        return src
    e = src[1]
    while e < hi and e - src[1] < _TAIL_WORDS and is_word(toks[e]):
        e += 1
    return (src[0], e) if e >= hi or toks[e] in (".", ",") else src


def goes_on(low: list[str], src: tuple[int, int], e: int, hi: int) -> bool:
    """After a name and its appositive ending at e a verb goes on: "..., said Harlan Capital, a private equity
    firm, pulled out of the deal" reports what the firm did; the speaker is the subject before the comma."""
    w = low[e + 1] if e > src[1] and e + 1 < hi and low[e] == "," else ""
    return w in _FINITE or (w.endswith("ed") and w.isalpha())


def relative_subject(toks: list[str], low: list[str], lo: int, j: int) -> bool:
    """The words before the comma at j hold a relative clause set off by a comma ("Two people familiar with the
    matter, who asked not to be named, said ..."): a speaker described, not a clause the cue interrupts ("The
    paradox of Nancy, says Carl Anthony, historian at the library, is that ...")."""
    return any(low[k] in _RELATIVE and toks[k - 1] == "," for k in range(lo + 1, j))


def _age_end(toks: list[str], b: int, hi: int) -> int:
    """Where an age set off by commas after the name ends ("said Jakov Ristic, 52, ..."); b when there is none."""
    if b + 3 < hi and toks[b] == "," and toks[b + 1].isdigit() and len(toks[b + 1]) <= AGE_DIGITS \
            and toks[b + 2] == ",":
        return b + 2
    return b


def _phrase_end(toks: list[str], low: list[str], e: int, b: int, hi: int) -> int:
    """The end of an appositive or a relative clause from e: the next clause mark, at most _APPOSITIVE tokens after
    b; a title's or an initial's period goes on ("a spokesman for Mrs. Clinton", "George W. Bush")."""
    while e < hi and e - b < _APPOSITIVE and (toks[e] not in _PHRASE_END
                                              or (toks[e] == "." and abbreviation_dot(low, e))):
        e += 1
    return e


def _with_apposed(toks: list[str], low: list[str], src: tuple[int, int], hi: int) -> tuple[int, int]:
    a = src[0]
    b = _age_end(toks, src[1], hi)  # "said Jakov Ristic, 52, a farmer in Nisko": an age, then the appositive
    if b + 1 < hi and toks[b] == "," and (low[b + 1] in ("a", "an", "the") or _described_by_role(low, b + 1, hi)):
        return (a, _phrase_end(toks, low, b + 1, b, hi))
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
