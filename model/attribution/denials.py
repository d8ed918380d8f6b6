"""Is a sourced claim a denial? Named features of the claim, and the rules that read them.

A denial rejects a claim in play (the sourcing guideline): a rejection cue with what it rejects ("denied
the reports"), a neutral cue with rejecting content ("said the allegations were 'completely false'",
"'Nothing has changed,' she wrote"), a rejection verb in another clause ("... denied the report and
said"), an answer that negates ("responded that she never ..."). Not a denial: a rejection verb in
another sense ("her request was denied", "could deny them permits"), "did not deny", criticism that
rejects no claim, a finding of one's own ("found no evidence"). Each is a feature here, read with the
words of ``model/lexicon/denial.txt`` (``model.denial``); ``rule`` decides from them.

``row`` adds features only a learned model would weigh: ``model/training/stance.py`` compares learned
models over all of them with the rules, on the team's labels. The rules won (see that module), so they
are what serves; the comparison stays reproducible for when there are more labels.

The content is the claim's words without its source and cue, so "Foreign Ministry spokeswoman" or the
cue "denied" is not read twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from model import denial as V
from model.caseless import Caseless, lowered
from model.lexicon import BELIEF, alternation
from model.text import words
from model.types import Span, record

RULE_FEATURES: tuple[str, ...] = (
    "denial_cue",  # the cue is a rejection verb: "denied", "dismissed", "pushed back"
    "other_sense",  # "could deny them permits", "dismissed Estonia as", "her request was denied"
    "not_denial",  # "did not deny", "would neither confirm nor deny"
    "denial_elsewhere",  # a rejection verb off the cue, with a claim as object: "... denied the report and said"
    "rejecting",  # "false", "baseless", "are lies", "no chance", "neither ... nor"
    "disbelief",  # "I don't buy that", "he didn't believe those characterizations"
    "claim_rejected",  # a claim with a verdict on it: "the report is misleading", "the claims are lies"
    "verdict_cue",  # "called the idea a ridiculous proposition": a naming cue with a verdict
    "quote_negation",  # a quotation opening by negating: "Coal isn't the villain", "It's not what worked"
    "response_negation",  # an answer that negates early: "responded that she never would have"
    "finding",  # "found no evidence that": a finding of one's own
    "admission",  # "acknowledged that the figures were wrong": the cue admits, whatever the content rejects
)
LEARNED_FEATURES: tuple[str, ...] = (
    "debunking",  # linking's "in so many words": "a hoax", "not true", "no evidence", "fake news"
    "disputing",  # "misleading", "distorted", "ridiculous", "wrong"
    "claim_noun",  # the content names a claim in play: "the report", "allegations", "the idea"
    "negation",  # any negation in the content
    "early_negation",  # a negation among the content's first words
    "response_cue",  # an answer: "responded", "replied", "countered", "insisted"
    "criticism_cue",  # "slammed", "attacked", "decried": criticism rejects no factual claim by itself
    "belief_cue",  # "believes", "thinks": an opinion
    "direct_quote",  # the claim is mostly a quotation
)
FEATURES = RULE_FEATURES + LEARNED_FEATURES
_DENYING = ("denial_elsewhere", "disbelief", "claim_rejected", "verdict_cue", "quote_negation", "response_negation")
EARLY = 5  # content words read for an early negation: the verb phrase right after the cue or the quote mark
_PUSH_BACK = frozenset({"push", "pushed", "pushes", "pushing"})
_PLAY_DOWN = frozenset({"play", "played", "plays", "playing"})  # "played down reports of a rift"
_DOWNPLAY = frozenset({"downplay", "downplayed", "downplays", "downplaying"})
_AWAY = frozenset({"off", "aside"})  # "brushed off", "waved aside": with ``V.WAVING_OFF``
_WORD = re.compile(r"[a-z]+")
_OBJECT_WORDS = 4  # content words read for what "played down" belittles: "reports of a rift", not "the risk"
_QUOTE_MARKS = ("“", '"', "'", "‘")
_QUOTATIONS = ("“", '"', "''")  # what opens a quotation in a claim's text ("''" in the New York Times' style)
_BELIEF = frozenset(BELIEF)
_CLITIC = ("n't", "n’t")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\s+(?:has\s+|had\s+|have\s+)?(?:\w+ly\s+)?$")
_RELATIVE_REACH = 30  # characters before a rejection verb read for "who has (long) "
# Denial words in another sense, read from the words around them (``_a_noun``, ``_false_thing``): an article or
# possessive right before, an indefinite article and one word before, a verdict's linking verb and article before,
# no claim noun among the two words after "false" ("a false robbery report" still calls a claim false).
_ARTICLE_BEFORE = re.compile(r"\b(?:" + alternation(V.W["determiners"]) + r"|a|an)\s+$", re.IGNORECASE)
_ARTICLE_WORD_BEFORE = re.compile(r"\ban?\s+[\w-]+\s+$", re.IGNORECASE)
_VERDICT_BEFORE = re.compile(r"\b" + alternation(V.W["verdict_linkers"]) + r"\s+(?:a|an|the)\s+$", re.IGNORECASE)
_FALSE_THING = re.compile(r"false\s+(?!(?:[\w-]+\s+)?" + alternation(V.CLAIM_NOUNS | V.W["false_claims"]) + r"\b)[a-z]",
                          re.IGNORECASE)
_REJECTING, _QUOTE_NEGATION = Caseless(V.REJECTING), Caseless(V.QUOTE_NEGATION)  # (model.caseless: cheaper)
# A claim holding none of these words shows no sign any rule reads, unless it negates inside a quotation or in
# an answer ("responded that she never ..."): then no pattern is run.
_SIGNS = (V.VERB_FORMS | V.WITH_FORMS | V.NOT_DENIAL_KEYS | V.DISBELIEF_KEYS | V.DISPUTING | _PUSH_BACK | _PLAY_DOWN
          | _DOWNPLAY | V.WAVING_OFF)
_GATE = _SIGNS | V.REJECTING_KEYS | V.NEGATIONS


@record
class Candidate:
    """What the features read of one sourced claim: its span of the text, cue and source spans, and whether
    it is mostly a quotation. Built from a draft in the stance stage and from a claim when comparing."""

    text: str
    start: int
    end: int
    cue: Span | None
    source: Span | None
    quoted: bool


def content(c: Candidate) -> str:
    """The claim's words, lower-cased, with its source and cue blanked."""
    body = c.text[c.start:c.end]
    for span in (c.source, c.cue):
        if span is not None and c.start <= span.start < span.end <= c.end:
            a, b = span.start - c.start, span.end - c.start
            body = body[:a] + " " * (b - a) + body[b:]
    return body.lower().replace("’", "'")


def denies(c: Candidate, present: set[str] | None = None) -> bool:
    """The rules' answer for one claim (``present``: the words of its text, when already at hand)."""
    body = c.text[c.start:c.end]
    present = words(body) if present is None else present
    if not possible(body, present, c.cue):
        return False
    return rule(signs(c, present))


def possible(body: str, present: set[str], cue: Span | None) -> bool:
    """Some rule may fire: a sign word, a rejecting phrase's words, or a negation inside a quotation or an
    answer. Checked first, with set operations only: most claims show none."""
    if _GATE.isdisjoint(present) and "n't" not in body and "n’t" not in body:  # the _CLITIC forms, no generator
        return False
    if not _SIGNS.isdisjoint(present) or V.rejecting_possible(present):
        return True
    return _negated(body, present) and _quoted_or_answer(body, cue)


def _negated(body: str, present: set[str]) -> bool:
    return not V.NEGATIONS.isdisjoint(present) or any(k in body for k in _CLITIC)


def _quoted(body: str) -> bool:
    return any(mark in body for mark in _QUOTATIONS)


def _quoted_or_answer(body: str, cue: Span | None) -> bool:
    return _quoted(body) or (cue is not None and not V.RESPONSE_CUES.isdisjoint(words(cue.text)))


def rule(f: Mapping[str, float]) -> bool:
    """The rules over the features: a rejection cue in its rejecting sense, or rejecting words, disbelief, a
    verdict on a claim, a negating quotation or answer, a rejection verb elsewhere with a claim as object;
    never "did not deny"; a finding of one's own ("found no evidence") or an admission rejects nothing."""
    if f["not_denial"]:
        return False
    if f["denial_cue"]:
        return not f["other_sense"]
    if f["admission"]:
        return False
    rejecting = f["rejecting"] and not f["finding"]
    return rejecting or any(f[name] for name in _DENYING)


def signs(c: Candidate, present: set[str], said: str | None = None) -> dict[str, bool]:
    """The features the rules read; each pattern is run only where its key words are present (``said``: the
    claim's ``content``, when already at hand)."""
    body = c.text[c.start:c.end]
    cue = words(c.cue.text) if c.cue is not None else set()
    verbs = bool(present & V.VERB_FORMS)
    said = content(c) if said is None else said
    said_words = words(said)
    disputing = not V.DISPUTING.isdisjoint(said_words) or V.rejecting_possible(said_words)
    response = bool(cue & V.RESPONSE_CUES)
    negated = bool(said_words & V.NEGATIONS) or "n't" in said
    quoted_text = _quoted(body)
    return {
        "denial_cue": bool(cue & V.VERB_FORMS) or ("back" in cue and bool(cue & _PUSH_BACK)) or (
            _belittling(cue) and not V.CLAIM_NOUNS.isdisjoint(_WORD.findall(said.lower())[:_OBJECT_WORDS])),
        "other_sense": verbs and bool(V.NOT_REJECTION.search(body) or V.PASSIVE.search(body)),
        "not_denial": not V.NOT_DENIAL_KEYS.isdisjoint(present) and bool(V.NOT_DENIAL.search(body)),
        "denial_elsewhere": bool(said_words & (V.VERB_FORMS | V.WITH_FORMS)) and _denied_elsewhere(said),
        "rejecting": V.rejecting_possible(said_words) and _rejecting(said, c),
        "disbelief": not V.DISBELIEF_KEYS.isdisjoint(said_words) and bool(V.DISBELIEF.search(said)),
        "claim_rejected": disputing and bool(said_words & V.CLAIM_NOUNS) and bool(V.CLAIM_REJECTED.search(said)),
        "verdict_cue": disputing and bool(cue & V.NAMING_CUES),
        "quote_negation": quoted_text and negated and _quote_negation(body),
        "response_negation": response and negated and _negates(_early(said, c)),
        "finding": "no" in said_words and bool(said_words & V.FINDING_VERBS) and bool(V.FINDING.search(said)),
        "admission": bool(cue & V.ADMISSION_CUES),
    }


def _denied_elsewhere(said: str) -> bool:
    """A rejection verb with a claim as object, not in a relative clause about someone in the content: "Vass,
    who has denied the charges, will appeal" reports the appeal; his earlier denial is background."""
    return any(not _RELATIVE_BEFORE.search(said, max(0, m.start() - _RELATIVE_REACH), m.start())
               and not _a_noun(said, m) for m in V.VERB_OBJECT.finditer(said))


def _a_noun(said: str, m: re.Match) -> bool:
    """The rejection verb's form is a noun here: right after an article or a possessive ("the dispute that"), or,
    in its base form, after an indefinite article and one word ("a trade dispute that"; "a spokesman disputes
    that" is a verb)."""
    before = said[max(0, m.start() - _RELATIVE_REACH):m.start()]
    verb = m.group(0).split(None, 1)[0].lower()
    return bool(_ARTICLE_BEFORE.search(before) or (V.DENIAL.get(verb) == verb and _ARTICLE_WORD_BEFORE.search(before)))


def _false_thing(said: str, at: int) -> bool:
    """"false" at ``at`` modifies a thing, no claim: "investigate the false alert" ("a false narrative", "the
    false claims" still call a claim false, and "it was a false alarm" is a verdict)."""
    lo = max(0, at - _RELATIVE_REACH)
    return bool(_ARTICLE_BEFORE.search(said, lo, at) and not _VERDICT_BEFORE.search(said, lo, at)
                and _FALSE_THING.match(said, at))


def _belittling(cue: set[str]) -> bool:
    """A cue that belittles its object: "played down", "downplayed", "brushed off", "waved aside" (a denial
    when the object is a claim in play)."""
    return (bool(cue & _DOWNPLAY) or ("down" in cue and bool(cue & _PLAY_DOWN))
            or (not _AWAY.isdisjoint(cue) and bool(cue & V.WAVING_OFF)))


def row(c: Candidate, found: Mapping[str, bool] | None = None, said: str | None = None) -> list[float]:
    """Every feature of one claim, in FEATURES order (for the learned models compared with the rules; ``found``:
    its ``signs``, ``said``: its ``content``, when already at hand)."""
    said = content(c) if said is None else said
    said_words = words(said)
    cue = words(c.cue.text) if c.cue is not None else set()
    named = {
        **(signs(c, words(c.text[c.start:c.end]), said) if found is None else found),
        "debunking": any(k in said for k in V.DEBUNKING_KEYS) and bool(V.DEBUNKING.search(said)),
        "disputing": not V.DISPUTING.isdisjoint(said_words) or V.rejecting_possible(said_words),
        "claim_noun": bool(said_words & V.CLAIM_NOUNS),
        "negation": _negates(V.NEGATION_WORDS.findall(said)),
        "early_negation": _negates(_early(said, c)),
        "response_cue": bool(cue & V.RESPONSE_CUES),
        "criticism_cue": bool(cue & V.CRITICISM_CUES),
        "belief_cue": bool(cue & _BELIEF),
        "direct_quote": c.quoted,
    }
    return [float(named[name]) for name in FEATURES]


def _early(said: str, c: Candidate) -> list[str]:
    """The first words of what is said: right after the cue, and of a quotation opening the claim."""
    out = []
    if c.cue is not None and c.start <= c.cue.end <= c.end:
        out += V.NEGATION_WORDS.findall(said, c.cue.end - c.start)[:EARLY]
    if c.cue is None or said.lstrip()[:1] in _QUOTE_MARKS:
        out += V.NEGATION_WORDS.findall(said)[:EARLY]
    return out


def _negates(ws: list[str]) -> bool:
    """A negation among the words, not one of uncertainty ("I don't know", "not sure")."""
    return any((w in V.NEGATIONS or w.endswith("n't")) and (i + 1 == len(ws) or ws[i + 1] not in V.UNSURE)
               for i, w in enumerate(ws))


def _rejecting(said: str, c: Candidate) -> bool:
    """Rejecting words in the content; "neither X nor Y" only when the source is not X or Y ("Neither
    Republicans nor Democrats know" is a subject, not a rejection)."""
    for m in _REJECTING.finditer(said, lowered(said)):
        if m.group(0).lower() == "false" and _false_thing(said, m.start()):
            continue
        if m.group("neither") is None or c.source is None or not m.start() <= c.source.start - c.start <= m.end() + 1:
            return True
    return False


def _quote_negation(body: str) -> bool:
    """A quotation opening by negating what is in play, not by a condition ("If Trump is not the nominee")."""
    m = _QUOTE_NEGATION.search(body, lowered(body))
    return m is not None and not V.CONDITIONAL.search(body[m.start():m.end()])


def matrix(candidates: list[Candidate]) -> np.ndarray:
    return np.array([row(c) for c in candidates], dtype=float).reshape(len(candidates), len(FEATURES))


class DenialFeatures(TransformerMixin, BaseEstimator):
    """Candidates -> their feature matrix: the first step of a learned stance model's Pipeline."""

    def fit(self, X, y=None) -> DenialFeatures:
        return self

    def transform(self, X) -> np.ndarray:
        return matrix(list(X))

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.array(FEATURES, dtype=object)
