"""The earlier mentions of a document that a pronoun or a description can refer back to."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache

from model.attribution.agents import producer
from model.attribution.mention_words import name_end, named_pair, words_in
from model.attribution.mentions import Mention, head_chunk, words_of
from model.attribution.name_words import without_generation
from model.attribution.role_words import person_head
from model.lexicon import (
    BUSINESS_HEADS,
    BUSINESS_NAMES,
    CONFIDENTIAL,
    FEMALE,
    GRAMMAR,
    MALE,
    MENTION_WORDS,
    OFFICEHOLDERS,
    ORGANIZATIONS,
    PERSON_ROLES,
    TITLES,
    TYPING,
    WITNESS,
)
from model.text import MEMO_SIZE
from model.types import Span, record

LOOKBACK = 4000  # characters: an antecedent further back than this is not taken
NEAR = 150  # characters: a person named this close before a pronoun beats an earlier speaker
PERSON_HEADS = PERSON_ROLES | CONFIDENTIAL | WITNESS | MENTION_WORDS["person_heads_extra"]
ORG_HEADS = (ORGANIZATIONS | MENTION_WORDS["org_heads_extra"]) - PERSON_HEADS  # heads of a body: "the agency"
_NOT_KIND = {**dict.fromkeys(ORG_HEADS, "named_person"), **dict.fromkeys(PERSON_HEADS, "named_organization")}
_GENERIC_BODY = MENTION_WORDS["generic_body_heads"]
_PEOPLE = PERSON_HEADS | MENTION_WORDS["body_members"]  # heads of people, a body's members among them
_DOCUMENTS, _ALIASES, _HEAD_ROLES = (TYPING["document_heads"], MENTION_WORDS.pairs("title_aliases_pairs"),
                                     MENTION_WORDS.pairs("head_roles_pairs"))
_PARTICLES = GRAMMAR["name_particles"] | {"el", "st."}
_SURNAMES = Counter(name.split()[-1] for name in OFFICEHOLDERS)
_FORMER = TYPING["former_words"]
GENDERED = {"male": "female", "female": "male"}  # the pronoun classes that read a gender -> the one they exclude
_CAMPAIGN = re.compile(r"([A-Z][\w’'-]{1,20})(?:['’]s)?\s+(?:presidential\s+)?campaign\b")  # "the Cruz campaign"


@record
class Known:
    """An earlier mention: where it is, what it is, and the fullest form of its entity so far."""

    span: Span
    mention: Mention
    full: Span
    is_source: bool = False
    pair: bool = False  # two people named together ("Mr. Grassley and Mr. Leahy"): a "they", never a "he"


class History:
    """Earlier mentions, most recent last; the fullest form per entity."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[Known] = []
        self.fullest: dict[str, Span] = {}
        self.people: dict[str, dict[str, str]] = {}  # surname -> first name ("" if none) -> role
        self.genders: dict[str, str] = {}  # entity -> the gender of its first gendered mention
        self.shared: set[str] = set()  # surnames a man and a woman both bear here ("Bill ... Hillary Clinton")
        self.fullest_by_gender: dict[tuple[str, str], Span] = {}
        self.orgs: dict[str, str] = {}  # first word of an organisation's name -> its role
        self.bodies: dict[str, str] = {}  # an organisation's whole name (lower case, no "the") -> its role
        self.former: set[str] = set()  # surnames this document calls former ("former Sen. ...")
        self.mentions: dict[str, int] = {}  # entity -> mentions added so far
        self.spoke: dict[str, int] = {}  # entity -> mentions added so far that were sources (none: not in)
        self.first_at: dict[str, int] = {}  # entity -> offset of its first mention added
        self.last_source: Known | None = None  # the last source added

    def learn(self, text: str, mention: Mention) -> None:
        """Record a person's role by surname and first name, an organisation's by name and first word ("Peabody")."""
        if mention.kind == "named_organization" and mention.entity:
            self.orgs.setdefault(mention.entity.split()[0], mention.role)
            self.bodies.setdefault(mention.entity, mention.role)
        if mention.kind != "named_person" or not mention.entity:
            return
        if _called_former(text):
            self.former.add(mention.entity)
        entry = self.people.setdefault(mention.entity, {})
        first = first_name(text)
        if (mention.role != "other" or first not in entry) and entry.get(first, "other") == "other":
            entry[first] = mention.role

    @cached_property
    def candidates(self) -> frozenset[str]:
        """Surnames (lower case) the document writes before "campaign": people running for an office."""
        return frozenset(m.group(1).lower() for m in _CAMPAIGN.finditer(self.text))

    @cached_property
    def headline_end(self) -> int:
        """Offset of the first line break: the headline ends there (the whole text when there is none)."""
        at = self.text.find("\n")
        return at if at >= 0 else len(self.text)

    def role_of(self, text: str, mention: Mention) -> str | None:
        """The role learnt for this person; None when unknown. A surname alone that several people share is the
        one a courtesy title's gender picks, else the one the document names first: news introduces its
        subject first and calls the spouse by a first name ("Sen. Bernie Sanders ... Jane Sanders ...").
        None for words that call the person former before the name ("former President Bill Clinton"): their
        own role stands ("Graham, a former candidate" is still the senator the list knows)."""
        if _called_former(text):
            return None
        entry = self.people.get(mention.entity)
        first = first_name(text)
        if not entry:  # a name the document never gives a speaker or a title ("Obama aides")
            listed = mention.kind == "named_person" and self._office(first, mention.entity) == "official"
            return "official" if listed else None
        if first and first in entry:
            return entry[first] if entry[first] != "other" else self._office(first, mention.entity)
        firsts = {f for f in entry if f}
        if len(firsts) > 1:  # "Clinton" alone: Hillary or Bill; "Mrs. Clinton" says which; else the first named
            first = _one_of(firsts, mention.gender) or next(f for f in entry if f)
            return entry[first] if entry[first] != "other" else self._office(first, mention.entity)
        roles = [r for r in entry.values() if r != "other"]
        return roles[0] if roles else self._office(next(iter(firsts), ""), mention.entity)

    def _office(self, first: str, surname: str) -> str:
        """"official" for a person the training news names with a sitting office (``OFFICEHOLDERS``) when this
        document never calls them former; "other" otherwise. A surname alone must be the list's only one."""
        if surname in self.former:
            return "other"
        listed = f"{first} {surname}" in OFFICEHOLDERS if first else _SURNAMES.get(surname, 0) == 1
        return "official" if listed else "other"

    def add(self, span: Span, mention: Mention, is_source: bool = False) -> Known:
        key, own = mention.entity, mention.gender
        full = trimmed(self.text, producer(self.text, span) or span, mention)  # a document's "by": its producer
        pair = mention.kind == "named_person" and named_pair(span.text)  # no one's fullest name, nor gender
        size = 0 if pair else len(words_in(full.text))  # read once for both tables
        if not pair:
            _keep_fuller(self.fullest, key, full, size)
        if own in ("male", "female") and not pair:
            if self.genders.setdefault(key, own) != own:
                self.shared.add(key)
            _keep_fuller(self.fullest_by_gender, (key, own), full, size)
        known = Known(span, mention, span if pair else self.fullest_for(key, own) or full, is_source, pair)
        self.items.append(known)
        self.mentions[key] = self.mentions.get(key, 0) + 1
        self.first_at.setdefault(key, span.start)
        if is_source:
            self.spoke[key] = self.spoke.get(key, 0) + 1
            self.last_source = known
        return known

    def gender_of(self, entity: str, own: str) -> str:
        """The gender a pronoun for this entity agrees with: the entity's, or where a man and a woman share the
        surname, the mention's own."""
        return own if entity in self.shared else self.genders.get(entity, own)

    def fullest_for(self, entity: str, own: str) -> Span | None:
        """The fullest mention of the entity, of the one person this gender picks where a surname is shared."""
        if entity in self.shared and (entity, own) in self.fullest_by_gender:
            return self.fullest_by_gender[(entity, own)]
        return self.fullest.get(entity)

    def identity(self, k: Known) -> str:
        """Who a mention is: its entity, told apart by gender where a man and a woman share the surname."""
        e = k.mention.entity
        return f"{e}|{k.mention.gender}" if e in self.shared else e

    def find(self, before: int, want: str, head: str = "") -> Known | None:
        """The most recent mention before ``before`` fitting a pronoun class or a back-reference head. For "he"/"she"
        and "named" an earlier speaker wins over a person merely named since, unless named within ``NEAR``."""
        named, gendered = None, want in GENDERED  # only "he" and "she" read the gender: no lookup for the rest
        for k in reversed(self.items):
            if k.span.end > before:
                continue
            if before - k.span.end > LOOKBACK:
                break
            if want == "backref" and k.mention.kind == "anonymous" and k.span.end <= self.headline_end < len(self.text):
                continue  # a headline's bare "Union says": cataphoric (the guideline), no antecedent of "the union"
            if fits(k, want, head, self.gender_of(k.mention.entity, k.mention.gender) if gendered else ""):
                if k.is_source or want not in ("male", "female", "named"):
                    return k if named is None or before - named.span.end > NEAR else named
                named = named or k
        return named


def _keep_fuller(fullest: dict, key: object, full: Span, size: int) -> None:
    """Keep ``full`` (of ``size`` words) under ``key`` when it has more words than what is kept there."""
    best = fullest.get(key)
    if best is None or size > len(words_in(best.text)):
        fullest[key] = full


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of a mention's words, asked again for every mention of a name
def first_name(text: str) -> str:
    """The first name in a person's mention ("Mike" in "Gov. Mike Pence"), "" when only a surname is written."""
    chunk = [w for w in without_generation(head_chunk(words_in(text))) if w[:1].isupper() and w.lower() not in TITLES
             and w.lower() not in PERSON_ROLES and len(w.rstrip(".")) > 1]
    if len(chunk) < 2 or chunk[-2].lower() in _PARTICLES:
        return ""  # "De Blasio": a surname with its particle
    return chunk[-2].lower()


def _one_of(firsts: set[str], gender: str) -> str:
    """The one first name of ``firsts`` that a person of this gender bears: the only one listed for the
    gender, else the only one not listed for the other; "" when that leaves none or several."""
    if gender not in ("male", "female"):
        return ""
    own, other = (MALE, FEMALE) if gender == "male" else (FEMALE, MALE)
    for fits in ({f for f in firsts if f in own and f not in other}, {f for f in firsts if f not in other}):
        if len(fits) == 1:
            return next(iter(fits))
    return ""


def fits(k: Known, want: str, head: str, gender: str) -> bool:
    """Whether the earlier mention can be what a pronoun class or a back-reference head (``want``) refers to;
    ``gender`` (the entity's, ``History.gender_of``) is read for "male" and "female" only."""
    m = k.mention
    if want in GENDERED:  # the most asked with "backref": tested first, the person test only past the gender's
        return gender != GENDERED[want] and not k.pair and (m.kind == "named_person" or (
            m.kind == "anonymous" and m.gender != "plural" and m.head in PERSON_HEADS))
    if want == "backref":
        return _backref(k, head)
    if want == "plural":
        return k.pair or (m.gender == "plural" and m.kind in ("named_organization", "anonymous"))
    if want == "thing":
        return m.kind == "named_organization"
    if want == "any":
        return True
    if want == "salient":
        return m.kind == "named_person" and not k.pair and k.is_source
    if want == "named":
        return m.kind == "named_person" and not k.pair
    if want == "business":  # "the company" after "Shares of Halcyon Pharma fell": a business named, not a speaker
        return m.kind == "named_organization" and business_name(words_of(k.span.text))
    return False


def _backref(k: Known, head: str) -> bool:
    m = k.mention
    if head in BUSINESS_HEADS and k.is_source and m.kind != "anonymous" and m.role not in ("official", "media") \
            and business_name(words_of(k.span.text)):
        return True  # "the company" after "Kestrel Pharmaceuticals said", which the rules may take for a person
    if head in _GENERIC_BODY and k.is_source and m.role not in ("official", "media") \
            and m.head not in _DOCUMENTS and (
            m.kind == "named_organization" or (m.kind == "named_person" and _the_name(k.span.text))):
        return True  # "the group" after "The Free Arvan Front denied", which the rules may take for a person
    if m.kind == _NOT_KIND.get(head):  # the kind the head never means (None: either may)
        return False  # "the agency" is no person, "the senator" no body, whatever their roles
    if head in ORG_HEADS and m.kind == "anonymous" and (m.head in _PEOPLE or person_head(m.head) or m.gender == "plural"
                                                        or head + "'s" in k.span.text.lower()):
        return False  # nor people the body's word only places: "a spokesman for the ministry", "the board's members"
    said, full, alias = _lower_words(k.span.text), _lower_words(k.full.text), _ALIASES.get(head, "?")
    return head in said or head in full or alias in said or alias in full or _HEAD_ROLES.get(head, "?") == m.role \
        or not _entity_words(m.entity).isdisjoint((head, head + "s", head + "es"))  # "source" of "sources ..."


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of a mention's text, asked at every back-reference it is weighed for
def _lower_words(text: str) -> frozenset[str]:
    """The mention's words in lower case, as a set: the same words ``words_in(text.lower())`` holds."""
    return frozenset(words_in(text.lower()))


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of the entity, asked at every back-reference it is weighed for
def _entity_words(entity: str) -> frozenset[str]:
    """The entity's words: a back-reference's head or its plural among them is the entity's ("source" of
    "sources ..."), a part of one is not ("woman")."""
    return frozenset(entity.replace("'s", "").split())


def business_name(ws: list[str]) -> bool:
    """The name ends in a business's word or legal form: "Kestrel Pharmaceuticals", "HP Inc" (not "Big Bank Hank")."""
    chunk = head_chunk(ws)
    return bool(chunk) and chunk[-1].lower().rstrip(".") in BUSINESS_NAMES


def _the_name(text: str) -> bool:
    """A name written with "the" ("The Free Arvan Front"): a body's, never a person's."""
    ws = words_of(text)
    return len(ws) >= 2 and ws[0].lower() == "the" and all(w[:1].isupper() for w in ws[1:])


def trimmed(text: str, span: Span, mention: Mention) -> Span:
    """A named person's mention without what follows the name ("Reza Marashi", not "... from the NIAC")."""
    if mention.kind != "named_person":
        return span
    first, end = name_end(span.text, mention.entity)
    span = Span(first, span.start, span.start + len(first)) if first else span  # "Edwards and others": Edwards
    if end is None:
        return span
    end = span.start + end if end >= 0 else span.end
    return Span(text[span.start:end], span.start, end)


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of a mention's words, asked again for every mention of a name
def _called_former(text: str) -> bool:
    """A former word before the name, not in an appositive after it: "former Sen. X", not "X, a former
    candidate" (a past run, not the seat the person holds)."""
    return not _FORMER.isdisjoint(text.partition(",")[0].lower().split())
