"""What a source's own description says it is: a person by a role noun ("The minister", "Velmar officials"), a body
set off in apposition ("Velmar, the Danish shipping group"), an office one person holds ("the congresswoman"), the
one holder of a named body's role ("The leader of the Catholic Church"), a person named after a description ("The
club's owner, American investor Dale Harper") or before a role ("Shona Mayhew, a national organiser"). The typer's
exact cases (``typer``)."""

from __future__ import annotations

from model.attribution.mention_features import name_of
from model.attribution.mentions import appositive_name, described_name, words_of
from model.attribution.name_words import TITLE_WORDS, is_capitalised
from model.attribution.no_one import typed
from model.attribution.records import Resolution
from model.attribution.role_words import POSSESSIVE, person_head
from model.attribution.times import past_participle
from model.lexicon import (
    BUSINESS_HEADS,
    GIVEN_NAMES,
    GRAMMAR,
    MEDIA_WORDS,
    MENTION_WORDS,
    ORGANIZATIONS,
    PERSON_NOUNS,
    PERSON_ROLES,
    ROLE_NOUNS,
    TYPING,
)

_NAMED_OFFICES = MENTION_WORDS["named_offices"]
_PRODUCED_BY, _ARTICLES = GRAMMAR["produced_by"], GRAMMAR["articles"]
_HOLDERS = PERSON_ROLES | _NAMED_OFFICES  # a role one person holds: the union made once, not per call
_OFFICE_HEADS = PERSON_ROLES | ROLE_NOUNS  # what an office before its holder's name is headed by
_RELATIVE_OPENERS = GRAMMAR["relative_pronouns"] | {"whom"}  # a clause about a person after its description
# Words that give an appositive a tail its last word heads ("an adviser to the group", "a professor at the college")
_NOT_IN_APPOSITION = GRAMMAR["mention_tail"] | GRAMMAR["relative_pronouns"] | {"which", "that", "and", "by", "during"}
_CUT_AT = _NOT_IN_APPOSITION - {"of"}
_BODY_HEADS = ORGANIZATIONS | BUSINESS_HEADS  # what a body's description is headed by: "the group", "the company"
# An outlet's word, never a person's job, so "a" one in apposition is a body too: "The Lantern, a student newspaper"
OUTLETS = (MEDIA_WORDS & TYPING["company_words"]) - {"media", "news", "press"}
_NAME_WORDS = 4  # words of a person's name at most: "Maria del Carmen Ruiz"
_PERSON_WORDS = PERSON_ROLES | PERSON_NOUNS  # "organiser", "spokeswoman", "farmer"
_ROLE_WITHIN = 4  # words of "a national organiser": the article, then up to three words to the person's noun
_PERSON_ENDINGS = ("-year-old", "ologist", "specialist")  # "a 58-year-old crane operator", "a toxicologist"
_PEOPLE_OR_BODIES = MENTION_WORDS["people_or_bodies"]  # "operator": a company, or a person before a name


def describes_a_person(r: Resolution) -> bool:
    """The rules read a person in a description ending in (or, unnamed, headed by) a person's role noun ("The
    minister", "Velmar officials", "An investigator with the fire service"): exact, as no body is called so."""
    ws = _before_tail(words_of(typed(r)))  # "Skyra, the second-largest operator with 2 million customers"
    described = ws[:ws.index(",")] if "," in ws else []  # "The agency's head, Fabio Corsi": a person's role
    office = described[:[w.lower() for w in described].index("of")] if "of" in described else described
    if office and office[-1].lower() in _OFFICE_HEADS and appositive_name(ws):  # and the name after it
        return r.mention is not None and r.mention.kind == "named_person"  # "The Commissioner of the NHL, Gary ..."
    after = ws[len(described) + 1:len(described) + 2]  # the word after the description's comma
    if described and after and after[0].lower() in _RELATIVE_OPENERS:
        ws = described  # "The minister, whose remarks were broadcast on television": the clause says no kind
    return (r.mention is not None and r.mention.kind in ("named_person", "anonymous") and bool(ws) and (
        _role_noun(ws[-1].lower()) or person_head(ws[-1]) or office_described(ws) or (
            r.mention.kind == "anonymous" and person_head(r.mention.head)))
            and not any(w.lower() in _PRODUCED_BY for w in ws))


def body_in_apposition(r: Resolution, outlets_only: bool = False) -> bool:
    """A name set off by an appositive saying what body it is ("Velmar, the Danish shipping group"); with
    ``outlets_only``, what outlet ("The Lantern, a student newspaper")."""
    ws = words_of(typed(r))
    if "," not in ws or not name_of(" ".join(ws[:ws.index(",")])):
        return False
    part = ws[ws.index(",") + 1:]
    low = [w.lower() for w in part]
    k = next((i for i, w in enumerate(low) if i and w in _NOT_IN_APPOSITION), len(low))  # "a group based in Oslo",
    k = next((i for i in range(2, k) if low[i] in _ARTICLES), k)  # "the Hollmar firm the foundation hired"
    k = next((i for i in range(2, k) if past_participle(part[i]) and low[i - 1] in _BODY_HEADS), k)  # "the private
    # ambulance company hired for the race": a reduced relative after the head
    head = low[k - 1] if k >= 2 else ""  # a business's word only as "the" one: "an app developer" is a person's job
    body = head in OUTLETS or (not outlets_only and (head in ORGANIZATIONS or (
        head in BUSINESS_HEADS and low[0] == "the")))
    return low[0] in _ARTICLES and body and (k == len(low) or part[k - 1].islower()) and sum(
        w[:1].isupper() for w in part[1:k]) <= 1  # not "a University of X professor"; "the chain's main supplier"
    # is a company


def _role_noun(w: str) -> bool:
    """A person's role, one or several: "the minister", "The leading Republican candidates"."""
    return w in PERSON_ROLES or (w.endswith("s") and w[:-1] in PERSON_ROLES)


def _before_tail(ws: list[str]) -> list[str]:
    """The words up to a phrase's first post-modifier ("with", "at", a relative clause): its head ends them. Not
    "of": "the head of the RNC" may be the body itself, the typer's to read."""
    k = next((i for i, w in enumerate(ws) if i and w.lower() in _CUT_AT), len(ws))
    while k > 1 and ws[k - 1] == ",":  # "The minister, whose ...": the comma before the clause is no word of it
        k -= 1
    if 1 < k < len(ws) and ws[k - 1].islower() and ws[k - 1].endswith(("ing", "ed")):
        k -= 1  # "Two reporters travelling with ...", "strategists involved in ...": a reduced relative clause
    return ws[:k]


def office_described(ws: list[str]) -> bool:
    """A description of an office one person holds ("The congresswoman", "the Congressman"): lower case or
    after an article, as a name may end in such a word ("Burger King")."""
    return ws[-1].lower() in _NAMED_OFFICES and (ws[-1].islower() or ws[0].lower() in _ARTICLES)


def holder_of_named(ws: list[str]) -> bool:
    """"The leader of the Catholic Church": a role of a body named after "of" singles out its one holder."""
    return len(ws) > 3 and ws[0].lower() in _ARTICLES and ws[1].lower() in _HOLDERS \
        and ws[2] == "of" and any(w[:1].isupper() for w in ws[3:]) and not ws[1].endswith("s") \
        and not any(POSSESSIVE.search(w) for w in ws[3:])  # not "The Secretary of State's office"


def described_person(ws: list[str]) -> bool:
    """A description, then a person set off by a comma with words of their own before the name: "The club's
    owner, American investor Dale Harper" (the guideline's "Hollis's lawyer, Martin Greaves" with more words); or
    a person's office, then the name alone: "The authority's director general, Katrin Olme"."""
    return described_name(ws) is not None or _officer_named(ws)


def _officer_named(ws: list[str]) -> bool:
    """A person's office ("director", "director general": a title's "general" is no body's, as in "Ostrava General"),
    a comma, then two to four capitalised words opening with a known given name or a title ("Professor Ann Lorne");
    or a head that names people as often as bodies, then a name opening with a known given name ("The camera
    operator, John Smith")."""
    if "," not in ws:
        return False
    comma = ws.index(",")
    office = [w.lower() for w in ws[:comma]]
    office = office[:-1] if office[-1:] == ["general"] else office
    part = ws[comma + 1:ws.index(",", comma + 1) if "," in ws[comma + 1:] else len(ws)]
    if not office or not 2 <= len(part) <= _NAME_WORDS or not all(map(is_capitalised, part)):
        return False
    given = part[0].lower() in GIVEN_NAMES
    if office[-1] in _PEOPLE_OR_BODIES:
        return given
    return office[-1] in PERSON_ROLES and (given or (part[0].lower() in TITLE_WORDS and len(part) >= 3))


def named_then_role(ws: list[str]) -> bool:
    """A name of two or three capitalised words, then a comma and "a"/"an" opening a person's role within a few
    words ("Shona Mayhew, a national organiser with the Hospitality Workers' Union": a person, whatever body the
    role names), or "who" ("Per Sandvik, who studies noise at the Westsea Ocean Institute")."""
    comma = ws.index(",") if "," in ws else 0
    if not 2 <= comma <= 3 or not all(is_capitalised(w) for w in ws[:comma]):
        return False
    role = ws[comma + 1:comma + 1 + _ROLE_WITHIN]
    if role and role[0].lower() == "who":  # "Per Sandvik, who studies noise at ...": English's person, not a group's
        return ws[0].lower() not in _ARTICLES  # ("The Europeans, who had been cut out")
    return bool(role) and role[0].lower() in ("a", "an") and any(
        w.lower() in _PERSON_WORDS or w.lower().endswith(_PERSON_ENDINGS) for w in role[1:])
