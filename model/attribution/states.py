"""States the word lists do not know, told by their demonym: "Marren expelled the envoy ... three Marrenese
citizens". A state speaking is an official body (the sourcing guideline); ``typer`` retypes such sources."""

from __future__ import annotations

import re
from collections.abc import Iterable

from model.lexicon import GIVEN_NAMES

SHORTEST = 4  # letters of a state's name at least: "Iran", not "Al" (whose "Ali" is no demonym)
SUBSTRING_CHECKS = 8  # distinct names a substring test may scan the text for; beyond, the text's words are read once
_DEMONYM_ENDS = ("n", "an", "ian", "ese", "i")  # "Kaspian", "Marrenese", "Iraqi"
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_AFTER_WORD = re.compile(r"\b([A-Z][a-z]+) (?=([A-Z][a-z]+)\b)")  # a capitalised word and the one after it


def one_name(text: str) -> str:
    """The mention's one capitalised word of at least ``SHORTEST`` letters ("Marren"), else ""."""
    name = text.strip()
    return name if name.isalpha() and name[:1].isupper() and len(name) >= SHORTEST else ""


def states(text: str, names: Iterable[str]) -> set[str]:
    """The names the text writes a demonym of ("Marrenese") and never after a first name ("Trumpian" after
    "Donald Trump" names no state). A substring test first for a few names (most have no demonym in the
    text), then one pass over the text, however many names are asked about."""
    unique = {n for n in names if n}
    if len(unique) > SUBSTRING_CHECKS:  # many names (hostile text): one pass for the words, not one per name
        words = set(_CAPITALISED.findall(text))
        asked = {n for n in unique if any(n + end in words for end in _DEMONYM_ENDS)}
    else:
        asked = {n for n in unique if _demonym_written(text, n)}
        words = set(_CAPITALISED.findall(text)) if asked else set()
    if not asked:
        return set()
    given = {m.group(2) for m in _AFTER_WORD.finditer(text) if m.group(1).lower() in GIVEN_NAMES}
    return {n for n in asked if n not in given and any(n + end in words for end in _DEMONYM_ENDS)}


def _demonym_written(text: str, name: str) -> bool:
    """``any(name + end in text for end in _DEMONYM_ENDS)`` in one scan of the text: the name's occurrences
    (overlapping ones too) are found in turn and the letters after each read, rather than the whole text
    searched again for each of the endings."""
    at = text.find(name)
    while at >= 0:
        if text.startswith(_DEMONYM_ENDS, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False
