"""The numbers a claim states, digits and small number words alike, as the paraphrase model compares them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from model.lexicon import sections
from model.types import Claim

_NUMBER_WORDS: dict[str, str] = sections("grammar.txt").pairs("number_words_pairs")
_DIGITS = re.compile(r"\d[\d.,]*")
_APART = r"\s.,;:!?()\[\]\"'\u201c\u201d\u2018\u2019\-\u2013\u2014"  # what separates the words numbers() reads
# A number word standing as a whole word between those marks: the words a split at them would give.
_NUMBER_WORD = re.compile(rf"(?<![^{_APART}])(?:{'|'.join(_NUMBER_WORDS)})(?![^{_APART}])")


def numbers(text: str, low: str | None = None) -> frozenset[str]:
    """The numbers a text states, digits and small number words alike ("eight", "8" -> "8"). (``low``: the text
    lower-cased, when already at hand.)"""
    # Each pattern walks the text once, in C: on unseen news a claim brings many chunks new to any memo of chunks,
    # and reading each costs more Python than the walk (news copy never repeats). Lower-casing changes no digit,
    # "." or ",", makes none and keeps whitespace (checked over every code point), so the digits of the lower-cased
    # text are the text's.
    low = text.lower() if low is None else low
    return frozenset((*(d.rstrip(".,") for d in _DIGITS.findall(low)),
                      *map(_NUMBER_WORDS.__getitem__, _NUMBER_WORD.findall(low))))


class Numbers(dict[int, frozenset[str]]):
    """Each claim's ``numbers`` by its index, worked out on first use: ``sharing`` and ``table`` ask them of the
    same claims, and one request's are read once. (``lows``: the claims' texts lower-cased, as linking has them.)"""

    def __init__(self, claims: Sequence[Claim], lows: Sequence[str] | None = None) -> None:
        super().__init__()
        self.claims = claims
        self.lows = lows

    def __missing__(self, k: int) -> frozenset[str]:
        found = self[k] = numbers(self.claims[k].text, self.low(k))
        return found

    def low(self, k: int) -> str:
        """Claim k's text lower-cased."""
        return self.claims[k].text.lower() if self.lows is None else self.lows[k]


def needles(values: frozenset[str]) -> tuple[str, ...]:
    """What a lower-cased text stating any of these numbers holds: the digits, or a number word for one."""
    return (*values, *(w for w, v in _NUMBER_WORDS.items() if v in values))
