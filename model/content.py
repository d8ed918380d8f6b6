"""What a claim says, as terms: the words linking compares, and whether it denies or negates.

A claim's *content terms* are the lower-cased words of its text with its
source and cue spans blanked, function words, cue words, denial words and
negations dropped, possessives cut, one common suffix and a final e stripped
("closures", "closure" -> "closur"), and a few paraphrase classes that news
copy swaps freely merged (soldiers, troops, army, forces -> military). Its
*mention terms* add the words of a source named in the sentence itself
("Apple said ..." mentions Apple). A claim *denies* by its stance or in so
many words ("a hoax", "not true", "no evidence", "denied the reports");
"declined to comment" and "did not deny" do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple, cast

from model.caseless import Caseless, lowered
from model.denial import DEBUNKING, DEBUNKING_KEYS, DENIAL_CUES, KEY_COMPANIONS, NOT_CONTENT, NOT_DENIAL
from model.lexicon import REFUSAL_WORDS, sections
from model.text import Memo
from model.types import Claim, Source


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP = _wordset(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself now of off on once only or
    other our ours out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yet however still even one two also mr mrs ms dr may might must shall us via per new
    last first week year years day days time times today yesterday monday tuesday wednesday thursday friday saturday
    sunday"""
)
# Attribution vocabulary: who said it is not what was said.
CUE = _wordset(
    """say said says saying told tell tells according report reported reports reporting claim claimed claims claiming
    stated add added adds announce announced confirm confirmed confirms believe believes believed
    reveal revealed reveals insist insisted explain explained note noted suggest suggested speaking spoke write wrote
    source sources official officials spokesman spokeswoman spokesperson statement news agency media"""
)
NEGATION = _wordset("not no never none neither nor nothing cannot n't isn't wasn't aren't weren't didn't "
                     "doesn't don't won't wouldn't hasn't haven't hadn't")
NEGATED = 3  # words after a negation that it governs: "was not near Kobani"
_REBUTTAL = sections("rebuttal.txt")
# Acts of telling: negated, they withhold rather than reject ("did not say whether", "did not confirm").
_TELLING = REFUSAL_WORDS["telling"] | REFUSAL_WORDS["saying"] | REFUSAL_WORDS["verifying"] | REFUSAL_WORDS["answering"]
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d.,]*\w*")
SUFFIXES = (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("ness", ""), ("ing", ""),
            ("ed", ""), ("s", ""), ("ly", ""))
_ENDINGS = tuple(suffix for suffix, _ in SUFFIXES)


def stem(word: str) -> str:
    """Strip one common suffix and a final e, keeping three letters ("closures", "closure", "closed" -> "closur",
    "closur", "clos"; light and rule-based on purpose)."""
    if word[0].isdigit():
        return word.rstrip(".,")
    # One C call first: most words end in none of the suffixes, and a word in "ss" keeps its suffix whatever it is.
    if word.endswith(_ENDINGS) and not word.endswith("ss"):
        for suffix, repl in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)] + repl
                break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


EXCLUDE = STOP | CUE | NOT_CONTENT | NEGATION


# A few paraphrase classes that news copy swaps freely ("soldiers" / "troops" / "military presence").
SYNONYMS = {
    "soldier": "military", "troop": "military", "army": "military", "armi": "military", "forc": "military",
    "kill": "death", "dead": "death", "die": "death", "di": "death", "death": "death",
    "arrest": "arrest", "detain": "arrest", "custody": "arrest",
}


def term(word: str) -> str | None:
    """A lower-cased word's content term, or None for function, cue, denial and negation words (remembered)."""
    return _TERMS[word] or None


def _term_or_empty(word: str) -> str:
    """``term``, "" for none (no word's term is empty): the memo's reader, so a new word costs one Python call."""
    w = word.removesuffix("'s").strip("'-")  # possessives: "the airline's chief" mentions the airline
    if len(w) < 2 or w in EXCLUDE or w.endswith("n't"):
        return ""
    t = stem(w)
    return SYNONYMS.get(t, t)


_TERMS = Memo(_term_or_empty)  # each word's ``term`` ("" for none), read through map(_TERMS.__getitem__, words)


def terms_of(words: Iterable[str]) -> frozenset[str]:
    """The content terms of these lower-cased words."""
    return frozenset(filter(None, map(_TERMS.__getitem__, words)))


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def _source_terms(text: str) -> frozenset[str]:
    return terms_of(_words(text))


_SOURCE_TERMS = Memo(_source_terms)  # each source text's terms: a story's speakers recur from claim to claim


def _visible_text(claim: Claim) -> str:
    """The claim's text with its source and cue spans blanked (offsets are document offsets)."""
    return _blanked(claim, claim.text)


def _blanked(claim: Claim, text: str) -> str:
    """``text`` (the claim's text, or a form of it with the same offsets) with the source and cue spans blanked."""
    for span in (claim.source, claim.cue):
        if span is None:
            continue
        lo, hi = span.start - claim.start, span.end - claim.start
        if 0 <= lo < hi <= len(text):
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


class Analysis(NamedTuple):
    """What linking needs from one claim, computed in one pass over its words (a tuple: built for every claim
    of a request, it costs less to make than a frozen dataclass)."""

    content: frozenset[str]  # what is said, without who says it
    mention: frozenset[str]  # content plus the source's own words ("Apple said ...")
    negated: bool
    denial: bool


def analyse(claim: Claim, keys: Sequence[str] = DEBUNKING_KEYS, low: str | None = None) -> Analysis:
    """What linking reads of a claim (``keys``: the debunking keys worth looking for, see ``keys_in``; ``low``: its
    text lower-cased, when already at hand)."""
    low = claim.text.lower() if low is None else low
    # Lower-casing commutes with blanking when it keeps every offset and no capital sigma (whose form depends on its
    # neighbours) is there: then the lower-cased text is blanked, not lower-cased a second time.
    same = len(low) == len(claim.text) and "Σ" not in claim.text
    visible = (_blanked(claim, low) if same else _visible_text(claim).lower()).replace("’", "'")
    # The words found by one walk of the pattern over the sentence, in C: on unseen news a claim brings many chunks
    # new to any memo of chunks, and reading each costs more Python than the walk (news copy never repeats).
    words = WORD.findall(visible)
    content = frozenset(filter(None, map(_TERMS.__getitem__, words)))
    inside = claim.source is not None and claim.start <= claim.source.start and claim.source.end <= claim.end
    # Only a source named in the sentence itself is part of what it mentions; a resolved pronoun's is not. The cast:
    # ``inside`` holds only with a source, a narrowing mypy does not carry through the variable.
    source = _SOURCE_TERMS[cast(Source, claim.source).text] if inside else frozenset()
    negated = not NEGATION.isdisjoint(words) or "n't" in visible
    return Analysis(content, content | source, negated, is_denial(claim, keys, low))


def rejected(claim: Claim) -> frozenset[str]:
    """The terms the claim's main statement negates (``rejected_terms``); none when its act itself is negated
    ("but didn't reveal an estimate", "has not said"): a non-answer. Asked only of a possible rebuttal."""
    return frozenset() if _withheld(claim) else rejected_terms(_words(_visible_text(claim)))


def rejected_terms(words: Sequence[str]) -> frozenset[str]:
    """The terms a negation of the claim's main statement governs ("Rosenberg was not near Kobani": near,
    kobani); none for a negation in a relative clause ("civilians whom we cannot evacuate"), nor for a negated
    act of telling ("did not say why", "Don't say ..."), which withholds."""
    out: set[str] = set()
    for i, w in enumerate(words):
        if w in _REBUTTAL["relative"]:
            break
        if not _negation(w):
            continue
        governed = [x for x in words[i + 1:i + 1 + NEGATED] if x not in _REBUTTAL["between"]]
        if governed and governed[0] not in _TELLING:
            out.update(filter(None, map(term, governed)))
    return frozenset(out)


def _withheld(claim: Claim) -> bool:
    """A negation just before the claim's cue: its act itself is negated ("did not confirm", "has not said")."""
    if claim.cue is None:
        return False
    return any(map(_negation, _words(claim.text[:claim.cue.start - claim.start])[-2:]))


def _negation(word: str) -> bool:
    return word in NEGATION or word.endswith("n't")


def content_terms(claim: Claim) -> list[str]:
    """Stemmed content words of what the claim says, without who says it."""
    return sorted(analyse(claim).content)


def keys_in(claims: Sequence[Claim], lows: Sequence[str] | None = None) -> tuple[str, ...]:
    """The debunking keys present anywhere in these claims' texts (``lows``: those lower-cased, when at hand): the
    only ones a claim among them can hold. One scan of the whole request per key, then each claim scans for
    these few, not for every key."""
    everything = "\n".join(lows if lows is not None else [c.text.lower() for c in claims])
    return tuple(filter(everything.__contains__, DEBUNKING_KEYS))  # C calls through filter: no generator


def is_denial(claim: Claim, keys: Sequence[str] = DEBUNKING_KEYS, low: str | None = None) -> bool:
    """Denies another claim: a denial cue with the engine's "denies" stance ("dismissed", "rejected"), or
    debunking in so many words ("a hoax", "not true", "no evidence"). A merely negated statement ("it's not
    about money") is not a denial here; linking treats it as opposite polarity instead."""
    if claim.stance == "denies" and claim.cue is not None and claim.cue.text.lower().startswith(DENIAL_CUES):
        return True
    # A plain substring scan first (C speed): the phrase pattern is slow to try at every word of every sentence.
    low = claim.text.lower() if low is None else low
    if not any(map(low.__contains__, keys)):
        return False
    if not any(k in low and KEY_COMPANIONS.get(k, k) in low for k in keys):  # "real" without "not" (model.denial)
        return False
    caseless = lowered(claim.text, low)  # the patterns run case-sensitively over it where they may
    if not _DEBUNKING.search(claim.text, caseless):
        return False
    return claim.stance == "denies" or not _NOT_DENIAL.search(claim.text, caseless)  # "did not deny" denies nothing


_DEBUNKING, _NOT_DENIAL = Caseless(DEBUNKING), Caseless(NOT_DENIAL)  # (model.caseless)
