"""The words that say why a source goes unnamed ("who asked not to be named", "because she was not authorized
to speak"), read by the claims stage (the reason a claim reports) and by typing (a source whose own words give
one names no one)."""

from __future__ import annotations

import re

from model.lexicon import ANONYMITY_REASONS
from model.text import words

REASON = re.compile(r"\b(?:who\s+|because\s+(?:he|she|they)\s+(?:was|were|is|are)\s+|speaking\s+|and\s+)?(?:"
                    + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in ANONYMITY_REASONS) + r")"
                    + r"(?:\s+(?:about|on|to)(?:\s+[\w’'-]{1,30}){1,6})?", re.IGNORECASE)
# A word each reason phrase holds between word boundaries (the longest but the last): no such word, no reason.
REASON_KEYS = frozenset(max(r.split()[:-1] or r.split(), key=len) for r in ANONYMITY_REASONS)


def states_reason(text: str) -> bool:
    """Whether ``text`` says why someone goes unnamed."""
    return not REASON_KEYS.isdisjoint(words(text)) and REASON.search(text) is not None
