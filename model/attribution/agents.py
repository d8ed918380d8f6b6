"""A source phrase ending in "by" and an agent: when the agent speaks, when the phrase before it does.

"A study by Oxford researchers found" and "a report commissioned by the government found": the document and
its producer are one source. "Officials contacted by Reuters said", "A lawyer hired by the family said": the
people before "by" speak, with the whole phrase as their mention; the agent only reached or hired them.
Used by ``subjects.subject``.
"""

from __future__ import annotations

import re

from model.attribution.phrases import (
    DETERMINERS,
    MONTHS,
    PEOPLE,
    REPORTED_BY,
    STOP,
    SUBJECT_PRONOUNS,
    WEEKDAYS,
    np_before,
)
from model.attribution.times import past_participle
from model.lexicon import (
    ATTRIBUTION,
    GRAMMAR,
    MENTION_WORDS,
    PERSON_NOUNS,
    PERSON_ROLES,
    SPEECH,
    TYPING,
)
from model.types import Span as TextSpan

DOCUMENTS = TYPING["document_heads"]  # a document's head words: "report", "study", "records"
_PEOPLE = PEOPLE | PERSON_ROLES | PERSON_NOUNS  # heads of people: "lawyer", "experts", "investigator"
_COMING_OUT = ATTRIBUTION["document_participles"]
_RECIPIENT = MENTION_WORDS["recipient_verbs"]  # "seen by", "obtained by": who got a document, not who made it
_MODIFIER = 12  # tokens of the participles after a document: ", dated Aug. 30 and reviewed by Nordwire,"
# After those participles, a cue's present form opens a clause of the document's own: "seen by Nordwire
# says that", "... lists 34 suspected cases" (not "issued", "published": more of how it came out)
_CLAUSE_WORDS = frozenset(w for w in SPEECH if w.endswith("s") and not w.endswith("ss"))
Span = tuple[int, int]
_ARTICLES = frozenset(("a", "an", "the"))
_OF_REACH = 4  # words between a document and "by" after what it is of: "An analysis of pay slips by"
_TIME_WORDS = "|".join(sorted(WEEKDAYS | MONTHS | {"week", "month", "year", "night", "morning", "evening", "day"}))
# A time after the producer's name: "by the National Police Directorate in January", "by Sanders on Tuesday night"
_TRAILING_TIME = re.compile(r"\s+(?:in|on|last|this|earlier|late|early)(?:\s+\w+)?\s+(?:" + _TIME_WORDS
                            + r")(?:\s+\w+)?$", re.IGNORECASE)
_DOCUMENT_OPENERS = _ARTICLES | DOCUMENTS  # what a document's mention opens with: "A report by", "Records filed"
_ADDRESSED = frozenset(("to", "from"))  # a letter's ends, which a noun phrase does not cross: "from the authority"
_HEAD_ENDS = GRAMMAR["np_prepositions"] | GRAMMAR["loose_prepositions"] | _ADDRESSED  # a head's tail opens with one
_ADDRESS_HOPS = 2  # "A letter from the authority to the rider": a sender and a recipient
_DOCUMENT_REACH = 24  # tokens from a participle back to its document: "An email sent on Nov. 4 by ... and seen by"
# Between a document and its participle, or the participle and the cue: a clause of its own ("was released", "a
# story that posted this week that he believes"); a relative pronoun opens what is said of the document
_OWN_CLAUSE = GRAMMAR["auxiliaries"] | (SUBJECT_PRONOUNS - {"that", "which", "who"})


def names_a_document(low: list[str], src: Span | None) -> bool:
    """A source phrase naming a document, record or data ("A guideline seen by Nordwire", "The records")."""
    return src is not None and not DOCUMENTS.isdisjoint(low[src[0]:src[1]])


def seen_by(low: list[str], src: Span | None) -> bool:
    """A source phrase naming what the reporter saw or obtained ("A page from the bank's vault register, seen by
    Nordwire", "Tracking data reviewed by Nordwire"): a document or record speaking, whatever the verb after it
    ("records", "sets", "lists"). Wire copy writes this way often and PolNeAR seldom, so the rules decide it
    rather than the filter, which learned from PolNeAR."""
    if src is None or _RECIPIENT.isdisjoint(low[src[0]:src[1] - 1]):  # most phrases: the walk below finds none
        return False
    at = next((k for k in range(src[1] - 2, src[0] - 1, -1) if low[k] in _RECIPIENT and low[k + 1] == "by"), None)
    return at is not None and "," not in low[at + 2:src[1]]  # the phrase ends with its agent, no clause after it


def document_by(toks: list[str], low: list[str], src: Span | None, lo: int) -> Span | None:
    """"A study by Oxford researchers found", "An environmental report commissioned by the government found": the
    document and its producer are one source (the guideline's span; its kind is the producer's)."""
    if src is None or src[0] - 2 < lo or low[src[0] - 1] != "by":
        return None
    k = src[0] - 2
    k -= past_participle(toks[k]) and k - 1 >= lo and low[k] not in REPORTED_BY  # "commissioned by", not "seen by"
    if low[k] not in DOCUMENTS:  # "An analysis of pay slips by the union": the document is what it is of
        k = next((p - 1 for p in range(k - 1, max(lo, k - _OF_REACH), -1) if low[p] == "of"), k)
    head = np_before(toks, low, k, lo) if k >= lo and low[k] in DOCUMENTS else None
    return (head[0], src[1]) if head is not None else None


def document_modified(toks: list[str], low: list[str], j: int, lo: int) -> Span | None:
    """"A report by the directorate published in January found", "An audit by the audit office, published in June,
    found", "An inspection report, dated Aug. 30 and reviewed by Nordwire, found": a document and the participles
    that say when or how it came out are one source (the guideline's span), up to the cue's token j."""
    if low[j] in STOP or low[j] in DETERMINERS:
        return None  # "a new video released amid claims", "purports to the show": the cue is no verb of the document's
    if _COMING_OUT.isdisjoint(low[max(lo, j - _MODIFIER) + 1:j]):  # the loop below would pass every word: in C
        return None
    for p in range(j - 1, max(lo, j - _MODIFIER), -1):
        if low[p] not in _COMING_OUT or not toks[p][:1].islower():
            continue
        end = p - 1 - (toks[p - 1] == ",")
        doc = np_before(toks, low, end, lo) if end >= lo else None
        doc = document_by(toks, low, doc, lo) or (_document_phrase(toks, low, doc, lo) if doc else None) \
            or _document_before(toks, low, p, j, lo)
        if doc is not None and (doc[0] == lo or not toks[doc[0] - 1][:1].isalpha()):  # it opens the clause
            # "A memo seen by Nordwire shows that the department had reported": a clause of its own between
            return None if not _CLAUSE_WORDS.isdisjoint(low[doc[1]:j]) else (doc[0], j + (toks[j] != ","))
    return None


def _document_before(toks: list[str], low: list[str], p: int, j: int, lo: int) -> Span | None:
    """"Maintenance records that Halvik filed with the regulator, seen by", "An email sent on Nov. 4 by the
    minister's chief of staff, Lena Orr, to the agency's director and seen by": the nearest document before the
    participle at p whose phrase opens the clause, across what is said of it; not across a clause of its own
    (an auxiliary or a subject pronoun anywhere up to the cue at j: "The lawsuit ... also contests a rule that
    does not count")."""
    if not _OWN_CLAUSE.isdisjoint(low[p:j]):
        return None
    for k in range(p - 1, max(lo - 1, p - _DOCUMENT_REACH), -1):
        if low[k] in _OWN_CLAUSE:
            return None
        head = np_before(toks, low, k, lo) if low[k] in DOCUMENTS else None
        if head is not None and (head[0] == lo or not toks[head[0] - 1][:1].isalpha()):
            return head
    return None


def _document_phrase(toks: list[str], low: list[str], doc: Span, lo: int) -> Span | None:
    """The phrase ending at doc when its head is a document: "Court filings in a separate civil case", "A copy of
    Vikner's proposal", "A letter from the authority to the rider" (over its sender and recipient); else None."""
    a = doc[0]
    for _ in range(_ADDRESS_HOPS):
        outer = np_before(toks, low, a - 2, lo) if a - 2 >= lo and low[a - 1] in _ADDRESSED else None
        if outer is None:
            break
        a = outer[0]
    head = next((k for k in range(a + 1, doc[1]) if low[k] in _HEAD_ENDS), doc[1]) - 1
    return (a, doc[1]) if low[head] in DOCUMENTS or low[doc[1] - 1] in DOCUMENTS else None


def producer(text: str, span: TextSpan) -> TextSpan | None:
    """The producer named after a document's "by" ("A report by Senator Jan Berg" -> "Senator Jan Berg"): who a
    later "he" or "it" is, as a mention of them; None for a mention that is no document by someone."""
    if " by " not in span.text:  # asked of every mention the history keeps: the cheap test first
        return None
    words = span.text.split()
    if len(words) < 3 or words[0].lower() not in _DOCUMENT_OPENERS:
        return None
    at = span.text.rindex(" by ") + 4
    head = span.text[:at].lower().split()
    if DOCUMENTS.isdisjoint(head) or head[-2] in REPORTED_BY:  # "a memo seen by Nordwire": no producer
        return None
    end = span.start + at + len(_TRAILING_TIME.sub("", span.text[at:]))  # "... Directorate in January": no time
    return TextSpan(text[span.start + at:end], span.start + at, end)


def people_by(toks: list[str], low: list[str], src: Span | None, lo: int) -> Span | None:
    """"Officials contacted by Reuters said" (how the reporter reached them), "A lawyer hired by the family said",
    "Experts commissioned by the ministry said" (people a participle describes): the people speak."""
    if not src or src[0] - 2 <= lo or low[src[0] - 1] != "by":
        return None
    verb = low[src[0] - 2]
    if verb not in REPORTED_BY and not past_participle(toks[src[0] - 2]):
        return None
    head = np_before(toks, low, src[0] - 3, lo)
    if head is None or low[head[0]] in SUBJECT_PRONOUNS:
        return None
    if verb not in REPORTED_BY and low[head[1] - 1] not in _PEOPLE:
        return None  # "the payments made by the company": the company's, if anyone's
    return head[0], src[1]
