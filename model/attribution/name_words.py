"""What a capitalised name's own words say it is: a body's, a business's, a person's after a title, or people
described ("Residents of Hollin"). Read by ``mentions.classify``; and whether a capitalised common word opening
its sentence is a name at all (``opening_word_only``, read by ``typer``); and the words and phrases a mention is
looked up by in the lists (``phrases``, read by ``role_words``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise, repeat
from typing import TypeVar, cast

from model.lexicon import (
    BUSINESS_NAMES,
    COMMON_HEADS,
    COMMON_PLURALS,
    COMMON_WORDS,
    COUNTRIES,
    GIVEN_NAMES,
    GRAMMAR,
    GROUPS,
    LEGAL_FORMS,
    MEDIA,
    MENTION_WORDS,
    OFFICIAL,
    ORGANIZATIONS,
    PEOPLE_PLURALS,
    PERSON_ROLES,
    QUANTIFIERS,
    ROLE_NOUNS,
    SPEECH,
    TITLES,
    TYPING,
)
from model.types import Source, Span

# A mention's words: a list, or the remembered tuple (``mention_words.words_in``); a slice of them is the same type.
Words = TypeVar("Words", list[str], tuple[str, ...])

_DESCRIBED = TYPING["described_groups"] | COMMON_PLURALS | PEOPLE_PLURALS  # listed, or news plurals in lower case
_PEOPLE_SUFFIXES = tuple(TYPING["people_suffixes"])
_FORCES = TYPING["forces"]
_LOOKALIKES = GIVEN_NAMES | COUNTRIES  # a people suffix's look-alikes: "Carmen", "Yemen"
TITLE_WORDS = TITLES | PERSON_ROLES | ROLE_NOUNS
BODY_WORDS = ORGANIZATIONS | frozenset(f.rstrip(".") for f in LEGAL_FORMS)  # a name holding one is a body's
_NOT_PERSON_NAME = BODY_WORDS | TYPING["company_words"] | {"of", "&", "for", "-"}
_DETERMINERS = GRAMMAR["articles"]
_OPENERS = frozenset(':;\n"“‘\'(—–-')  # what may stand right before a sentence's first word
_LOOK_BACK = 40  # characters before a word read to tell whether it opens a sentence
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]*\b")
_SPEAKING = frozenset({"say", "tell"})  # only a speaker says or tells: "Shell said", "Radar said"
_PREPOSITIONS = GRAMMAR["mention_tail"]
_NAME_SUFFIXES = GRAMMAR["name_suffixes"]
POSSESSIVE = re.compile(r"['’]s?$")  # a possessive ending, cut before a word is looked up
POSSESSIVE_ENDS = ("'", "’", "'s", "’s")  # the words POSSESSIVE changes, by ``str.endswith``: most need no regex call


def phrases(ws: Sequence[str]) -> set[str]:
    """Lower-case words and two- and three-word phrases of a mention, for list lookups; a dotted acronym also
    as the lists spell it ("F.B.I." -> "fbi"; two letters stay: "U.S." is no "us")."""
    low = list(map(str.lower, ws))
    joined = " ".join(low)  # asked in C whether any word needs the Python steps below: most need none
    if "'" in joined or "’" in joined:
        low = [POSSESSIVE.sub("", w) or w if w.endswith(POSSESSIVE_ENDS) else w for w in low]
    out = set(low)
    if "." in joined:
        out.update(a for w in low if "." in w[:-1] and len(a := w.replace(".", "")) > 2 and a.isalpha())
    out.update(map(" ".join, pairwise(low)))
    out.update(map(" ".join, zip(low, low[1:], low[2:], strict=False)))
    return out


def may_as_name(toks: Sequence[str], k: int, lo: int) -> bool:
    """A capitalised "May" inside a sentence and before no capitalised word is a name or the month ("Theresa May
    said", "an email from May, seen by", "in May said", "May 20"), not the modal a title-case headline capitalises
    ("Clinton May Face Questions")."""
    return toks[k] == "May" and k > lo and (k + 1 >= len(toks) or not toks[k + 1][:1].isupper())


def is_capitalised(w: str) -> bool:
    return w[:1].isupper() or (w[:1].isdigit() and len(w) > 1 and w[-1:].isupper())


def without_generation(chunk: Words) -> Words:
    """A name without the generation after it: "Brent Bozell III", "C. Stewart Verdery Jr." end in the surname
    that keys the person."""
    while len(chunk) > 2 and chunk[-1].lower() in _NAME_SUFFIXES and is_capitalised(chunk[-2]):
        chunk = chunk[:-1]
    return chunk


def capitalised_as_opener(ws: list[str]) -> bool:
    """No capital but, maybe, a common word opening the mention ("Satellite images", "Television footage", "this
    report"): the capital is the sentence's, not a name's (``common_words.txt``: words the news writes in lower
    case)."""
    return bool(ws) and ws[0].lower() in COMMON_WORDS and not any(is_capitalised(w) for w in ws[1:])


def opening_word_only(text: str, source: Source | None, cue: Span | None, full: Span | None = None) -> bool:
    """The source is one common word opening its sentence ("Research suggests", "Polling shows") that the text
    never writes as a name elsewhere: exact, as a name is capitalised where no sentence opens ("Josh Earnest ...
    Earnest responded", "Loretta Lynch ... Lynch announced"); an acronym ("CREW") is a name, and so is one
    that says, tells or has reported ("Shell said", "Variety reported": the typer's to read) or that the text
    names in full (``full``)."""
    named = source is None or source.resolved is not None or (full is not None and full.text != source.text)
    word = "" if named else cast(Source, source).text  # not named: there is a source
    if not word.isalpha() or not word[:1].isupper() or word.isupper() or word.lower() not in COMMON_WORDS:
        return False
    if cue is not None and _speaks(cue.text.lower()):
        return False
    assert source is not None  # word is not "": not named, so there is a source
    return opens_sentence(text, source.start) and word not in names_mid_sentence(text)


def _speaks(cue: str) -> bool:
    """Only a speaker says or tells, and only an outlet has reported or is reporting ("Variety reported"); "X
    reports" is as often a compound noun misread as a cue ("Autopsy reports conducted by ...")."""
    lemma = SPEECH.get(cue)
    return lemma in _SPEAKING or (lemma == "report" and not cue.endswith("s"))


@lru_cache(maxsize=1)  # asked for each such source of a document in turn: one pass over its text, not one each
def names_mid_sentence(text: str) -> frozenset[str]:
    """The capitalised words the text writes where no sentence opens: the names it holds, in one pass."""
    return frozenset(m.group(0) for m in _CAPITALISED.finditer(text) if not opens_sentence(text, m.start()))


def opens_sentence(text: str, at: int) -> bool:
    """Nothing but a sentence's or a quotation's opening stands before ``at``: the text's start, an end mark
    (not a title's point: "Mr. Earnest"), a colon, a line break, a dash or an opening quotation mark."""
    before = text[max(0, at - _LOOK_BACK):at].rstrip(" \t\xa0")  # a line break is kept: a paragraph opens after it
    if not before or before[-1] in _OPENERS:
        return True
    if before[-1] not in ".!?":
        return False
    last = before.split()[-1].lower()
    return last not in TITLES and not (len(last) == 2 and last[0].isalpha())  # "Mr.", an initial "J."


def ends_in_business(chunk: list[str]) -> bool:
    """The phrase ends in a business's name ("Kessler Airways", "Brannock Foods": a business word last) once the
    role words before the name are set aside ("rival", "Its rival"): no person is called so, unless a person's
    title stands before a first name ("Chairman Tom Foods")."""
    if not chunk or chunk[-1].lower() not in BUSINESS_NAMES:
        return False  # most names: no business word last
    k = len(chunk)
    while k and is_capitalised(chunk[k - 1]):
        k -= 1  # back to the start of the name the phrase ends in
    run = chunk[k:]
    while run and run[0].lower() in TITLE_WORDS:
        run.pop(0)
    titled = any(w.lower() in _PERSON_TITLES for w in chunk[:len(chunk) - len(run)])
    return business(run) and not (titled and run[0].lower() in GIVEN_NAMES)


def business(run: list[str]) -> bool:
    """A name ending in a business's word ("Skylane Airways", "Brannock Foods", "Duke Energy"), not a person's
    given name and surname ("Tyra Banks")."""
    last = run[-1].lower() if run else ""
    return len(run) >= 2 and last in BUSINESS_NAMES and (run[0].lower() not in GIVEN_NAMES or last not in _SURNAMES)


_SURNAMES = MENTION_WORDS["business_words_as_surnames"]
_PERSON_TITLES = TITLES | PERSON_ROLES  # "Chairman", "Mr.", "CEO" (not "rival")


def described_group(chunk: list[str]) -> str:
    """The plural noun of people a mention opens with ("Residents" of "Residents of Hollin"), "" if none. A
    definite one ("the experts", "his advisers") is left to point back."""
    if chunk and chunk[0].lower() in _DETERMINERS and chunk[0].lower() not in ("a", "an"):
        return ""
    low = list(map(str.lower, chunk))  # most mentions: no word of a group's, read in C before any Python step
    if _DESCRIBED.isdisjoint(low) and not any(map(str.endswith, low, repeat(_PEOPLE_SUFFIXES))):
        return ""
    words = [w for w in chunk if w.lower() not in _DETERMINERS and w.lower() not in QUANTIFIERS]
    first = words[0].lower() if words else ""
    if not first or not (first in _DESCRIBED or (first.endswith(_PEOPLE_SUFFIXES) and first not in _LOOKALIKES)):
        return ""
    return first if len(words) == 1 or words[1].lower() in _PREPOSITIONS else ""


def force_of(chunk: list[str]) -> str:
    """The force of a place a description's last words name ("police", "coast guard": one body), or ""."""
    last = [(POSSESSIVE.sub("", w) if w.endswith(POSSESSIVE_ENDS) else w).lower() for w in chunk[-2:]]
    return next((" ".join(last[-k:]) for k in (1, 2) if "".join(last[-k:]) in _FORCES), "")


def titled_person(run: Sequence[str]) -> bool:
    """A name after a title or role word: "Police Chief Ana Ruiz", "Secretary of State John Kerry", "Rules
    Committee Chairman Bruce Ash" (not "General Motors", whose last word is a company's)."""
    low = [w.lower().rstrip(".") for w in run]
    name = len(low)
    while name > 0 and low[name - 1] not in TITLE_WORDS and low[name - 1] not in _NOT_PERSON_NAME:
        name -= 1
    return name < len(low) and any(w in TITLE_WORDS for w in low[:name])


def acronym(run: list[str]) -> bool:
    """"FBI", "U.N.", "NATO" name bodies; a longer capitalised word is a transcript's speaker ("WALLACE")."""
    word = run[0].replace(".", "") if len(run) == 1 else ""
    return len(word) >= 2 and word.isupper() and (len(word) <= 4 or word.lower() in MEDIA or word.lower() in OFFICIAL)


def no_name(ws: list[str]) -> bool:
    """The words name no one: no capital but the first word's, which is a body's common noun opening the
    sentence ("Court filings", "Police records"), not a name ("Velmar filings")."""
    return bool(ws) and ws[0].lower() in ORGANIZATIONS and not any(w[:1].isupper() for w in ws[1:])


def surname(chunk: list[str], i: int) -> bool:
    """The group word at i is a surname: "Mark Cuban", "Anwar Muslim", "Billionaire Mark Cuban" (a singular
    word right after a given name that opens the name), not "Roman Catholics", "the Odessa American", "The San
    Diego Republican"."""
    if i < 1 or i >= len(chunk) or chunk[i].lower().endswith("s") or chunk[i - 1].lower() not in GIVEN_NAMES:
        return False
    before = chunk[i - 2].lower() if i >= 2 else ""
    return not before or (before not in _DETERMINERS and (not is_capitalised(chunk[i - 2]) or before in COMMON_WORDS
                                                          or before in TITLES))


def naming_words(chunk: list[str]) -> list[str]:
    """Capitalised words that name someone (not titles, group adjectives, determiners or role nouns)."""
    out = []
    for i, w in enumerate(chunk):
        low = w.lower()
        if not is_capitalised(w) or low in _NOT_NAMING or (low in GROUPS and not surname(chunk, i)):
            continue
        out.append(w)
    return out


_NOT_NAMING = _DETERMINERS | TITLES | QUANTIFIERS | COMMON_HEADS | PERSON_ROLES  # one set read, not five


def named_as_a_person(ws: list[str]) -> bool:
    """The words name a person whatever capitals or body words follow: "Tamas Varga of oil broker PVM" (two or
    three capitalised words with no body's word, then "of" and more: a person and the body they belong to,
    whether or not the lexicon knows the given name), "Chairman Tom Foods" (a title, then a given name: a
    person's name, whatever word ends it)."""
    if len(ws) >= 3 and ws[0].lower() in TITLE_WORDS and ws[1].lower() in GIVEN_NAMES and all(map(is_capitalised,
                                                                                                   ws[1:])):
        return True
    k = next((i for i, w in enumerate(ws) if w == "of"), 0)
    return k in (2, 3) and len(ws) > k + 1 and ws[0].lower() not in _DETERMINERS and all(
        is_capitalised(w) and w.isalpha() and w.lower() not in _NOT_PERSON_NAME for w in ws[:k])
