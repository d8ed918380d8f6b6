"""Per sentence: the attribution cues and the source mention each one points at, by token scanning.

No parser: a cue is a word (or phrase) from the lexicon outside quotation marks, and its source is the
noun phrase found by walking from the cue over a small grammar of what may stand in a subject (``sources``).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import compress

from model.attribution.agents import DOCUMENTS, names_a_document, seen_by
from model.attribution.citing import reports_citing
from model.attribution.phrases import STOP, is_cap
from model.attribution.records import Found, Sentence
from model.attribution.sources import IRREGULAR_PAST, attach
from model.denial import CLAIM_NOUNS  # "a claim", "an allegation", "a charge"
from model.lexicon import (
    ANONYMITY_REASONS,
    ATTRIBUTION,
    BELIEF,
    CUE_PHRASES,
    DENIAL,
    DOCUMENT_CUES,
    GRAMMAR,
    INVERTED,
    ROLE_NOUNS,
    SPEECH,
    WEAK,
)

_DOCUMENT_PHRASES: dict[str, list[tuple[list[str], str]]] = {}  # "sets out": a document's cue
for _form, _lemma in DOCUMENT_CUES.items():
    _DOCUMENT_PHRASES.setdefault(_form.split()[0], []).append((_form.split(), _lemma))
_SOURCE_AFTER_PHRASES = frozenset({("according", "to"), ("in", "the", "words", "of"), ("as", "reported", "by")}) | {
    tuple(p.split()) for p in CUE_PHRASES if p.endswith((" of", " from")) and p != "in the words of"}


def _phrase_kind(phrase: tuple[str, ...]) -> str:
    """A cue phrase's kind: "relay" where its source follows it ("according to"), a denial with "back"."""
    return "relay" if phrase in _SOURCE_AFTER_PHRASES else ("denial" if "back" in phrase else "speech")


# By first word, each cue phrase as (words, length, lemma, kind): its answer worked out once here, not per match.
_PHRASES: dict[str, list[tuple[list[str], int, str, str]]] = {}
for _p in CUE_PHRASES:
    _ws = tuple(_p.split())
    _PHRASES.setdefault(_ws[0], []).append((list(_ws), len(_ws), " ".join(_ws), _phrase_kind(_ws)))
_POLL_HEADS = {"in": ATTRIBUTION["poll_in"], "by": ATTRIBUTION["poll_by"]}
_POLL_WORDS = ATTRIBUTION["poll_words"]
_STARTS = frozenset(_PHRASES) | frozenset(DENIAL) | frozenset(SPEECH) | frozenset(BELIEF) | frozenset(_POLL_HEADS) \
    | frozenset(_DOCUMENT_PHRASES)
assert all(w[:1].isalnum() for w in _STARTS)  # so a token ``find`` looks at is a word: it asks no ``is_word``
PARTICIPLE_STARTS = frozenset(w for w in _STARTS if w.endswith("ing"))  # what stage "participles" looks for
_POLL_REACH = 7  # words after "in"/"by" within which the poll must come: "in a New York Times national poll"
_POLL_SLASHES = 2  # joined pollsters that reach may stretch over: "a NYT/CBS/YouGov poll"
_FRAMING = GRAMMAR["framing_prepositions"]
_REASONS: dict[str, list[tuple[str, ...]]] = {}  # "asked not to be named": a cue word opening an anonymity reason
for _r in ANONYMITY_REASONS:
    _REASONS.setdefault(_r.split()[0], []).append(tuple(_r.split()))
# A word that opens a cue only as the first of two words or more ("to the dismay of", "has learned", "did not
# return calls"; an anonymity reason's too): the words that may follow it. Most such tokens ("to", "has", "as")
# are followed by none of them, and ``find`` passes over them without ``cue_at`` and ``_reason_at``.
_SECOND_WORDS: dict[str, frozenset[str]] = {}
_ALONE = DENIAL.keys() | SPEECH.keys() | BELIEF.keys() | _POLL_HEADS.keys() | _DOCUMENT_PHRASES.keys()  # no phrase only
for _w in _PHRASES.keys() - _ALONE:
    _opened = [_ws for _ws, _, _, _ in _PHRASES[_w]] + [list(_r) for _r in _REASONS.get(_w, ())]
    if all(len(_ws) > 1 for _ws in _opened):
        _SECOND_WORDS[_w] = frozenset(_ws[1] for _ws in _opened)
_ARTICLES = GRAMMAR["articles"]
_BEFORE_OF = ATTRIBUTION["before_of"]
_BEFORE_ON = ATTRIBUTION["nouns_before_on"]
_COMING_OUT = ATTRIBUTION["document_participles"]  # "dated", "seen", "leaked": after a document, never a verb
_FRAME_REACH = 12  # tokens of a framing phrase up to its comma: "Alongside BLM calls for action,"
_FILLERS = frozenset(tuple(p.split()) for p in ATTRIBUTION.phrases("filler_phrases"))
# "added to the pressure"
_OTHER_SENSE = frozenset(tuple(p.split()) for p in ATTRIBUTION.phrases("other_sense_phrases"))
_PAUSES = frozenset({",", ".", "?", "!", ";", "—", "–", "-", ")"})  # what follows a filler
_FIGURE_NOUNS = ATTRIBUTION["figure_nouns"]
_FIGURE_REACH = 4  # tokens after "put" within which its figure's noun comes, and after that noun "at": "put the
# number of containers lost at 19"


def candidates(s: Sentence) -> None:
    """Stage "cues": every cue of a sentence with the source it points at (a headline's colon came first)."""
    if not s.found:
        s.candidates = find(s.toks, s.in_quote, title=s.is_title, low=s.low)


def cue_at(low: list[str], i: int) -> tuple[int, str, str] | None:
    """(end token, lemma, kind) of a cue starting at token i, or None."""
    for words, n, lemma, kind in _PHRASES.get(low[i], ()):
        if low[i:i + n] == words:
            return i + n, lemma, kind
    w = low[i]
    if w in DENIAL:
        return i + 1, DENIAL[w], "denial"
    if w in SPEECH:
        return i + 1, SPEECH[w], "speech"
    if w in BELIEF:
        return i + 1, BELIEF[w], "belief"
    if w in ("put", "puts") and _puts_a_figure(low, i):
        return i + 1, "put", "speech"  # whoever gives the figure: "Police put the death toll at 12"
    for phrase, lemma in _DOCUMENT_PHRASES.get(w, ()):
        if low[i:i + len(phrase)] == phrase:
            return i + len(phrase), lemma, "document"  # a cue only if its subject is a document (``find``)
    return None


def _puts_a_figure(low: list[str], i: int) -> bool:
    """"put the death toll at 12": "put", then an article or a possessive, a figure's noun within a few words,
    and "at" after it."""
    if i + 1 >= len(low) or low[i + 1] not in _ARTICLES:
        return False
    noun = next((k for k in range(i + 2, min(i + _FIGURE_REACH, len(low))) if low[k] in _FIGURE_NOUNS), 0)
    return bool(noun) and "at" in low[noun + 1:noun + 1 + _FIGURE_REACH]


def _poll_after(toks: list[str], low: list[str], i: int) -> str:
    """A poll or estimate within five words after "in" / "by": "in a CNN national poll", "by one estimate":
    "named", "unnamed" or "". After "in" an unnamed poll ("in the polls") is doubted: it is rarely annotated
    as a source, and the filter decides."""
    heads, named = _POLL_HEADS[low[i]], low[i] == "by"
    if heads.isdisjoint(low[i + 2:i + 1 + _POLL_REACH + _POLL_SLASHES]):
        return ""
    reach = _POLL_REACH
    for k in range(i + 1, min(len(low), i + 1 + _POLL_REACH + _POLL_SLASHES)):
        if k > i + reach:
            return ""
        if low[k] in heads:
            return ("named" if named else "unnamed") if k > i + 1 else ""
        if low[k] == "/" and k > i + 1 and is_cap(toks[k - 1]):
            reach += 1  # "in the latest CNN/ORC poll": two names joined, one word of reach
            continue
        if low[k] in STOP or not (low[k] in _POLL_WORDS or low[k][:1].isalnum()):
            return ""
        named = named or is_cap(toks[k])
    return ""


def _modifies_role_noun(low: list[str], i: int, hit: tuple[int, str, str]) -> bool:
    """"Talk show host Glenn Beck said", "the TV show host": a one-word cue in its bare form right before a role
    noun is a noun of a compound, not a verb. (An inverted cue before one speaks: '..., say officials'.)"""
    b, lemma = hit[0], hit[1]
    return b == i + 1 and low[i] == lemma and b < len(low) and low[b] in ROLE_NOUNS and low[i] not in INVERTED


def _noun_of(low: list[str], i: int, hit: tuple[int, str, str]) -> bool:
    """"analysts' average estimate of $2.3 billion", "reports of a rift": a weak cue in a form that is no past
    right before "of" is a noun, unless its verb takes "of" ("spoke of the malaise") or it is "report"; so is one
    of a verb taking its object directly before "on" or "against" ("Ransomware attacks on hospitals")."""
    b, w = hit[0], low[i]
    if b != i + 1 or b >= len(low) or w not in WEAK or w.endswith("ed") or w in IRREGULAR_PAST:
        return False
    return (low[b] == "of" and hit[1] not in _BEFORE_OF) or (low[b] in ("on", "against") and hit[1] in _BEFORE_ON)


def _names_document(low: list[str], i: int, hit: tuple[int, str, str]) -> bool:
    """"A ministry briefing note dated Oct. 2, seen by Nordwire, says", "the report released on Monday": a cue word
    that heads a document, right before how the document came out, is that noun, not a verb."""
    b = hit[0]
    return b == i + 1 and b < len(low) and low[b] in _COMING_OUT and low[i] in DOCUMENTS


def _claim_denied(toks: list[str], low: list[str], f: Found, lo: int) -> bool:
    """"..., a claim the militants denied", "..., an allegation Moscow rejects": a claim in apposition to what the
    sentence said, and who rejects it (the wire guideline's second attribution of such a sentence)."""
    a = f.source[0] if f.source is not None and not f.source_after else -1
    k = a - 1 - (a - 1 >= lo and low[a - 1] == "that")  # "a claim that the ministry denied"
    return k - 2 >= lo and low[k] in CLAIM_NOUNS and low[k - 1] in _ARTICLES and toks[k - 2] == ","


def _reason_at(low: list[str], i: int) -> int:
    """The length of the reason for anonymity the word at i opens ("..., asking not to be named"), which says
    nothing; else 0."""
    return next((len(r) for r in _REASONS.get(low[i], ()) if tuple(low[i:i + len(r)]) == r), 0)


_MOVEMENT = GRAMMAR["movement_verbs"]
_AFTER_PLURALS = GRAMMAR["after_plurals"]


def before_movement(low: list[str], k: int) -> bool:
    """"Norrhall shares fell", "its reports rose", "Unconfirmed reports are circulating": a cue word ending before
    k, where a verb that only follows a noun stands (or "are" after a word in -s), is that noun (a cue's content
    never opens with a finite verb); the act proposal asks it too."""
    return k < len(low) and (low[k] in _MOVEMENT or (
        low[k] in _AFTER_PLURALS and low[k - 1].endswith("s") and SPEECH.get(low[k - 1]) != "say"))  # "State says are"


def _filler(low: list[str], i: int, hi: int) -> bool:
    """"You know, the ones who ...": a pronoun and the cue at i before a pause (``filler_phrases``) say nothing."""
    return i > 0 and (low[i - 1], low[i]) in _FILLERS and (i + 1 >= hi or low[i + 1] in _PAUSES)


def _names_next(toks: list[str], low: list[str], k: int, hi: int) -> bool:
    """A name at k, past an article: "added to the Sun News" speaks to someone, "added to the pressure" does not."""
    k += k < hi - 1 and low[k] in ("the", "a", "an")
    return k < hi and toks[k][:1].isupper()


def _frame_end(low: list[str], lo: int, hi: int) -> int:
    """The comma closing a framing phrase that opens the sentence ("Despite Trump's claims, ..."), else lo."""
    if lo >= hi or low[lo] not in _FRAMING:
        return lo
    return next((k for k in range(lo + 1, min(hi, lo + _FRAME_REACH)) if low[k] == ","), lo)


def find(toks: list[str], in_quote: list[bool], lo: int = 0, hi: int | None = None,
         title: bool = False, low: list[str] | None = None) -> list[Found]:
    """Every cue between tokens lo and hi with the source it points at, in token order.

    Cues are lower-case verbs; a capitalised one ("Trump Says ...") counts only in a title.
    """
    hi = len(toks) if hi is None else hi
    low = [t.lower() for t in toks] if low is None else low
    out: list[Found] = []
    free = lo  # tokens before this belong to a cue already found
    frame = _frame_end(low, lo, hi)
    # Only a word that can open a cue is looked at (most words cannot): the scan is one pass in C (compress over
    # the membership tests), no Python step per token.
    for i in compress(range(lo, hi), map(_STARTS.__contains__, low[lo:hi])):
        if i < free or in_quote[i] or (not title and toks[i][0].isupper() and i > lo):
            continue
        second = _SECOND_WORDS.get(low[i])
        if second is not None and (i + 1 == len(low) or low[i + 1] not in second):
            continue  # "to" and no phrase's second word after it: no cue and no reason opens here
        if i < frame and not low[i].endswith("ing"):
            continue  # a noun inside the opening phrase: "Alongside BLM calls for action, ..."
        hit, poll = cue_at(low, i), ""
        if hit is None and low[i] in _POLL_HEADS:
            poll = _poll_after(toks, low, i)
            hit = (i + 1, low[i], "relay") if poll else None  # the poll or estimate is the source
        reason = _reason_at(low, i) if low[i] in _REASONS else 0
        if reason:
            free = i + reason  # "asked not to be named": no word of the reason is a cue
            continue
        if hit is None or _modifies_role_noun(low, i, hit) or _noun_of(low, i, hit) or _names_document(low, i, hit) \
                or before_movement(low, hit[0]) or _filler(low, i, hi):
            continue
        b, lemma, kind = hit
        if b < hi and (lemma, low[b]) in _OTHER_SENSE and not _names_next(toks, low, b + 1, hi):
            continue
        found = attach(toks, low, i, b, lemma, kind, lo, hi)
        if kind == "document":
            found = replace(found, kind="speech") if found is not None and names_a_document(low, found.source) else None
        if found is not None and ((kind == "denial" and _claim_denied(toks, low, found, lo))
                                  or seen_by(low, found.source) or reports_citing(toks, low, b)):
            found = replace(found, exact=True)
        if found is not None:
            out.append(replace(found, doubt="poll") if poll == "unnamed" else found)
        free = b
    return out
