"""What a source's own description says it is: a person by a role noun ("The minister", "Velmar officials"), a body
set off in apposition ("Velmar, the Danish shipping group"), an office one person holds ("the congresswoman"), the
one holder of a named body's role ("The leader of the Catholic Church"). The typer's exact cases (``typer``)."""

from __future__ import annotations

from model.attribution.mention_features import name_of
from model.attribution.mentions import appositive_name, words_of
from model.attribution.no_one import typed
from model.attribution.records import Resolution
from model.attribution.role_words import POSSESSIVE, person_head
from model.attribution.times import past_participle
from model.lexicon import (
    BUSINESS_HEADS,
    GRAMMAR,
    MEDIA_WORDS,
    MENTION_WORDS,
    ORGANIZATIONS,
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
