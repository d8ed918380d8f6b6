"""Which earlier entity a pronoun source ("he said", "they argued") refers to: a learned ranking.

The rules (``History.find``) take the most recent compatible speaker, or a person named just before. The
ranker (artifact ``antecedents``) weighs every compatible entity of the lookback instead, one row each, on
what news tells about it: how recently and how often it spoke, whether the article opened with it, whether
a quotation just closed on it, where it stands (opening a sentence, after a preposition, inside a quotation,
in the pronoun's own sentence), and the rules' own pick. The highest-scoring entity is the antecedent.
Without a model the rules' pick stands. Gender and number stay hard constraints (``history.fits``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from model.attribution.history import GENDERED, LOOKBACK, History, Known, fits
from model.attribution.linear import binary_weights, row_sums
from model.lexicon import GRAMMAR
from model.types import record

ARTIFACT = "antecedents"
WANTS = frozenset({"male", "female", "plural", "thing"})  # the pronoun classes the ranker decides
LEAD = 300  # characters: an entity named this early (headline and first sentence) is the story's subject
RANKS = 5  # recency ranks kept apart; further ones share the last bucket
PARAGRAPHS = 2  # paragraph breaks counted apart; more share the last bucket
_OBJECT_POSITION = GRAMMAR["object_position"]
NEAR = 40  # characters looked at before a mention or the pronoun: the word or quotation mark just before it
PARAGRAPH = 2000  # characters of a paragraph looked back over for an open quotation
_LOG_LOOKBACK = math.log(LOOKBACK)  # a distance's scale
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s")
_CLOSING = ("”", '"', ",”", ',"')
_RANK_KEYS = tuple(f"rank={r}" for r in range(RANKS + 1))  # a row's recency bucket, by rank
_PARAGRAPH_KEYS = tuple(f"paragraphs={p}" for p in range(PARAGRAPHS + 1))

Rank = Callable[["Query", Sequence[Known], list[dict[str, float]]], Sequence[float]]


@record
class Query:
    """A pronoun to resolve: where it stands, its class, and the rules' pick."""

    before: int
    want: str
    pick: Known | None


def choose(rank: Rank | None, history: History, query: Query) -> Known | None:
    """The antecedent: the best-scoring compatible entity, or the rules' pick without a ranker."""
    if rank is None or query.want not in WANTS:
        return query.pick
    cands = candidates(history, query)
    if len(cands) < 2:
        return cands[0] if cands else query.pick
    scores = rank(query, cands, rows(history, cands, query))
    return cands[max(range(len(cands)), key=scores.__getitem__)]


def ranker(model: Any) -> Rank | None:  # a fitted Pipeline (sklearn ships no types), training's recorder or None
    """Scores from a fitted model: the shipped DictVectorizer -> LogisticRegression Pipeline as one sum of
    weights per row (sklearn's per-call machinery would cost more than the arithmetic of a few rows); an
    object with its own ``rank`` (training's recorder) is used as it is."""
    if model is None:
        return None
    own = getattr(model, "rank", None)
    if own is not None:
        return own
    vectorizer, classifier = model.steps[0][1], model.steps[1][1]
    if not isinstance(vectorizer, DictVectorizer) or not isinstance(classifier, LogisticRegression):
        raise TypeError("the antecedents artifact must be a DictVectorizer -> LogisticRegression Pipeline")
    weights = binary_weights(model)

    def linear(query: Query, cands: Sequence[Known], feats: list[dict[str, float]]) -> list[float]:
        return row_sums(weights, feats)

    return linear


def candidates(history: History, query: Query) -> list[Known]:
    """The most recent mention of each compatible entity within LOOKBACK, most recent first."""
    out: dict[str, Known] = {}
    before, want = query.before, query.want
    gendered = want in GENDERED  # only "he" and "she" read the gender: no lookup for "they" and "it"
    identity = history.identity  # bound once: asked for every mention of the lookback
    for k in reversed(history.items):
        end = k.span.end  # read once: most of the lookback's mentions are only tested
        if end > before:
            continue
        if before - end > LOOKBACK:
            break
        # an entity already in (its most recent mention kept) is not weighed again: whether it is in first, by
        # its entity alone where that is its identity (a shared surname's identity adds the gender: never a key)
        if (e := k.mention.entity) in out:
            continue
        if (who := identity(k)) not in out \
                and fits(k, want, "", history.gender_of(e, k.mention.gender) if gendered else ""):
            out[who] = k
    return list(out.values())


def rows(history: History, cands: list[Known], query: Query) -> list[dict[str, float]]:
    """One feature row per candidate entity (``candidates`` order). Every text window is bounded (``NEAR``,
    ``PARAGRAPH``, and ``LOOKBACK`` from a candidate to the pronoun) so that a query costs the same in a long
    document as in a short one."""
    text, before = history.text, query.before
    after_quote = text[max(0, before - NEAR):before].rstrip().endswith(_CLOSING)
    last_speaker = history.identity(history.last_source) if history.last_source is not None else None
    pick = history.identity(query.pick) if query.pick is not None else None
    out = []
    for rank, k in enumerate(cands):
        span, mention = k.span, k.mention  # each read once
        start, end = span.start, span.end
        e, who = mention.entity, history.identity(k)
        lead = text[max(0, start - NEAR):start].rstrip()
        first = history.first_at.get(e, start)
        last = who == last_speaker
        # the text between the candidate and the pronoun (up to LOOKBACK) is read in place: no copy of it; the
        # bucketed keys read from tables, not formatted per row
        out.append({
            "rule": float(pick is not None and pick == who),
            _RANK_KEYS[rank if rank < RANKS else RANKS]: 1.0,
            "distance": math.log1p(before - end) / _LOG_LOOKBACK,
            "mentions": math.log1p(history.mentions.get(e, 0)),
            "speaker": float(k.is_source),
            "speaker_count": math.log1p(history.spoke.get(e, 0)),
            "last_speaker": float(last),
            "last_speaker_after_quote": float(last and after_quote),
            "gender_known": float(history.gender_of(e, mention.gender) in ("male", "female")),
            f"kind={mention.kind}": 1.0,
            _PARAGRAPH_KEYS[_breaks(text, end, before)]: 1.0,
            "same_sentence": float(_SENTENCE_END.search(text, end, before) is None),
            "opens_sentence": float(not lead or lead[-1] in ".!?\"”\n"),
            "after_preposition": float(bool(lead) and lead.rsplit(None, 1)[-1].lower() in _OBJECT_POSITION),
            "possessive": float(span.text.endswith(("’s", "'s"))),
            "in_quotation": float(_in_quotation(text, start)),
            "lead": float(first < LEAD),
            "headline": float(first < history.headline_end),
        })
    return out


def _in_quotation(text: str, at: int) -> bool:
    """An opening quotation mark in the paragraph before ``at`` (at most PARAGRAPH characters back) is still
    open."""
    start = max(text.rfind("\n", max(0, at - PARAGRAPH), at) + 1, at - PARAGRAPH)  # counted in place: no copy
    # a mark is counted only where one is found (str.find skips ahead in C; str.count reads every character)
    return (text.find("“", start, at) >= 0 and text.count("“", start, at) > text.count("”", start, at)) \
        or (text.find('"', start, at) >= 0 and text.count('"', start, at) % 2 == 1)


def _breaks(text: str, start: int, end: int) -> int:
    """Line breaks between ``start`` and ``end``, up to PARAGRAPHS: the first ones found, not all counted."""
    found, at = 0, start
    while found < PARAGRAPHS and (at := text.find("\n", at, end)) >= 0:
        found, at = found + 1, at + 1
    return found
