"""A source mention's words: its tokens as the lexicons spell them, its core before a clause, its head chunk."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from model.attribution.name_words import Words, ends_in_business, is_capitalised, titled_person
from model.attribution.phrases import AND, AUTHORED_BY, CONJUNCT_OPENERS, REPORTED_BY
from model.attribution.times import past_participle
from model.lexicon import (
    ABBREVIATIONS,
    ATTRIBUTION,
    BUSINESS_NAMES,
    GIVEN_NAMES,
    GRAMMAR,
    MENTION_WORDS,
    ORGANIZATIONS,
    TYPING,
)
from model.text import MEMO_SIZE, token_texts

_CLAUSE = MENTION_WORDS["clause"]  # words that end a mention's head: a relative clause, an appositive, a tail
_PREPOSITIONS = GRAMMAR["mention_tail"]
_TAIL_PARTICIPLES = GRAMMAR["tail_participles"]
_DOCUMENTS = TYPING["document_heads"]  # a document's author after "published by" is not its head
_CHUNK_ENDS = _PREPOSITIONS | _TAIL_PARTICIPLES | AUTHORED_BY  # a word ``head_chunk`` may end the chunk before
_CONTACT = frozenset(("it", "they", "we", "he", "she", "the"))  # may open a contact clause: "a memo it had seen"
_PARTICIPLES = AUTHORED_BY | REPORTED_BY | ATTRIBUTION["irregular"] | {"sent"}  # "an email sent to staff"


def words_of(text: str) -> list[str]:
    """The mention's tokens (``model.text.TOKEN``), a title, abbreviation or initial keeping its period
    ("Sen.", "Inc.", "J.") as the TITLES and other list lookups spell them; the reporter's part cut off."""
    return list(words_in(text))


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of the text; resolution asks for one mention's words again and again
def words_in(text: str) -> tuple[str, ...]:
    """``words_of(text)`` as the remembered tuple itself, for reading only: no list copied (the memo read directly,
    no Python call around it: the history asks it at every mention it adds or compares)."""
    # TOKEN.findall's tokens, most chunks' read from the tokeniser's memo
    return tuple(words_from_tokens(token_texts(text, 0, len(text))))


def words_from_tokens(toks: list[str]) -> list[str]:
    """``words_of`` of a text from its tokens, not remembered: for pieces of text read once (``evidence``)."""
    if "." not in toks:  # most mentions: no period to join to a word, one scan in C
        return without_reporter(toks)
    out: list[str] = []
    at = 0
    for _ in range(toks.count(".")):  # the tokens between periods copied in C, a Python step per period only
        dot = toks.index(".", at)
        out += toks[at:dot]
        if out and _takes_dot(out[-1]):
            out[-1] += "."
        else:
            out.append(".")
        at = dot + 1
    out += toks[at:]
    return without_reporter(out)


def _takes_dot(prev: str) -> bool:
    """A period right after this word belongs to it: an initial or a listed title or abbreviation."""
    return (len(prev) == 1 and prev.isalpha()) or (prev[-1:] != "." and prev.lower() + "." in ABBREVIATIONS)


def core_of(ws: Words) -> Words:
    """The mention up to a relative clause or appositive ("The WHO" is a body's acronym among lower-case words)."""
    if _CLAUSE.isdisjoint(map(str.lower, ws)):  # most mentions: no clause word, one pass in C
        return ws
    for i, w in enumerate(ws):
        if i and w.lower() in _CLAUSE and not (w.isupper() and not ws[i - 1].isupper()):
            return ws[:i]
    return ws


def head_chunk(ws: Words) -> Words:
    """The core up to a prepositional tail or a document's author ("figures published by the ministry" is headed
    by figures); "Secretary of State John Kerry" keeps its "of"."""
    core = core_of(ws)
    if _CHUNK_ENDS.isdisjoint(core) and (_CONTACT.isdisjoint(core) or _DOCUMENTS.isdisjoint(map(str.lower, core))):
        return core  # most mentions: no tail and no clause after a document's head ("the ministry"), passes in C
    for i, w in enumerate(core):
        if i and core[i - 1].lower() in _DOCUMENTS and (w in _CONTACT or w in _PARTICIPLES or past_participle(w)
                                                        or w == "by"):
            return core[:i]  # "figures published on its website", "an email sent to staff", "a presentation it
            # had seen", "figures the ministry published": a reduced or a contact clause after a document's head;
            # "a report by the national audit office": its author
        if i and i + 1 < len(core) and w in _TAIL_PARTICIPLES and core[i + 1] in _PREPOSITIONS:
            return core[:i]  # "officials briefed on the plan"
        if i and w in _PREPOSITIONS:
            if w == "of" and is_capitalised(core[i - 1]) and i + 1 < len(core) and is_capitalised(core[i + 1]) \
                    and not _named_before(core[:i]):
                continue
            return core[:i]
    return core


def business_last(ws: list[str]) -> bool:
    """``ends_in_business(head_chunk(ws))``: the head chunk's last word is one of the words, so words holding no
    business word ("Airways", "Foods") end in none, and most names' head chunk is never worked out."""
    return not BUSINESS_NAMES.isdisjoint(map(str.lower, ws)) and ends_in_business(head_chunk(ws))


def _named_before(ws: Sequence[str]) -> bool:
    """A person's name ends these words, the "of" after it her employer or state, not part of a body's name ("Bank
    of America"): a first name and a surname ("Jennifer Epstein of Bloomberg News"), or a name after a title or
    role word ("Hydrologist Jan Vesely of Draven University")."""
    return len(ws) >= 2 and ws[-1].lower() not in ORGANIZATIONS and (
        ws[-2].lower() in GIVEN_NAMES or titled_person(ws))


def named_pair(text: str) -> bool:
    """Two names joined by "and" that end the phrase ("Netanyahu and Obama", "Democratic candidates Hillary
    Clinton and Bernie Sanders"); no comma ("Westmacott, who served in Iran, Turkey and France" is one man) and
    nothing after the second name ("Producer and Jackson's friend Teddy Reily" is one man too)."""
    if " and " not in text or "," in text:
        return False
    ws = words_of(text)
    k = ws.index("and") if "and" in ws else 0
    return 0 < k < len(ws) - 1 and ws[k - 1][:1].isupper() and all(w[:1].isupper() for w in ws[k + 1:])


def without_reporter(ws: list[str]) -> list[str]:
    """A mention's words before how the reporter got it ("Officials contacted by Reuters"): not the outlet."""
    if "by" not in ws:  # most mentions: one scan in C
        return ws
    for i in range(1, len(ws) - 1):
        if ws[i + 1] == "by" and ws[i].lower() in REPORTED_BY:
            return ws[:i - (ws[i - 1] == ",")] or ws
    return ws


def first_conjunct(text: str, ws: Sequence[str]) -> str:
    """The text before "and"/"nor" when a determiner or "other(s)" follows ("Clinton and the State Department",
    "Edwards and others", "Murphy and other Democrats"), else ""."""
    if AND.isdisjoint(map(str.lower, ws)):  # most mentions: no "and", one pass in C
        return ""
    for i in range(1, len(ws) - 1):
        if ws[i].lower() in AND and ws[i + 1].lower() in CONJUNCT_OPENERS and not _same_described(ws, i):
            cut = text.find(f" {ws[i]} {ws[i + 1]}")
            return text[:cut].rstrip(" ,") if cut > 0 else ""
    return ""


def _same_described(ws: Sequence[str], i: int) -> bool:
    """The "and" at ``i`` joins two descriptions of one speaker inside a description set off by a comma ("Maja
    Corvin, leader of the opposition Social Democrats and a member of parliament"): an indefinite conjunct, no
    comma right before it ("Ms. Lind, the mayor, and a police officer" are two)."""
    return ws[i + 1].lower() in ("a", "an") and ws[i - 1] != "," and "," in ws[1:i - 1]


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of the words and the name, asked at every mention of a person
def name_end(words: str, entity: str) -> tuple[str, int | None]:
    """Where a named person's name ends in its mention (``history.trimmed``): the mention's first conjunct ("" when
    it has none: "Edwards and others"), and the name's end in that (or in the whole mention), counted from its
    start: -1 at its end, None when it is kept as it is."""
    first = first_conjunct(words, words_in(words))
    words = first or words
    chunk = head_chunk(words_in(words))
    if not chunk:
        return first, None
    if entity and entity not in (w.lower().replace("’", "'") for w in chunk):
        # the name is not a word of the head chunk as written: in the appositive ("The judge, Maria Lopez"), or
        # with a possessive ending ("Hillary Clinton’s"): the mention runs to the end of the name
        at = words.lower().replace("’", "'").rfind(entity)
        return first, (None if at <= 0 else at + len(entity))
    last = chunk[-1]
    pos = 0
    for w in chunk:
        pos = words.find(w, pos) + len(w)
    return first, (pos if words.endswith(last, 0, pos) else -1)
