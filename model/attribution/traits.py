"""What the learned filter sees of one candidate attribution: the cue, the source phrase, the words between
and around them, and which rule doubts it, as a dict of named features (``FeatureHasher`` encodes a string
value as one feature ``name=value``). Serving and training build them with this one function, so they cannot
drift apart.

Names and other capitalised words are given by their shape ("Cap"), never by themselves: the filter learns
what a speaker looks like, not which people spoke in the training articles.
"""

from __future__ import annotations

from operator import itemgetter, methodcaller

from model.attribution.phrases import CLOSE, DETERMINERS, OPEN, PEOPLE, ROLE_HEADS, SUBJECT_PRONOUNS, is_cap
from model.attribution.records import Found, Sentence
from model.lexicon import (
    ATTRIBUTION,
    BELIEF,
    CONFIDENTIAL,
    DENIAL,
    GROUPS,
    MEDIA,
    OFFICIAL,
    ORGANIZATIONS,
    SPEECH,
    WEAK,
)

_CONTEXT = ATTRIBUTION["filter_context"]  # closed-class words the filter sees as themselves
_LONG = 8  # tokens: a source phrase this long or longer is "long" (appositives, relative clauses)
_FAR = 8  # tokens between source and cue from which they are "far" apart
_POSITIONS = 4  # the cue's place in the sentence, in quarters
_ENDING = 3  # letters of a verb's ending the filter sees: unseen verbs share "-ted", "-ses", "-ing"
_MANY = 3  # candidates in one sentence counted up to this many
Traits = dict[str, str | float]


def sentence_traits(s: Sentence) -> list[Traits]:
    """The traits of every candidate with a source in ``s``: its cue candidates, then its act proposals (the
    order the filter's answers come back in). Where the accepted ones are is found once: linear in candidates."""
    accepted = [k for k, g in enumerate(s.candidates) if not g.doubt]
    first, last = (accepted[0], accepted[-1]) if accepted else (len(s.candidates), -1)
    rows = []
    for k, f in enumerate(s.candidates):
        if f.source:
            row = traits(s, f, "cue")
            _neighbours(k, first, last, row)  # into the row itself: no merged copy of it per candidate
            rows.append(row)
    if s.acts:  # most sentences propose no act: no second list built and joined
        rows += [traits(s, f, "act") for f in s.acts if f.source]
    return rows


def traits(s: Sentence, f: Found, origin: str) -> Traits:
    """The features of candidate ``f`` (with a source) in sentence ``s``, proposed as a cue or an act
    (``origin``). Flags are present only when set: an absent feature reads as 0."""
    toks, low = s.toks, s.low
    i, b = f.cue
    verb, lemma = low[b - 1], f.lemma
    # The shapes read from their table where seen before (nearly always): no call per token.
    after = (_SHAPES.get(toks[b]) or word_shape(toks[b], low[b])) if b < len(toks) else "END"
    before = (_SHAPES.get(toks[i - 1]) or word_shape(toks[i - 1], low[i - 1])) if i else "START"
    doubt = f.doubt or "none"
    out: Traits = {
        "origin": origin, "known": _KNOWN.get(verb, "none"),
        "cue_shape": _SHAPES.get(toks[b - 1]) or word_shape(toks[b - 1], verb),
        "origin|doubt": f"{origin}|{doubt}", "doubt|after": f"{doubt}|{after}", "ending": verb[-_ENDING:],
        "lemma": lemma, "form": verb if b - i == 1 else " ".join(low[i:b]),  # most cues are one word: no join
        "kind": f.kind, "doubt": doubt, "lemma|doubt": f"{lemma}|{doubt}", "lemma|after": f"{lemma}|{after}",
        "after": after, "before_cue": before,
        "quoted": round(s.quote_share, 1) if s.quote_share else 0.0,  # most sentences quote nothing: no round()
        "candidates": _FLOATS[min(len(s.candidates), _MANY)], "position": _FLOATS[_POSITIONS * i // len(low)],
    }
    # Flags one by one in a fixed order (no table of pairs built per candidate: this runs for every one).
    if low[i] in WEAK:
        out["weak"] = 1.0
    if f.passive:
        out["passive"] = 1.0
    if f.participle:
        out["participle"] = 1.0
    if f.source_after:
        out["source_after"] = 1.0
    if f.via:
        out["relayed"] = 1.0
    if toks[i][:1].isupper():
        out["cue_cap"] = 1.0
    if s.is_title:
        out["title"] = 1.0
    if s.opens_paragraph:
        out["opens_paragraph"] = 1.0
    if s.in_quote[i]:
        out["cue_in_quote"] = 1.0
    _source(s, f, out)
    return out


def _neighbours(k: int, first: int, last: int, out: Traits) -> None:
    """Whether a candidate the rules accept (the first at ``first``, the last at ``last``) comes before or after
    the ``k``-th one in its sentence, added to ``out``: a doubted noun ("a court order") beside an accepted cue
    is seldom an attribution of its own."""
    if first < k:
        out["accepted_before"] = 1.0
    if last > k:
        out["accepted_after"] = 1.0


def _source(s: Sentence, f: Found, out: Traits) -> None:
    """The source phrase's features, added to ``out``."""
    toks, low = s.toks, s.low
    assert f.source is not None  # traits are asked only of a candidate with a source (``sentence_traits``)
    a, e = f.source
    i, b = f.cue
    head, first, length = low[e - 1], low[a], e - a
    before = e <= i
    gap = (i - e) if before else (a - b)
    between = toks[e:i] if before else toks[b:a]
    kind = "pronoun" if length == 1 and first in SUBJECT_PRONOUNS else _HEAD_KINDS.get(head, "other")
    # Assigned one by one into the row (no dict built to be merged); shapes read from their table where seen
    # before, and counts clipped by comparisons: no call per feature where a lookup answers.
    out["source"] = "before" if before else "after"
    out["src_first"] = _KEPT.get(toks[a]) or word_shape(toks[a], first, keep=True)
    out["src_head"] = _KEPT.get(toks[e - 1]) or word_shape(toks[e - 1], head, keep=True)
    out["src_head_end"] = head[-_ENDING:]
    out["src_kind"] = kind
    out["src_kind|lemma"] = f"{kind}|{f.lemma}"
    out["src_kind|doubt"] = f"{kind}|{f.doubt}"
    out["src_len"] = _FLOATS[length if length < _LONG else _LONG]
    if length == 1:  # most sources are one word: its tests without a map over the phrase
        word = toks[a]
        out["src_caps"] = 1.0 if word[0].isupper() else 0.0
        digit, possessive = word[0].isdigit(), first.endswith(_POSSESSIVE_ENDS)
    else:  # the words' tests are C calls through map: a generator's frame cost more than the test
        words = toks[a:e]
        out["src_caps"] = sum(map(str.isupper, map(_FIRST, words))) / length  # tokens are never empty
        digit, possessive = any(map(str.isdigit, map(_FIRST, words))), any(map(_POSSESSIVE, low[a:e]))
    out["before_src"] = (_SHAPES.get(toks[a - 1]) or word_shape(toks[a - 1], low[a - 1])) if a else "START"
    out["gap"] = _FLOATS[0 if gap < 0 else gap if gap < _FAR else _FAR]
    if first in DETERMINERS:
        out["src_det"] = 1.0
    if s.in_quote[a]:
        out["src_in_quote"] = 1.0
    if digit:
        out["src_digit"] = 1.0
    if possessive:
        out["src_possessive"] = 1.0
    if "," in between:
        out["comma_between"] = 1.0
    if not _QUOTES.isdisjoint(between):
        out["quote_between"] = 1.0


def _head_kind(head: str, first: str, length: int) -> str:
    """What the lexicons say the source phrase's head is."""
    if length == 1 and first in SUBJECT_PRONOUNS:
        return "pronoun"
    return _HEAD_KINDS.get(head, "other")


def shape(toks: list[str], low: list[str], k: int) -> str:
    """The token at k as the filter sees it: a closed-class word itself, else its shape."""
    if k < 0:
        return "START"
    if k >= len(toks):
        return "END"
    return word_shape(toks[k], low[k])


def word_shape(tok: str, w: str, keep: bool = False) -> str:
    """A closed-class word itself; a quotation mark, punctuation, number or capitalised word by its kind; an
    open-class lower-case word itself when ``keep`` (a source's head noun), else by its ending."""
    shapes = _KEPT if keep else _SHAPES  # one table per ``keep``: the token alone is the key, no pair built
    found = shapes.get(tok)
    if found is None:
        found = _shape(tok, w, keep)
        if len(shapes) < _CACHED:
            shapes[tok] = found
    return found


def _shape(tok: str, w: str, keep: bool) -> str:
    if w in _CONTEXT:
        return w
    if tok in _QUOTES:
        return "QUOTE"
    if not tok[:1].isalnum():
        return tok[:1]
    if tok[:1].isdigit():
        return "Num"
    if is_cap(tok):
        return "Cap"
    return w if keep else next((f"-{end}" for end in _ENDINGS if w.endswith(end)), "w")


_FIRST = itemgetter(0)  # a token's first character
_POSSESSIVE_ENDS = ("'s", "’s")
_POSSESSIVE = methodcaller("endswith", _POSSESSIVE_ENDS)
_FLOATS = tuple(map(float, range(max(_LONG, _FAR, _MANY, _POSITIONS) + 1)))  # small counts as floats, looked up
_ENDINGS = ("ing", "ed", "ly", "s")  # what the ending tells of an open-class word: participle, past, adverb, plural
_QUOTES = OPEN | CLOSE
_SHAPES: dict[str, str] = {}  # tokens recur: their shapes are worked out once
_KEPT: dict[str, str] = {}  # the same with ``keep``
_CACHED = 100_000  # shapes kept at most per table (a few MB), so hostile text cannot grow them without bound
# The lexicons' verdict on a source's head, the first list that holds it winning.
_HEAD_KINDS = {w: name for name, words in reversed((
    ("confidential", CONFIDENTIAL), ("official", OFFICIAL), ("media", MEDIA), ("organization", ORGANIZATIONS),
    ("role", ROLE_HEADS), ("group", GROUPS), ("people", PEOPLE))) for w in words}
_KNOWN = {w: name for name, words in (("denial", DENIAL), ("belief", BELIEF), ("speech", SPEECH)) for w in words}
