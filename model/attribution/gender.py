"""Whether a mention is a man, a woman or unknown, from its words: what "he" and "she" can refer back to."""

from __future__ import annotations

from model.lexicon import FEMALE, MALE, NAME_GENDER


def gender_of(ws: list[str]) -> str:
    """"female" or "male" when a word says so (a title, a role noun, a listed given name), else "unknown"."""
    low = set(map(str.lower, ws))
    return "female" if low & FEMALE else "male" if low & MALE else "unknown"


def name_gender(chunk: list[str], run: list[str]) -> str:
    """The gender of a named person: the gendered words before the surname ("King" of "Billie Jean King" says
    nothing), else the given name's (the first word before the surname that the Census lists give one gender)."""
    own = gender_of(chunk[:-1])
    if own != "unknown":
        return own
    for w in run[:-1]:
        low = w.lower()
        for gender in ("female", "male"):
            if low in NAME_GENDER[gender]:
                return gender
    return "unknown"
