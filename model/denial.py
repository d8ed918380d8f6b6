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

# ---------------------------------------------------------------- stance: a sourced claim that rejects one

# Rejecting words in a sourced claim make it a denial even with a neutral cue ("said the reports were false").
REJECTING = re.compile(r"\b(?:" + alternation(W["rejecting_phrases"]) + r"|neither\b[^.;]{1,80}\bnor|"
                       r"(?:do|does|did)(?:n['’]t| not)\s+(?:" + alternation(W["disbelief"]) + r"|believe\s+"
                       + alternation(W["disbelief_objects"]) + r"))\b", re.IGNORECASE)
REJECTING_KEYS = frozenset({key_word(e) for e in W["rejecting_phrases"]} | {"neither", "believe"} | W["disbelief"])
# "did not deny", "would neither confirm nor deny": no denial.
NOT_DENIAL = re.compile(r"\b" + alternation(W["not_denial_phrases"]) + r"\s+(?:\w+\s+){0,2}"
                        + alternation(forms(["deny"]) | W["non_answers"]) + r"\b", re.IGNORECASE)
NOT_DENIAL_KEYS = forms(["deny"]) | W["non_answers"]
# "could deny them permits" refuses, "dismissed Estonia as ..." belittles: neither rejects a claim.
NOT_REJECTION = re.compile(r"\b(?:could|would|can|may|might|will|to)\s+" + alternation(W["other_sense"]) + r"|\b"
                           + alternation(forms(W["belittling"])) + r"\s+(?!" + alternation(W["determiners"])
                           + r"?\s*" + alternation(CLAIM_NOUNS) + r"\b)(?:[\w’'-]+\s+){1,6}as\b", re.IGNORECASE)
# A quotation opening by negating what is in play ("Coal isn't the villain", "It's not what worked",
# "... doesn't mean he can't do it") rejects a claim, per the sourcing guideline.
_TARGETS = W["quote_negation_targets"]
QUOTE_NEGATION = re.compile(r"[“\"](?:[\w’',]+\s){0,6}?(?:\w+n['’]t\s+" + alternation(_TARGETS)
                            + r"|(?:is|was|are|were)\s+not\s+" + alternation(_TARGETS - {"mean"}) + "|"
                            + alternation(W["quote_negation_phrases"]) + r")\b", re.IGNORECASE)

# ---------------------------------------------------------------- linking: debunking in so many words

# Denial verbs count only with what they deny as object ("denied the reports", "dismissed claims that"), so
# "dismissed 849 cases" or "deny Muslims their safety" do not.
_OBJECT_VERBS = forms(W["claim_object_verbs"])
_PAIRS = {first: tuple(rest.split()) for first, rest in W["debunk_pairs"].items()}
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
# word, or when that is short, each of its second words).
DEBUNKING_KEYS = tuple(sorted(
    {_substring_key(w) for w in W["debunk_nouns"] | W["debunk_words"] | W["debunk_stems"] | _OBJECT_VERBS
     | forms(["deny"])}
    | {_substring_key(w) for first, rest in _PAIRS.items() for w in ((first,) if len(first) >= SHORT_KEY else rest)}))
# Cues that deny when the claim's stance is "denies": the rejection verbs and "called ... false", "brushed off".
DENIAL_CUES = tuple(sorted(VERB_FORMS | {f for line in W["rejecting_cues_phrases"] for f in line.split()}))
# Words of rejection, never content terms in linking: who rejects what is not what was said ("no evidence").
NOT_CONTENT = (VERB_FORMS | W["debunk_nouns"] | W["debunk_words"] | frozenset(_PAIRS.get("no", ()))
               | {e for e in W["rejecting_phrases"] if " " not in e})
