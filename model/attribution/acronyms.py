"""Acronyms a document spells out: "the Sarvonian Anti-Doping Agency (SADA)" makes a later "SADA said" the agency,
with the role its full name gives."""

from __future__ import annotations

import re
from functools import lru_cache

from model.attribution.mentions import classify

# "(SADA)", "(FEC)", "(R&D)": two to eight capitals in brackets; a literal "(" opens the pattern, so the engine
# skips to each bracket in C and hostile text costs one linear scan.
_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_JOINERS = frozenset({"of", "for", "and", "on", "&"})  # words an acronym skips: "Federal Bureau of Investigation"
SPELT_WORDS = 10  # words before the bracket read for the full name at most
SPELT_CHARS = 120  # characters before the bracket those words are read from
DOCUMENTS = 8  # documents whose acronyms are remembered (the same text is asked once per source)


def spelt_role(entity: str, text: str) -> str | None:
    """The role the full name of acronym ``entity`` (lower case) gives, where ``text`` spells it out and the
    name says more than "other"; else None."""
    name = spelt_out(text).get(entity)
    role = classify(name).role if name else "other"
    return None if role == "other" else role


@lru_cache(maxsize=DOCUMENTS)
def spelt_out(text: str) -> dict[str, str]:
    """Acronym (lower case) -> the full name written right before it in brackets, its initials the acronym's
    letters; the first spelling wins."""
    found: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        words = text[max(0, m.start() - SPELT_CHARS):m.start()].split()[-SPELT_WORDS:]
        name = _full_name(words, m.group(1).replace("&", ""))
        if name:
            found.setdefault(m.group(1).lower(), name)
    return found


def _full_name(words: list[str], letters: str) -> str | None:
    """The last words whose capitalised parts' initials spell ``letters`` ("Sarvonian Anti-Doping Agency" for
    SADA), joiners between them allowed; None when a lower-case word or too many initials come first."""
    initials = ""
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word.lower() in _JOINERS:
            continue
        if not word[:1].isupper():
            return None
        initials = "".join(part[:1] for part in word.split("-") if part[:1].isupper()) + initials
        if initials == letters:
            return " ".join(words[k:])
        if len(initials) >= len(letters):
            return None
    return None
