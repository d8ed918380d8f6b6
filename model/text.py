"""Segmentation: paragraphs, sentences and quotation spans with offsets into the original text.

Nothing here normalises the text; every offset indexes ``text`` as given (``encodable`` aside: it swaps a lone
surrogate for U+FFFD, one character for one, before anything reads the text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate, chain
from typing import TypeVar

from model.lexicon import ABBREVIATIONS, INVERTED, NUMBERED, SENTENCE_OPENERS, TITLES
from model.types import record

T = TypeVar("T")
# Entries a Memo holds before it is emptied, and the engine's lru_caches' maxsize: on 840 articles a worker had not
# read, 2 ** 13 kept its RSS at 208 MB where 2 ** 15 and 2 ** 14 let it reach 233 (2 ** 12: 191, but 3 to 5 % slower).
MEMO_SIZE = 1 << 13

OPEN_QUOTES = "“«„"
STRAIGHT = '"'

# A sentence may end at . ! ? (or an ellipsis), then optional closing quotes or
# brackets, then whitespace. Bounded repetitions keep the scan linear. The first mark is written on its own
# ("[.!?…][.!?…]{0,2}", the same language, greedy alike): a pattern opening with a character class lets the
# engine skip to the next end mark in C instead of trying a match at every character (a third of the cost).
_END = re.compile(r"[.!?…][.!?…]{0,2}[\"'”’»)\]]{0,3}(?=\s)")
# _END for a paragraph holding no "!", "?" nor "…" (the same matches there): a pattern opening with one literal
# character lets the engine find the next period by a plain character scan, where _END's class is tested at every
# character (most of the cost of splitting a paragraph).
_END_PERIOD = re.compile(r"\.\.{0,2}[\"'”’»)\]]{0,3}(?=\s)")
# A non-blank line stripped of the whitespace around it, found whole by the engine: from its first non-space
# character, as far as its last one before the line break ("\s" is what str.isspace calls whitespace).
_PARA = re.compile(r"\S(?:[^\n]*\S)?")
# Dotted acronyms ("U.S.", "F.B.I.") are one token; '' is the double quote of some wire copy. The acronym is
# spelled "[A-Za-z]\.(?:[A-Za-z]\.)+" rather than "(?:[A-Za-z]\.){2,}" (the same language, greedy alike): the
# engine fails it at the second character of every other word without setting up a counted repeat, which
# makes the whole tokenisation about an eighth faster.
# A web address is one token ("fivethirtyeight.com", "www.cnn.com"): split at its dots, "com" spoke. At most
# two dotted parts after the word, written out: an open repeat there made every word's token cost 9 % more.
# A number with thousands separators, a decimal point or a slash is one token ("140,000", "2.8", "9/11"): its
# comma cuts nothing.
TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|''|\d+(?:[.,/]\d+)+"
                   r"|\w+(?:[-'’&]\w+){0,8}(?:\.[a-z]{2,6}(?:\.[a-z]{2,6})?(?!\w))?|[^\w\s]")
_TOKEN = TOKEN
# Runs of word characters, case-folded: the words a keyword pre-check looks for before a slower pattern runs
# (every word of a pattern's phrases that \b or \s+ bounds is one of these in any text the pattern matches).
WORD = re.compile(r"\w+")
# Written as alternatives that each open with one character, not "[“”\"«»]|''": the engine then skips to the next
# quotation mark in C instead of trying a match at every character (the same matches).
_QUOTE_MARK = re.compile("“|”|\"|«|»|''")
_TAIL_CUES = INVERTED | {"told", "according"}


@record
class Token:
    text: str
    start: int
    end: int


@record
class Quote:
    """A quotation: ``start`` at the opening mark, ``end`` after the closing one (or the paragraph's end).

    ``group`` is shared by the pieces of one quotation that runs over several paragraphs.
    """

    start: int
    end: int
    group: int
    closed: bool


@record
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


@record
class Segmentation:
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, stripped of surrounding whitespace: (start, end)."""
    return [m.span() for m in _PARA.finditer(text)]


def _word_before(text: str, start: int, dot: int) -> str:
    """The word (with inner dots: "U.S") ending at ``dot``, lower-cased; a short backward scan, at most 40 chars."""
    i, floor = dot, max(start, dot - 40)
    while i > floor and (text[i - 1].isalnum() or text[i - 1] in ".'’-_"):
        i -= 1
    return text[i:dot].lstrip("'’-").lower()


def _next_token(text: str, pos: int, end: int) -> str:
    m = _TOKEN.search(text, pos, end)
    return m.group(0) if m else ""


def _ends_sentence(text: str, start: int, m: re.Match, end: int) -> bool:
    """Whether the end mark matched by ``m`` closes a sentence."""
    nxt = _next_token(text, m.end(), end)
    if not nxt:
        return True
    if not (nxt[0].isupper() or nxt[0].isdigit() or not nxt[0].isalpha()):
        return False  # lower-case continuation: "U.S. officials", "p.m. on Friday"
    mark = m.group(0)
    if mark[-1:] in "”\"'" and _attribution_tail(text, m.end(), end):
        return False  # '“Does he know?” Biden said.' is one sentence
    if mark == "!" and len(_word_before(text, start, m.start())) == 1 and text[m.start() - 1].isupper():
        return nxt in _SENTENCE_OPENERS  # "E! Online claims": a name's mark, like "U.S." before a name
    if (mark != "." and not mark.startswith(".")) or mark.startswith(".."):
        return True
    if mark[1:2] in {"”", '"', "’", "'", ")", "]"}:
        return True  # a period inside a closing quote ends the sentence
    word = _word_before(text, start, m.start())
    if not word:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return False
    key = word + "."
    if key in TITLES:  # "Mr. Trump", "Sen. Cruz": never a sentence end
        return False
    if key in NUMBERED:  # "No. 2", "Art. 5"
        return not nxt[0].isdigit()
    dotted = len(word) >= 3 and word[-2] == "." and word[-1].isalpha()
    if key in ABBREVIATIONS or dotted:  # "U.S.", "Inc.", "a.m.", "Sept.": only before a sentence opener
        return nxt in _SENTENCE_OPENERS
    return True


_CONTENT_OPENERS = frozenset({"it", "that", "he", "she", "they", "we", "i", "the", "a", "an", "there", "his", "her",
                              "their", "its", "this", "whether", "how", "why", "what"})  # "would not say whether"


def _attribution_tail(text: str, pos: int, end: int) -> bool:
    """A speech verb among the next four words and the clause ending soon after it: the quote's attribution
    follows ('“Does he know?” Biden said.'), not a new sentence ('The network said it would ...')."""
    cue_at = -1
    for n, m in enumerate(_TOKEN.finditer(text, pos, end)):
        w = m.group(0)
        if cue_at < 0:
            if n >= 5 or w in "!?":
                return False
            if w.lower() in _TAIL_CUES:
                cue_at = n
        elif n == cue_at + 1 and w.lower() in _CONTENT_OPENERS:
            return False  # "The network said it would ...": content follows the cue
        elif (w in (".", ",", "!", "?", ";", ":") and _TOKEN.match(text, m.end()) is not None) or w in ".,!?;:":
            return True
        elif n - cue_at > 6:
            return False
    return cue_at >= 0


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph."""
    out = []
    s = start
    other = text.find("!", start, end) >= 0 or text.find("?", start, end) >= 0 or text.find("…", start, end) >= 0
    for m in (_END if other else _END_PERIOD).finditer(text, start, end):
        if m.end() <= s or not _ends_sentence(text, s, m, end):
            continue
        out.append((s, m.end()))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


# Words that, capitalised after "U.S." or "Inc.", almost always open a new sentence.
_SENTENCE_OPENERS = frozenset(SENTENCE_OPENERS)


def quotes(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    """Quotation spans; an unclosed quote continues into a following paragraph that opens with a quote mark."""
    out: list[Quote] = []
    carry = False  # the previous paragraph ended inside a quotation
    for ps, pe in paras:
        spans, still_open = _paragraph_quotes(text, ps, pe)
        for i, (qs, qe, closed) in enumerate(spans):
            continues = i == 0 and carry and qs == ps
            group = out[-1].group if continues else (out[-1].group + 1 if out else 0)
            out.append(Quote(qs, qe, group, closed))
        carry = still_open
    return out


def _paragraph_quotes(text: str, ps: int, pe: int) -> tuple[list[tuple[int, int, bool]], bool]:
    """(start, end, closed) quote spans in one paragraph and whether the last is left open."""
    spans: list[tuple[int, int, bool]] = []
    open_at = -1
    for m in _QUOTE_MARK.finditer(text, ps, pe):
        ch = m.group(0)
        if ch in OPEN_QUOTES and open_at >= 0 and _closes(text, m.start(), m.end(), pe):
            ch = "”"  # a typo'd “ that closes ('... her here,“ said Jim Clyburn')
        if ch in OPEN_QUOTES or (ch in (STRAIGHT, "''") and open_at < 0):
            if open_at < 0:
                open_at = m.start()
        elif open_at >= 0:
            spans.append((open_at, m.end(), True))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, pe, False))
        return spans, True
    return spans, False


def _closes(text: str, start: int, end: int, pe: int) -> bool:
    """An opening mark glued to the word before it and followed by a space or the paragraph's end."""
    return start > 0 and not text[start - 1].isspace() and (end >= pe or text[end].isspace())


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """The text with every lone surrogate (a JSON body may escape one: "\\ud800") replaced by U+FFFD, one
    character for one, so every offset holds: a surrogate has no UTF-8 form, and the feature hashing and the
    answer's encoding need one. Most texts encode as they are and come back unchanged."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)
    return text


def segment(text: str) -> Segmentation:
    """Paragraphs, sentences and quotes of ``text``."""
    paras = paragraphs(text)
    sents = []
    for n, (ps, pe) in enumerate(paras):
        for s, e in split_sentences(text, ps, pe):
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sents.append(Sentence(text[s:e], s, e, n))
    return Segmentation(tuple(paras), tuple(sents), tuple(quotes(text, paras)))


# Marks that end a word ("said,", "Trump.", "agreed”"): none is a word character, an apostrophe or a hyphen, so a
# word before one is read as the word alone, the mark a token of its own, by every pattern of words and tokens.
CLOSING = frozenset(',.;:!?")]”…')


def words(text: str) -> set[str]:
    """The case-folded word-character runs of ``text``, for keyword pre-checks. As in ``token_texts``, a run never
    holds whitespace, so the runs are those of the text's whitespace-separated chunks in turn, each chunk's read
    from a memo (``_chunk_words``, which ``chunk_token_words`` reads too: case-folding the chunk, not the text, gives
    the same runs): split, lookups and joining all in C."""
    return set(chain.from_iterable(map(_WORDS.__getitem__, text.split())))


def token_texts(text: str, start: int, end: int) -> list[str]:
    """``TOKEN.findall(text, start, end)``, cheaper. No token holds whitespace and none looks past a whitespace
    character (the URL tail's "(?!\\w)" sees none there, as at the end of a string), so the tokens of the span are
    those of its whitespace-separated chunks in turn (``_chunk_tokens``), each chunk's read from a memo: split,
    lookups and joining all run in C."""
    # str.split and "\\s" agree on what whitespace is (str.isspace)
    return list(chain.from_iterable(map(_TOKENS.__getitem__, text[start:end].split())))


def chunk_token_words(chunks: list[str]) -> tuple[list[str], set[str]]:
    """``token_texts`` and ``words`` of a span from its whitespace-free chunks (``str.split``, done once by the
    caller): the tokens of a sentence and the words its stance and hedge stages ask of it (most claims are a whole
    sentence). Case-folding maps no character to whitespace nor whitespace to anything else, so ``words`` reads the
    same chunks case-folded (``_chunk_words``)."""
    return (list(chain.from_iterable(map(_TOKENS.__getitem__, chunks))),
            set(chain.from_iterable(map(_WORDS.__getitem__, chunks))))


def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    """The tokens of one whitespace-free chunk: a chunk of letters and digits alone (``str.isalnum``, as "\\w" reads
    them, "_" aside) is one token whatever the pattern, since no alternative ahead of "\\w+" can match there. Before
    one CLOSING mark ("said,") it is still one token and the mark another: every alternative that runs on over a
    mark needs a letter or digit after it. Only the other chunks ("U.S.", "“We") go through the pattern."""
    if chunk.isalnum():
        return (chunk,)
    if chunk[-1] in CLOSING and (word := chunk[:-1]).isalnum():
        return word, chunk[-1]
    return tuple(TOKEN.findall(chunk))


def _chunk_words(chunk: str) -> tuple[str, ...]:
    """``words`` of one whitespace-free chunk, its \\w+ runs case-folded: the chunk (or its word before a CLOSING
    mark) lower-cased where it is ASCII letters and digits (lower-casing an ASCII word case-folds it), else
    ``WORD.findall`` of the chunk case-folded."""
    if chunk.isalnum():
        word = chunk
    elif chunk[-1] in CLOSING and (word := chunk[:-1]).isalnum():
        pass
    else:
        return tuple(WORD.findall(chunk.casefold()))
    return (word.lower(),) if word.isascii() else tuple(WORD.findall(chunk.casefold()))


class Memo(dict[str, T]):
    """A string -> ``read(string)`` memo, read through map(memo.__getitem__, strings): news copy repeats its chunks
    and words ("the", "said,"), and a dict read in C costs less than a Python step (or an lru_cache call) per
    string. Emptied when it outgrows MEMO_SIZE, so hostile text cannot grow it without bound."""

    def __init__(self, read: Callable[[str], T]) -> None:
        super().__init__()
        self.read = read

    def __missing__(self, key: str) -> T:
        if len(self) >= MEMO_SIZE:
            self.clear()
        found = self[key] = self.read(key)
        return found


def _chunk_steps(chunk: str) -> tuple[int, ...]:
    """How far each token of one chunk moves a reader on: its length, the last one's and the space after it."""
    steps = list(map(len, _TOKENS[chunk]))
    steps[-1] += 1
    return tuple(steps)


_TOKENS, _WORDS, _STEPS = Memo(_chunk_tokens), Memo(_chunk_words), Memo(_chunk_steps)


def chunk_starts(chunks: list[str], start: int, end: int) -> list[int] | None:
    """Where each token of ``token_texts(text, start, end)`` starts, from the span's chunks (``str.split``: a sentence
    keeps them from tokenising, so its offsets split no text a second time), when one whitespace character parts
    every two chunks and none opens or closes the span (most sentences); else None. The tokens of a chunk follow one
    another with nothing between them (some alternative of TOKEN matches at every character that is no space), so
    the starts are running sums of the chunks' steps (``_chunk_steps``), read from a memo and summed in C. The steps
    add up to the span's length plus one exactly when every gap is one character: each is at least one, so the last
    running sum tells (no list of the steps, no second pass to add them up)."""
    starts = list(accumulate(chain.from_iterable(map(_STEPS.__getitem__, chunks)), initial=start))
    if starts.pop() != end + 1:  # the position after the span's last token and a space
        return None
    return starts


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words (with inner hyphens and apostrophes) and single punctuation marks between start and end."""
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


_DASHES = ("-", "—", "–")
DATELINE = 12  # tokens of a wire dateline up to its dash: "MERIDA , Jan 15 ( Nordwire ) -"


def after_dateline(toks: list[str], lo: int = 0) -> int:
    """Where a sentence's own words begin after a wire dateline ("MERIDA, Jan 15 (Nordwire) - The bank ..."):
    a capitalised place, then the agency in brackets and a dash. ``lo`` when there is none."""
    if lo >= len(toks) or len(toks[lo]) < 2 or not toks[lo].isupper():
        return lo
    for k in range(lo + 1, min(len(toks), lo + DATELINE)):
        if toks[k] in _DASHES and toks[k - 1] == ")" and _agency(toks, lo, k - 1):
            while k < len(toks) and toks[k] in _DASHES:
                k += 1
            return k
    return lo


def _agency(toks: list[str], lo: int, close: int) -> bool:
    """The bracket closing at ``close`` holds capitalised words only: "(Nordwire)", "(AP)", not "(the alliance)";
    the bracket opens after ``lo`` (so the walk back stays inside the dateline's reach)."""
    k = close - 1
    while k > lo and toks[k] != "(":
        k -= 1
    return toks[k] == "(" and k < close - 1 and all(t[:1].isupper() for t in toks[k + 1:close])
