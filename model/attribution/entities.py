"""One entity, one type: a body however a text names it, a speaker in every sentence of a quotation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import cast

from model.attribution.mention_features import typed_text
from model.attribution.mentions import words_of
from model.attribution.records import Doc, Resolution
from model.attribution.role_words import role_of
from model.lexicon import BUSINESS_NAMES, ORGANIZATIONS
from model.types import Source

_BODY_WORDS = BUSINESS_NAMES | ORGANIZATIONS  # words that end a body's fuller name
_FULLER = 3  # capitalised words that may follow a short name in its fuller form: "Orvel General Hospital"
_SHORT = 5  # words of a short name looked up: a longer source is a full name already
_NAMES_CHECKED = 20  # one-word names per document looked up as businesses: the work stays linear on hostile text
# a fuller name's further words, matched where the short name ends (no pattern compiled per name)
_FURTHER = re.compile(r"((?:[ \t]+[A-Z][\w&'’-]*){1," + str(_FULLER) + r"})(?![\w&'’-])")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w&.'’/-]*)")  # the capitalised word after a name: "Brennick Pharma"


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
    # wanted holds only resolutions with a source and a mention (mypy does not narrow an indexed element)
    names = {n: ((s := cast(Source, resolutions[n].source)).resolved or s).text.strip() for n in wanted}
    roles = _fuller_name_roles(doc.document.text, set(names.values()))
    for n in wanted:
        r = resolutions[n]
        role = roles.get(names[n], "other")
        if role != "other":
            assert r.mention is not None  # see wanted
            resolutions[n] = replace(r, mention=replace(r.mention, role=role))


def _fuller_name_roles(text: str, names: set[str]) -> dict[str, str]:
    """Each of these short names -> the role of the first fuller name the text writes for it ("Orvel General"
    -> the role of "Orvel General Hospital"): the capitalised words after each name, for a few names."""
    out: dict[str, str] = {}
    for name in sorted(names)[:_NAMES_CHECKED]:
        if not name[:1].isupper() or len(name.split()) > _SHORT:
            continue
        for start, found in after_name(text, name, _FURTHER):
            further = found.group(1).split()
            if _word_start(text, start) and all(w.lower() in _BODY_WORDS for w in further):
                out[name] = role_of(name.split() + further)
                break
    return out


def after_name(text: str, name: str, after: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """Where ``name`` starts and ``after``'s match where it ends, as ``re.finditer(re.escape(name) + after.pattern,
    text)`` finds them (on from a match's end, or a character past a start without one), with the name found by
    ``str.find``: a pattern compiled for every unseen name cost more than the search."""
    k = text.find(name)
    while k >= 0:
        found = after.match(text, k + len(name))
        if found is None:
            k = text.find(name, k + 1)
            continue
        yield k, found
        k = text.find(name, found.end())


def business_named(text: str, resolutions: list[Resolution], persons: set[int]) -> list[int]:
    """Drafts whose one-word name, typed a person with no sign of one elsewhere in the text (``persons``: a
    given name, an honorific or a person's description before it), the text also writes as a business's name:
    "Brennick called the claim baseless" after "drugmaker Brennick Pharma" is the company (an unknown name
    defaults to a person); "Trump" beside "the Trump Organization" and "Donald Trump" stays a person."""
    wanted: dict[str, list[int]] = {}
    for n, r in enumerate(resolutions):
        m = r.mention
        if m is None or r.source is None or m.kind != "named_person" or r.source.resolved is not None or n in persons:
            continue
        name = r.source.text.strip()
        if name.isalpha() and name[:1].isupper():
            wanted.setdefault(name, []).append(n)
    out = []
    for name in list(wanted)[:_NAMES_CHECKED]:
        after = after_name(text, name, _NEXT_WORD)
        if any(_word_start(text, k) and m.group(1).lower().rstrip(".") in BUSINESS_NAMES for k, m in after):
            out += wanted[name]
    return sorted(out)


def _word_start(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()
