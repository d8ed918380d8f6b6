"""Attributions a sentence makes without a cue verb in the lexicon: a headline's or a transcript's colon
("Gingrich: Trump Must ...", "PENCE: Well, ..."), a question put to the speaker ("Asked about X, ..."), and
a cue whose source is not in the text ("reportedly", "seemed")."""

from __future__ import annotations

from model.attribution.phrases import PEOPLE, is_cap, np_before
from model.attribution.records import Found, Sentence
from model.attribution.refusals import REACHED_THINGS
from model.attribution.role_words import POSSESSIVE
from model.lexicon import (
    ATTRIBUTION,
    COMMON_WORDS,
    GIVEN_NAMES,
    MEDIA,
    ORGANIZATIONS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SPEECH,
    TITLES,
)
from model.lexicon import REFUSAL_WORDS as R

_NOT_SPEAKERS = ATTRIBUTION["not_speakers"]
# Nouns that can speak: "Report: ...", "Poll: ...", "Officials: ..." stay speakers though common words.
_SPEAKING_NOUNS = PEOPLE | PERSON_NOUNS | ROLE_NOUNS | MEDIA | ORGANIZATIONS
_SOURCELESS = ATTRIBUTION["sourceless"]
_NAME_SIGNS = GIVEN_NAMES | TITLES  # a first name or a title in a label before a colon makes it a name
_COLON_REACH = 5  # tokens before a headline's colon: "Gingrich:", "Sen. Cruz:"
_LISTING_COMMAS = 3  # a colon followed by this many commas and names is a list, not speech
_NAME_REACH = 8  # tokens of a name before a colon: "Mark Blumenthal and Jon Cohen", "Jeffrey M. Jones"
_TITLE_NAME = 3  # in a headline, where every word is capitalised, a longer run is a clause: "Trump Addresses Munich"
_OPENING_QUOTES = frozenset(("“", '"', "‘", "''"))
_IN_NAMES = frozenset(("and", ".", "&"))  # joiners and initials' points inside a run of names
_DASHES = frozenset(("-", "–", "—", "--"))
_ASKED_BEFORE = 2  # "Asked about X, Trump said": the first cue must come after this token
_MODALS = R["reached_modals"]
_MODAL_REACH = 3  # tokens before "be reached" within which its modal stands: "could not immediately be reached"
_NEGATED = R["reached_negations"]
_COLON_CLAUSE = 16  # tokens of a clause before a colon that opens a quotation: "He put the stakes bluntly:"
_SPEAKER_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
_COLON_SPEAKER = 4  # tokens of a speaker opening such a clause: "Mr. Chris Christie"
_POSSESSIVES = frozenset(("his", "her", "their", "its", "our", "my", "your"))


def headline(s: Sentence) -> None:
    """Stage "headline": the words before a colon opening a paragraph speak, and so does a name written
    before a colon and a quotation ("TOO EARLY - Mark Blumenthal and Jon Cohen: “Although ...”")."""
    if s.opens_paragraph:
        s.found = _title_colon(s.toks)
    if not s.found and ":" in s.toks:
        s.found = _named_colon(s.toks, s.in_quote, _TITLE_NAME if s.is_title else _NAME_REACH)


def asked(s: Sentence) -> None:
    """Stage "asked": "Asked about X, Trump said ...": the question is an attribution of its own."""
    if s.found and s.toks[0] == "Asked" and s.found[0].cue[0] > _ASKED_BEFORE:
        s.found = [Found((0, 1), None, "ask", "speech", False), *s.found]


def sourceless(s: Sentence) -> None:
    """Stage "sourceless": with nothing else found, one who could not be reached ("Sola himself could not be
    reached for comment": Sola, who declines), else a cue whose source is not in the text."""
    if not s.found:
        s.found = _unreached(s.toks, s.in_quote, s.low) or _colon_quote(s.toks, s.in_quote, s.low) \
            or _sourceless_cue(s.toks, s.in_quote, s.low)


def _unreached(toks: list[str], in_quote: list[bool], low: list[str]) -> list[Found]:
    """The subject of "could not be reached" as the source, "reached" as the cue (the refusal rules read the
    phrase as declining)."""
    if "reached" not in low:
        return []
    k = low.index("reached")
    modal = next((m for m in range(k - 2, max(k - 2 - _MODAL_REACH, 0), -1) if low[m] in _MODALS), 0)
    if in_quote[k] or low[k - 1] != "be" or not modal or not _NEGATED.intersection(low[modal:k]):
        return []
    subject = _subject_before(toks, low, modal - 1)  # the sentence's own subject: it opens the sentence
    if subject is None or subject[0] != 0 or low[subject[1] - 1] in REACHED_THINGS:
        return []  # "A deal could not be reached": nobody to reach
    return [Found((k, k + 1), subject, "reach", "speech", False)]


def _colon_quote(toks: list[str], in_quote: list[bool], low: list[str]) -> list[Found]:
    """'He put the stakes bluntly: "CVT-418 is the whole company."', 'The minister was blunt: "We will not pay."':
    a clause opened by its speaker and ending in a colon before a quotation introduces what the speaker says; the
    words between them are the cue."""
    end = min(len(toks) - 1, _COLON_CLAUSE)
    k = toks.index(":", 1, end) if ":" in toks[1:end] else 0  # most sentences have no colon there: C scans only
    if not k or toks[k + 1] not in _OPENING_QUOTES or in_quote[k] or low[0] in _POSSESSIVES:
        return []  # "Her message was clear:" says whose message, not who speaks
    subject = np_before(toks, low, 0, 0) if low[0] in _SPEAKER_PRONOUNS else _opening_speaker(toks, low, k)
    if subject is None or subject[0] != 0 or subject[1] >= k or not toks[subject[1]][:1].islower():
        return []
    return [Found((subject[1], k), subject, low[subject[1]], "speech", False)]


def _opening_speaker(toks: list[str], low: list[str], k: int) -> tuple[int, int] | None:
    """A person named by a first name or a title ("Mr. Christie", "Anna Berg"), or a described person or body
    ("The minister", "The company"), opening the sentence before the colon at k; None for anything else ("In a
    Fox interview, Trump went further:", "What that means:")."""
    if low[0] in ("the", "a", "an"):  # "The minister", "The Slate technology columnist David Auerbach"
        h = next((h for h in range(1, min(k, _COLON_SPEAKER)) if toks[h].islower() and low[h] in _SPEAKING_NOUNS), 0)
        e = h + 1
        while h and e < k and is_cap(toks[e]):
            e += 1
        return (0, e) if h and e < k and toks[e].islower() else None
    e = next((e for e in range(1, k) if toks[e][:1].islower() and toks[e] != "."), 0)
    if not e or e > _COLON_SPEAKER:
        return None
    named = low[0].rstrip(".") in _NAME_SIGNS or low[0] in _NAME_SIGNS
    return (0, e) if named and all(is_cap(t) or t == "." for t in toks[:e]) else None


def _subject_before(toks: list[str], low: list[str], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token j, or an appositive pair closed by a comma there: "The owner, Petar
    Stavro, could not be reached" (the whole pair, as a cue's subject is read)."""
    if j < 2 or toks[j] != ",":
        return np_before(toks, low, j, 0)
    name = np_before(toks, low, j - 1, 0)
    if name is None or name[0] < 2 or toks[name[0] - 1] != ",":
        return name
    first = np_before(toks, low, name[0] - 2, 0)
    return (first[0], name[1]) if first is not None and first[0] == 0 else name


def _sourceless_cue(toks: list[str], in_quote: list[bool], low: list[str]) -> list[Found]:
    if toks[0] != "Asked" and _SOURCELESS.isdisjoint(low):
        return []
    for k, t in enumerate(toks):
        if not in_quote[k] and (t.lower() in _SOURCELESS or (k == 0 and t == "Asked")):
            return [Found((k, k + 1), None, t.lower(), "speech", False)]
    return []


def _label(names: list[str]) -> bool:
    """A caption's or a section's label ("Tragic: the boy's mother ...", "Origins: ...", "FACT: ..."): one
    common word (``COMMON_WORDS``, learnt from the training news) that is no noun a speaker goes by; or a
    title ending in one, with no first name or title in it ("Schlafly's Final Column: ...", "The Latest: ...")."""
    low = [POSSESSIVE.sub("", w.lower()) for w in names if w != "."]
    if len(low) > 1 and _NAME_SIGNS.isdisjoint(low):
        low = low[-1:]
    return len(low) == 1 and low[0] in COMMON_WORDS and low[0] not in _SPEAKING_NOUNS


def _named_colon(toks: list[str], in_quote: list[bool], reach: int) -> list[Found]:
    """A name, opening the sentence or after a dash, then a colon and an opening quotation mark: the name
    speaks the quotation. Not after other words ("Trump told Fox News: “...”": the cue finds that one), nor
    with a cue verb in the run ("Said Ellis: “...”")."""
    for k, t in enumerate(toks):
        if t != ":" or in_quote[k] or k + 1 >= len(toks) or toks[k + 1] not in _OPENING_QUOTES:
            continue
        j = k
        while j > 0 and k - j < reach and (is_cap(toks[j - 1]) or (toks[j - 1] in _IN_NAMES and j < k)):
            j -= 1
        while j < k and toks[j] in _IN_NAMES:  # "and Jon Cohen" opens with the joiner: not a name
            j += 1
        opens = j == 0 or toks[j - 1] in _DASHES
        if opens and j < k and toks[j].lower() not in _NOT_SPEAKERS and not any(
                t.lower() in SPEECH for t in toks[j:k]):
            return [Found((k, k + 1), (j, k), ":", "speech", False)]
        return []
    return []


def _title_colon(toks: list[str]) -> list[Found]:
    """A headline "Gingrich: Trump Must ..." or a transcript's "PENCE: Well, ...": the words before the colon speak."""
    lo = 1 if toks and toks[0] in ('"', "“", "''") else 0
    for k in range(lo + 1, min(lo + _COLON_REACH, len(toks))):
        if toks[k] == ":":
            names = toks[lo:k]
            rest = toks[k + 1:]
            names_only = rest.count(",") >= _LISTING_COMMAS and not any(t[:1].islower() for t in rest[:8])
            listing = names_only or not rest or not (rest[0][:1].isalpha() or rest[0] in "“\"'")
            # not "Clinton: 2,316." nor "Iowa: A, B, C, ..." nor a caption's "Tragic: ..."
            if all(is_cap(t) or t == "." for t in names) and names[0].lower() not in _NOT_SPEAKERS \
                    and len(toks) > k + 2 and not listing and not _label(names):
                return [Found((k, k + 1), (lo, k), ":", "speech", False)]
            return []
    return []
