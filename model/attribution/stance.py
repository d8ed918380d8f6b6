"""A claim's stance (asserts / denies / declines) and its hedges, from its words."""

from __future__ import annotations

import re

from model.attribution.denials import Candidate, possible, rule, signs
from model.attribution.records import QUOTED, Doc, Draft
from model.attribution.refusals import declines
from model.caseless import lowered, twin
from model.lexicon import GRAMMAR, HEDGES
from model.text import words
from model.types import Span

_HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in
                                          sorted(HEDGES, key=len, reverse=True)) + r")\b", re.IGNORECASE)
# A word every match of the pattern holds (the longest of each phrase): without one, the pattern is not run.
_HEDGE_KEYS = frozenset(max(h.split(), key=len) for h in HEDGES)
_HEDGE_LOW = twin(_HEDGE)  # the same over lower-cased text (model.caseless), a quarter of the cost
# "could not", "could have", "could only": ability or a past chance; "could see", "could hear": what the senses
# took in, no doubt of the content (the guideline's ability, not possibility).
_COULD_NOT = re.compile(r"\s*(?:not|n['’]t|have|only|see|hear|feel|smell|sense)\b", re.IGNORECASE)
# "ministers may use the jets only for official travel", "by law may not", "under the act, shelters may charge":
# a rule's permission, not the speaker's doubt.
_MAY_ONLY = re.compile(r"(?:\s+\w+){1,6}?\s+only\b", re.IGNORECASE)
_BY_RULE = re.compile(r"\b(?:by\s+law|under\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,4}(?:act|law|rules|regulations))\b",
                      re.IGNORECASE)
_LIKELY_NOUN = re.compile(r"\s+(?:voters|caucusgoers|electorate|republican|democratic|general)\b", re.IGNORECASE)
# "30 percent more likely to", "three times as likely": a measured comparison of risk, not the speaker's doubt.
_MEASURED = re.compile(r"(?:\d[\d.,]*\s*(?:%|per\s?cent|percent)|\btimes|\btwice|\bhalf)\s+(?:more|less|as)\s+$",
                       re.IGNORECASE)
_BEFORE_HEDGE = 30  # characters before a hedge read for what unmakes it: "30 percent more likely", "so she could"
_RULE_BEFORE = 80  # characters before "may" read for the rule that permits: "Under the country's animal welfare act,"
# "so she could use", "You could dismiss", "before she could ask", "as many as she could", "more than Putin could
# imagine", "changing gowns when we could": purpose, the generic "you" and what someone was able to do are no
# hedges of the content.
_COULD_UNMADE = re.compile(r"\b(?:so|so that|you|before|until|as|than)\s+(?:\w+\s+){0,2}$"
                           r"|\b(?:when|whenever|wherever)\s+(?:i|we|he|she|they)\s+$", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\band\s+(?:\w+ly\s+)?$", re.IGNORECASE)  # "... and said", "... and quickly added"
_QUOTES = frozenset('"“”‘')  # a quotation before the source may be its content (’ is as often an apostrophe)
_FRAME_WORDS = 3  # words before the source from which they are a frame of their own ("As improbable as it may seem,")
_CONTENT_WORDS = 6  # words after the cue from which the content follows it ("told POLITICO this week." is a tail)
_TAIL_OPENERS = GRAMMAR["mention_tail"] | GRAMMAR["time_prepositions"]  # "said in his interview", "on Monday"
# "appear in person", "appears alongside": only "appear(s) to / that / set to" hedges.
_APPEAR_OK = re.compile(r"\s+(?:to|that|set|poised|likely|ready)\b", re.IGNORECASE)


def stage(doc: Doc) -> None:
    """Stage "stance": asserts, denies or declines, per draft (see ``stances``)."""
    doc.stances = stances(doc)


def hedge_stage(doc: Doc) -> None:
    """Stage "hedges": the hedge expressions of each draft's cue and content (``reported_part``)."""
    out = []
    for d in doc.drafts:
        present = doc.words(d.start, d.end)  # the stance stage's: no hedge word in the span rules out the part
        out.append(() if _HEDGE_KEYS.isdisjoint(present) else hedges(doc.text, reported_part(doc.text, d), d.end,
                                                                         present))
    doc.hedges = out


def reported_part(text: str, d: Draft) -> int:
    """Where a claim's source, cue and content begin: at the source when it opens the attribution and the
    content follows the cue ("As improbable as it may seem, Mr. Clarke said the deal ...": the frame before
    him is the writer's), else where the claim begins ('"We may win," the mayor said': the quotation is the
    content)."""
    src, cue = d.source, d.cue
    if src is None or cue is None or src.start <= d.start or src.end > cue.start:
        return d.start
    before, after = text[d.start:src.start], text[cue.end:d.end].split(maxsplit=_CONTENT_WORDS)
    if len(before.split(maxsplit=_FRAME_WORDS)) < _FRAME_WORDS or _QUOTES.intersection(before):
        return d.start  # "Apparently, police saw the tweet": an adverb on the attribution itself
    if len(after) < _CONTENT_WORDS or not after[0][0].isalnum() or after[0].lower() in _TAIL_OPENERS:
        return d.start  # '..., the report says, ...', '..., Mr. Obama said in his interview.': the content before
    return src.start


def hedges(text: str, start: int, end: int, present: set[str] | None = None) -> tuple[Span, ...]:
    """Hedge expressions in [start, end), minus ability "could not" ("could see"), a rule's "may" ("may use them
    only for", "by law may not"), the month "May" and "likely voters" (``present``: the words of the span, when
    already at hand)."""
    if _HEDGE_KEYS.isdisjoint(words(text[start:end]) if present is None else present):
        return ()
    out = []
    for a, b in _hedge_spans(text, start, end):
        w = text[a:b]
        low = w.lower()
        if low == "could" and _COULD_NOT.match(text, b):
            continue
        if w == "May" and (a > start or _next_is_digit(text, b)):
            continue
        before = max(start, a - _BEFORE_HEDGE)
        if low == "likely" and (_LIKELY_NOUN.match(text, b) or _MEASURED.search(text, before, a)):
            continue
        if low == "could" and _COULD_UNMADE.search(text, before, a):
            continue
        if low == "may" and (_MAY_ONLY.match(text, b, end) or _BY_RULE.search(text, max(0, a - _RULE_BEFORE), a)):
            continue
        if low in ("appear", "appears", "appeared") and not _APPEAR_OK.match(text, b):
            continue
        out.append(Span(w, a, b))
    return tuple(out)


def _hedge_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where ``_HEDGE`` matches in [start, end): over the span lower-cased where ``model.caseless`` allows it, with
    the character before it, which "\\b" reads."""
    lead = max(0, start - 1)
    low = lowered(text[lead:end])
    if low is None:
        return [m.span() for m in _HEDGE.finditer(text, start, end)]
    return [(m.start() + lead, m.end() + lead) for m in _HEDGE_LOW.finditer(low, start - lead)]


def _next_is_digit(text: str, pos: int) -> bool:
    rest = text[pos:pos + 4].lstrip()
    return rest[:1].isdigit()


def stances(doc: Doc) -> list[str]:
    """declines for a refusal or non-answer ("declined to comment"), whoever refuses; denies for a claim with
    a source after resolution (a quotation's uncued sentences included) that the denial rules find
    rejecting a claim in play (``denials``); asserts otherwise."""
    text = doc.text
    out = []
    for n, (d, source) in enumerate(zip(doc.drafts, doc.sources(), strict=True)):
        body = text[d.start:d.end]
        present = doc.words(d.start, d.end)  # the hedge stage asks the same
        if declines(text, d, present):
            out.append("declines")
        elif source is not None and possible(body, present, d.cue) and rule(_signs(doc, n, d, present)):
            out.append("denies")
        else:
            out.append("asserts")
    return _sentence_denials(doc, out)


def _signs(doc: Doc, n: int, d: Draft, present: set[str]) -> dict[str, bool]:
    """The rules' features of draft n, kept in ``doc.signs``: the denier stage weighs them again for the drafts
    left asserting."""
    found = doc.signs[n] = signs(Candidate(doc.text, d.start, d.end, d.cue, d.source, d.quote_share >= QUOTED), present)
    return found


def _sentence_denials(doc: Doc, out: list[str]) -> list[str]:
    """A denial and a cue joined to it by "and" deny together: in "X denied the report and said the talks would
    continue" the second attribution is X's answer to the same claim. (A participle or "but" is not joined
    so: "disputed both critiques, but says ..." concedes, "..., arguing that ..." argues; the team's labels
    read both as assertions.)"""
    denying = {(d.sentence, d.source.start) for d, st in zip(doc.drafts, out, strict=True)
               if st == "denies" and d.source is not None}
    if not denying:
        return out
    text = doc.text
    return ["denies" if st == "asserts" and d.source is not None and d.cue is not None
            and (d.sentence, d.source.start) in denying and _AND_BEFORE.search(text, d.start, d.cue.start) else st
            for d, st in zip(doc.drafts, out, strict=True)]
