"""What a document says elsewhere about a name: the words written before it ("Montana Sen. Jon Tester",
"the shipping group Velmar") and in an appositive after it ("Velmar, the Danish shipping group", "Kopp, a
former federal prosecutor"), a legal form after it, the pronoun that follows it ("it said" or "he said").
Features for the learned mention typer (``mention_features``), one answer per name and document.
"""

from __future__ import annotations

from model.attribution.governing import is_party_state
from model.attribution.mention_words import words_from_tokens
from model.attribution.mentions import is_capitalised
from model.attribution.role_words import phrases, role_of
from model.lexicon import (
    EXPERT,
    GIVEN_NAMES,
    GRAMMAR,
    LEGAL_FORMS,
    MEDIA,
    MEDIA_WORDS,
    OFFICIAL,
    ORGANIZATIONS,
    PERSON_ROLES,
    ROLE_NOUNS,
    TITLES,
    TYPING,
    WITNESS,
)
from model.text import token_texts

PRONOUN_REACH = 12  # tokens after a name in which the next pronoun is taken to be about it (one clause or so)
APPOSITIVE_REACH = 12  # tokens after "Name," that still belong to its appositive ("Velmar, the Danish shipping group")
DESCRIPTOR_REACH = 6  # tokens before a name that still describe it ("Democratic vice presidential candidate")
FIRST_NAMES_REACH = 3  # capitalised words before a surname that are the rest of the name ("Jon", "C. Stewart")
MAX_OCCURRENCES = 5  # occurrences of a name read for evidence: what a document says of it shows by then
WINDOW_BEFORE = 100  # characters read before an occurrence: a descriptor and the rest of the name
WINDOW_AFTER = 120  # characters read after it: an appositive, or the next pronoun
_BEFORE_TOKENS = FIRST_NAMES_REACH + DESCRIPTOR_REACH + 1  # tokens before an occurrence that can matter
_AFTER_TOKENS = max(APPOSITIVE_REACH, PRONOUN_REACH) + 2
_IT, _HE = TYPING["it_pronouns"], TYPING["he_pronouns"]
_THEY = frozenset({"they", "their", "them", "themselves"})
ORG_WORDS = ORGANIZATIONS | TYPING["company_words"] | MEDIA_WORDS
PERSON_WORDS = PERSON_ROLES | ROLE_NOUNS | TYPING["person_words"] | frozenset({"democrat", "republican"})
# Word classes asked of the words around a name; phrases ("secretary of state", "news agency") count too.
ROLE_CLASSES: dict[str, frozenset[str]] = {
    "official": OFFICIAL, "media": MEDIA, "expert": EXPERT, "witness": WITNESS, "former": TYPING["former_words"],
    "candidate": TYPING["candidate_words"], "person": PERSON_WORDS, "org": ORG_WORDS,
}
# Words a descriptor written before a name is made of, beside capitalised ones: "former federal prosecutor".
_DESCRIBING = frozenset().union(*ROLE_CLASSES.values()) | TYPING["descriptor_words"]
_APPOSITIVE_ENDS = frozenset({"of", "at", "for", "from", "in", "with", "on", "who", "which", "that", "based", "and"})
_HONORIFICS = TYPING["honorifics"]
_PARTICLES = GRAMMAR["name_particles"]
_STOPS = frozenset({".", "!", "?", ";", "“", "”", '"'})
_BOUNDARY = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "“", "”", '"', "—", "–", "said", "says", "and", "but",
                       "that", "told", "according"})


def norm(w: str) -> str:
    """Lower case without a possessive ending ("Clinton's" -> clinton): the form names are compared in."""
    low = w.lower()
    if low.endswith(("'s", "’s")) and len(low) > 2:
        return low[:-2]
    if low.endswith(("'", "’")) and len(low) > 1:
        return low[:-1]
    return low


def classes(words: list[str]) -> set[str]:
    """The ROLE_CLASSES some word or phrase of ``words`` belongs to."""
    found = phrases(words)
    return {name for name, lexicon in ROLE_CLASSES.items() if not found.isdisjoint(lexicon)}


def ascii_lowered(text: str) -> str:
    """``text`` with its ASCII letters lower-cased and every other character as it is, by way of UTF-8 bytes: in C
    and several times cheaper than ``str.lower``, which maps character by character once a text holds a curly
    quote. An ASCII name is found in it where it is found in ``text.lower()``, with characters beside it that
    ``isalnum`` reads alike: of the characters beyond ASCII only "İ" (two characters) and the Kelvin sign (a "k")
    lower-case to ASCII or change length, and a text holding either is lower-cased whole (checked over every code
    point; every other lower-cased character keeps its ``isalnum``)."""
    if "\u0130" in text or "\u212a" in text:
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


class Evidence:
    """One document's text, asked about the names in it: each occurrence of a name is found with ``str.find``
    on the lower-cased text and only the few words around it are tokenised."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None  # text.lower(), for a name holding a character beyond ASCII (seldom)
        self._ascii_lower: str | None = None  # where an ASCII name stands as it does in text.lower()
        self._cache: dict[tuple[str, ...], dict[str, float]] = {}

    def occurrences(self, name: tuple[str, ...]) -> list[tuple[int, int]]:
        """Character spans where the name stands as whole words (at most MAX_OCCURRENCES of them)."""
        out: list[tuple[int, int]]
        needle, out = " ".join(name), []
        if needle.isascii():
            if self._ascii_lower is None:
                self._ascii_lower = ascii_lowered(self.text)
            lower = self._ascii_lower
        else:
            if self._lower is None:
                self._lower = self.text.lower()
            lower = self._lower
        at = lower.find(needle)
        while at >= 0 and len(out) < MAX_OCCURRENCES:
            end = at + len(needle)
            if (at == 0 or not lower[at - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum()):
                out.append((at, end))
            at = lower.find(needle, end)
        return out

    def about(self, name: tuple[str, ...]) -> dict[str, float]:
        """Features of everything the document writes around the name (empty for no name)."""
        if not name:
            return {}
        if name not in self._cache:
            self._cache[name] = self._about(name)
        return self._cache[name]

    def _about(self, name: tuple[str, ...]) -> dict[str, float]:
        hits = self.occurrences(name)
        f: dict[str, float] = {}
        for start, end in hits:  # each feature: the share of the name's occurrences that show it
            before = _words_before(self.text, start)
            if self.text.startswith(("'s", "’s"), end):
                end += 2
            after = _words_after(self.text, end)
            low_after = list(map(str.lower, after))
            keys = {*_before(before, list(map(str.lower, before)), len(before)), *_after(after, low_after, 0),
                    _next_pronoun(low_after, 0)}
            for key in keys:
                if key:
                    f[key] = f.get(key, 0.0) + 1.0 / len(hits)
        return f


def _joined(toks: list[str], text: str, lo: int, hi: int) -> list[str]:
    """``words_of(text[lo:hi])`` from that span's tokens, not remembered (a window is read once): without a "."
    there is no period to join to a word, so the tokens as found."""
    return words_from_tokens(toks) if text.find(".", lo, hi) >= 0 else toks


# The windows are tokenised from a shorter piece first, cut at a whitespace character: no token spans one, so
# the piece's tokens are exactly the window's from (before) or up to (after) that cut. Joining periods to words
# can change only the piece's word next to the cut, so a piece with one word more than needed gives the
# window's words; most do, and for the rest the window's tokens are the piece's with those of the rest of the
# window beside them (the piece is not tokenised again).
_BEFORE_PIECE = 64  # characters
_AFTER_PIECE = 88


def _words_before(text: str, start: int) -> list[str]:
    """The last ``_BEFORE_TOKENS`` words of the ``WINDOW_BEFORE`` characters before ``start``."""
    lo, k, toks = max(0, start - WINDOW_BEFORE), start - _BEFORE_PIECE, []
    if k > 0:
        while k < start and not text[k].isspace():
            k += 1
        toks = token_texts(text, k, start)
        words = _joined(toks, text, k, start)
        if len(words) > _BEFORE_TOKENS:
            return words[-_BEFORE_TOKENS:]
    else:
        k = start  # no piece: the window is tokenised whole
    return _joined(token_texts(text, lo, k) + toks, text, lo, start)[-_BEFORE_TOKENS:]


def _words_after(text: str, end: int) -> list[str]:
    """The first ``_AFTER_TOKENS`` words of the ``WINDOW_AFTER`` characters from ``end``."""
    c, hi, toks = end + _AFTER_PIECE, end + WINDOW_AFTER, []
    if c < len(text):
        while c > end and not text[c].isspace():
            c -= 1
        toks = token_texts(text, end, c)
        words = _joined(toks, text, end, c)
        if len(words) > _AFTER_TOKENS:
            return words[:_AFTER_TOKENS]
    else:
        c = end  # no piece: the window is tokenised whole
    return _joined(toks + token_texts(text, c, hi), text, end, hi)[:_AFTER_TOKENS]


def _before(toks: list[str], low: list[str], i: int) -> list[str]:
    """The honorific or first name right before the name, and the classes of the descriptor before those."""
    k = i
    while k > 0 and i - k < FIRST_NAMES_REACH and (is_capitalised(toks[k - 1]) or _particle(toks, low, k - 1)) \
            and low[k - 1] not in TITLES and low[k - 1] not in PERSON_WORDS and low[k - 1] not in ORG_WORDS:
        k -= 1  # the rest of the name: "Jon" of "Sen. Jon Tester", "C. Stewart" of "C. Stewart Verdery"
    out = []
    first = i - 1 - (i > 1 and _particle(toks, low, i - 1))  # "Bill" of "Bill de Blasio"
    if k <= first < i and low[first] in GIVEN_NAMES:
        out.append("ev.first_name")
    if k and low[k - 1] in _HONORIFICS:
        out.append("ev.honorific")
    lo = k
    while lo > 0 and k - lo < DESCRIPTOR_REACH and (is_capitalised(toks[lo - 1]) or low[lo - 1] in _DESCRIBING) \
            and low[lo - 1] not in _BOUNDARY:
        lo -= 1
    if lo < k:
        out += ["ev.pre." + c for c in classes(toks[lo:k])] + ["ev.pre.role=" + role_of(toks[lo:k])]
        out += ["ev.pre_head." + c for c in _head_classes(low[k - 1])]  # "the shipping group Velmar"
    return out


def _particle(toks: list[str], low: list[str], at: int) -> bool:
    """A lower-case particle inside a name, after a capitalised word: "de" of "Bill de Blasio"."""
    return at > 0 and low[at] in _PARTICLES and toks[at].islower() and is_capitalised(toks[at - 1])


def _head_classes(word: str) -> list[str]:
    """Whether a descriptor's or an appositive's head word is a person's or a body's."""
    return [c for c in ("person", "org") if word in ROLE_CLASSES[c]]


def _appositive_head(low: list[str]) -> str:
    """The head of an appositive noun phrase: its last word before a preposition or a clause ("group" of
    "the Danish shipping group based in Aarhus", "fellow" of "a fellow at the Brookings Institution")."""
    words = []
    for w in low:
        if w in _APPOSITIVE_ENDS:
            break
        words.append(w)
    return words[-1] if words else ""


def _after(toks: list[str], low: list[str], j: int) -> list[str]:
    """A legal form or a party and state right after the name, and the classes of its appositive."""
    nxt = low[j] if j < len(low) else ""
    out = []
    if nxt in LEGAL_FORMS:
        out.append("ev.legal_form")
    if nxt == "(" and j + 1 < len(low) and is_party_state(toks[j + 1]):
        out.append("ev.party_state")
    if nxt == "," and j + 2 < len(low) and low[j + 1].isdigit() and len(low[j + 1]) <= 3 and low[j + 2] == ",":
        out.append("ev.age")  # "Jakov Ristic, 52, a farmer": an age is a person's; the appositive follows
        j, nxt = j + 2, ","
    if nxt == ",":
        end = j + 1
        while end < len(low) and end - j <= APPOSITIVE_REACH and low[end] not in (",", ".", ";", ")", "—"):
            end += 1
        if end > j + 1 and low[j + 1] not in ("who", "which", "said", "says", "and", "but"):
            out += ["ev.appos." + c for c in classes(toks[j + 1:end])] + ["ev.appos.role=" + role_of(toks[j + 1:end])]
            head = _appositive_head(low[j + 1:end])
            out += ["ev.appos_head." + c for c in _head_classes(head)]
            if len(head) > 4 and head.isalpha():  # its ending, as the mention's own: -er, -ist people; -ion bodies
                out.append("ev.appos_suffix=" + head.rstrip("s")[-3:])
    return out


def _next_pronoun(low: list[str], j: int) -> str:
    """"ev.it", "ev.he" or "ev.they" for the first such pronoun soon after the name (same sentence), else ""."""
    for w in low[j:j + PRONOUN_REACH]:
        if w in _STOPS:
            return ""
        if w in _IT:
            return "ev.it"
        if w in _HE:
            return "ev.he"
        if w in _THEY:
            return "ev.they"
    return ""
