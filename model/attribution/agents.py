"""A source phrase ending in "by" and an agent: when the agent speaks, when the phrase before it does.

"A study by Oxford researchers found" and "a report commissioned by the government found": the document and
its producer are one source. "Officials contacted by Reuters said", "A lawyer hired by the family said": the
people before "by" speak, with the whole phrase as their mention; the agent only reached or hired them.
Used by ``subjects.subject``.
"""

from __future__ import annotations

from model.attribution.phrases import PEOPLE, REPORTED_BY, SUBJECT_PRONOUNS, np_before
from model.attribution.times import past_participle
from model.lexicon import PERSON_NOUNS, PERSON_ROLES, TYPING

DOCUMENTS = TYPING["document_heads"]  # a document's head words: "report", "study", "records"
_PEOPLE = PEOPLE | PERSON_ROLES | PERSON_NOUNS  # heads of people: "lawyer", "experts", "investigator"
Span = tuple[int, int]


def document_by(toks: list[str], low: list[str], src: Span | None, lo: int) -> Span | None:
    """"A study by Oxford researchers found", "An environmental report commissioned by the government found": the
    document and its producer are one source (the guideline's span; its kind is the producer's)."""
    if src is None or src[0] - 2 < lo or low[src[0] - 1] != "by":
        return None
    k = src[0] - 2
    k -= past_participle(toks[k]) and k - 1 >= lo and low[k] not in REPORTED_BY  # "commissioned by", not "seen by"
    head = np_before(toks, low, k, lo) if low[k] in DOCUMENTS else None
    return (head[0], src[1]) if head is not None else None


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
