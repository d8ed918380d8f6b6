"""Which claims of its article a denial is aimed at, learned: the served model.

A denial in a wire story answers what other sources said before it ("Tellmar denied that any waste had escaped",
"the ministry dismissed the report as invented") and the labels link it to every sentence that said it: the
report's claims, their restatements, the lead that sums them up. The rules (``model.pointers``, restated
content in ``model.matching``) find the nearest of these and miss the rest. This model reads every pair of a
denial and a claim of another source near it in the same article, by what the rules decided, where the claim
stands (before the denial, how many sources apart), what the two share (the denied words, the denier's own
name in the claim), what kind of claim it is, how many independent sources corroborate it (the claim in play is
the one the article's other sources back), and whether it shares a source with or restates a claim the rules
aimed at; a pair whose probability reaches the artifact's threshold is a denial link, one below it is
none (adding to the rules' links without taking any away measured nested F1 0.649 against 0.656). Pairs the model
does not read (across documents, beyond ``WINDOW``, the denier's own side, the denials ``deniers`` leaves to the
rules) keep the rules' decision.

The artifact is ``model/artifacts/denial_aim.joblib`` (a Pipeline: AimFeatures -> StandardScaler ->
LogisticRegression; trained by ``python -m model.training.denial_aim`` on the team's wire train stories).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain
from math import fsum, log, sqrt

import numpy as np

from model.content import Analysis
from model.denial import VERB_FORMS
from model.pair_arrays import Pairs, pair_code, with_denials
from model.pair_model import NamedRows, PairModel
from model.pointers import SideWords, accuses, bare_pointer, on_side, side_of, side_words_at
from model.types import Claim

NAME = "denial_aim"
WINDOW = 12  # claims apart at most: the 422 labelled links lie within 12 sentences (20: nested F1 0.656, 12: 0.657)
_PUNCTUATION = ",.;:!?\"'\u201c\u201d\u2018\u2019()"  # around a word split at spaces
BETWEEN_MOST = 10  # other sources' claims counted between a denial and a claim: beyond that, far is far
FEATURES = ("linked_by_rules", "before", "sources_between", "weighted_cosine", "denied_words_in_claim",
            "content_jaccard", "denier_named", "denier_speaks", "claim_anonymous", "claim_accuses",
            "denial_points_back", "denial_stance", "source_of_a_target", "restates_a_target", "lead",
            "claim_corroborated")
CORROBORATED_MOST = 6  # claims corroborating one claim: beyond that, a claim is as central as it gets


def candidates(claims: Sequence[Claim], denial: np.ndarray, key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(claim, denial) pairs the model reads: a denial and each claim of another source in its document, at most
    ``WINDOW`` claims away, that is no refusal and not the denier's own side's (a spokeswoman does not deny what
    her police said: ``model.pointers.side_of``)."""
    out: list[tuple[int, int]] = []
    seen: dict[int, SideWords] = {}  # each claim's source words, read once however many denials ask
    for d in np.flatnonzero(denial).tolist():
        doc = claims[d].doc_index
        side = side_of(claims, d, key, seen)
        for t in range(max(0, d - WINDOW), min(len(claims), d + WINDOW + 1)):
            c = claims[t]
            if t == d or c.doc_index != doc or key[t] == key[d] or c.stance == "declines":
                continue
            if not on_side(side_words_at(claims, t, seen), int(key[t]), side):
                out.append((t, d))
    return np.array([t for t, _ in out], dtype=np.int64), np.array([d for _, d in out], dtype=np.int64)


def deniers(claims: Sequence[Claim], found: Sequence[Analysis], denial: np.ndarray,
            pairs: Pairs) -> tuple[np.ndarray, np.ndarray]:
    """(the denials the model aims, those of them whose rule links it keeps): a denial by its words or by its
    stance, but

    - one that only points back ("denied the report") when the pointer rules found what it points at keeps the
      rules' links, and the model may add others (the lead, a restatement; deciding them instead of the rules,
      wire train nested F1 0.650 against 0.661);
    - one the rules aimed at nothing only when a rejection verb says it rejects something ("denied", "dismissed")
      or the learned denier, which reads the article, made it a denial ("Its director said no worker had ever
      been told ..."): in political copy most rule "denials" aimed at nothing are a negation in a quote aimed at
      no claim, and reading them tripled the denial links on 150 PolNeAR train articles (37 -> 95), most of them
      wrong by eye; reading the denier's too took wire train nested F1 0.536 -> 0.554 and PolNeAR dev's links
      30 -> 35, reading every such denial 0.554 and 30 -> 62."""
    aimed = set(pairs[1][pairs[2]].tolist())  # the denials the rules link to something
    out = denial | np.array([c.stance == "denies" for c in claims], dtype=bool)
    kept = np.zeros(len(claims), dtype=bool)
    for k in np.flatnonzero(out).tolist():
        if k in aimed:
            kept[k] = bare_pointer(claims[k], found[k]) is not None
        else:
            out[k] = _rejects(claims[k]) or claims[k].learned_denial
    return out, kept


def reads(claims: Sequence[Claim], found: Sequence[Analysis], key: np.ndarray, denial: np.ndarray,
          pairs: Pairs) -> tuple[np.ndarray, np.ndarray]:
    """(claim, denial) pairs the model decides: ``candidates`` of the ``deniers``, less the rules' links of the
    denials that keep them."""
    aims, kept = deniers(claims, found, denial, pairs)
    t, d = candidates(claims, aims, key)
    if kept.any():
        a, b, den = pairs[0], pairs[1], pairs[2]
        n = len(claims)
        keep = ~(kept[d] & np.isin(pair_code(t, d, n), pair_code(a[den], b[den], n)))
        t, d = t[keep], d[keep]
    return t, d


def _rejects(claim: Claim) -> bool:
    """A rejection verb among the claim's words (``model/lexicon/denial.txt``)."""
    return any(w.strip(_PUNCTUATION) in VERB_FORMS for w in claim.text.lower().split())


def table(claims: Sequence[Claim], found: Sequence[Analysis], key: np.ndarray, denial: np.ndarray,
          headline: np.ndarray, pairs: Pairs, t: np.ndarray, d: np.ndarray) -> np.ndarray:
    """One row of FEATURES per candidate pair (t[i], d[i])."""
    if not len(t):
        return np.zeros((0, len(FEATURES)))
    a, b, den, _, corr = pairs
    aimed = set(zip(b[den].tolist(), a[den].tolist(), strict=True))  # (denial, claim) the rules link
    targets: dict[int, set[int]] = {}
    for dd, tt in aimed:
        targets.setdefault(dd, set()).add(tt)
    restating: dict[int, set[int]] = {}
    for x, y in zip(a[corr].tolist(), b[corr].tolist(), strict=True):
        restating.setdefault(x, set()).add(y)
        restating.setdefault(y, set()).add(x)
    idf = _weights(claims, found)
    totals = {k: fsum(idf[claims[k].doc_index].get(w, 0.0) for w in found[k].content)
              for k in {*t.tolist(), *d.tolist()}}
    # What depends on one claim only, worked out once per claim: a denial has up to 2 * WINDOW candidates.
    claim_part = {k: (float(claims[k].kind == "anonymous"), float(accuses(claims[k].text)))
                  for k in set(t.tolist())}
    denial_part = {k: (float(bare_pointer(claims[k], found[k]) is not None), float(claims[k].stance == "denies"))
                   for k in set(d.tolist())}
    sources = np.unique(np.column_stack([a[corr], key[b[corr]]]), axis=0)  # each corroborating source once
    partners = np.bincount(sources[:, 0], minlength=len(claims))
    rows = []
    for dd, ts in _by_denial(t, d):  # a denial's candidates are contiguous (``candidates`` order)
        fd, aims, dpart = found[dd], targets.get(dd, set()), denial_part[dd]
        own = fd.mention - fd.content  # the denier's own words: its source's name
        between = _sources_between(key, dd, ts)
        for tt, apart in zip(ts, between, strict=True):
            c, ft = claims[tt], found[tt]
            norm = sqrt(totals[tt] * totals[dd])
            rows.append((
                float((dd, tt) in aimed), float(tt < dd), min(BETWEEN_MOST, apart) / BETWEEN_MOST,
                fsum(idf[c.doc_index].get(w, 0.0) for w in ft.content & fd.content) / norm if norm else 0.0,
                len(fd.content & ft.mention) / (len(fd.content) or 1),
                len(fd.content & ft.content) / (len(fd.content | ft.content) or 1),
                len(own & ft.content) / (len(own) or 1), len(own & (ft.mention - ft.content)) / (len(own) or 1),
                *claim_part[tt], *dpart,
                float(tt not in aims and any(key[x] == key[tt] for x in aims)),
                float(tt not in aims and bool(restating.get(tt, set()) & aims)),
                float(bool(headline[tt]) or c.number == 0),
                min(CORROBORATED_MOST, int(partners[tt])) / CORROBORATED_MOST))
    return np.array(rows, dtype=float)


def _by_denial(t: np.ndarray, d: np.ndarray) -> list[tuple[int, list[int]]]:
    """(denial, its candidate claims) for each run of one denial in ``d``."""
    starts = np.flatnonzero(np.r_[True, d[1:] != d[:-1]])
    ends = np.r_[starts[1:], len(d)]
    return [(int(d[i]), t[i:j].tolist()) for i, j in zip(starts.tolist(), ends.tolist(), strict=True)]


def _sources_between(key: np.ndarray, dd: int, ts: list[int]) -> list[int]:
    """For each claim of ``ts``, the claims between it and denial ``dd`` whose source is not the denier's."""
    lo = min(ts[0], dd)
    other = np.r_[0, np.cumsum(key[lo:max(ts[-1], dd) + 1] != key[dd])]  # other[i]: such claims before lo + i
    return [int(other[max(tt, dd) - lo] - other[min(tt, dd) + 1 - lo]) for tt in ts]


def _weights(claims: Sequence[Claim], found: Sequence[Analysis]) -> dict[int, dict[str, float]]:
    """Each document's content words -> log(claims saying something / claims carrying the word)."""
    saying: dict[int, list[frozenset[str]]] = {}
    for c, f in zip(claims, found, strict=True):
        if f.content:
            saying.setdefault(c.doc_index, []).append(f.content)
    out: dict[int, dict[str, float]] = {}
    for doc, contents in saying.items():
        words = Counter(chain.from_iterable(contents))  # counted in one pass: an update per claim costs more
        # A word's weight depends only on how many claims carry it: log(claims / count) worked out once per count.
        idf = {n: log(len(contents) / n) for n in set(words.values())}
        out[doc] = dict(zip(words, map(idf.__getitem__, words.values()), strict=True))
    return out | {c.doc_index: {} for c in claims if c.doc_index not in saying}


class AimFeatures(NamedRows):
    """Rows already computed by ``table`` -> themselves, named: the first step of the Pipeline."""

    FEATURES = FEATURES


class DenialAim(PairModel):
    """A verified pair Pipeline and the threshold it was tuned with."""

    NAME = NAME
    TRAINING = "python -m model.training.denial_aim"

    def aimed(self, claims: Sequence[Claim], found: Sequence[Analysis], key: np.ndarray, denial: np.ndarray,
              headline: np.ndarray, pairs: Pairs) -> Pairs:
        """``pairs`` with each candidate's denial link decided by the model (added, kept or taken away)."""
        t, d = reads(claims, found, key, denial, pairs)
        if not len(t):
            return pairs
        rows = table(claims, found, key, denial, headline, pairs, t, d)
        return decided(pairs, t, d, self.probability(rows) >= self.threshold, len(claims))


def decided(pairs: Pairs, t: np.ndarray, d: np.ndarray, deny: np.ndarray, n: int) -> Pairs:
    """``pairs`` with (t, d) a denial link where ``deny`` says so and none where it does not; other pairs as
    they were. Unique and sorted, as ``model.links`` keeps them."""
    a, b, den, con, corr = pairs
    code = pair_code(a, b, n)
    asked = pair_code(t, d, n)
    read, chosen = np.isin(code, asked), asked[deny]
    now = np.isin(code, chosen)
    # A pair linked another way becomes a denial (the stronger statement); a denial the model rejects, no link.
    den, con, corr = np.where(read, now, den), con & ~now, corr & ~now
    new = np.setdiff1d(chosen, code)
    if not len(new):
        return a, b, den, con, corr
    return with_denials((a, b, den, con, corr), new, n)
