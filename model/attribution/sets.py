"""A plural description that names again a set of names just met: "Velmar Industries and the Ostrander Group
... The two companies said", "the State Department and the Department of Homeland Security ... The departments
declined". The description resolves to the names' conjunction and speaks as they do (the guideline types
"the two sides" after "Netanyahu and Obama" as the named persons, "the departments" as the named bodies).

A description qualifies when it is "the" (or "both"), an optional count and one lower-case plural head; the
conjunction is the last "A and B" (or "A, B and C") of capitalised names in the text just before it. With a
count the names must be that many; without one a name must hold the head's singular ("departments":
"the State Department"), so "the officials" does not take whatever pair was named last.
"""

from __future__ import annotations

import re

from model.attribution.history import History
from model.attribution.mention_words import words_in
from model.attribution.mentions import Mention, classify
from model.attribution.phrases import PEOPLE
from model.lexicon import BUSINESS_HEADS, GRAMMAR, LEGAL_FORMS, MENTION_WORDS, ORGANIZATIONS, PERSON_ROLES
from model.types import Span

REACH = 300  # characters before the description searched for the names: the sentence or two before it
_COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}
BODIES = ORGANIZATIONS | BUSINESS_HEADS | MENTION_WORDS["set_bodies"]  # "the three states": a set of bodies
_PERSONS = PERSON_ROLES | {"man", "woman"}  # "the two men"
# A name: an optional "the", then up to five capitalised words (each word's characters and the spaces between
# them are disjoint classes, and the repeat is bounded: no backtracking to speak of).
_NAME = r"(?:[Tt]he\s+)?(?:[A-Z][\w'’.&-]*\s+(?:of\s+)?){0,4}[A-Z][\w'’.&-]*"  # "the Department of State"
_CONJUNCTION = re.compile(rf"{_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME}")
_SPLIT = re.compile(r",?\s+and\s+|,\s+")
_NAMED = ("named_person", "named_organization")
_OPENERS = GRAMMAR["run_openers"] | GRAMMAR["clause_openers"]
_HEADS_AFTER = PEOPLE | BODIES | _PERSONS


def named_set(text: str, src: Span, mention: Mention, history: History) -> tuple[Span, Mention] | None:
    """The names' conjunction the description ``src`` refers to and the mention it speaks as, or None."""
    ws = [w.lower() for w in words_in(src.text)]
    if mention.kind not in ("anonymous", "backref") or not 2 <= len(ws) <= 3 or ws[0] not in ("the", "both"):
        return None
    count = _COUNTS.get(ws[1]) if len(ws) == 3 else _COUNTS.get(ws[0])
    head = ws[-1]
    if (len(ws) == 3 and count is None) or not head.endswith(("s", "men")) or not src.text.split()[-1].islower():
        return None
    found = _last_conjunction(text, src.start)
    if found is None:
        return None
    names = [n for n in _SPLIT.split(found.text) if n]
    singular = _singular(head)
    if (count is not None and len(names) != count) or (
            count is None and not any(singular in n.lower().split() for n in names)):
        return None
    return found, _speaking_as(names, singular, history)


def named_subjects(text: str, src: Span, history: History) -> tuple[Span, Mention] | None:
    """For "they": the conjunction of names that opens the sentence before it ("Sherrod Brown and Al From met on
    Tuesday. They said ..."), when every name is a named person or body; or None."""
    if src.text.lower() != "they":
        return None
    found = _last_conjunction(text, src.start)
    if found is None or not _opens_sentence(text, found.start) or _sentences_between(text, found.end, src.start):
        return None
    names = [n for n in _SPLIT.split(found.text) if n]
    if not all(classify(n).kind in _NAMED for n in names):
        return None  # "Republicans and Democrats": groups, which the pronoun rules already read
    return found, _speaking_as(names, "", history)


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at].rstrip(" ")
    return not before or before[-1] in ".!?\n\"”"


def _sentences_between(text: str, start: int, end: int) -> bool:
    """A sentence stands between the names' sentence and the pronoun's: they are no longer the topic."""
    between = text[start:end]
    return "\n" in between or sum(between.count(m) for m in (". ", "? ", "! ")) > 1


def _last_conjunction(text: str, before: int) -> Span | None:
    """The last conjunction of names ending in the REACH characters before ``before`` (and in its paragraph)."""
    start = max(0, before - REACH)
    start = text.rfind("\n", start, before) + 1 or start  # a search bounded by REACH: linear on one-line text
    if "and" not in text[start:before]:
        return None  # no conjunction to find: a substring test, where the pattern would try every position
    last = None
    for m in _CONJUNCTION.finditer(text, start, before):
        last = m
    if last is None or _modifies(text, last.end()):
        return None
    found, start = last.group(0), last.start()
    opener = found.split(None, 1)[0]
    if opener.lower() in _OPENERS:  # "As Johnson and Weld stumped ...": the sentence's opener is no name's
        found, start = found[len(opener):].lstrip(), start + len(found) - len(found[len(opener):].lstrip())
    if found.endswith(".") and found.count(".") == 1 and found.rsplit(None, 1)[-1].lower() not in LEGAL_FORMS:
        found = found[:-1]  # "... Maryland and Delaware." ends a sentence, not a name ("Ostrander Corp." does)
    return Span(found, start, start + len(found))


def _modifies(text: str, end: int) -> bool:
    """The names qualify a noun after them ("Border Patrol and Homeland Security sources"): no set of names."""
    after = text[end:end + 30].split(None, 1)
    return bool(after) and after[0].strip(",.;:").lower() in _HEADS_AFTER


def _singular(head: str) -> str:
    if head.endswith("men"):
        return head[:-3] + "man"  # "men", "women", "chairmen"
    return head[:-3] + "y" if head.endswith("ies") else head[:-1]


def _speaking_as(names: list[str], singular: str, history: History) -> Mention:
    """Named persons or named bodies, by the head ("companies", "leaders") or else by the first name's kind;
    official when one of the names is known as one."""
    mentions = [classify(n) for n in names]
    if singular in BODIES:
        kind = "named_organization"
    elif singular in _PERSONS:
        kind = "named_person"
    else:
        kind = mentions[0].kind if mentions[0].kind in _NAMED else "named_person"
    roles = [history.role_of(n, m) or m.role for n, m in zip(names, mentions, strict=True)]
    role = "official" if "official" in roles else next((r for r in roles if r != "other"), "other")
    entity = " and ".join(m.entity for m in mentions)
    return Mention(kind, role, entity, "none", "plural", singular)
