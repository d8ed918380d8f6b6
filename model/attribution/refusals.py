"""Refusals and non-answers: a claim reporting that someone withheld information asserts nothing.

"declined to comment", "did not respond to requests for comment", "would not say", "refused to discuss",
"could not be reached", "did not return calls", "did not say whether": the claim's stance is "declines"
(no score, never a link). The words are ``model/lexicon/refusal.txt``; this module gives them their
grammar. A refusal counts only where it is the claim's own: not in a relative clause describing someone
("Smith, who declined to comment, said ..."), not before another cue ("declined to comment but said ..."),
and, after the cue, only when its subject is the speaker ("said they cannot discuss the case", not "said
Clinton refused to answer", which reports someone else's refusal as a fact).
"""

from __future__ import annotations

import re

from model.attribution.records import Draft
from model.lexicon import GRAMMAR, alternation, key_word
from model.lexicon import REFUSAL_WORDS as R
from model.text import words

# One word may stand between: "did not immediately respond", "declined to publicly detail", "has not yet said".
_ADVERB = r"(?:\w+ly\s+|" + alternation(R["between"]) + r"\s+)?"
_REACH = r"(?:[\w’'-]+\s+){0,3}"  # words between giving and what is given: "provide any documentation or specifics"
_REFUSING = alternation(R["refusing"]) + r"\s+to\s+"
_UNWILLING = alternation(R["unwilling_phrases"]) + r"\s+"
_NOT = alternation(R["not_phrases"]) + r"\s+"
_GIVING = alternation(R["giving"]) + r"\s+" + _REACH + alternation(R["information"])
_RETURNING = alternation(R["returning"]) + r"\s+" + _REACH + alternation(R["requests"])
_OPEN = r"\s+" + alternation(R["open_questions"]) + r"\b"
_SAYING = alternation(R["saying"]) + r"(?:" + _OPEN + r"|\s*(?=" + alternation(R["clause_end"]) + r"|$))"
_WITHHELD = ("(?:" + alternation(R["answering"] | R["telling"]) + r"\b|" + _SAYING + "|" + _GIVING + "|" + _RETURNING
             + ")")
PATTERN = re.compile(
    r"\b(?:" + alternation(R["refusal_phrases"]) + r"\b"
    + "|" + "(?:" + _REFUSING + "|" + _UNWILLING + ")" + _ADVERB + _WITHHELD
    + "|" + _NOT + _ADVERB + "(?:" + alternation(R["answering"]) + r"\b|" + _GIVING + "|" + _RETURNING + ")"
    + "|" + _NOT + _ADVERB + alternation(R["telling"] | R["saying"]) + _OPEN
    + r")", re.IGNORECASE)
# Every match holds one of these words: a refusing verb, a negation's longest word, a phrase's longest word.
KEYS = frozenset(R["refusing"] | {key_word(e) for e in R["unwilling_phrases"] + R["not_phrases"]}
                 | {key_word(e) for e in R["refusal_phrases"]})
# A refusal after these is not the claim's own: a relative or subordinate clause, the generic "you".
_NOT_OWN = re.compile(r"\b" + alternation(R["subordinators"]) + r"\s+(?:[\w’'-]+\s+){0,2}$|\b"
                      + alternation(R["generic"]) + r"\s+$", re.IGNORECASE)
# Words that name nobody: a refusal after only these (and the speaker's own words) is the speaker's.
_NOBODY = GRAMMAR["auxiliaries"] | GRAMMAR["subject_pronouns"] | GRAMMAR["articles"]
_WORDS = re.compile(r"\w+")
_QUOTE_MARKS = ("“", '"')
_LOOKBACK = 40  # characters before a refusal read for a relative pronoun or subordinator (a few short words)


def declines(text: str, d: Draft) -> bool:
    """The draft reports its own source (or, unattributed, someone) withholding information."""
    body = text[d.start:d.end]
    if KEYS.isdisjoint(words(body)):
        return False
    return any(_own(text, d, m) for m in PATTERN.finditer(text, d.start, d.end))


def _own(text: str, d: Draft, m: re.Match) -> bool:
    """The refusal is the claim's own: not in a relative clause, and said of the speaker (see the module)."""
    if _NOT_OWN.search(text, max(d.start, m.start() - _LOOKBACK), m.start()):
        return False
    cue = d.cue
    if cue is None or m.start() <= cue.start < m.end():
        return True
    speaker = d.source.text if d.source is not None else ""
    if m.start() >= cue.end:  # in the content after the cue: "said they cannot discuss the case"
        return _speakers_own(text[cue.end:m.start()], speaker)
    opened = max(text.rfind(q, d.start, m.start()) for q in _QUOTE_MARKS)  # a quotation before its cue
    return opened >= 0 and _speakers_own(text[opened:m.start()], speaker)


def _speakers_own(between: str, speaker: str) -> bool:
    """Nobody but the speaker stands between cue and refusal: "said they cannot discuss it" is the speaker's
    refusal, "said the mayor refused to answer" reports someone else's as a fact."""
    others = {w for w in _WORDS.findall(between.lower()) if w not in _NOBODY}
    return others <= set(_WORDS.findall(speaker.lower()))
