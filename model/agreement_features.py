"""Features of (claim, text) pairs for the learned stance model, computed for a whole batch at once.

In the manner of the Fake News Challenge baselines (the official FNC-1 baseline; Riedel et al. 2017): how much
of the claim the text repeats (TF-IDF cosine, idf-weighted word and bigram containment, in the whole text,
its lead and its best-matching sentence), and how the text speaks (refuting, supporting, hedging and
negation words, overall and in the sentences that repeat the claim). Refuting words are also read in
context: each hit adds the word pairs around it ("denied that", "was denied", "not deny"), so the model
learns which uses refute rather than trusting a bare word.

Batch-first: each distinct text is read once (tokens, sentences, word-list hits), the request's words get
one shared column numbering, and every pair feature is a row-wise product of sparse matrices. Columns are
numbered in word order, so a pair's sums run in the same order in any batch and its features are the same
alone or among thousands. The word lists and the idf table are copied into the fitted transformer: a
shipped artifact keeps its behaviour whatever later happens to ``model/lexicon/``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from model import sparse_rows

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Sentence ends: terminal punctuation (and closing quotes) before a space, or a line break. Abbreviations
# split too often; for features that is harmless.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*")
LEAD_SENTENCES = 2
# A stop list that keeps the words stance turns on: sklearn's list minus negations and hedges.
KEEP = frozenset({"not", "no", "nor", "never", "nothing", "none", "cannot", "could", "might", "may", "if"})
STOP = tuple(sorted(set(ENGLISH_STOP_WORDS) - KEEP))

TEXT_FEATURES = ("words", "sentences", "refuting", "refuting_any", "refuting_lead", "supporting",
                 "supporting_lead", "discussing", "discussing_lead", "negation", "negation_lead", "question",
                 "question_lead")
CLAIM_FEATURES = ("claim_words", "claim_refuting", "claim_negation", "claim_discussing", "claim_question")
PAIR_FEATURES = ("cosine", "cosine_lead", "contain", "contain_lead", "contain_text", "bigrams", "bigrams_lead",
                 "best_sentence", "best_refuting", "best_supporting", "best_discussing", "best_negation",
                 "refuting_both", "negation_both")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text's sentences, trailing space included (a blank text is one empty span)."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > start:  # a break right after another (or at the start) ends no sentence
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class Lexicon:
    """The word lists the features read: each form -> its lemma, and two-word phrases -> the phrase."""

    refuting: tuple[tuple[str, str], ...]
    supporting: tuple[tuple[str, str], ...]
    discussing: tuple[tuple[str, str], ...]
    negation: tuple[str, ...]


def lexicon_from_files() -> Lexicon:
    """Read the stance word lists from ``model/lexicon/`` (training time only)."""
    from model.lexicon import lines

    def forms(name: str) -> tuple[tuple[str, str], ...]:
        out: dict[str, str] = {}
        for entry in lines(name):
            words = entry.split()
            if len(words) == 2 and name != "negation.txt" and words[0] in ("not", "no", "according"):
                out.setdefault(entry, entry)  # a phrase: "not true", "according to"
                continue
            for form in words:
                out.setdefault(form, words[0])
        return tuple(sorted(out.items()))

    return Lexicon(forms("refuting.txt"), forms("supporting.txt"), forms("discussing.txt"),
                   tuple(sorted(lines("negation.txt"))))


@dataclass(frozen=True)
class Pairs:
    """A batch of pairs as two lists of distinct texts and, per pair, an index into each."""

    texts_a: Sequence[str]
    texts_b: Sequence[str]
    ia: np.ndarray
    ib: np.ndarray

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Pairs:
        """Deduplicate the texts of (claim, text) tuples."""
        ids_a: dict[str, int] = {}
        ids_b: dict[str, int] = {}
        ia, ib = [], []
        for a, b in pairs:
            ia.append(ids_a.setdefault(a, len(ids_a)))
            ib.append(ids_b.setdefault(b, len(ids_b)))
        return cls(list(ids_a), list(ids_b), np.asarray(ia, dtype=np.int64), np.asarray(ib, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.ia)


@dataclass
class _Read:
    """One batch side: per sentence its content words and list-word counts; per text its sentence count,
    scalar features and refuting contexts."""

    sentences: list[list[str]] = field(default_factory=list)  # flattened over texts
    sentence_flags: list[list[int]] = field(default_factory=list)
    n_sentences: list[int] = field(default_factory=list)
    scalars: list[list[float]] = field(default_factory=list)
    context: list[Counter] = field(default_factory=list)


def _alternation(entries: Iterable[str]) -> re.Pattern:
    """One regex matching any entry as whole words (longest first; inner spaces match any whitespace)."""
    parts = [re.escape(e).replace(r"\ ", r"\s+") for e in sorted(entries, key=lambda e: (-len(e), e))]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])")


class PairFeatures(TransformerMixin, BaseEstimator):
    """(claim, text) pairs -> one sparse row of named features each; fit learns idf and context n-grams."""

    def __init__(self, lexicon: Lexicon | None = None, min_context: int = 3, max_context: int = 600) -> None:
        self.lexicon = lexicon
        self.min_context = min_context
        self.max_context = max_context

    # ---- fitting -------------------------------------------------------------------------------------
    def fit(self, X, y=None) -> PairFeatures:
        pairs = X if isinstance(X, Pairs) else Pairs.of(X)
        self.lexicon_ = self.lexicon if self.lexicon is not None else lexicon_from_files()
        self._tables()
        texts = sorted(set(pairs.texts_a) | set(pairs.texts_b))
        cache: dict[str, str] = {}
        df: Counter = Counter()
        for t in texts:
            df.update(set(self._content(TOKEN.findall(t.lower()), cache)))
        n = len(texts)
        self.idf_ = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in sorted(df.items()) if c >= 2}
        self.idf_unseen_ = math.log((1 + n) / 2) + 1.0
        side = self._read(pairs.texts_b, cache)
        counts: Counter = Counter()
        for i in pairs.ib:
            counts.update(side.context[i])
        kept = sorted((g for g, c in counts.items() if c >= self.min_context), key=lambda g: (-counts[g], g))
        self.context_ = {g: j for j, g in enumerate(sorted(kept[: self.max_context]))}
        return self

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        names = [f"text_{n}" for n in TEXT_FEATURES] + list(CLAIM_FEATURES) + list(PAIR_FEATURES)
        return np.asarray(names + [f"context={g}" for g in self.context_], dtype=object)

    # ---- reading texts -------------------------------------------------------------------------------
    def _tables(self) -> None:
        lex = self.lexicon_
        self._stop = frozenset(STOP)
        self._ref = dict(lex.refuting)
        self._words = [frozenset(f for f in dict(table) if " " not in f)
                       for table in (lex.refuting, lex.supporting, lex.discussing)]
        self._words.append(frozenset(lex.negation))
        self._phrases = [(k, _alternation(phrases)) for k, table in enumerate((lex.refuting, lex.supporting,
                                                                                lex.discussing))
                         if (phrases := [f for f in dict(table) if " " in f])]
        self._phrase_starts = frozenset(f.split()[0] for table in (lex.refuting, lex.supporting, lex.discussing)
                                        for f, _ in table if " " in f)
        self._any = frozenset().union(*self._words, self._phrase_starts)

    def __getstate__(self) -> dict:
        # Lookup tables are rebuilt from the (sorted) lexicon on load: sets of strings pickle in a
        # hash-seed-dependent order and would break byte-for-byte reproducible artifacts.
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        if hasattr(self, "lexicon_"):
            self._tables()

    def _content(self, tokens: list[str], cache: dict[str, str]) -> list[str]:
        """Content words: stop words dropped, possessive and plural endings cut (memoised per batch)."""
        for t in set(tokens).difference(cache):
            cache[t] = self._norm(t)
        return list(filter(None, map(cache.__getitem__, tokens)))

    def _norm(self, t: str) -> str:
        """A token's content form, or "" for a stop word."""
        t = t.replace("’", "'")
        if t.endswith("'s"):
            t = t[:-2]
        if t in self._stop or "n't" in t:
            return ""
        if len(t) > 4 and t.endswith("ies"):
            return t[:-3] + "y"
        if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is")):
            return t[:-1]
        return t

    def _read(self, texts: Sequence[str], cache: dict[str, str]) -> _Read:
        side = _Read()
        for text in texts:
            self._read_one(text, side, cache)
        return side

    def _flags(self, lower: str, s: int, e: int, types: set[str]) -> list[int]:
        """Refuting, supporting, discussing and negation words (types) in one sentence; questions discuss."""
        hits = self._any.intersection(types)
        flags = [len(w.intersection(hits)) for w in self._words] if hits else [0, 0, 0, 0]
        if hits & self._phrase_starts:
            for k, pattern in self._phrases:
                flags[k] += len(pattern.findall(lower, s, e))
        flags[2] += lower.count("?", s, e)
        flags[3] += lower.count("n't", s, e) + lower.count("n’t", s, e)
        return flags

    def _read_one(self, text: str, side: _Read, cache: dict[str, str]) -> None:
        lower = text.lower()
        spans = sentence_spans(lower)
        per_sentence = []
        context: Counter = Counter()
        words = 0
        get = cache.__getitem__
        for s, e in spans:
            tokens = TOKEN.findall(lower, s, e)
            types = set(tokens)
            for t in types.difference(cache):
                cache[t] = self._norm(t)
            words += len(tokens)
            side.sentences.append(list(filter(None, map(get, tokens))))
            flags = self._flags(lower, s, e, types)
            per_sentence.append(flags)
            if flags[0]:
                self._contexts(tokens, context)
        side.sentence_flags += per_sentence
        n = len(spans)
        if n == 1:  # most texts the linker sends are one sentence
            ref, sup, disc, neg = totals = per_sentence[0]
            lead = totals
            lead_questions = questions = flags[2] and lower.count("?")
        else:
            ref, sup, disc, neg = (sum(c) for c in zip(*per_sentence, strict=True))
            lead = [sum(c) for c in zip(*per_sentence[:LEAD_SENTENCES], strict=True)]
            questions = lower.count("?")
            lead_questions = lower.count("?", 0, spans[LEAD_SENTENCES - 1][1]) if n > LEAD_SENTENCES else questions
        side.n_sentences.append(n)
        side.context.append(context)
        side.scalars.append([math.log1p(words), math.log1p(n), ref / n, float(ref > 0), float(lead[0] > 0), sup / n,
                             float(lead[1] > 0), disc / n, float(lead[2] > 0), neg / n, float(lead[3] > 0),
                             float(questions > 0), float(lead_questions > 0)])

    def _contexts(self, tokens: list[str], out: Counter) -> None:
        """Per refuting word of a sentence: its lemma, the word pairs around it ("denied that", "was denied"),
        and "not <lemma>" when a negation comes within three words before it."""
        n = len(tokens)
        for i, t in enumerate(tokens):
            lemma, end = self._ref.get(t), i + 1
            if lemma is None and i + 1 < n:
                lemma, end = self._ref.get(t + " " + tokens[i + 1]), i + 2
            if lemma is None:
                continue
            before = tokens[max(0, i - 3):i]
            out.update((lemma, f"{before[-1] if before else '<s>'} {lemma}",
                        f"{lemma} {tokens[end] if end < n else '</s>'}"))
            if any(w in self._words[3] or w.endswith(("n't", "n’t")) for w in before):
                out[f"not {lemma}"] += 1

    # ---- batch matrices ------------------------------------------------------------------------------
    def transform(self, X) -> sp.csr_matrix:
        pairs = X if isinstance(X, Pairs) else Pairs.of(X)
        if not len(pairs):
            return sp.csr_matrix((0, len(self.get_feature_names_out())))
        # Every distinct text is read once, whichever side (or both) it is on.
        union: dict[str, int] = {}
        to_a = np.fromiter((union.setdefault(t, len(union)) for t in pairs.texts_a), np.int64, len(pairs.texts_a))
        to_b = np.fromiter((union.setdefault(t, len(union)) for t in pairs.texts_b), np.int64, len(pairs.texts_b))
        side = self._read(list(union), {})
        ia = to_a[np.asarray(pairs.ia, dtype=np.int64)]
        ib = to_b[np.asarray(pairs.ib, dtype=np.int64)]
        scalars = np.asarray(side.scalars, dtype=np.float64)
        text = scalars[ib]
        claim = scalars[:, [0, 3, 9, 7, 11]][ia]  # words, refuting, negation, discussing, question
        claim[:, 2] = (claim[:, 2] > 0).astype(np.float64)
        both = np.column_stack([claim[:, 1] * text[:, 3], claim[:, 2] * (text[:, 9] > 0)])
        dense = np.hstack([text, claim, self._pair_features(side, ia, ib), both])
        return sp.hstack([sp.csr_matrix(dense), self._context_matrix(side)[ib]], format="csr")

    def _context_matrix(self, side: _Read) -> sp.csr_matrix:
        rows, cols, vals = [], [], []
        for i, counter in enumerate(side.context):
            for g, c in counter.items():
                j = self.context_.get(g)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
                    vals.append(math.log1p(c))
        m = sp.csr_matrix((vals, (rows, cols)), shape=(len(side.context), len(self.context_)))
        m.sort_indices()
        return m

    def _pair_features(self, side: _Read, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        """Overlap of each pair's claim (row ia) with its text (row ib): cosine, containment, bigrams, best
        sentences. Rows are the batch's distinct texts; a claim of several sentences is one row."""
        vocab = sorted(set().union(*side.sentences))
        idf = self._idf(vocab)
        ids, sentence_ptr = sparse_rows.word_ids(side.sentences, {w: j for j, w in enumerate(vocab)})
        rows = _text_rows(side.n_sentences, sentence_ptr)
        lead_ids, lead_ptr = sparse_rows.gather(ids, _lead_rows(side.n_sentences, sentence_ptr))
        v = len(vocab)
        tf, lead_tf = sparse_rows.csr(ids, rows, v), sparse_rows.csr(lead_ids, lead_ptr, v)
        binary, lead_bin = sparse_rows.binary(tf), sparse_rows.binary(lead_tf)
        weighted = sparse_rows.scale(binary, idf)
        wsum = sparse_rows.nonzero(sparse_rows.rowsum(weighted))
        unit = sparse_rows.l2_rows(sparse_rows.scale(tf, idf))
        a_unit, a_w, a_den = unit[ia], weighted[ia], wsum[ia]
        cos = sparse_rows.rowdot(a_unit, unit[ib])
        cos_lead = sparse_rows.rowdot(a_unit, sparse_rows.l2_rows(sparse_rows.scale(lead_tf, idf))[ib])
        contain = sparse_rows.rowdot(a_w, binary[ib]) / a_den
        contain_lead = sparse_rows.rowdot(a_w, lead_bin[ib]) / a_den
        contain_text = sparse_rows.rowdot(binary[ia], weighted[ib]) / wsum[ib]
        bi, lead_bi = sparse_rows.bigrams([(ids, rows), (lead_ids, lead_ptr)], v)
        a_bi, a_bi_n = bi[ia], sparse_rows.nonzero(sparse_rows.rowsum(bi))[ia]
        bigrams = sparse_rows.rowdot(a_bi, bi[ib]) / a_bi_n
        bigrams_lead = sparse_rows.rowdot(a_bi, lead_bi[ib]) / a_bi_n
        sentences = sparse_rows.binary(sparse_rows.csr(ids, sentence_ptr, v))
        best = self._best_sentences(weighted, wsum, sentences, side, ia, ib)
        return np.column_stack([cos, cos_lead, contain, contain_lead, contain_text, bigrams, bigrams_lead, *best])

    def _idf(self, vocab: list[str]) -> np.ndarray:
        get = self.idf_.get
        return np.fromiter((get(w, self.idf_unseen_) for w in vocab), dtype=np.float64, count=len(vocab))

    @staticmethod
    def _best_sentences(weighted: sp.csr_matrix, wsum: np.ndarray, sentences: sp.csr_matrix, side: _Read,
                        ia: np.ndarray, ib: np.ndarray) -> list[np.ndarray]:
        """Per pair, the claim's best containment in one sentence of the text: any sentence, then only
        refuting, supporting, discussing and negated ones (pairs expand to sentences, then max-reduce)."""
        flags = np.asarray(side.sentence_flags, dtype=np.int64).reshape(-1, 4) > 0
        n_sent = np.asarray(side.n_sentences, dtype=np.int64)
        first = np.cumsum(n_sent) - n_sent
        per_pair = n_sent[ib]
        starts = np.cumsum(per_pair) - per_pair
        owner = np.repeat(np.arange(len(ib)), per_pair)
        rows = np.repeat(first[ib] - starts, per_pair) + np.arange(int(per_pair.sum()))
        share = sparse_rows.rowdot(weighted[ia[owner]], sentences[rows]) / wsum[ia[owner]]
        out = [np.maximum.reduceat(share, starts)]
        out += [np.maximum.reduceat(np.where(flags[rows, k], share, 0.0), starts) for k in range(4)]
        return out


def _text_rows(n_sentences: list[int], sentence_ptr: np.ndarray) -> np.ndarray:
    """Row pointer joining each text's sentences into one row."""
    return sentence_ptr[np.concatenate(([0], np.cumsum(n_sentences)))]


def _lead_rows(n_sentences: list[int], sentence_ptr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) positions of each text's lead sentences in the concatenated ids."""
    n = np.asarray(n_sentences, dtype=np.int64)
    first = np.cumsum(n) - n
    return sentence_ptr[first], sentence_ptr[first + np.minimum(n, LEAD_SENTENCES)]
