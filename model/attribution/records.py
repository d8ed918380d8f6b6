"""The working objects of attribution: one ``Sentence`` per sentence and one ``Doc`` per document, each
carrying its tokens and what the stages found so far, plus the records the stages pass on (``Found``,
``Draft``). Stages fill these in; what leaves the package is ``model.types.Claim`` records, never modified
once built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from model.attribution.mentions import Mention
from model.text import Segmentation, chunk_starts, words
from model.types import Claim, Document, Source, Span, record

# A sentence (or a part of one) is a quotation's when the quotation covers at least this share of it.
QUOTED = 0.5


@record
class Found:
    """One attribution in a sentence: token ranges [a, b) of cue and source; source may be absent."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    lemma: str
    kind: str  # speech, denial, belief, relay (according to)
    source_after: bool  # the source follows the cue ("according to X", "said X")
    passive: bool = False
    resolved: tuple[int, int] | None = None  # antecedent of a relative "who" in the same sentence
    participle: bool = False  # "..., saying": no subject of its own
    via: tuple[tuple[int, int], ...] = ()  # relays: "According to X, she said"
    doubt: str = ""  # the rule that would reject this candidate ("weak", "subject", ...); the filter decides
    exact: bool = False  # the rules read it exactly, whatever the filter says ("..., a claim the army denied")


@dataclass
class Sentence:
    """One sentence's tokens (text, lower-case form, offsets, inside a quotation or not) and its findings."""

    text: str  # the whole document's text: offsets index it
    index: int
    paragraph: int
    start: int
    end: int
    toks: list[str]
    low: list[str]
    in_quote: list[bool]
    quotes: list  # the quotations overlapping the sentence, in order
    quote_group: int  # the quotation covering most of the sentence, -1 when none
    quote_share: float  # the share of the sentence it covers
    opens_paragraph: bool
    is_title: bool  # the document's first sentence
    words: set[str] | None = None  # ``model.text.words`` of its text, found with its tokens (``Doc.remember_words``)
    candidates: list[Found] = field(default_factory=list)  # every cue with its source, before nesting
    found: list[Found] = field(default_factory=list)  # the attributions kept, in order
    acts: list[Found] | None = None  # the act proposed where no cue is accepted (None: none was proposed)
    chunks: list[str] | None = None  # the whitespace-free chunks of its text (``str.split``), kept from tokenising
    _starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Where every token starts; worked out on first use (a third of the sentences never need them). Only the
        starts are kept: a span's end is its last token's start and length, and few tokens end a span."""
        if self._starts is None:
            chunks = self.text[self.start:self.end].split() if self.chunks is None else self.chunks
            self._starts = chunk_starts(chunks, self.start, self.end) or self._found_starts()
        return self._starts

    def _found_starts(self) -> list[int]:
        """The tokens' starts where the sentence's spacing is irregular: tokens cover every non-space character in
        order, so each one is the next occurrence of its text (a search per token, slower than ``chunk_starts``)."""
        starts: list[int]
        find, pos, starts = self.text.find, self.start, []
        add = starts.append
        for tok in self.toks:
            pos = find(tok, pos)
            add(pos)
            pos += len(tok)
        return starts

    def span(self, a: int, b: int) -> Span:
        """The text of tokens [a, b) as a span of the document."""
        starts = self.starts
        s, e = starts[a], starts[b - 1] + len(self.toks[b - 1])
        return Span(self.text[s:e], s, e)


@record
class Draft:
    """One claim before resolution: its span and the attribution found in it (offsets into the text)."""

    start: int
    end: int
    sentence: int
    paragraph: int
    cue: Span | None = None
    source: Span | None = None
    via: tuple[Span, ...] = ()
    kind: str = ""  # cue kind: speech, denial, belief, relay
    local_resolved: Span | None = None  # antecedent found inside the sentence ("Trump, who said")
    quote_group: int = -1  # the quotation the claim sits in, -1 when none
    quote_share: float = 0.0


@record
class Resolution:
    """Who a draft's source is after resolution: the source (with what it was resolved to), its mention typed
    (kind, role, entity), and the fullest mention of the entity spoken for."""

    source: Source | None
    mention: Mention | None
    full: Span | None = None


UNRESOLVED = Resolution(None, None)  # no source: records are never changed once built, so one serves every claim


@dataclass
class Doc:
    """One document through the document stages: a column per stage, aligned with ``drafts``."""

    document: Document
    index: int  # position of the document in the request
    seg: Segmentation
    drafts: list[Draft]
    resolutions: list[Resolution] = field(default_factory=list)  # one per draft
    reasons: list[str | None] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    learned_denials: frozenset[int] = frozenset()  # the drafts the denier stage made denials
    # draft -> the rules' features the stance stage read for it (``denials.signs``): the denier weighs them again
    signs: dict[int, dict[str, bool]] = field(default_factory=dict)
    hedges: list[tuple[Span, ...]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    _words: dict[tuple[int, int], set[str]] = field(default_factory=dict)  # span -> its words, see ``words``

    @property
    def text(self) -> str:
        return self.document.text

    def words(self, start: int, end: int) -> set[str]:
        """``model.text.words`` of the text in [start, end), worked out once per span: the stance and hedge
        stages both ask it of every draft. Shared between them, so never to be modified."""
        key = (start, end)
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = words(self.text[start:end])
        return found

    def remember_words(self, sents: list[Sentence]) -> None:
        """Each sentence's words (found with its tokens) as those of its span: most drafts are a whole sentence,
        and ``words`` then splits no text again."""
        for s in sents:
            if s.words is not None:
                self._words[(s.start, s.end)] = s.words

    def sources(self) -> list[Source | None]:
        """The resolved source of each draft (None before resolution or when unattributed)."""
        return [r.source for r in self.resolutions] if self.resolutions else [None] * len(self.drafts)
