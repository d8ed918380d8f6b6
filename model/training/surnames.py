"""Surnames the training news writes after a first name -> ``model/lexicon/surnames.txt``.

    python -m model.training.surnames

A text too short to introduce its speaker ("Biden said the bill would pass.", one sentence) gives the mention
typer nothing but a capital, and in full articles a bare name with no first name, title or description is
usually a body ("Gallup said"), so the typer types it an organisation. Readers know the surname. This command
reads that knowledge off the PolNeAR train texts (never the team's holdout articles, never dev or test): a
capitalised word written at least ``MIN_AFTER_FIRST`` times right after a listed first name ("Joe Biden",
"Angela Merkel"), and at most a third as often with a body's signs ("Ford Motor", "Podesta Group", "Gallup said
it"), is listed, unless the news writes it in lower case as often ("key", not "brown") or a word list knows it
as a common word, a group, a place, a title or a first name. Team names slip in ("Denver Broncos"): they matter
only where a team speaks with nothing else in its text saying what it is. The list is of its corpus's time and
place (US politics, 2015-16); for other news it adds nothing, and an introduced speaker never needs it.
Deterministic: a rerun writes the same file.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from model.lexicon import (
    ABBREVIATIONS,
    COMMON_WORDS,
    COUNTRIES,
    GIVEN_NAMES,
    GRAMMAR,
    GROUPS,
    MEDIA,
    ORGANIZATIONS,
    PEOPLE_PLURALS,
    TITLES,
)
from model.training.mined import command

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "model" / "lexicon" / "surnames.txt"
MIN_AFTER_FIRST = 2  # one "First Surname" may be a film title or a street ("Harrison Ford", "Abbey Road")
ORG_SHARE = 1 / 3  # a body's signs at most this often against the first names: "Podesta Group" beside John Podesta
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# A first name, an optional initial, the surname, and no further capitalised word or joined word ("Joe Biden",
# "George W. Bush"; not "Dallas Cowboys Stadium", "Joe Biden's" is read as "Biden").
_PERSON = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(" + _NAME + r")\b(?![-\w]|\.\w|\s+[A-Z])")
_BODY = re.compile(r"\b(" + _NAME + r")(?:\s+said\s+it\b|\s+says\s+it\b|,\s+which\b"
                   r"|['’]s\s+(?:shares|stock|headquarters|chief executive|CEO|website|spokes\w+)"
                   r"|\s+(?:Inc|Corp|Co|Ltd|LLC|Group|Foundation|Motor|Motors|Company|Institute|Center|University"
                   r"|News|Post|Times|Bank)\b)")
_LOWER = re.compile(r"\b[a-z]+(?:-[a-z]+)?\b")  # a word in lower case: "key" more often than "Francis Key"
# Words that are never a person's surname alone, whatever follows a first name: lists of their own.
_NOT_SURNAMES = (ORGANIZATIONS | MEDIA | TITLES | COMMON_WORDS | COUNTRIES | GIVEN_NAMES | GROUPS | PEOPLE_PLURALS
                 | GRAMMAR["weekdays"] | GRAMMAR["months"])


def mine(texts: list[str]) -> dict[str, int]:
    """Surname (lower case) -> times written after a first name, for the words that pass the module's tests."""
    after_first: Counter[str] = Counter()
    body: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for m in _PERSON.finditer(text):
            if m.group(1).lower() in GIVEN_NAMES:
                after_first[m.group(2)] += 1
        for m in _BODY.finditer(text):
            body[m.group(1)] += 1
        lower.update(_LOWER.findall(text))
    return {w.lower(): n for w, n in after_first.items()
            if n >= MIN_AFTER_FIRST and body[w] <= ORG_SHARE * n and lower[w.lower()] < n and not _excluded(w.lower())}


def _excluded(word: str) -> bool:
    """A common word, a group, a place, a title or its abbreviation ("Gov", "Jr"), a first name, a day."""
    return word in _NOT_SURNAMES or f"{word}." in ABBREVIATIONS


def listed(texts: list[str]) -> tuple[list[str], dict[str, int]]:
    """The list's comment header and its surnames, for ``mined.command``."""
    head = [f"# Surnames PolNeAR train writes after a first name ({len(texts)} articles, the team holdouts left out):",
            f"# at least {MIN_AFTER_FIRST} times, with a body's signs at most a third as often, and no common word,",
            "# group, place, title or first name. Written by `python -m model.training.surnames`; do not edit by",
            "# hand. A one-word source the text gives no other sign of is a person when listed",
            "# (model/attribution/guessed.py). Times after a first name after each name. The list is of its",
            "# corpus's time and place: US politics, 2015-16."]
    return head, mine(texts)


def main(argv: list[str] | None = None) -> int:
    return command(argv, "python -m model.training.surnames", __doc__, OUT, listed, "surnames")


if __name__ == "__main__":
    sys.exit(main())
