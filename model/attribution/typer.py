"""Stage "typing": the learned mention typer decides each source's kind after resolution.

The rules (``mentions.classify`` and ``resolve``) have typed every source by then; their answer is among the
typer's features (``mention_features``), beside the words of the mention that names the source (its own, or
the earlier one it resolves to), and the document's evidence about the name. The fitted model (artifact
``mentions``) predicts the kind of every such source of the document in one call; the resolution's mention is
replaced when it differs, with an entity and an anonymity consistent with the new kind (the role stays the
rules'). Without a model the rules' answer stands. A pronoun with no antecedent stays the rules', except an
"it" after a name the typer made an organisation: resolution had taken that name for a person; and a bare name
with no other sign that a "he" refers to, or that the training news writes after a first name, is a person
(``guessed``). Last, one entity, one type (``entities``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from model.attribution.descriptions import (
    OUTLETS,
    body_in_apposition,
    described_person,
    describes_a_person,
    holder_of_named,
    named_then_role,
    office_described,
)
from model.attribution.entities import business_named, fuller_roles, one_body, same_speaker
from model.attribution.guessed import guessed_persons
from model.attribution.history import LOOKBACK
from model.attribution.linear import predict
from model.attribution.mention_features import name_of, rows
from model.attribution.mention_words import business_last
from model.attribution.mentions import Mention, words_of
from model.attribution.name_words import capitalised_as_opener, force_of, named_as_a_person, opening_word_only
from model.attribution.no_one import conjoined, names_no_one, typed, unnamed, withheld
from model.attribution.phrases import MONTHS, WEEKDAYS
from model.attribution.producers import documents_take_producer
from model.attribution.records import Doc, Resolution
from model.attribution.retyping import retyped
from model.attribution.role_words import POSSESSIVE, role_of
from model.attribution.sets import BODIES
from model.attribution.states import one_name, states
from model.lexicon import BUSINESS_HEADS, GRAMMAR, MENTION_WORDS, TITLES, TYPING
from model.types import Span

ARTIFACT = "mentions"
_IT, _HE = TYPING["it_pronouns"], TYPING["he_pronouns"]
# A body's heads a description of a body named before is written with: "the company", "the group", "the newspaper"
_DESCRIBED_BODIES = BUSINESS_HEADS | MENTION_WORDS["generic_body_heads"] | OUTLETS
_DOCUMENTS = TYPING["document_heads"]
_DESCRIPTION_WORDS = 3  # "the shipping group": "the" and at most two lower-case words (a longer one says more)
_PRONOUNS, _TAIL_WORDS = _HE | _IT, GRAMMAR["mention_tail"]
_PERSON_SIGNS = frozenset({"ev.first_name", "ev.honorific", "ev.pre.person"})  # "Donald Trump", "Mr. Ford", "Sen. X"
_OF = frozenset(("of", "for", "and", "&"))  # words inside a longer name: "Democracy for America"


def stage(doc: Doc, model: object | None) -> None:
    """Retype every source of the document with one ``predict`` call; nothing without a model."""
    if model is None or not doc.resolutions:
        return
    idx, features = rows(doc)
    if not features:
        return
    kinds = _kinds(model, features)
    resolutions = list(doc.resolutions)
    bodies = []  # drafts the typer made organisations of, in text order
    for n, f in zip(idx, features, strict=True):
        before = resolutions[n]
        assert before.source is not None and before.mention is not None  # ``rows`` types only such sources
        kind = str(kinds[id(f)])
        if before.mention.head in BODIES and " and " in before.mention.entity:  # "the three states": a set of bodies
            continue
        if kind == "named_organization" and (describes_a_person(before) or _before_relative(before, "who") or (
                before.mention.kind == "named_person" and named_as_a_person(words_of(typed(before))))):
            continue  # "The minister said", "The Europeans, who ...": people, whatever the capitals suggest
        if kind == "anonymous" and before.mention.kind == "named_person" and office_described(words_of(typed(before))):
            continue  # "The congresswoman said": the one person who holds the office, as the rules read it
        if (kind == "anonymous" and holder_of_named(words_of(typed(before)))) or (kind == "named_organization" and (
                holder_of_named(ws := words_of(before.source.text)) or named_as_a_person(ws))):
            kind = "named_person"  # "The leader of the Catholic Church", "Chairman Tom Foods", whatever the typer read
        if kind != "anonymous" and _unnamed_opener(before):
            continue  # "Satellite images showed", "Television footage showed": no name, whatever the capital
        if kind != "anonymous" and opening_word_only(doc.document.text, before.source, doc.drafts[n].cue, before.full):
            kind = "anonymous"  # "Research suggests", "Polling shows", "Please share": the sentence's capital
        if kind == "anonymous" and conjoined(before):
            continue  # "Edwards and others", "Trump and his aides": the guideline types the first conjunct
        if kind == "anonymous" and before.mention.kind == "named_organization" and force_of(
                words_of(before.source.text)):
            continue  # "Police declined to comment" after "a police officer said": the force, as the rules read it
        kind = "anonymous" if unnamed(before) or withheld(before) or (
            kind == "named_person" and names_no_one(before)) else kind
        apposed = "," in before.source.text and body_in_apposition(before, outlets_only=True)  # "X, a newspaper"
        if "," in before.source.text and not apposed and (
                described_person(ws := words_of(before.source.text)) or named_then_role(ws)):
            kind = "named_person"  # "The club's owner, American investor Dale Harper": the person named
        elif kind == "named_person" and (apposed or business_last(words_of(typed(before)))
                                         or body_in_apposition(before)):
            kind = "named_organization"  # "Rival Kessler Airways said", "Lockheed Martin, the jets' maker, said"
        if (kind == "named_person" or (kind == "anonymous" and _named(before))) and (
                before.source.text.lower() in _IT or _which_follows(before)):
            kind = "named_organization"  # "Velmar ..., it said", "Brannock Air, which flies ...": a named body
        resolutions[n] = after = retyped(before, kind)
        assert after.mention is not None  # ``retyped`` keeps a mention where there is one (before's)
        if after.mention.kind == "named_organization" != before.mention.kind and _named(before):
            bodies.append(n)
    persons = {n for n, f in zip(idx, features, strict=True) if not _PERSON_SIGNS.isdisjoint(f)}
    for n in business_named(doc.document.text, resolutions, persons):  # "Brennick said" beside "Brennick Pharma"
        resolutions[n] = retyped(resolutions[n], "named_organization")
        bodies.append(n)
    if bodies:
        _it_follows(doc, resolutions, sorted(bodies))
    for n in guessed_persons(resolutions, idx, features):  # "Biden said ..." in one sentence: a person
        resolutions[n] = retyped(resolutions[n], "named_person")
    one_body(resolutions)
    fuller_roles(doc, resolutions)
    same_speaker(doc, resolutions)
    _surnames_follow(resolutions)
    documents_take_producer(resolutions)
    _persons_follow(doc, resolutions)
    _states_follow(doc.text, resolutions)
    doc.resolutions = resolutions


def _kinds(model: object, features: list[dict[str, float]]) -> dict[int, object]:
    """id of each row -> the kind ``predict`` gives it, with one call for the document, a row repeated in it
    typed once. ``rows`` hands sources that share a key one dict: the rows' items are read once per dict, not
    once per source (most of the cost: a key of twenty pairs, hashed again at every use)."""
    distinct = list({id(f): f for f in features}.values())
    place: dict[tuple, int] = {}  # a row's items -> its place among the rows predicted: each key hashed once
    at = [place.setdefault(tuple(f.items()), len(place)) for f in distinct]  # two dicts of the same items: one row
    kinds = predict(model, list(dict(zip(at, distinct, strict=True)).values()))  # in place order, one per place
    return {id(f): kinds[k] for f, k in zip(distinct, at, strict=True)}


def _states_follow(text: str, resolutions: list[Resolution]) -> None:
    """A one-word name the text writes a demonym of is a state, an official body (``states``); the state's
    people have the role a country's would ("Valdria's president, Miran Tosk" as "the country's president")."""
    names = [one_name(typed(r)) if r.source is not None and r.mention is not None
             else "" for r in resolutions]
    possessors = [_possessor(r) for r in resolutions]
    found = states(text, names + possessors)
    for n, name in enumerate(names):
        if name in found:
            state = retyped(resolutions[n], "named_organization")
            assert state.mention is not None  # a name found is never "": its source has a mention, kept by retyped
            resolutions[n] = replace(state, mention=replace(state.mention, role="official"))
        elif possessors[n] in found:
            r = resolutions[n]
            assert r.mention is not None  # a possessor found is never "": ``_possessor`` read it from the mention
            ws = [w if POSSESSIVE.sub("", w) != possessors[n] else "country's" for w in words_of(typed(r))]
            resolutions[n] = replace(r, mention=replace(r.mention, role=role_of(ws)))


def _possessor(r: Resolution) -> str:
    """The one-word name a person of the source belongs to ("Valdria" of "Valdria's president"), for a source
    whose role its words leave "other"; else ""."""
    if r.source is None or r.mention is None or r.mention.role != "other" or r.mention.kind == "named_organization":
        return ""
    text = typed(r)
    if "'" not in text and "’" not in text:
        return ""  # no possessive: no tokens to read
    ws = words_of(text)
    at = next((i for i, w in enumerate(ws) if POSSESSIVE.search(w)), None)
    if at is None or (at and (ws[at - 1][:1].isupper() or ws[at - 1].lower() in _OF)):
        return ""  # "Democracy for America's director": the possessor is a longer name
    return one_name(POSSESSIVE.sub("", ws[at]))


def _which_follows(r: Resolution) -> bool:
    """A name its own words continue with ", which ..." ("Brannock Air, which flies to 40 cities"): exact, as
    English writes "who" after a person; not after a tail ("Researchers at the Lake Institute, which ...")."""
    head = _before_relative(r, "which")
    return bool(head and name_of(" ".join(head)))


def _before_relative(r: Resolution, pronoun: str) -> list[str]:
    """The source's words before ", <pronoun> ..." when the clause is theirs, not a tail's ("Researchers at the
    Lake Institute, which ..."; "A survey of superdelegates, who ..."); else none. English writes "which" after a
    body and "who" after people, so either says what the words before it are."""
    assert r.source is not None  # asked only of a source the typer typed (``stage``)
    if f", {pronoun}" not in r.source.text:
        return []
    ws = words_of(r.source.text)
    comma = ws.index(",") if "," in ws else 0
    ok = 0 < comma < len(ws) - 1 and ws[comma + 1].lower() == pronoun
    return ws[:comma] if ok and _TAIL_WORDS.isdisjoint(w.lower() for w in ws[:comma]) else []


def _unnamed_opener(r: Resolution) -> bool:
    """The rules read no name where the one capital is a common word opening the source: exact, as a name holds
    a word the news capitalises ("Satellite images" is no body's, "Shell" alone stays the typer's)."""
    return r.mention is not None and r.mention.kind == "anonymous" and capitalised_as_opener(
        words_of(typed(r)))


def _named(r: Resolution) -> bool:
    """The source names something by a capitalised name other than a day or a month ("Wednesday said": no body
    for "it"); a name after a description counts ("The ferry's operator, Golden Star Lines")."""
    text = typed(r)
    name = name_of(text) or name_of(text.partition(",")[2])
    return bool(name) and not (len(name) == 1 and (name[0] in WEEKDAYS or name[0] in MONTHS))


def _it_follows(doc: Doc, resolutions: list[Resolution], bodies: list[int]) -> None:
    """"Velmar said ... It said ...": resolution took Velmar for a person, so "it" found no antecedent; it
    refers to the nearest body before it that the typer found (exact as the rules' "it" -> a body). So does a
    body's bare description that found none ("The company said", "the newspaper said"), with the role its own
    head says (the body's may come from words about another: "..., under a contract with the ministry")."""
    for n, (d, r) in enumerate(zip(doc.drafts, resolutions, strict=True)):
        if r.source is None or r.source.resolved is not None or (
                r.source.text.lower() not in _IT and not _bare_description(r)):
            continue
        near = [k for k in bodies if k < n and d.start - doc.drafts[k].end <= LOOKBACK]
        if near and r.source.text.lower() in _IT:
            resolutions[n] = _refers_to(r, resolutions[near[-1]])
        # "a report seen by Nordwire": no body (a body the typer made has a mention, cast for mypy)
        elif near and cast(Mention, resolutions[near[-1]].mention).head not in _DOCUMENTS:
            ante = _refers_to(r, resolutions[near[-1]])
            assert ante.mention is not None and r.mention is not None  # the body's; r's, read by _bare_description
            resolutions[n] = replace(ante, mention=replace(ante.mention, role=r.mention.role))


def _bare_description(r: Resolution) -> bool:
    """"The company", "the shipping group": a definite description of a body, which the rules left naming only
    its head, for want of an antecedent they took for a body."""
    assert r.source is not None  # asked only of a source (``_it_follows``)
    m = r.mention
    if m is None or m.kind != "named_organization" or m.entity != m.head or m.head not in _DESCRIBED_BODIES:
        return False
    ws = words_of(r.source.text)
    return 1 < len(ws) <= _DESCRIPTION_WORDS and ws[0].lower() == "the" and all(w.islower() for w in ws[1:])


def _surnames_follow(resolutions: list[Resolution]) -> None:
    """"Marek Zoltai told ... Zoltai said": a surname alone after a person's first name and surname is that
    person, with that person's role, whatever the typer or a word list made of the bare word ("Sen. Jeff
    Sessions ... Sessions said": no described group of sessions). One pass."""
    people: dict[str, str] = {}  # surname -> role
    for n, r in enumerate(resolutions):
        if r.source is None or r.mention is None:
            continue
        if r.mention.kind == "named_person" and _full_name(r):
            people[r.mention.entity] = r.mention.role
        elif r.mention.kind != "named_person" and r.source.resolved is None \
                and (surname := r.source.text.strip().lower()) in people:
            person = retyped(r, "named_person")
            assert person.mention is not None  # ``retyped`` keeps r's mention, which there is
            role = people[surname] if person.mention.role == "other" else person.mention.role
            resolutions[n] = replace(person, mention=replace(person.mention, role=role))


def _full_name(r: Resolution) -> bool:
    """The person's surname is written after a capitalised first name ("Marek Zoltai"), titles aside."""
    assert r.mention is not None  # asked only of a typed person (``_surnames_follow``)
    ws = words_of(typed(r))
    return any(w.lower() == r.mention.entity and ws[i - 1][:1].isupper() and ws[i - 1].isalpha()
               and ws[i - 1].lower() not in TITLES for i, w in enumerate(ws) if i)


def _persons_follow(doc: Doc, resolutions: list[Resolution]) -> None:
    """"Orvel General confirmed ... One nurse said ... ," she said': resolution took the body for a person and
    gave it "she"; a he or she is never a body, so it refers to the nearest person before it (a named or an
    unnamed one), else to no one."""
    last = -1  # the nearest person so far: one pass, linear however many pronouns
    bodies: set[tuple[int, int]] = set()  # the sources typed bodies: a pronoun resolved to one is typed with it
    for n, (d, r) in enumerate(zip(doc.drafts, resolutions, strict=True)):
        if _a_person(r):
            last = n
        if r.source is not None and r.mention is not None and r.mention.kind == "named_organization":
            bodies.add((r.source.start, r.source.end))
        if r.source is None or r.source.text.lower() not in _HE or r.mention is None or (
                r.mention.kind != "named_organization"
                and (r.source.resolved is None or (r.source.resolved.start, r.source.resolved.end) not in bodies)):
            continue
        if last >= 0 and d.start - doc.drafts[last].end <= LOOKBACK:
            resolutions[n] = _refers_to(r, resolutions[last])
        else:
            mention = Mention("anonymous", "other", r.source.text.lower(), "individual", "unknown", r.mention.head)
            resolutions[n] = Resolution(replace(r.source, resolved=None), mention, None)


def _refers_to(r: Resolution, ante: Resolution) -> Resolution:
    """The pronoun's resolution re-pointed at an earlier source: its fullest mention and what it is."""
    assert r.source is not None and ante.source is not None  # both sources: a pronoun's, and a body's or a person's
    full = ante.full or Span(ante.source.text, ante.source.start, ante.source.end)
    return Resolution(replace(r.source, resolved=full), ante.mention, full)


def _a_person(r: Resolution) -> bool:
    """A source that is one person: named, or unnamed and not a group; not a pronoun left unresolved."""
    m = r.mention
    return (r.source is not None and m is not None and r.source.text.lower() not in _PRONOUNS
            and (m.kind == "named_person" or (m.kind == "anonymous" and m.gender != "plural")))
