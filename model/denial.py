"""The denial vocabulary (``model/lexicon/denial.txt``) as the patterns stance and linking share.

Every word list lives in the lexicon file; this module only gives them their grammar (what may stand
between a denial verb and what it rejects, a quotation opening with a negation, ...). The stance stage
(``model.attribution.stance``) and linking (``model.content``) both build on these, so they cannot drift
apart. Each pattern comes with the words one of which every match holds (its *keys*): a cheap word or
substring check that spares running the pattern where it cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from model.lexicon import DENIAL, DENIAL_WORDS, alternation, key_word

W = DENIAL_WORDS
# Substring keys shorter than this get a leading space: "lie" alone would fire on "believe" and "earlier".
SHORT_KEY = 4


def forms(lemmas: Iterable[str]) -> frozenset[str]:
    """Every form of the given rejection verbs ("deny" -> deny, denied, denies, denying)."""
    wanted = set(lemmas)
    return frozenset(form for form, lemma in DENIAL.items() if lemma in wanted)


VERB_FORMS = frozenset(DENIAL)
CLAIM_NOUNS = W["claim_nouns"]
# Whose claims they are may stand before them: "dismissed the engineers' accusations as baseless".
POSSESSOR = r"(?:[\w-]+(?:['’]s|s['’])\s+)?"
# Whose a rejected claim is, by a name before its noun: "dismissed the OPA report as", "the Kontrast programme".
_NAMED = r"(?:(?-i:[A-Z][\w’'-]*)\s+){0,2}"
# Words before a claim noun that say which claim ("the leakage figure", "the budget office's estimate"): with a
# claim noun after them, what is dismissed is what someone said, not someone ("dismissed the newcomer as").
_MODIFIERS = r"(?:[\w’'-]+\s+){0,2}"

# ---------------------------------------------------------------- stance: a sourced claim that rejects one

# Rejecting words in a sourced claim's content make it a denial even with a neutral cue ("said the reports
# were false"): rejecting phrases anywhere, verdict nouns said of something ("are lies"), "neither ... nor".
REJECTING = re.compile(r"\b(?:" + alternation(W.phrases("rejecting_phrases")) + "|" + alternation(W["verdict_linkers"])
                       + r"\s+[\"“‘']?(?:[\w’'-]+\s+){0,2}[\"“‘']?" + alternation(W.phrases("verdict_nouns_phrases"))
                       + r"\b(?!\s+" + alternation(W["verdict_compounds"]) + r"\b))\b"
                       + r"|\b(?P<neither>neither\b[^.;]{1,80}\bnor)\b", re.IGNORECASE)
REJECTING_KEYS = frozenset({key_word(e) for e in W.phrases("rejecting_phrases") + W.phrases("verdict_nouns_phrases")}
                           | {"neither"})
# Key word -> all the words of each rejecting phrase holding it: a sharper pre-check than one key word ("not
# true" needs both), looked up only for the key words present.
_WORDSETS: dict[str, list[frozenset[str]]] = {}
for _e in (*W.phrases("rejecting_phrases"), *W.phrases("verdict_nouns_phrases"), "neither nor"):
    _WORDSETS.setdefault(key_word(_e), []).append(frozenset(re.findall(r"\w+", _e)))


def rejecting_possible(present: set[str]) -> bool:
    """Every word of some rejecting phrase is present (so REJECTING may match)."""
    return any(ws <= present for k in REJECTING_KEYS.intersection(present) for ws in _WORDSETS[k])
# "I don't buy that", "he didn't believe those characterizations": a believer's disbelief of a claim in play.
DISBELIEF = re.compile(r"\b" + alternation(W["disbelief_subjects"]) + r"\s+(?:do|does|did)(?:n['’]t| not)\s+"
                       r"(?:really\s+)?(?:" + alternation(W["disbelief"]) + r"|believe\s+"
                       + alternation(W["disbelief_objects"]) + r")\b", re.IGNORECASE)
# "did not deny", "would neither confirm nor deny": no denial.
_CLITICS = {e for e in W.phrases("not_denial_phrases") if e.startswith("n'")}  # "didn't deny": no word boundary before
NOT_DENIAL = re.compile(r"(?:\b" + alternation(set(W.phrases("not_denial_phrases")) - _CLITICS) + "|"
                        + alternation(_CLITICS)
                        + r")\s+(?:\w+\s+){0,2}" + alternation(forms(["deny"]) | W["non_answers"]) + r"\b",
                        re.IGNORECASE)
NOT_DENIAL_KEYS = forms(["deny"]) | W["non_answers"]
# "could deny them permits" refuses, "rejected his appeal" decides, "dismissed Estonia as ..." belittles, "did not
# dispute that" and "never disavowed" concede: none rejects a claim. ("denied that the bid had been opened" does:
# its object is a clause, so a decision's noun is read only before any "that".)
NOT_REJECTION = re.compile(r"\b(?:could|would|can|may|might|will|to)\s+" + alternation(W["other_sense"])
                           + r"|(?:\b(?:not|never)|n['’]t)\s+(?:\w+\s+)?" + alternation(VERB_FORMS) + r"\b|\b"
                           + alternation(VERB_FORMS) + r"\s+(?:(?!that\b)[\w’'-]+\s+){0,2}"  # not across "that"
                           + alternation(W["decision_objects"]) + r"\b|\b"
                           + alternation(forms(W["belittling"])) + r"\s+(?:[\w’'-]+\s+){0,2}" + alternation(W["staff"])
                           + r"\b(?!['’])|\b"
                           + alternation(forms(W["belittling"])) + r"\s+(?!" + alternation(W["determiners"])
                           + r"?\s*" + _MODIFIERS + alternation(CLAIM_NOUNS) + r"\b|(?:"
                           + alternation(W["said_possessors"]) + r"\s+)?" + POSSESSOR + _NAMED
                           + alternation(W["said_objects"]) + r"\b)(?:[\w’'-]+\s+){1,6}as\b", re.IGNORECASE)
# A quotation opening by negating what is in play ("Coal isn't the villain", "It's not what worked", "That's
# not true", "... doesn't mean he can't do it") rejects a claim, per the sourcing guideline; a condition
# ("If Trump is not the nominee") does not.
_TARGETS = W["quote_negation_targets"]
QUOTE_NEGATION = re.compile(r"(?:[“\"]|'')(?:[\w’',]+\s){0,6}?(?:\w+n['’]t\s+" + alternation(_TARGETS)
                            + r"|(?:is|was|are|were|\w+['’]s)\s+not\s+" + alternation(_TARGETS) + "|"
                            + alternation(W.phrases("quote_negation_phrases")) + r")\b", re.IGNORECASE)
CONDITIONAL = re.compile(r"\b" + alternation(W["conditionals"]) + r"\b", re.IGNORECASE)

# ---------------------------------------------------------------- linking: debunking in so many words

# Denial verbs count only with what they deny as object ("denied the reports", "dismissed claims that"), so
# "dismissed 849 cases" or "deny Muslims their safety" do not.
_OBJECT_VERBS = forms(W["claim_object_verbs"])
_PAIRS = {first: tuple(rest.split()) for first, rest in W.pairs("debunk_pairs").items()}
DEBUNKING = re.compile(
    r"\b(?:" + alternation(W["debunk_linkers"]) + r"\s+[\"“‘']?(?:" + alternation(W["debunk_intensifiers"])
    + r"\s+)?" + alternation(W["debunk_nouns"]) + r"\b"
    + "|" + alternation(W["debunk_words"])
    + "|" + alternation(W["debunk_stems"]) + r"\w*"
    + "".join(f"|{re.escape(first)}\\s+{alternation(rest)}s?" for first, rest in _PAIRS.items())
    + "|" + alternation(_OBJECT_VERBS) + r"\s+(?:" + alternation(W["determiners"]) + r"\s+)?"
    + alternation(CLAIM_NOUNS | W["claim_pointers"]) + r"\b"
    + "|" + alternation(forms(["deny"])) + r"\b(?!\s+" + alternation(W["not_people"]) + "))",
    re.IGNORECASE)


def _substring_key(word: str) -> str:
    return word if len(word) >= SHORT_KEY else " " + word


# Every DEBUNKING match holds one of these as a substring of the lower-cased text (a two-word pair's first
# word, or when that is short, each of its second words). A key holding another key is left out: the shorter
# one is found wherever it is, so fewer scans give the same answer.
_OWN_KEYS = ({_substring_key(w) for w in W["debunk_nouns"] | W["debunk_words"] | W["debunk_stems"] | _OBJECT_VERBS
              | forms(["deny"])}
             | {_substring_key(first) for first in _PAIRS if len(first) >= SHORT_KEY})
_SHORT_PAIRS = {first: {_substring_key(w) for w in rest} for first, rest in _PAIRS.items() if len(first) < SHORT_KEY}
_ALL_KEYS = _OWN_KEYS.union(*_SHORT_PAIRS.values())
DEBUNKING_KEYS = tuple(sorted(k for k in _ALL_KEYS if not any(o != k and o in k for o in _ALL_KEYS)))


def _companions() -> dict[str, str]:
    """Each key held only by one short word's pairs ("not real", "no such"), and that word: a match holds both."""
    out = {}
    for key in DEBUNKING_KEYS:
        if any(key in own for own in _OWN_KEYS):
            continue
        firsts = [first for first, keys in _SHORT_PAIRS.items() if any(key in k for k in keys)]
        if len(firsts) == 1:
            out[key] = firsts[0]
    return out


# "real" alone (in "really", "realize") is no reason to run DEBUNKING, which tries its whole alternation at every word.
KEY_COMPANIONS = _companions()
# Cues that deny when the claim's stance is "denies": the rejection verbs and "called ... false", "brushed off".
DENIAL_CUES = tuple(sorted(VERB_FORMS | {f for line in W.phrases("rejecting_cues_phrases") for f in line.split()}))
# Words of rejection, never content terms in linking: who rejects what is not what was said ("no evidence").
NOT_CONTENT = (VERB_FORMS | W["debunk_nouns"] | W["debunk_words"] | frozenset(_PAIRS.get("no", ()))
               | {e for e in W.phrases("rejecting_phrases") if " " not in e})

# ---------------------------------------------------------------- what the learned stance model weighs

DISPUTING = W["disputing"]
RESPONSE_CUES = W["response_cues"]
DISBELIEF_KEYS = W["disbelief"] | {"believe"}
FINDING_VERBS = W["finding_verbs"]
ADMISSION_CUES = W["admission_cues"]
WAVING_OFF = W["waving_off"]
NAMING_CUES = frozenset(f for line in W.phrases("rejecting_cues_phrases") for f in line.split())
CRITICISM_CUES = W["criticism_cues"]
NEGATIONS = W["negations"]
UNSURE = W["unsure"]
# "was denied", "were rejected": a passive rejection verb refuses something to someone ("her request was denied").
PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?"
                     + alternation({f for f in VERB_FORMS if f.endswith("ed")}) + r"\b", re.IGNORECASE)
# A rejection verb with what it rejects as object: "denied the reports", "disputed that", "rejected any such claims".
WITH_FORMS = W["with_object_verbs"]
VERB_OBJECT = re.compile(r"\b(?:" + alternation(VERB_FORMS) + r"\s+(?:" + alternation(W["determiners"]) + r"\s+)?"
                         + alternation(CLAIM_NOUNS | W["claim_pointers"]) + "|" + alternation(WITH_FORMS)
                         + r"\s+with\s+(?:" + alternation(W["determiners"]) + r"\s+)?" + alternation(CLAIM_NOUNS)
                         + r")\b", re.IGNORECASE)  # "disagreed with the findings", not "people I disagree with that"
# A claim in play with a rejecting or disputing word after it: "the report is misleading", "those claims are lies".
_VERDICTS = {e for e in W.phrases("rejecting_phrases")} | DISPUTING | W["debunk_nouns"] | W["debunk_words"]
CLAIM_REJECTED = re.compile(r"\b" + alternation(CLAIM_NOUNS) + r"\b(?:\W+\w+){0,6}?\W+" + alternation(_VERDICTS)
                            + r"\b", re.IGNORECASE)
# "found no evidence that": a finding of one's own.
FINDING = re.compile(r"\b" + alternation(W["finding_verbs"]) + r"\s+no\b", re.IGNORECASE)
NEGATION_WORDS = re.compile(r"[a-z]+n't|[a-z]+")  # content words, lower-cased, clitic "n't" kept on its word
