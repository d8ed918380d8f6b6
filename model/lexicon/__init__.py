"""Word lists for segmentation and attribution, loaded once at import from the text files beside this module.

Each file holds one entry per line; ``#`` starts a comment saying why an entry is there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_DIR = Path(__file__).parent


def lines(name: str) -> list[str]:
    """Entries of one list file, lower-cased, comments and blank lines dropped."""
    out = []
    for raw in (_DIR / name).read_text(encoding="utf-8").splitlines():
        entry = raw.split("#", 1)[0].strip().lower()
        if entry:
            out.append(entry)
    return out


def words(name: str) -> frozenset[str]:
    return frozenset(lines(name))


def verb_forms(name: str) -> dict[str, str]:
    """Each form of each verb line -> the line's lemma (its first form); a leading "~" (weak) is dropped. Forms
    are separated by whitespace, or by commas on a line whose forms have more than one word ("set out, sets out")."""
    out: dict[str, str] = {}
    for entry in lines(name):
        entry = entry.lstrip("~")
        forms = [f.strip() for f in entry.split(",")] if "," in entry else entry.split()
        for form in forms:
            out.setdefault(form, forms[0])
    return out


def weak_forms(name: str) -> frozenset[str]:
    """Forms of the verbs marked weak ("~") in a verb list."""
    return frozenset(f for entry in lines(name) if entry.startswith("~") for f in entry[1:].split())


class Sections:
    """A file of ``[section]`` blocks, each read by its name's ending: whitespace-separated words (a frozenset,
    ``sections[name]``); one entry per line in a section named ``*_phrases`` (a tuple in file order,
    ``sections.phrases(name)``); ``key value`` lines in one named ``*_pairs`` (a dict, ``sections.pairs(name)``)."""

    def __init__(self, blocks: dict[str, list[str]]) -> None:
        self._words = {k: frozenset(w for e in v for w in e.split()) for k, v in blocks.items()
                       if not k.endswith(("_phrases", "_pairs"))}
        self._phrases = {k: tuple(v) for k, v in blocks.items() if k.endswith("_phrases")}
        self._pairs = {k: dict(e.split(None, 1) for e in v) for k, v in blocks.items() if k.endswith("_pairs")}

    def __getitem__(self, name: str) -> frozenset[str]:
        return self._words[name]

    def phrases(self, name: str) -> tuple[str, ...]:
        return self._phrases[name]

    def pairs(self, name: str) -> dict[str, str]:
        return self._pairs[name]

    def entries(self) -> frozenset[str]:
        """Every word, every phrase and every pair's key of the file."""
        return frozenset().union(*self._words.values(), *self._phrases.values(), *self._pairs.values())


def sections(name: str) -> Sections:
    """The ``Sections`` of one list file; entries lower-cased, comments and blank lines dropped."""
    out: dict[str, list[str]] = {}
    current: list[str] = []
    for raw in (_DIR / name).read_text(encoding="utf-8").splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry.startswith("[") and entry.endswith("]"):
            current = out.setdefault(entry[1:-1], [])
        elif entry:
            current.append(entry.lower())
    return Sections(out)


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation (non-capturing) of lexicon entries, longest first: a space matches any run of
    whitespace and an apostrophe either form of it."""
    parts = sorted(set(entries), key=lambda e: (-len(e), e))
    return "(?:" + "|".join(re.escape(e).replace(r"\ ", r"\s+").replace("'", "['’]") for e in parts) + ")"


def key_word(entry: str) -> str:
    """The longest word-character run of an entry: a word every match of it holds."""
    return max(re.findall(r"\w+", entry), key=len)


def pronoun_table(name: str) -> dict[str, str]:
    return {w: kind for w, kind in (entry.split() for entry in lines(name))}


TITLES = words("titles.txt")
OFFICEHOLDERS = words("officeholders.txt")  # mined from PolNeAR train by model/training/officeholders.py
SURNAMES = words("surnames.txt")  # mined from PolNeAR train by model/training/surnames.py
NUMBERED = words("numbered.txt")
ABBREVIATIONS = words("abbreviations.txt") | TITLES | NUMBERED

SPEECH = verb_forms("cues_speech.txt")
BELIEF = verb_forms("cues_belief.txt")
DOCUMENT_CUES = verb_forms("cues_document.txt")
WEAK = weak_forms("cues_speech.txt") | weak_forms("cues_belief.txt")
INVERTED = words("cues_inverted.txt")
OBJECT_VERBS = words("cues_object.txt")
PARTICIPLE_CUES = words("cues_participle.txt")
NON_ANSWER_CUES = tuple(lines("cues_non_answers.txt"))
CUE_PHRASES = tuple(lines("cues_phrases.txt")) + NON_ANSWER_CUES

HEDGES = tuple(lines("hedges.txt"))
ANONYMITY_REASONS = tuple(lines("anonymity_reasons.txt"))
PRONOUNS = pronoun_table("pronouns.txt")
CONFIDENTIAL = words("confidential.txt")
GROUPS = words("groups.txt")
QUANTIFIERS = words("quantifiers.txt")

OFFICIAL = words("official.txt")
MEDIA = words("media.txt")
MEDIA_WORDS = frozenset(w for w in MEDIA if " " not in w)  # the one-word media words: heads of an outlet
EXPERT = words("expert.txt")
WITNESS = words("witness.txt")
ORGANIZATIONS = words("organizations.txt")
PERSON_ROLES = words("person_roles.txt")
COMMON_HEADS = words("common_heads.txt")
FEMALE = words("names_female.txt")
MALE = words("names_male.txt")
SENTENCE_OPENERS = {w.capitalize() if w != "i" else "I" for w in lines("sentence_openers.txt")}
ROLE_NOUNS = words("role_nouns.txt")


def plural(noun: str) -> str:
    """The regular English plural of a noun ("detective" -> "detectives", "deputy" -> "deputies", "policeman" ->
    "policemen", "wife" -> "wives"); irregular ones are listed in the lexicons themselves."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("fe"):
        return noun[:-2] + "ves"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


# Plurals of the people the role lexicons name ("survivors", "officials", "detectives"): a capitalised one opens a
# described group. Listed plurals, and the regular plural of every one-word singular.
_PEOPLE_NOUNS = WITNESS | PERSON_ROLES | ROLE_NOUNS
PEOPLE_PLURALS = frozenset(w for w in _PEOPLE_NOUNS if w.endswith("s")) | frozenset(
    plural(w) for w in _PEOPLE_NOUNS if w.isalpha() and not w.endswith("s"))
COUNTRIES = words("countries.txt")
# Nouns only a person is, with their plurals: "the farmer", "the actresses", "the witnesses".
_PERSON_ONLY = frozenset(w for line in lines("person_nouns.txt") for w in line.split())
PERSON_PLURALS = frozenset(plural(w) for w in _PERSON_ONLY) | frozenset(w for w in WITNESS if w.endswith("s"))
PERSON_NOUNS = _PERSON_ONLY | PERSON_PLURALS | WITNESS

# Closed-class words, the attribution grammar's own words, and the words that type and resolve mentions.
GRAMMAR = sections("grammar.txt")
ATTRIBUTION = sections("attribution.txt")
MENTION_WORDS = sections("mentions.txt")

# The denial vocabulary: stance, linking and the cues read this one file.
DENIAL_WORDS = sections("denial.txt")
# Each form of each rejection verb -> its lemma ("denied" -> "deny"): the denial cues.
DENIAL = {form: line.split()[0] for line in DENIAL_WORDS.phrases("verbs_phrases") for form in line.split()}
# Refusals and non-answers ("declined to comment", "would not say"): the stance "declines".
REFUSAL_WORDS = sections("refusal.txt")
# Legal forms and the word classes that type a mention (model/attribution/mentions.py, mention_features.py).
LEGAL_FORMS = words("legal_forms.txt")
FIRST_NAMES = words("first_names.txt") | words("first_names_world.txt")  # US Census; world news
# "the company" refers back to a name that shows it is a business's ("Kestrel Pharmaceuticals", "Velmar Ltd").
BUSINESS_HEADS = MENTION_WORDS["business_heads"]
BUSINESS_NAMES = MENTION_WORDS["business_name_words"] | LEGAL_FORMS
NAME_GENDER = sections("given_names_gender.txt")  # female / male: the gender a given name says
GIVEN_NAMES = FEMALE | MALE | FIRST_NAMES  # every first name the lists know (the gendered lists hold a few more)
TYPING = sections("typing.txt")
# the first word of an appositive that needs no article: "said Jake Horowitz, editor in chief of Mic.com."
APPOSITIVE_OPENERS = PERSON_ROLES | ROLE_NOUNS | TYPING["descriptor_words"] | TYPING["former_words"]
# Plural common nouns of the training news (mined by model/training/common_nouns.py): "Hospitals" is no name.
COMMON_PLURALS = words("common_plurals.txt")
COMMON_WORDS = words("common_words.txt")
