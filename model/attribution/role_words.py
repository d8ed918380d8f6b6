"""What a mention's words say of its role: official, media, expert, witness or other.

Looked up word by word and by two- and three-word phrases in the role lexicons (``official.txt``,
``media.txt``, ``expert.txt``, ``witness.txt``); "former" cancels an office, a campaign speaks for a
candidate, and a longer phrase of another role outweighs an official word inside it ("security firm").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

from model.attribution.governing import GOVERNMENT_BODIES, governed
from model.attribution.name_words import POSSESSIVE, POSSESSIVE_ENDS, phrases
from model.lexicon import (
    ATTRIBUTION,
    COUNTRIES,
    EXPERT,
    GIVEN_NAMES,
    GRAMMAR,
    MEDIA,
    MENTION_WORDS,
    OFFICIAL,
    ORGANIZATIONS,
    PERSON_NOUNS,
    PERSON_PLURALS,
    PERSON_ROLES,
    TITLES,
    TYPING,
    WITNESS,
)
from model.text import MEMO_SIZE


def person_head(word: str, one: bool = False) -> bool:
    """A description's head word only a person is, written in lower case ("the farmer", "the 46-year-old");
    ``one``: of one person ("the masked men" are not)."""
    return not (one and (word in PERSON_PLURALS or word.endswith("-year-olds"))) and word.islower() and (
        word in PERSON_NOUNS or word.endswith(("-year-old", "-year-olds")))


def role_of(ws: list[str]) -> str:
    """official / media / expert / witness / other from the mention's words; "former" cancels an office. A
    relative clause counts only where the words before it say nothing and it says what the person does now
    ("Tomas Varga, who leads the opposition in parliament"), not what they did ("Sell, who left government")."""
    return _role_of(tuple(ws))


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of the words; a document names its sources again and again
def _role_of(ws: tuple[str, ...]) -> str:
    ws = _without_client(_without_recipient(ws))
    head = _before_clause(ws)
    role = _role(head)
    if role != "other" or len(head) == len(ws):  # most mentions: no relative clause to read
        return role
    if ws[len(head)].lower() != "whose" and _present(ws[len(head) + 1:len(head) + 3]):  # "whose shares jumped": no verb
        return _role(ws)
    clause = [w.lower() for w in ws[len(head):]]
    if not _LIVED_IT.isdisjoint(clause) and _KIN.isdisjoint(clause[1:3]):
        return "witness"  # "Ilie Marin, 61, who was pulled from the rubble", not "whose husband is among the trapped"
    return role


def _trade_union(ws: Sequence[str]) -> bool:
    """A trade union's words: "union" in lower case, possessive or not, or opening the mention as a sentence
    opens ("Union secretary Pavel Drach"); "the European Union" is none."""
    opens = bool(ws) and ws[0] in _OPENING_UNIONS
    return opens or not _UNION_WORDS.isdisjoint(ws)


def _without_recipient(ws: tuple[str, ...]) -> tuple[str, ...]:
    """The words without who received or saw a document ("An internal Kordel report, seen by Nordwire": the
    agency that saw it is not the report's producer), up to the next comma."""
    if _RECIPIENT.isdisjoint(map(str.lower, ws)):  # most mentions: no such verb, one pass in C
        return ws
    at = next((i for i, w in enumerate(ws[:-1]) if w.lower() in _RECIPIENT and ws[i + 1].lower() == "by"), None)
    if at is None:
        return ws
    end = next((i for i in range(at, len(ws)) if ws[i] == ","), len(ws))
    return ws[:at] + ws[end:]


def _without_client(ws: tuple[str, ...]) -> tuple[str, ...]:
    """The words without a lawyer's client when a person's role heads it ("Ruben Falk, a lawyer for the sergeant",
    "A lawyer for the recalled official, Irena Vasko"), up to the next comma: the client's office is not the
    lawyer's (a lawyer for a body, "the ministry", speaks for it)."""
    if _COUNSEL.isdisjoint(map(str.lower, ws)):  # most mentions: no lawyer, one pass in C
        return ws
    at = next((i for i, w in enumerate(ws[:-1]) if w.lower() in _COUNSEL and ws[i + 1].lower() == "for"), None)
    if at is None:
        return ws
    end = next((i for i in range(at, len(ws)) if ws[i] == ","), len(ws))
    return ws[:at + 1] + ws[end:] if ws[end - 1].lower() in PERSON_ROLES else ws


def _own_document(ws: Sequence[str]) -> bool:
    """A report written as a body's own document ("an internal Kordel report", "a Vantel incident report"): its
    role is its producer's, and "report" says no media. Only the lower-case word: "the Drudge Report" is an
    outlet's name."""
    at = next((i for i, w in enumerate(ws) if POSSESSIVE.sub("", w) in _REPORTS), None)
    return at is not None and not _PRODUCER_MARKS.isdisjoint(w.lower() for w in ws[:at])


def _own_site(ws: Sequence[str]) -> bool:
    """A website written as someone's own page ("Apple's own website", "the company website", "the Eric Trump
    Foundation website"): a possessive, "own" or a body's word right before it, and no outlet's name after it
    ("the investigative website Lanterna", "French website iGen", "US website TMZ" are outlets)."""
    at = next((i for i, w in enumerate(ws) if w.lower() in _SITES), None)
    if at is None or not at or (at + 1 < len(ws) and ws[at + 1][:1].isupper()):
        return False
    before = ws[at - 1]
    return bool(POSSESSIVE.search(before)) or before.lower() == "own" or before.lower() in ORGANIZATIONS


def _role(ws: Sequence[str]) -> str:
    low = [w.lower() for w in ws]
    others = _others_titles(ws, low)
    found = phrases(ws) - others
    if not found.isdisjoint(_REPORTS) and _own_document(ws):  # most mentions name no report: no scan
        found -= _REPORTS
    if not found.isdisjoint(_SITES) and _own_site(ws):
        found -= _SITES
    if "press" in found and not found.isdisjoint(_IN_HOUSE):
        found = found - {"press"}  # "Varda's press office": the body's own staff, no outlet
    former = not found.isdisjoint(_FORMER) and not found & _STILL and _former_first(low)
    if not found.isdisjoint(POLLS):
        return "expert"  # a poll is the pollster's work, whoever paid for it ("a new Fox News poll")
    if _witness_head(low):
        return "witness"  # "Witnesses near the military airport": the head speaks, not the place after it
    media = found & MEDIA
    if media and not (found & _OFFICE_HOLDERS) and any(" " in p or p in _OUTLET_WORDS for p in media):
        return "media"  # an outlet's name or word
    if ("campaign" in found or _trade_union(ws)) and not found & _SITTING:
        if found & EXPERT and (former or _past(low)):
            return "expert"  # "a former senior strategist for the Obama campaign": a campaign over, a trade plied now
        return "other"  # campaign staff speak for a candidate, a trade union for its members: no office
    offices = _offices(found) - _body_heads(low) - _named_general(ws, low)
    if "party" in found and offices and offices <= _PARTY_TITLES:
        return "other"  # "a senior Progress Party official", "Democratic Party officials": a party's, no office
    serves = bool(others & OFFICIAL) and not _STAFF.isdisjoint(low)  # "a top adviser for President Obama"
    if not former and (offices or serves or governed(ws, low, found)):
        return "official"
    expert = found & EXPERT
    if expert and expert <= _ACADEMIES and not _at_an_academy(ws, low):
        expert = set()  # the university itself, its spokesman, its office: no one at it, whose work it names
    if (expert or any(map(str.endswith, low, repeat(_EXPERT_ENDINGS)))) and not _staff_of_an_institution(low):
        return "expert"
    if media:
        return "media"
    return "other"


_FORMER = TYPING["former_words"]
_YEAR = re.compile(r"(?:19|20)\d\d")


def _past(low: list[str]) -> bool:
    """The mention dates what it says to the past: a year ("on Mrs. Clinton's 2008 campaign") or "ago"."""
    return "ago" in low or any(_YEAR.fullmatch(w) for w in low)


def _witness_head(low: list[str]) -> bool:
    """The words before the mention's first preposition or relative pronoun name first-hand witnesses and nothing
    else of a role ("Witnesses near the military airport", "Residents near the ministry"; not "Officials at the
    airport", "the family of the victim", "The victim's family": a witness's relatives or possessions are none)."""
    if _WITNESS_WORDS.isdisjoint(low) and "." not in "".join(low):
        return False  # most mentions: no witness's word, nor an acronym that could spell one
    k = next((i for i, w in enumerate(low) if i and (w in _RELATIVE or (w in _PP_OPENERS and not (
        w == "of" and set(low[:i]) <= _PARTITIVE)))), len(low))  # "one of the neighbours": the noun after "of"
    head = phrases([w for w in low[:k] if not w.endswith(POSSESSIVE_ENDS)])
    return not head.isdisjoint(WITNESS) and head.isdisjoint(OFFICIAL | EXPERT | MEDIA)


def _staff_of_an_institution(low: list[str]) -> bool:
    """Someone whose work is no expert's, at a place whose word is ("A clerk at Kestling General Hospital", "a
    guard at the centre", "Nurses at the hospital"): the wire guideline makes hospitals, their directors and
    doctors experts, not everyone who works there (``mentions.txt [institution_staff]``)."""
    k = next((i for i, w in enumerate(low) if i and w in _PP_OPENERS), len(low))
    return k < len(low) and low[k] == "at" and low[k - 1] in _INSTITUTION_STAFF


def _at_an_academy(ws: Sequence[str], low: list[str]) -> bool:
    """Someone at a university ("Ada Sellin, a water chemist at Norrvik University", "who teaches law at the
    University of Harnow", "researchers from the university"), not the university speaking or its staff
    speaking for it ("The university", "A university spokesman", "the university's sports office")."""
    at = next((i for i, w in enumerate(low) if POSSESSIVE.sub("", w) in _ACADEMIES), len(low))
    named_after = at + 1 < len(ws) and POSSESSIVE.search(ws[at]) and ws[at + 1][:1].isupper()  # "Iowa State
    return bool(named_after) or not _ACADEMY_PREPOSITIONS.isdisjoint(low[:at])  # University's Dianne Bystrom"


def _offices(found: set[str]) -> set[str]:
    """The official words found, less those inside a longer phrase of another role ("security firm" is an
    expert's, though "security" alone is official)."""
    offices = found & OFFICIAL
    if offices:
        other = {w for p in found & _NOT_OFFICIAL if " " in p for w in p.split()}
        offices -= other
    return offices


def _named_general(ws: Sequence[str], low: list[str]) -> set[str]:
    """{"general"} when "general" is no officer: a word of a name ("General Motors", "Ostrava General") or a
    modifier ("general counsel", "general manager"); an officer is "the general", or "General" before a first
    name ("General Joseph Dunford"); ``low``: the words in lower case. Listed phrases ("attorney general") are
    offices whatever this says."""
    at = low.index("general") if "general" in low else None
    last = at is not None and at + 1 == len(ws)
    if at is None or (last and ws[at] == "general") or (not last and ws[at] == "General"
                                                          and ws[at + 1].lower() in GIVEN_NAMES):
        return set()
    return {"general"}


def _body_heads(low: list[str]) -> set[str]:
    """"president" as the head of a body that is no government: "the president of Judicial Watch", "the
    group's president", "club president" (not "the president of Mexico", "the country's president"); ``low``:
    lower-case words."""
    if "president" not in low:
        return set()
    at = low.index("president")
    after = low[at + 1:at + 5]
    if after[:1] == ["of"]:
        body = [w for w in after[1:] if w != "the"]
        if body and not (body[0] in COUNTRIES or " ".join(body[:2]) in COUNTRIES or body[0] in OFFICIAL
                         or body[0] in GOVERNMENT_BODIES):
            return {"president", "vice president"}
    before = low[at - 1] if at else ""
    if before.endswith(("'s", "’s")) and before[:-2] not in GOVERNMENT_BODIES and before[:-2] not in COUNTRIES:
        return {"president", "vice president"}
    if before in _PRIVATE_BODIES:  # "club president Ana Horvat", "union president"
        return {"president", "vice president"}
    return set()


def _before_clause(ws: Sequence[str]) -> Sequence[str]:
    """The words before a relative clause: "a Democratic pollster who advised Clinton's 2008 campaign" is a
    pollster, whatever the clause says they did."""
    if _RELATIVE.isdisjoint(ws):  # most mentions: no relative pronoun, one pass in C
        return ws
    return next((ws[:i] for i, w in enumerate(ws) if i and w in _RELATIVE), ws)  # as written: "The WHO" holds none


def _others_titles(ws: Sequence[str], low: list[str]) -> set[str]:
    """Titles of another person, named after a preposition that follows a lower-case word: "a close friend of
    Gov. Mike Pence" holds no office ("Member of Parliament Bob Zimmer" is one title)."""
    if _PP_OPENERS.isdisjoint(low):  # most mentions: no preposition, one pass in C
        return set()
    return {POSSESSIVE.sub("", low[i]) for i in range(2, len(ws) - 1)
            if low[i - 1] in _PP_OPENERS and ws[i - 2][:1].islower() and ws[i][:1].isupper()
            and ws[i + 1][:1].isupper() and (low[i] in TITLES or low[i] in OFFICIAL)}


def _former_first(low: list[str]) -> bool:
    """"former" comes before the first office of the lower-case words: a title before the name stays the
    person's own ("Gov. Phil Bryant of Mississippi, a former backer of Sen. Ted Cruz")."""
    former = next((i for i, w in enumerate(low) if w in _FORMER), len(low))
    # a possessor's office is not the person's ("the president's former special envoy")
    office = next((i for i, w in enumerate(low) if not POSSESSIVE.search(w)
                   and (w in OFFICIAL or " ".join(low[i:i + 2]) in OFFICIAL)), len(low))
    return former < office


def _present(ws: Sequence[str]) -> bool:
    """A relative clause's first words are in the present: "who now teaches", "who is", "who chairs" (not "was",
    nor "has": "who has endorsed Sanders" tells what they did)."""
    return bool(ws) and (ws[0].lower() in _NOW or (ws[0].endswith("s") and ws[0].lower() not in _PAST))


_ACADEMIES = MENTION_WORDS["academies"]
_ACADEMY_PREPOSITIONS = frozenset(("at", "from", "of", "with"))  # "a chemist at", "professor X of", "a fellow with"
_EXPERT_ENDINGS = tuple(MENTION_WORDS["expert_endings"])  # "virologists", "an epidemiologist"
_INSTITUTION_STAFF = MENTION_WORDS["institution_staff"]  # "A clerk at the hospital": no expert by the place
POLLS = ATTRIBUTION["poll_in"]  # the words the cues take for a poll: a pollster's work, expert
_RELATIVE = frozenset(("who", "whom", "whose", "which", "that"))
_NOW = frozenset(("now", "currently", "also", "still", "are"))
_PAST = frozenset(("has", "was"))
_NOT_OFFICIAL = EXPERT | MEDIA | WITNESS
_WITNESS_WORDS = frozenset(w for p in WITNESS for w in p.split())  # a witness's phrase holds one of them
_OUTLET_WORDS = MENTION_WORDS["outlet_words"]  # outlets by themselves; "report", "press" yield to an office
_OFFICE_HOLDERS = frozenset(MENTION_WORDS.phrases("office_holder_phrases"))
_SITTING = MENTION_WORDS["sitting_titles"]
_PARTY_TITLES = MENTION_WORDS["party_titles"]  # "a senior Progress Party official", "the party's secretary general"
_PRIVATE_BODIES = MENTION_WORDS["private_bodies"]
_OPENING_UNIONS = frozenset(("Union", "Unions"))
_UNIONS = frozenset(("union", "unions"))  # lower case: "the largest union representing Border Patrol agents", not
# "the European Union"; capitalised only opening the mention, as a sentence opens: "Union secretary Pavel Drach";
# _UNION_WORDS: as written or with the possessive endings that _trade_union once cut off in turn ("'s", then "’s")
_UNION_WORDS = frozenset(w + end for w in _UNIONS for end in ("", "'s", "’s", "’s's"))
_LIVED_IT = MENTION_WORDS["lived_it"]  # a relative clause with these tells the event happened to them
_KIN = MENTION_WORDS["kin"]  # ... unless to their kin: a relative speaks of it second-hand
_PP_OPENERS = GRAMMAR["mention_tail"]  # "of", "to", "with", ...: a name after one is someone else
_PARTITIVE = GRAMMAR["phrase_quantifiers"] | GRAMMAR["articles"]  # "one of the", "some of the", "two of"
_STAFF = MENTION_WORDS["speaking_for"]  # "spokesman", "aide", "adviser", ...
_STILL = frozenset(("current and", "and current"))
_RECIPIENT = MENTION_WORDS["recipient_verbs"]
_PRODUCER_MARKS = MENTION_WORDS["producer_marks"]
_REPORTS, _SITES = frozenset(("report", "reports")), frozenset(("website", "websites"))  # see ``_own_site``
_IN_HOUSE, _COUNSEL = frozenset("press " + w for w in MENTION_WORDS["in_house_press"]), TYPING["counsel"]
