"""Stage "witnesses": learned, which sources the rules left "other" give a first-hand account (role witness).

The rules name a witness by the mention's words ("residents", "a survivor", "who was pulled from the rubble",
``role_words``); most witnesses are ordinary people the words do not mark: "Petar Kovas, 58, who farms near
the village", "A Sundra captain", "Parents", a quotation in the first person about what happened to them. A
logistic regression over the source's words and what the claim says (first person, verbs of seeing and going
through, a quotation), trained on the team's PolNeAR labels and the wire stories' train half (``python -m
model.training.witnesses``, artifact ``witnesses``), makes such a source a witness when it is sure enough
(a threshold chosen by grouped cross-validation, folded into the intercept). Without the model the rules'
role stands.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import chain
from typing import cast

import numpy as np

from model.attribution.linear import binary_weights, row_sums
from model.attribution.mentions import Mention
from model.attribution.records import QUOTED, Doc
from model.lexicon import MENTION_WORDS, TYPING
from model.text import Memo

ARTIFACT = "witnesses"
_FIRST_PERSON = MENTION_WORDS["first_person"]
_FIRST_HAND = MENTION_WORDS["first_hand"]
_INFORMANTS = MENTION_WORDS["informants"]
_THIRD_PERSON = MENTION_WORDS["third_person"]
_PRONOUNS = TYPING["he_pronouns"] | TYPING["it_pronouns"]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_AGE = re.compile(r",\s*\d{1,3}\s*,")  # "Eva Lind, 63, who farms near Kallby"
_SCALE = 10.0  # first-person and "-ed" words per ten words: a share on the scale of the other features
_MANY = 8  # a speaker's claims counted up to this many: past it, a story's protagonist however long the story
_FEW = 2  # a speaker's claims at most for a later mention to follow the witness made: a witness speaks briefly
Traits = dict[str, float]


def traits(kind: str, source: str, resolved: str, text: str, cue: str, quoted: bool, spoke: int) -> Traits:
    """What the witness model sees of one sourced claim: the source's lower-case words and shape; the claim's
    first-person, third-person, first-hand and past-tense share; how many of the document's claims its speaker
    has (a witness speaks once or twice, a story's protagonist throughout). Serving and training build rows with
    this one function."""
    mention = resolved or source
    words = _WORD.findall(mention)
    out: Traits = {f"kind={kind}": 1.0, f"cue={cue.lower()}": 1.0, "speaker_claims": min(spoke, _MANY)}
    # Assigned one by one in a fixed order: no comprehension, table of flags or generator built per claim.
    named_only = bool(words)
    for w in words:  # each word opens with an ASCII letter: lower case or a capital
        if w[0].islower():
            out[f"source={w}"] = 1.0
            named_only = False
    if quoted:
        out["quoted"] = 1.0
    if _AGE.search(mention):
        out["age"] = 1.0
    if " who " in mention:
        out["who"] = 1.0
    if source.lower() in _PRONOUNS:
        out["pronoun"] = 1.0
    if named_only:
        out["named_only"] = 1.0
    # The claim's words, lower-cased: _WORD matches no whitespace, so they are those of its whitespace-separated
    # chunks in turn, each chunk's read from a memo (claims repeat their chunks, "the", "said,"; the regex over a
    # whole claim holding curly quotes ran its slower two-byte matcher). The memo's words keep their hashes for
    # the lexicon tests.
    said = list(chain.from_iterable(map(_SAID.__getitem__, text.split())))
    if said:  # counted through C calls: a claim's few dozen words cost more in generator frames than in tests
        n, first = len(said), sum(map(_FIRST_PERSON.__contains__, said))
        out["first_share"] = _SCALE * first / n
        # "ed " is found once per word ending in "ed" (no word holds a space): one count, not a call per word.
        out["past_share"] = _SCALE * (" ".join(said) + " ").count("ed ") / n
        out["third_share"] = _SCALE * sum(map(_THIRD_PERSON.__contains__, said)) / n
        if first:
            out["first"] = 1.0
        if not _FIRST_HAND.isdisjoint(said):
            out["first_hand"] = 1.0
    return out


def _said(chunk: str) -> tuple[str, ...]:
    """The words of one whitespace-free chunk, lower-cased."""
    return tuple(map(str.lower, _WORD.findall(chunk)))


_SAID = Memo(_said)


def asked(doc: Doc) -> tuple[list[int], list[tuple]]:
    """The drafts whose source (a person or people) the rules left "other", with the arguments of their traits."""
    idx, out = [], []
    counts = Counter(r.mention.entity for r in doc.resolutions if r.source is not None and r.mention is not None)
    for n, (d, r) in enumerate(zip(doc.drafts, doc.resolutions, strict=True)):
        if r.source is None or r.mention is None or r.mention.kind == "named_organization" or not (
                r.mention.role == "other" or (r.mention.role == "expert" and r.mention.kind == "anonymous")):
            continue  # a body speaks for itself, not from what it went through; unnamed staff may have seen it
        cue = doc.text[d.cue.start:d.cue.end] if d.cue is not None else ""
        resolved = r.source.resolved.text if r.source.resolved is not None else ""
        kind = "anonymous" if r.mention.kind in ("pronoun", "backref") else r.mention.kind
        idx.append(n)
        out.append((kind, r.source.text, resolved, doc.text[d.start:d.end], cue, d.quote_share >= QUOTED,
                    counts[r.mention.entity]))
    return idx, out


def rows(doc: Doc) -> tuple[list[int], list[Traits]]:
    """The drafts the model is asked about, with their traits (what training reads)."""
    idx, args = asked(doc)
    return idx, [traits(*a) for a in args]


def stage(doc: Doc, model: object | None) -> None:
    """Make witnesses of the "other" sources the model is sure of; nothing without a model. A claim repeated
    with the same source and count is scored once (a pronoun chain repeats a few sentences thousands of times)."""
    if model is None or not doc.resolutions:
        return
    idx, args = asked(doc)
    if not args:
        return
    unique = list(dict.fromkeys(args))
    sure = dict(zip(unique, scores(model, [traits(*a) for a in unique]) >= 0.0, strict=True))  # 0: the threshold
    out = list(doc.resolutions)
    # "Lotte Berglin, 71, whose flat overlooks the park" is a witness, and so is the "She" of her next claim,
    # though a pronoun alone tells the model little: a source resolved to an earlier mention ("she", "the nurse"),
    # of a speaker with few claims (not a story's protagonist, whose one recollection makes no witness of all he
    # says), follows the witness the model made of that speaker. ``asked`` picks only resolutions with a mention.
    seen = {cast(Mention, out[n].mention).entity for n, a in zip(idx, args, strict=True) if sure[a]} - {""}
    for n, a in zip(idx, args, strict=True):
        _, _, resolved, _, _, _, spoke = a  # traits' arguments (``asked``): the earlier mention, the claims counted
        mention = cast(Mention, out[n].mention)
        if mention.head in _INFORMANTS:
            continue  # "a source who asked not to be identified": an informant, whatever the model reads
        if sure[a] or (resolved and spoke <= _FEW and mention.entity in seen):
            out[n] = replace(out[n], mention=replace(mention, role="witness"))
    doc.resolutions = out


def scores(model, feats: list[Traits]) -> np.ndarray:
    """The fitted DictVectorizer -> LogisticRegression's decision scores of the rows (log-odds of a witness, less
    the threshold's): one sum per row, the same numbers as ``decision_function`` without sklearn's per-call
    machinery on a few rows."""
    return np.array(row_sums(binary_weights(model), feats)) + model.steps[1][1].intercept_[0]
