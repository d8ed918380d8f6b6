"""Refusals and non-answers: a claim reporting that someone withheld information asserts nothing.

"declined to comment", "did not respond to requests for comment", "would not say", "refused to discuss",
"could not be reached", "did not return calls": the claim's stance is "declines"
(no score, never a link). The words are ``model/lexicon/refusal.txt``; this module gives them their
grammar. A refusal counts only where it is the claim's own: not in a relative clause describing someone
("Smith, who declined to comment, said ..."), not before another cue ("declined to comment but said ..."),
and, after the cue, only when its subject is the speaker ("said they cannot discuss the case", not "said
Clinton refused to answer", which reports someone else's refusal as a fact). A plain negation of telling
before an open question ("did not say whether", "has not explained why") reports what a statement left out,
so it asserts: both label sets say so (the wire guideline's "did not say"; the team's "Sanders hasn't said
whether ...").
"""

from __future__ import annotations

import re

from model.attribution.records import Draft
from model.lexicon import GRAMMAR, MENTION_WORDS, ORGANIZATIONS, alternation, key_word
from model.lexicon import REFUSAL_WORDS as R
from model.text import words

# One word may stand between: "did not immediately respond", "declined to publicly detail", "has not yet said".
_ADVERB = r"(?:\w+ly\s+|" + alternation(R["between"]) + r"\s+)?"
_REACH = r"(?:[\w’'-]+\s+){0,3}"  # words between giving and what is given: "provide any documentation or specifics"
_REFUSING = alternation(R["refusing"]) + r"\s+to\s+"
_UNWILLING = alternation(R.phrases("unwilling_phrases")) + r"\s+"
_UNABLE = alternation(R.phrases("unable_phrases")) + r"\s+"
_NOT = alternation(R.phrases("not_phrases")) + r"\s+"
_NOR = alternation(R.phrases("nor_phrases")) + r"\s+" + _REACH  # "nor his lawyer responded"
_GIVING = alternation(R["giving"]) + r"\s+" + _REACH + alternation(R["information"])
_RETURNING = alternation(R["returning"]) + r"\s+" + _REACH + alternation(R["requests"])
_OPEN = r"\s+(?:" + alternation(R["question_prepositions"]) + r"\s+)?" + alternation(R["open_questions"]) + r"\b"
_SAYING = alternation(R["saying"]) + r"(?:" + _OPEN + r"|\s*(?=" + alternation(R["clause_end"]) + r"|$))"
_WITHHELD = ("(?:" + alternation(R["answering"] | R["telling"]) + r"\b|" + _SAYING + "|" + _GIVING + "|" + _RETURNING
             + ")")
_VERIFYING = alternation(R["verifying"]) + r"\b"
PATTERN = re.compile(
    r"\b(?:" + alternation(R.phrases("refusal_phrases")) + r"\b"
    + "|" + "(?:" + _REFUSING + "|" + _UNWILLING + ")" + _ADVERB + "(?:" + _WITHHELD + "|" + _VERIFYING + ")"
    + "|" + _UNABLE + _ADVERB + _WITHHELD
    + "|" + "(?:" + _NOT + _ADVERB + "|" + _NOR + ")(?:" + alternation(R["answering"]) + r"\b|" + _GIVING + "|"
    + _RETURNING + ")"
    + "|" + _NOR + _SAYING  # "Neither the airline nor the union would say whether ..."
    + r")")  # run on the lower-cased text, anchored at a lead word (``_matches``): far cheaper than searching
_ANY_CASE = re.compile(PATTERN.pattern, re.IGNORECASE)
# Every match holds a refusal phrase's longest word, or a lead (a refusing verb, a negation's longest word)
# and an act withheld; "said" / "told" only with an open question ("has not said whether"). Without them the
# pattern is not run: most claims hold a negation, few a negation and an act of answering.
PHRASE_KEYS = frozenset(key_word(e) for e in R.phrases("refusal_phrases"))
_LEADS = (R.phrases("unwilling_phrases") + R.phrases("unable_phrases") + R.phrases("not_phrases")
          + R.phrases("nor_phrases"))
LEAD_KEYS = frozenset(R["refusing"] | {key_word(e) for e in _LEADS})
_ACTS = R["answering"] | R["telling"] | R["verifying"] | R["giving"] | R["returning"] | R["saying"]
ACT_KEYS = _ACTS - {"said", "told"}
_PAST_SAYING = frozenset({"said", "told"})
_CLITIC = ("n't", "n’t")
# Where a match can start: the first word of a lead or phrase, whole (whitespace follows it in every one), after
# no letter or digit. One scan in C finds them all, and "donald" or "nominee" is no place to try the pattern.
_FIRSTS = {e.split()[0] for e in R["refusing"] | set(_LEADS + R.phrases("refusal_phrases"))}
_STARTS = re.compile(r"(?<![^\W_])(?=" + alternation(_FIRSTS) + r"\s)")
# A refusal after these is not the claim's own: a relative or subordinate clause, the generic "you".
_NOT_OWN = re.compile(r"\b" + alternation(R["subordinators"]) + r"\s+(?:[\w’'-]+\s+){0,2}$|\b"
                      + alternation(R["generic"]) + r"\s+$", re.IGNORECASE)
# Words that name nobody: a refusal after only these (and the speaker's own words) is the speaker's.
_NOBODY = GRAMMAR["auxiliaries"] | GRAMMAR["subject_pronouns"] | GRAMMAR["articles"]
_WORDS = re.compile(r"\w+")
_SPEAKING_FOR = MENTION_WORDS["speaking_for"]  # a spokeswoman, an aide: who speaks for a body
_BODIES = ORGANIZATIONS  # "the company", "the ministry": the body a spokesperson speaks for
_LINKS = frozenset({"for", "of", "at", "the"})  # "a spokeswoman for the Ostrander Group"
_QUOTE_MARKS = ("“", '"')
REACHED_THINGS = R["reached_things"]  # "A deal could not be reached": a thing agreed, no one asked
_LOOKBACK = 40  # characters before a refusal read for a relative pronoun or subordinator (a few short words)
_ANSWERING = R["answering"]
_LEAD_REACH = 4  # tokens from a refusal's lead to its act: "did not immediately respond", "has not yet commented"


def declines(text: str, d: Draft, present: set[str] | None = None) -> bool:
    """The draft reports its own source (or, unattributed, someone) withholding information (``present``:
    the words of its text, when already at hand)."""
    present = words(text[d.start:d.end]) if present is None else present
    if PHRASE_KEYS.isdisjoint(present) and not (_act(present) and _lead(text, d, present)):
        return False
    return any(_own(text, d, start, end) and not _reached_thing(text, d.start, start, end)
               for start, end in _matches(text, d))


def refused_at(low: list[str], i: int, lo: int) -> bool:
    """The cue word at token ``i`` (of lower-cased tokens) is an act of answering that ends a refusal opening
    at most ``_LEAD_REACH`` tokens before it: "did not respond", "would not comment" (not "could not say when",
    which may be a finding the speaker reports)."""
    if low[i] not in _ANSWERING:
        return False
    for k in range(max(lo, i - _LEAD_REACH), i):
        if low[k] in _FIRSTS:
            words_to_act = " ".join(low[k:i + 1])
            m = PATTERN.match(words_to_act + " ")
            if m is not None and m.end() >= len(words_to_act):  # the refusal runs to the act itself
                return True
    return False


def _reached_thing(text: str, lo: int, start: int, end: int) -> bool:
    """"A deal could not be reached": what could not be reached is a thing agreed, not someone asked."""
    if not text.endswith("reached", start, end):
        return False
    before = _WORDS.findall(text, lo, start)
    return bool(before) and before[-1].lower() in REACHED_THINGS


def _matches(text: str, d: Draft) -> list[tuple[int, int]]:
    """(start, end) in the text of every refusal starting at a lead word of the draft."""
    body = text[d.start:d.end]
    low = body.lower()
    if len(low) != len(body):  # lower-casing moved the offsets (a rare letter): search the long way
        return [(m.start(), m.end()) for m in _ANY_CASE.finditer(text, d.start, d.end)]
    out = []
    for start in _STARTS.finditer(low):
        m = PATTERN.match(low, start.start())
        if m:
            out.append((d.start + m.start(), d.start + m.end()))
    return out


def _lead(text: str, d: Draft, present: set[str]) -> bool:
    return not LEAD_KEYS.isdisjoint(present) or any(k in text[d.start:d.end] for k in _CLITIC)


def _act(present: set[str]) -> bool:
    if not ACT_KEYS.isdisjoint(present):
        return True
    return not _PAST_SAYING.isdisjoint(present) and not R["open_questions"].isdisjoint(present)


def _own(text: str, d: Draft, start: int, end: int) -> bool:
    """The refusal [start, end) is the claim's own: not in a relative clause, and said of the speaker (see
    the module)."""
    if _NOT_OWN.search(text, max(d.start, start - _LOOKBACK), start):
        return False
    cue = d.cue
    if cue is None or start <= cue.start < end:
        return True
    if d.source is not None and start <= d.source.start < end:  # the request refused speaks: "did not return
        return True  # calls seeking comment", where PolNeAR counts "calls" as a source of "seeking"
    speaker = d.source.text if d.source is not None else ""
    if start >= cue.end:  # in the content after the cue: "said they cannot discuss the case"
        return _speakers_own(text[cue.end:start], speaker)
    opened = max(text.rfind(q, d.start, start) for q in _QUOTE_MARKS)  # a quotation before its cue
    return opened >= 0 and _speakers_own(text[opened:start], speaker)


def _speakers_own(between: str, speaker: str) -> bool:
    """Nobody but the speaker stands between cue and refusal: "said they cannot discuss it" is the speaker's
    refusal, "said the mayor refused to answer" reports someone else's as a fact. A spokesperson speaks for a
    body: "A spokeswoman for the group said the company does not comment" is the body's own refusal."""
    own = set(_WORDS.findall(speaker.lower()))
    others = {w for w in _WORDS.findall(between.lower()) if w not in _NOBODY} - own
    if not others:
        return True
    return len(others) == 1 and others <= _BODIES and _speaks_for_a_named_body(speaker)


def _speaks_for_a_named_body(speaker: str) -> bool:
    """"A spokeswoman", "a spokeswoman for the Ostrander Group": a spokesperson of no body the words describe,
    so "the company" after the cue can be theirs; not "A union spokesman", "a spokesman for the mayor"."""
    ws = _WORDS.findall(speaker)
    at = next((i for i, w in enumerate(ws) if w.lower() in _SPEAKING_FOR), None)
    if at is None or any(w in _BODIES for w in ws[:at]):
        return False
    return all(w[:1].isupper() or w in _LINKS for w in ws[at + 1:])
