"""One entity, one type: a body however a text names it, a speaker in every sentence of a quotation."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from model.attribution.mention_features import typed_text
from model.attribution.mentions import words_of
from model.attribution.records import Doc
from model.attribution.resolve import Resolution
from model.attribution.role_words import role_of
from model.lexicon import BUSINESS_NAMES, GIVEN_NAMES, ORGANIZATIONS, TITLES

_BODY_WORDS = BUSINESS_NAMES | ORGANIZATIONS  # words that end a body's fuller name
_FULLER = 3  # capitalised words that may follow a short name in its fuller form: "Orvel General Hospital"
_SHORT = 5  # words of a short name at most (and the work per run of capitals stays bounded)
_DOTTED_RUN = re.compile(r"[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*)+")  # the same, titles' and forms' dots kept
_CAPITALISED_RUN = re.compile(r"[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*)+")  # a name of two words or more


def one_body(resolutions: list[Resolution]) -> None:
    """Give a body named by the first words of a fuller name the text gives it the fuller name's entity
    ("Kestrel" beside "Kestrel Pharmaceuticals", "Orvel General" beside "Orvel General Hospital"), so that the
    two never corroborate or deny each other. Only a fuller name whose further words are business words, legal
    forms or organisation heads ("Velmar Holdings AG"), never another body ("Kestrel Bay Council")."""
    bodies = {r.mention.entity for r in resolutions
              if r.mention is not None and r.mention.kind == "named_organization" and r.mention.entity}
    full: dict[str, str] = {}
    for entity in sorted(bodies, key=len):  # the shortest fuller name first, on any order of the text
        words = entity.split()
        for n in range(1, len(words)):
            if all(w.rstrip(".") in _BODY_WORDS for w in words[n:]):
                full.setdefault(" ".join(words[:n]), entity)
    for n, r in enumerate(resolutions):
        if r.mention is not None and r.mention.kind == "named_organization" and r.mention.entity in full:
            resolutions[n] = replace(r, mention=replace(r.mention, entity=full[r.mention.entity]))


def same_speaker(doc: Doc, resolutions: list[Resolution]) -> None:
    """Every sentence of a quotation is its speaker's ('"..." said Mira Kovac, a rescue coordinator. "But every
    hour counts."'), so the speaker and the uncued sentences take one mention: the one typed from the fullest
    words ("Mira Kovac, a rescue coordinator ..." over the name alone; "Sen. Jeff Sessions" over "Sessions")."""
    groups: dict[tuple[int, int], list[int]] = {}  # the speaker's span -> the drafts that carry it
    for n, r in enumerate(resolutions):
        if r.source is not None and r.mention is not None:
            groups.setdefault((r.source.start, r.source.end), []).append(n)
    for members in groups.values():
        if len(members) < 2:
            continue  # a speaker with no uncued sentence after it: nothing to make consistent
        best = max(members, key=lambda n: len(words_of(typed_text(doc.drafts[n], resolutions[n]))))  # first on a tie
        for n in members:
            if resolutions[n].mention != resolutions[best].mention:
                resolutions[n] = replace(resolutions[n], mention=resolutions[best].mention)


def fuller_roles(doc: Doc, resolutions: list[Resolution]) -> None:
    """A body named by the first words of a fuller name the text writes anywhere takes the fuller name's role
    when its own words say none: "Orvel General confirmed" after "... at Orvel General Hospital" speaks as the
    hospital (expert), "Halden Water said" after "the Halden Water Authority" as the authority (official). Only
    a fuller name whose further words are business words, legal forms or organisation heads."""
    wanted = [n for n, r in enumerate(resolutions) if r.source is not None and r.mention is not None
              and r.mention.kind == "named_organization" and r.mention.role == "other"]
    if not wanted:
        return
    names = {n: (resolutions[n].source.resolved or resolutions[n].source).text.strip() for n in wanted}
    roles = _fuller_name_roles(doc.document.text, set(names.values()))
    for n in wanted:
        r = resolutions[n]
        role = roles.get(names[n], "other")
        if role != "other":
            resolutions[n] = replace(r, mention=replace(r.mention, role=role))


def _fuller_name_roles(text: str, names: set[str]) -> dict[str, str]:
    """Each of these short names -> the role of the first fuller name the text writes for it ("Orvel General"
    -> the role of "Orvel General Hospital"), in one pass over the text's runs of capitalised words."""
    out: dict[str, str] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        ws = run.group().split()
        for k in range(max(1, len(ws) - _FULLER), len(ws)):
            if all(w.lower() in _BODY_WORDS for w in ws[k:]):
                for i in range(max(0, k - _SHORT), k):  # "The Halden Water Authority": "Halden Water" too
                    short = " ".join(ws[i:k])
                    if short in names and short not in out:
                        out[short] = role_of(ws[i:])
    return out


def business_named(text: str, resolutions: list[Resolution]) -> list[int]:
    """Drafts whose one-word name, typed a person, the text also writes as a business's name and never after a
    given name or a title: "Brennick said it was cooperating" after "drugmaker Brennick Pharma" is the company
    (an unknown name defaults to a person; "Trump" beside "the Trump Organization" and "Donald Trump" stays)."""
    wanted = [n for n, r in enumerate(resolutions) if r.mention is not None and r.source is not None
              and r.mention.kind == "named_person" and r.source.resolved is None
              and r.source.text.strip().isalpha() and r.source.text.strip()[:1].isupper()]
    if not wanted:
        return []
    businesses = _business_names(text)
    return [n for n in wanted if resolutions[n].source.text.strip() in businesses]


def _business_names(text: str) -> set[str]:
    """Words the text writes before a business word or legal form ("Brennick Pharma", "Velmar AG") and never
    after a given name or a title, in one pass over its runs of capitalised words."""
    followed, preceded = set(), set()
    for run in _DOTTED_RUN.finditer(text):
        ws = run.group().split()
        for a, b in pairwise(ws):
            if b.lower().rstrip(".") in BUSINESS_NAMES:
                followed.add(a)
            if a.lower() in GIVEN_NAMES or a.lower() in TITLES:
                preceded.add(b)
    return followed - preceded
