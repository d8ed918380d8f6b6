"""What a source mention is: kind, role, canonical entity, anonymity and gender, from its words alone."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

from model.attribution.gender import gender_of, name_gender
from model.attribution.governing import party_tagged
from model.attribution.mention_words import core_of, first_conjunct, head_chunk, words_of
from model.attribution.name_words import (
    BODY_WORDS,
    TITLE_WORDS,
    acronym,
    business,
    described_group,
    force_of,
    is_capitalised,
    naming_words,
    surname,
    titled_person,
    without_generation,
)
from model.attribution.phrases import SUBJECT_PRONOUNS
from model.attribution.role_words import POSSESSIVE as _POSSESSIVE
from model.attribution.role_words import role_of
from model.lexicon import (
    ATTRIBUTION,
    COMMON_HEADS,
    CONFIDENTIAL,
    COUNTRIES,
    GIVEN_NAMES,
    GRAMMAR,
    GROUPS,
    LEGAL_FORMS,
    MEDIA,
    MENTION_WORDS,
    ORGANIZATIONS,
    PERSON_ROLES,
    PRONOUNS,
    QUANTIFIERS,
)
from model.text import MEMO_SIZE
from model.types import record

_REFLEXIVES, _DETERMINERS = GRAMMAR["reflexives"], GRAMMAR["articles"]
_OPENERS = QUANTIFIERS | GRAMMAR["phrase_quantifiers"]  # "Another critic, Laurence H. Tribe"
_GROUP_MEMBERS = MENTION_WORDS["group_members"]
_BACKREF_OK = PERSON_ROLES | ORGANIZATIONS | COMMON_HEADS | MENTION_WORDS["backref_heads"]  # "the senator" refers back


@record
class Mention:
    kind: str  # named_person, named_organization, anonymous; "pronoun" / "backref" until resolved
    role: str
    entity: str
    anonymity: str  # none, individual, group
    gender: str  # male, female, plural, unknown
    head: str  # lower-case head word


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of the words; names recur within and across requests
def classify(text: str) -> Mention:
    """Kind, role, entity and anonymity of a source mention taken on its own."""
    ws = words_of(text)
    if not ws:
        return Mention("anonymous", "other", "", "group", "unknown", "")
    low0 = ws[0].lower()
    if len(ws) == 1 and (bare := _CONTRACTED.sub("", low0)) in PRONOUNS:  # "I'm", "we've", "he's": the pronoun
        low0 = bare
    if len(ws) == 1 and low0 in PRONOUNS and ws[0] != "WHO":  # the World Health Organization, not "who"
        return Mention("pronoun", "other", "", "none", PRONOUNS[low0], low0)
    # "Axelrod tried", "Biden took": a subject read up to its verb is the subject; "Cruz himself" is Cruz
    if _trailing_verb(ws) or (len(ws) > 1 and ws[-1].lower() in _REFLEXIVES):
        return classify(text[:text.rfind(ws[-1])].rstrip())
    if first := first_conjunct(text, ws):  # "She and her aides", "Trump and his supporters": the first speaks
        return classify(first)
    appositive = appositive_name(ws)
    if appositive and _body_described(ws) and appositive[0].lower() not in GIVEN_NAMES:  # "The firm, Varna
        # Estates": the description says what the name is (not "The camera operator, John Smith": a person's name)
        entity = " ".join(w.lower().replace("’", "'") for w in appositive)
        return Mention("named_organization", role_of(ws), entity, "none", "plural", appositive[-1].lower())
    if appositive:  # "Another critic, Laurence H. Tribe": the name in apposition identifies the speaker
        return Mention("named_person", role_of(ws), appositive[-1].lower().replace("’", "'"), "none",
                       gender_of(ws), appositive[-1].lower())
    described = described_name(ws)
    if described:  # "the other candidate on the stage, former Secretary of State Hillary Clinton": she speaks
        return Mention("named_person", role_of(ws), described[-1].lower().replace("’", "'"), "none",
                       gender_of(described), described[-1].lower())
    body = appositive_name(ws, bodies=True)
    if body:  # "Its owner, Baltmar Tankers Ltd": the body in apposition speaks
        entity = " ".join(w.lower().replace("’", "'") for w in body)
        return Mention("named_organization", role_of(ws), entity, "none", "plural", body[-1].lower())
    place = _PLACE_BODY.match(text)
    if place:  # "The city of Phoenix", "the state of Texas": the body itself
        return Mention("named_organization", "official", place.group(0).lower(), "none", "plural", "city")
    state = _country(ws)
    if state:  # "Russia", "Beijing", "China, Pyongyang's only ally": the state speaks
        return Mention("named_organization", "official", state, "none", "plural", state)
    chunk = without_generation(head_chunk(ws) or ws)
    head = (_POSSESSIVE.sub("", chunk[-1]).lower() or chunk[-1].lower()).replace("’", "'")
    role = role_of(ws)
    if force := force_of(chunk):  # "Police", "Regional police", "Estrelia's coast guard": the force, one body
        return Mention("named_organization", role, force, "none", "plural", head)
    if group := described_group(chunk):  # "Traders", "Residents of Hollin": people described, capitalised or not
        return _anonymous(ws, chunk, role, group)
    names = naming_words(chunk)
    group_head = head in GROUPS and not surname(chunk, len(chunk) - 1)
    if names and (is_capitalised(chunk[-1]) or head in LEGAL_FORMS) and not group_head and head not in COMMON_HEADS:
        return _named(chunk, names, role, head, party_tagged(ws))
    definite = low0 in ("the", "this", "that") and len(chunk) <= 6 and head in _BACKREF_OK
    if names and head in ORGANIZATIONS and not (definite and head in _GENERIC_ORGS):
        # "the Clinton campaign", "a Quinnipiac University poll"
        return Mention("named_organization", role, " ".join(n.lower() for n in names) + " " + head, "none",
                       "plural", head)
    if definite or (low0 in ("his", "her", "their", "its") and not names):
        return Mention("backref", role, head, "none", _number(head), head)
    return _anonymous(ws, chunk, role, head)


def _body_described(ws: list[str]) -> bool:
    """The description before a name in apposition is headed by a body's word: "The company that owns the
    building, Varna Estates"."""
    chunk = head_chunk(ws[:ws.index(",")]) if "," in ws else []
    chunk = chunk[:chunk.index("of")] if "of" in chunk else chunk  # "The Commissioner of the League": a person
    return bool(chunk) and chunk[-1].islower() and chunk[-1] in ORGANIZATIONS  # not "The Social Network"


def _trailing_verb(ws: list[str]) -> bool:
    """The mention ends in a past-tense verb after a capitalised word: "Fallon fired", "Biden took"."""
    last = ws[-1]
    return len(ws) >= 2 and last.isalpha() and last.islower() and is_capitalised(ws[-2]) and (
        (last.endswith("ed") and len(last) > _SHORTEST_PAST) or last in _IRREGULAR)


_SHORTEST_PAST = 4  # letters: "tried", "fired"; "red", "bed" are no verbs
_IRREGULAR = ATTRIBUTION["irregular"]


# Organisation heads that a place name only qualifies ("the New York state attorney general" aside): still a
# back-reference when definite ("the Indiana campaign" is some campaign met before).
_GENERIC_ORGS = MENTION_WORDS["generic_orgs"]

_CONTRACTED = re.compile(r"['’](?:m|re|ve|d|ll|s)$")  # a verb written onto a pronoun: "I'm", "they're", "she'd"
_PLACE_BODY = re.compile(r"(?:[Tt]he\s+)?(?:city|state|county|town|village|government|kingdom|republic|commonwealth)"
                         r"\s+of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}")

_NOT_NAMES = ORGANIZATIONS | GROUPS | QUANTIFIERS | COMMON_HEADS | PERSON_ROLES | _DETERMINERS | LEGAL_FORMS


def described_name(ws: list[str]) -> list[str] | None:
    """The name of ``described_person``: a known given name opens it, after the words of the part's own or a
    title ("the other candidate on the stage, former Secretary of State Hillary Clinton")."""
    if "," not in ws or (not ws[0][:1].islower() and ws[0].lower() not in _DETERMINERS):
        return None
    comma = ws.index(",")
    part = ws[comma + 1:ws.index(",", comma + 1) if "," in ws[comma + 1:] else len(ws)]
    described = (head_chunk(ws[:comma]) or ws[:comma])[-1].lower()
    if not part or part[0].lower() in _GROUP_MEMBERS or (described.endswith("s") and not described.endswith("ss")):
        return None  # "The aides, led by campaign manager Terry Sullivan": a group and one of its members
    k = len(part)
    while k > 0 and is_capitalised(part[k - 1]):
        k -= 1
    if k == 0 or not part[k - 1].islower():
        return None
    given = next((g for g in range(k, len(part) - 1) if part[g].isalpha() and part[g].lower() in GIVEN_NAMES), None)
    if given is None or part[0].endswith("ing") or any(w.endswith(("'s", "’s")) for w in part[given:]):
        return None  # "his phone rang, playing Justin Bieber's Baby": no person described
    return None if any(w.lower() in SUBJECT_PRONOUNS for w in part) else part[given:]


def appositive_name(ws: list[str], bodies: bool = False) -> list[str] | None:
    """A person's name set off by commas after a description ("His former partner, Lawrence B. Cummings", "Another
    critic, Laurence H. Tribe of Harvard"); with ``bodies``, a body's ending in a legal form or organisation word."""
    first = ws[0].lower() if ws else ""
    if not ws or (is_capitalised(ws[0]) and first not in _DETERMINERS and first not in _OPENERS
                  and not any(map(str.endswith, ws[:ws.index(",") if "," in ws else -1], repeat(("'s", "’s"))))) \
            or sum(map(is_capitalised, ws)) < 2:  # no name of two capitalised words: most descriptions, read no further
        return None  # a name first ("Hunter's chief of staff, Joe Kasper" is a description): the ordinary path
    segment: list[str] = []
    tail: bool | None = None  # after a comma, a name's "of"/"from"/"at" tail (a place, an employer) is not the name
    for w in [*ws, ","]:
        if w != ",":
            tail = tail if tail is None else (tail or (not bodies and w in ("of", "from", "at"))) and w != "and"
            segment += [] if tail or w == "and" else [w]  # "Lawrence Joyce and William Graham": two names
            continue
        names = [x for x in segment if x not in (".", "'", "’")]  # "Workers' Federation" is tokenised apart
        names = names[1:] if bodies and names[:1] in (["the"], ["The"]) else names  # ", the Energy Market Authority"
        titled = [k for k, x in enumerate(names) if x.lower() in TITLE_WORDS]  # "Agriculture Secretary Tom Vilsack"
        names = names[titled[-1] + 1:] if titled and all(is_capitalised(x) for x in names) else names
        if len(names) >= 2 and all(is_capitalised(x) for x in names):
            low = [x.lower().rstrip(".") for x in names]
            body = low[-1] in LEGAL_FORMS or low[-1] in ORGANIZATIONS or business(names)
            if bodies and body and not set(low[:-1]) & _NOT_NAMES:
                return names
            if not bodies and not body and not set(low) & _NOT_NAMES and not any(x.endswith(("'s", "’s")) for x in low):
                return names
        segment, tail = [], False
    return None


def _country(ws: list[str]) -> str:
    """The country or capital a mention consists of (before any appositive), lower-cased, or ""."""
    core = core_of(ws)
    name = " ".join(core if "." not in core else [w for w in core if w != "."]).lower()  # most hold no "." token
    if name in COUNTRIES or (name.startswith("the ") and name[4:] in COUNTRIES):
        return name.removeprefix("the ")
    return ""


def _number(head: str) -> str:
    return "plural" if head.endswith("s") and not head.endswith("ss") else "unknown"


def _named(chunk: list[str], names: list[str], role: str, head: str, tagged: bool) -> Mention:
    run = _last_run(chunk[:-1]) + chunk[-1:] if head in LEGAL_FORMS else _last_run(chunk)  # "Harlow Holdings plc"
    low = {w.lower().rstrip(".") for w in run}
    is_org = bool(low & BODY_WORDS) or acronym(run) or business(run) or " ".join(  # "UK's Daily Mail": an outlet
        w.lower() for w in run if not w.endswith(("'s", "’s"))) in MEDIA or _kind_before(chunk, run)
    if is_org and not titled_person(run) and not tagged:  # "Ranking Democrat Dianne Feinstein (D-Calif.)": a person
        name = " ".join(w.lower() for w in run if w.lower() not in _DETERMINERS)
        return Mention("named_organization", role, _POSSESSIVE.sub("", name), "none", "plural", head)
    return Mention("named_person", role, head, "none", gender_of(chunk) if len(run) < 2 else name_gender(chunk, run),
                   head)


def _kind_before(chunk: list[str], run: list[str]) -> bool:
    """A body's kind written right before its name ("the newspaper Varna Dnes", not "CEO Paul Grant"), or "the"
    before a name of several words: "the Kenya Red Cross" (a person's name takes no article)."""
    at = len(chunk) - len(run) - 1
    return at >= 0 and (chunk[at].lower() in _KINDS_BEFORE_NAMES or (chunk[at].lower() == "the" and len(run) > 1 and (
        all(w.lower() not in TITLE_WORDS and not _POSSESSIVE.search(w) and "-" not in w for w in run))))


def _last_run(chunk: list[str]) -> list[str]:
    """The final run of capitalised words (with inner "of", "&")."""
    i = len(chunk)
    while i > 0 and (is_capitalised(chunk[i - 1]) or chunk[i - 1] in ("of", "&", "-", "for")):
        i -= 1
    run = chunk[i:]
    while run and (run[0] in ("of", "&", "-", "for") or run[0].lower() in _DETERMINERS):
        run = run[1:]
    return run or chunk[-1:]


_FUNCTION, _KINDS_BEFORE_NAMES = MENTION_WORDS["function"], MENTION_WORDS["kinds_before_names"]
_PLURAL_HEADS = MENTION_WORDS["plural_heads"]


def _anonymous(ws: list[str], chunk: list[str], role: str, head: str) -> Mention:
    core = [w.lower() for w in core_of(ws) if w.lower() not in _DETERMINERS and w.lower() not in QUANTIFIERS
            and w.lower() not in _FUNCTION]
    entity = " ".join(core[:4]) or head
    individual = (head in CONFIDENTIAL and (not head.endswith("s") or head in ("sources", "insiders"))) or any(
        w.lower() in ("familiar", "anonymity") for w in ws)
    gender = gender_of(ws)
    if gender == "unknown" and ((head.endswith("s") and not head.endswith("ss")) or head in _PLURAL_HEADS):
        gender = "plural"
    return Mention("anonymous", role, entity, "individual" if individual else "group", gender, head)
