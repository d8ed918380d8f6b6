"""Names the typer could only guess at: a one-word source its text gives no first name, title, description or
body's sign ("Biden said the bill would pass.", a text too short to introduce anyone). In full articles such a
name is usually a body ("Gallup said"), so that is the typer's guess; two things still say a person."""

from __future__ import annotations

from model.attribution.mention_features import no_evidence
from model.attribution.mentions import words_of
from model.attribution.records import Resolution
from model.attribution.role_words import POSSESSIVE
from model.lexicon import SURNAMES, TYPING

_HE = TYPING["he_pronouns"]
_IT = TYPING["it_pronouns"]


def guessed_persons(resolutions: list[Resolution], idx: list[int], features: list[dict[str, float]]) -> list[int]:
    """The drafts whose one-word source the typer made an organisation on no evidence, where a "he" or "she"
    resolution gave to the name refers back to it ("Biden said ... He added ...") or, unless an "it" does
    ("Smith said ... It added ..."), the surname is one the training news writes after a first name
    (``surnames.txt``: "Merkel", "Gingrich"). Only a one-word name: "Downing Street", "Grand Central" are
    places and bodies as often as people; a name with any evidence ("Gawker, the media outlet", "WikiLeaks ...
    it") keeps the typer's answer."""
    out: list[int] = []
    referred: tuple[set[str], set[str]] | None = None  # worked out for the first candidate only
    for n, f in zip(idx, features, strict=True):
        r = resolutions[n]
        if r.source is None or r.mention is None or r.mention.kind != "named_organization" \
                or _resolved_elsewhere(r) or len(ws := words_of(r.source.text)) != 1 or not no_evidence(f):
            continue
        persons, bodies = referred = referred or _referred_to(resolutions)
        listed = POSSESSIVE.sub("", ws[0]).lower() in SURNAMES and r.mention.entity not in bodies
        if r.mention.entity in persons or listed:
            out.append(n)
    return out


def _resolved_elsewhere(r: Resolution) -> bool:
    """The source points to another mention (a pronoun's or a description's antecedent); a quotation's uncued
    sentence carries its speaker's own name ('"No. It's a talking point," Obama said'), which is no other."""
    assert r.source is not None  # asked only of a source (``guessed_persons`` skips a draft without one)
    return r.source.resolved is not None and r.source.resolved.text != r.source.text


def _referred_to(resolutions: list[Resolution]) -> tuple[set[str], set[str]]:
    """The entities a resolved "he"/"she" refers to as a person, and those a resolved "it" refers to as a body."""
    persons, bodies = set(), set()
    for r in resolutions:
        if r.source is None or r.source.resolved is None or r.mention is None:
            continue
        pronoun = r.source.text.lower()
        if pronoun in _HE and r.mention.kind == "named_person":
            persons.add(r.mention.entity)
        elif pronoun in _IT and r.mention.kind == "named_organization":
            bodies.add(r.mention.entity)
    return persons, bodies
