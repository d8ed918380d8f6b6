"""Offices by construction: a mention's words that make it a government's without an office word of the lists.

A party and state tag ("Sen. Cruz (R-Texas)"), a capitalised "Representative" before a name, an office's or a
state body's capitalised name ("the Office of Immigrant Affairs", "the Air Accident Investigation Board"), a
governing body's possessive before a person's role ("the city's emergency operations director"), "House" with a
chamber word, a party adjective before staff.
``model.attribution.role_words`` asks ``governed`` once its lists found no office.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from model.lexicon import COUNTRIES, GRAMMAR, MEDIA, MENTION_WORDS, PERSON_ROLES, ROLE_NOUNS

GOVERNMENT_BODIES = MENTION_WORDS["government_bodies"]
# "(R-Kans.)", "D-N.Y.", "R-Texas", "(D-CA)", "(D-W-Va)", "(D-Richmond)": the party and state (or district) news
# writes after a sitting legislator ("D-Day" is none).
_PARTY_STATE = re.compile(r"\(?[RDI]-(?!Day)(?:[A-Z][a-z]{0,12}|[A-Z]\.[A-Z]|[A-Z]{2}|[A-Z]-[A-Z][a-z]{0,4})\.?\)?$")
_CASED_OFFICES = frozenset(w.upper() for w in MENTION_WORDS["cased_offices"])  # "WHO spokesman Tarik Jasarevic"
_CASED_OFFICE_PHRASES = frozenset(tuple(p.split()) for p in MENTION_WORDS.phrases("cased_office_phrases"))
_CASED_OFFICE_LINKS = frozenset(p[1] for p in _CASED_OFFICE_PHRASES)  # "of": a mention without one names no office
_BODY_HEADS = MENTION_WORDS["cased_body_heads"]  # read lower-cased, matched only as written capitalised
# The heads as a word of the mention writes them, lower-cased, with the possessive endings ``_state_body`` cuts off
# in turn ("'s", then "’s"): a mention holding none of these has no state body's head.
_BODY_HEAD_FORMS = frozenset(h + end for h in _BODY_HEADS for end in ("", "'s", "’s", "’s's"))
_OPENERS = GRAMMAR["articles"] | GRAMMAR["possessors"]  # "The Board" names no body of its own
_JOINING = frozenset(("and", "&"))
_COUNTRY_PREFIXES = frozenset(("U.S.", "US"))
_PERSON_ROLE = PERSON_ROLES | ROLE_NOUNS
_BODIES_OWNING = frozenset(b + end for b in GOVERNMENT_BODIES for end in ("'s", "’s"))  # "the city's", "state’s"
_CHAMBER_WORDS = MENTION_WORDS["chamber_words"]
_PARTY_WORDS = MENTION_WORDS["party_words"]
_PARTY_STAFF = MENTION_WORDS["party_staff"]
_LEADERS = frozenset({"leader", "leaders"})


def governed(ws: Sequence[str], low: list[str], found: set[str]) -> bool:
    """The mention is a government's by its construction (``ws`` as written, ``low`` lower-cased, ``found`` its
    words and phrases as ``role_words.phrases`` gives them)."""
    # ``is_party_state`` word by word, with no Python call per word
    return (any(map(_PARTY_STATE.match, ws)) or _governs(ws, low, found) or _representative(ws)
            or not _CASED_OFFICES.isdisjoint(ws) or _cased_office(ws) or _state_body(ws))


def is_party_state(word: str) -> bool:
    """The word is a party and state tag: "R-Kans.", "(D-Calif.)", "R-Texas", "D-CA"."""
    return _PARTY_STATE.match(word) is not None


def party_tagged(ws: Sequence[str]) -> bool:
    """A bracket or a comma then a party and state tag follows a word: "Dianne Feinstein (D-Calif.)", "Ted Cruz,
    R-Texas"."""
    return any(w in ("(", ",") and is_party_state(ws[i + 1]) for i, w in enumerate(ws[1:-1], 1))


def _representative(ws: Sequence[str]) -> bool:
    """"Representative Debbie Wasserman Schultz": the capitalised title of a legislator before a name (not "a
    representative of the company", which says nothing of an office)."""
    return "Representative" in ws and any(  # the test in C first: most mentions hold no such word
        w == "Representative" and i + 1 < len(ws) and ws[i + 1][:1].isupper() for i, w in enumerate(ws))


def _cased_office(ws: Sequence[str]) -> bool:
    """A government office named as written, capitalised: "the Office of Immigrant Affairs"."""
    return not _CASED_OFFICE_LINKS.isdisjoint(ws) and any(
        w[:1].isupper() and (w.lower(), ws[k + 1]) in _CASED_OFFICE_PHRASES for k, w in enumerate(ws[:-1]))


def _state_body(ws: Sequence[str]) -> bool:
    """A state body's head ending its capitalised name: "the Air Accident Investigation Board", "Aldenia's
    Competition Office", "the Secret Service"; not a head inside another body's name ("the Clinton School of
    Public Service", "the National Korean American Service and Education Consortium"), nor an outlet's ("Christian
    News Service")."""
    if _BODY_HEAD_FORMS.isdisjoint(map(str.lower, ws)):  # most mentions: no such head, one pass in C
        return False
    for k in range(1, len(ws)):
        head, before = ws[k].removesuffix("'s").removesuffix("’s"), ws[k - 1]  # "the Office's director"
        if not (head[:1].isupper() and head.lower() in _BODY_HEADS and before[:1].isupper()
                and before.lower() not in _OPENERS and before.lower() not in MEDIA):
            continue
        after = ws[k + 1:k + 3]
        if after and (after[0][:1].isupper() or (after[0] in _JOINING and after[1:2] and after[1][:1].isupper()
                                                  and after[1].lower() not in _OPENERS)):
            continue  # the name goes on past the head: "Service and Education Consortium"
        start = k - 1
        while start and ws[start - 1][:1].isupper():
            start -= 1
        if not start or ws[start - 1].lower() != "of":
            return True
    return False


def _governs(ws: Sequence[str], low: list[str], found: set[str]) -> bool:
    """A government's staff or a legislature's by construction rather than by title: a governing body's
    possessive before a person's role ("the city's emergency operations director"), the body written bare
    ("the state"), "House" with a chamber word ("House Republicans", "the House Ways and Means Committee"), a
    party adjective before staff or members ("a Democratic aide", "a Republican representative")."""
    if len(low) == 2 and low[0] == "the" and low[1] in GOVERNMENT_BODIES:
        return True
    if not _BODIES_OWNING.isdisjoint(low) and any(
            w in _BODIES_OWNING and not _PERSON_ROLE.isdisjoint(low[i + 1:]) for i, w in enumerate(low)):
        return True
    if _chamber(ws) and not _CHAMBER_WORDS.isdisjoint(found):
        return True
    if not _LEADERS.isdisjoint(low) and any(
            w in _LEADERS and low[i + 1:i + 2] == ["of"] and low[i + 2:i + 3] and low[i + 2] in COUNTRIES
            for i, w in enumerate(low)):
        return True  # "The leaders of France and Germany": a country's leader governs it
    return not _PARTY_WORDS.isdisjoint(low) and any(
        w in _PARTY_WORDS and not _PARTY_STAFF.isdisjoint(low[i + 1:i + 3]) for i, w in enumerate(low))


def _chamber(ws: Sequence[str]) -> bool:
    """"House" as a legislature's chamber: not after another capitalised word ("White House", "Opera House"),
    except the country's ("U.S. House")."""
    return "House" in ws and any(
        w == "House" and (i == 0 or not ws[i - 1][:1].isupper() or ws[i - 1] in _COUNTRY_PREFIXES
                          or ws[i - 1] in ("A", "An", "The"))  # "A House committee aide": an article
        for i, w in enumerate(ws))
