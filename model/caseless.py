"""Case-insensitive patterns run case-sensitively over lower-cased text: the same matches, at a quarter of the cost.

Python's engine tries every alternative of an IGNORECASE alternation ("\\b(?:allegedly|apparently|...)") at every
position, lower-casing the character at each comparison; a case-sensitive pattern over lower-cased text skips an
alternative at its first character in C. The two find the same matches at the same offsets when lower-casing maps
every character of the text to one character (``str.lower``'s one exception, "İ", gives two: the length tells)
and the pattern's letters are lower-case ASCII; except where IGNORECASE also takes a character lower-casing
leaves alone for an ASCII letter ("ı" for "i", "ſ" for "s"). ``lowered`` gives None for a text holding either,
and there the pattern itself runs. (Checked over every code point against every letter and mark of the
patterns that use this.) Word boundaries, classes like "\\w" and "\\s", and lookarounds read a character and its
lower-case form alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Characters IGNORECASE matches to an ASCII letter although lower-casing keeps them: dotless i, long s.
_APART = re.compile("[ıſ]")
_ESCAPE_OR_NAME = re.compile(r"\\.|\(\?P<\w+>")


def lowered(text: str, low: str | None = None) -> str | None:
    """``text`` lower-cased (``low``, when already at hand), when a ``twin`` finds there what its pattern finds in
    ``text``; else None."""
    low = text.lower() if low is None else low
    return low if len(low) == len(text) and _APART.search(low) is None else None


def twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The IGNORECASE ``pattern`` without IGNORECASE, for ``lowered`` text; its letters must be lower-case ASCII
    (escapes such as "\\w" and group names aside)."""
    letters = {c for c in _ESCAPE_OR_NAME.sub("", pattern.pattern) if c.isalpha()}
    if not pattern.flags & re.IGNORECASE or not all("a" <= c <= "z" for c in letters):
        raise ValueError(f"not an IGNORECASE pattern of lower-case ASCII letters: {pattern.pattern[:60]!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


class Caseless:
    """An IGNORECASE pattern and its ``twin``: each call takes a text and ``lowered(text)``, and runs the twin over
    the latter unless it is None. A match's offsets are the text's; its groups are lower-cased."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.twin = twin(pattern)

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        return self.pattern.search(text) if low is None else self.twin.search(low)

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if low is None else self.twin.finditer(low)

    def search_as_written(self, text: str, low: str | None) -> re.Match[str] | None:
        """``search``, but a match over ``text`` itself (its groups as written): the twin finds where the first match
        starts, the pattern matches there."""
        m = self.search(text, low)
        return m if low is None or m is None else self.pattern.match(text, m.start())
