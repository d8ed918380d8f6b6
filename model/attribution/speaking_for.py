"""Whom a spokesperson or an aide speaks for, and so their role: "service spokesman Bojan Lusic" after "the Karst
Regional Emergency Service", "Cameron's spokesman", "a spokeswoman for the Ostrander Group", "The spokesman,
Inspector Tomas Rell" after "a police spokesman"."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from model.attribution.acronyms import spelt_role
from model.attribution.history import History
from model.attribution.mention_words import words_in
from model.attribution.mentions import classify, words_of
from model.attribution.phrases import POSSESSORS
from model.attribution.records import Doc, Resolution
from model.attribution.role_words import POSSESSIVE, role_of
from model.lexicon import GRAMMAR, MENTION_WORDS, ORGANIZATIONS, PRONOUNS
from model.types import Span

_SPEAKING_FOR = MENTION_WORDS["speaking_for"]
# Of the speaking-for words, the spokespeople: an aide or adviser speaks for a person as often as for a body.
SPOKESPEOPLE = frozenset(w for w in _SPEAKING_FOR if w.startswith("spokes"))
_ITS = frozenset(("Its", "its"))  # a body's possessive: whose title follows
_ARTICLES = frozenset(("a", "an", "the"))  # "A spokesman", "the spokeswoman": no word of whose
_NAME_WORDS = 4  # a spokesperson's word and a name of up to three words: "spokesman Tomasz Nowak"
_JUST_BEFORE = 300  # characters from the body's claim to the spokesperson's: the next sentence or so
_MEMBERS = MENTION_WORDS["body_members"]  # "a board employee", "a ministry official": who works for the body
_FOR = frozenset(("for", "to"))  # "a spokesman for the ministry", "an aide to the governor"
# Words before a description's head that say which one, not what kind: "the", "its", "both", "the same".
NOT_MODIFIERS = GRAMMAR["articles"] | GRAMMAR["phrase_quantifiers"] | GRAMMAR["which_one"]


def body_role(src: Span, history: History) -> str | None:
    """The role of whom a spokesperson or an aide speaks for, when the mention says who: a body named by a word
    met before ("service spokesman Bojan Lusic" after "the Karst Regional Emergency Service"), a name before
    the head ("Cameron's spokesman"), after "for"/"to" ("a spokeswoman for the Ostrander Group"), or a possessive
    pronoun for the last one fitting it ("His spokesman" after "President Alvarez said")."""
    low = src.text.lower()
    if not any(map(low.__contains__, _SPEAKING_FOR)):  # most sources: substring tests (in C) spare the tokenising
        return None
    ws = words_of(src.text)
    at = next((i for i, w in enumerate(ws) if w.lower() in _SPEAKING_FOR), None)
    if at is None:
        return None
    if at >= 3 and ws[at - 1].lower() == "of":  # "Obama's chief of staff": the whole title is the head
        at -= 2
    if any(w.lower() == "former" for w in ws[:at]):  # "former Obama adviser David Axelrod": for no one now
        return None
    if at == 1 and ws[0].lower() in POSSESSORS:  # "His spokesman, Carlos Mendez" after "President Alvarez dismissed"
        owner = history.find(src.start, PRONOUNS[ws[0].lower()])
        return "official" if owner is not None and owner.mention.role == "official" else None
    before = ws[at - 1] if at and ws[at - 1].lower() not in NOT_MODIFIERS else ""
    if at == 1 and ws[0].lower() == "the":  # "The spokesman, Inspector Tomas Rell": the spokesman met before
        earlier = history.find(src.start, "backref", ws[at].lower())
        return earlier.mention.role if earlier is not None else None
    if at == 1 and before.lower() in ORGANIZATIONS:  # "Bank spokesman Tomas Reinholt": a body's word opening it
        before = before.lower()
    if before.isalpha() and before.islower():  # "service", not the name in "Clinton spokesman"
        if (role := _body_met(src, history, before)) is not None:
            return role
        whose = ws[at - 2] if at >= 2 else ""  # "Mr. Obama's climate advisers": whose, past what they advise on
        return _named_role([POSSESSIVE.sub("", whose)], history) if whose[:1].isupper() else None
    if before[:1].isupper():
        return _named_role([POSSESSIVE.sub("", before)], history)
    if at + 2 < len(ws) and ws[at + 1].lower() in _FOR:
        after = ws[at + 2:]
        after = after[:next((i for i, w in enumerate(after) if not w[:1].isalnum()), len(after))]
        if len(after) == 2 and after[0].lower() == "the" and after[1].islower():  # "a spokeswoman for the office"
            return _body_met(src, history, after[1])  # after "The prime minister's office denied"
        return _named_role(after, history)
    return None


def member_role(src: Span, history: History) -> str | None:
    """"official" when the mention opens with the word of an official body met before whose member or staff
    it names: "The board's chairwoman, Silvia Marnik", "two of the board's nine members", "a board employee"
    after "the National Electoral Board" (a body's word further in, "chairman of ... , the network's funding
    arm", is someone else's), or with an acronym the document spells out as an official body ("CSO director-general
    Petra Ylven" after "The Communications Supervisory Office (CSO)")."""
    words = words_in(src.text)
    if len(words) > 1 and words[0].isupper() and spelt_role(words[0].lower(), history.text) == "official":
        return "official"
    ws = [w.lower() for w in words]
    at = 3 if ws[:2] in (["one", "of"], ["two", "of"], ["some", "of"]) else 1  # "two of the board's members"
    if len(ws) <= at + 1 or ws[at - 1] not in _ARTICLES:
        return None
    head = POSSESSIVE.sub("", ws[at])
    if head not in ORGANIZATIONS or (head == ws[at] and ws[at + 1] not in _MEMBERS):
        return None
    return "official" if _body_met(src, history, head) == "official" else None


def office_role(src: Span, history: History) -> str | None:
    """"official" for the office of a person met before who holds one ("Vosk's office", "Dovral's office"): it
    speaks for them; else None."""
    ws = words_of(src.text)
    if len(ws) != 2 or ws[1].lower() != "office" or not ws[0][:1].isupper() or not POSSESSIVE.search(ws[0]):
        return None
    return _named_role([POSSESSIVE.sub("", ws[0])], history)


def _body_met(src: Span, history: History, head: str) -> str | None:
    """The role of the organisation met before that a body's word points back to ("service", "the office")."""
    body = history.find(src.start, "backref", head)
    return body.mention.role if body is not None and body.mention.kind == "named_organization" else None


def _named_role(ws: list[str], history: History) -> str | None:
    """"official" when these words name an officeholder or an official body, else None: the guideline makes
    the spokespeople of officeholders official, and a candidate's staff speak for a campaign, not an office
    ("Cruz spokeswoman" where the article writes "the Cruz campaign")."""
    if not ws:
        return None
    text = " ".join(ws)
    mention = classify(text)
    if mention.kind == "named_person":
        role = history.role_of(text, mention) or mention.role
        if role == "official" and mention.entity in history.candidates:
            return None
    else:
        role = history.orgs.get(mention.entity.split()[0], "other") if mention.entity else "other"
        role = role if role == "official" else spelt_role(mention.entity, history.text) or role_of(ws)  # "ICE"
    return role if role == "official" else None


def stage(doc: Doc) -> None:
    """Stage "spokespeople": who speaks for the body that spoke just before, with no other speaker between, takes
    its role. A spokesperson the text names no one for ("The ministry denied that. A spokesman said ...") is
    official after an official body; a title or a document of "its" ("The commission rejected the allegations. Its
    chairwoman, Vesna Horak, said ...", "its headline") is whatever the body is, whatever the title's own words
    say. A later mention of either ("the spokesman", "Horak") follows."""
    out = list(doc.resolutions)
    by_span: dict[tuple[int, int], str] = {}  # the mentions given a body's role, by span, to the role
    by_person: dict[str, str] = {}  # ... and the named people among them, by entity
    body: tuple[int, str] | None = None  # where the claim of the body that spoke last ended, and its role
    for n, (d, r) in enumerate(zip(doc.drafts, out, strict=True)):
        if r.source is None or r.mention is None:
            continue
        own = r.source.resolved or r.source  # the same speaker again: a quotation's sentences, "the spokesman"
        who = _person(r)
        near = body is not None and r.source.resolved is None and d.start - body[0] <= _JUST_BEFORE
        role = by_span.get((own.start, own.end)) or (by_person.get(who) if who else None)
        # near: there is a body (mypy does not carry that through ``near``)
        if role is None and near and _of_its(r):
            role = cast("tuple[int, str]", body)[1]
        elif role is None and near and cast("tuple[int, str]", body)[1] == "official" and r.mention.role == "other" \
                and _bare_spokesperson(r.source.text):
            role = "official"
        if role is not None:
            out[n] = replace(r, mention=replace(r.mention, role=role))
            by_span[(r.source.start, r.source.end)] = role
            if who:
                by_person[who] = role
        body = (d.end, r.mention.role) if r.mention.kind == "named_organization" else None
    doc.resolutions = out


def _person(r: Resolution) -> str | None:
    """The named person a mention is, so that a later "Mikus" follows "Its director, Pavel Mikus"."""
    assert r.mention is not None  # stage asks only for resolutions with a mention
    return r.mention.entity if r.mention.kind == "named_person" and r.mention.entity else None


def _of_its(r: Resolution) -> bool:
    """A title or a document of "its", not a body: "Its chairwoman, Vesna Horak", "its chief executive", "its
    headline" (the body's role is the guideline's for its people and its documents)."""
    assert r.source is not None and r.mention is not None  # stage asks only for resolutions with both
    ws = r.source.text.split(None, 2)
    return len(ws) > 1 and ws[0] in _ITS and r.mention.kind != "named_organization" and ws[1][:1].islower()


def _bare_spokesperson(text: str) -> bool:
    """"A spokesman", "The spokeswoman", "spokesman Tomasz Nowak": a spokesperson with nothing said of whose
    (a name may follow)."""
    ws = text.replace(",", " ").split()
    ws = ws[1:] if ws and ws[0].lower() in _ARTICLES else ws
    return bool(ws) and ws[0].lower() in SPOKESPEOPLE and (len(ws) == 1 or (
        len(ws) <= _NAME_WORDS and all(w[:1].isupper() for w in ws[1:])))
