"""A document takes its producer's kind and role: "Inspection records of the State Mining Inspectorate", "a
report by the Gazette", "Velmar's own records" speak for who produced them (the guideline's fixed case for
documents, data and statements); the typer's last word on such sources."""

from __future__ import annotations

from dataclasses import replace

from model.attribution.mentions import Mention, classify, core_of, words_of
from model.attribution.name_words import no_name
from model.attribution.phrases import AUTHORED_BY
from model.attribution.records import Resolution
from model.attribution.role_words import POLLS, POSSESSIVE
from model.lexicon import GRAMMAR, MEDIA_WORDS, MENTION_WORDS, ORGANIZATIONS, TITLES, TYPING

_DOCUMENTS, _DATA = TYPING["document_heads"], TYPING["data_heads"]
_BODIES = TYPING["company_words"] | ORGANIZATIONS  # heads of a body's description: "the ministry", "the company"
_PRODUCED_BY = GRAMMAR["produced_by"]
_DOCUMENT_WORDS = 2  # lower-case words between a producer and its document's head: "FEC advisory opinion"
_NOT_PRODUCERS = GRAMMAR["articles"] | TITLES  # "The", "A"; "Sen." opens a person, not a producer of papers
_MARKS = MENTION_WORDS["producer_marks"]  # "internal", "annual": a document's own words before its head
_COPIES = TYPING["copy_heads"]  # "A copy of X's log": the log's producer


def documents_take_producer(resolutions: list[Resolution]) -> None:
    """"Inspection records of the State Mining Inspectorate", "a report by the Gazette", "Federal Election
    Commission filings", "Velmar's own records": a document whose span names its producer takes the
    producer's kind and role (the guideline's fixed case for documents, data and statements). Only a
    producer the words show (a body by its words, a person by a known first name) or one the document has
    already typed as a source; any other is left to the typer ("the American Legion" is no person)."""
    known: dict[str, Mention] = {}  # entity -> its mention, of the named sources met so far
    last_body = None  # the body that spoke last: whose "The report" a bare one is
    for n, r in enumerate(resolutions):
        m = r.mention
        if r.source is None or m is None:
            continue
        if m.kind in ("named_person", "named_organization") and m.head not in _DOCUMENTS and m.entity:
            known.setdefault(m.entity, m)
            if m.kind == "named_organization":  # "Velmar filings" after "The Velmar Group"
                known.setdefault(m.entity.split()[0], m)
                last_body = m
        if r.source.resolved is not None or m.head not in _DOCUMENTS:
            continue  # "figures published by the ministry" is headed by "figures" (mention_words.head_chunk)
        ws, head = core_of(words_of(r.source.text)), m.head
        if len(ws) > 3 and ws[1].lower() in _COPIES and ws[2] == "of":
            ws = ws[3:]  # "A copy of Brevald Lifts' avalanche log": the log's producer, the log its head
            head = classify(" ".join(ws)).head
        producer = _producer(ws, head, known) or _body_owner(ws, known) or _body_before(ws, head, known) or (
            last_body if [w.lower() for w in ws[:2]] == ["the", head] and head == m.head else None)  # "The
        # report(, which ...) said" (not "a copy of the list": a bare copy may be anyone's)
        if producer is not None:
            role = "expert" if head in POLLS else producer.role  # a poll is expert work, whoever ran it
            resolutions[n] = replace(r, mention=Mention(producer.kind, role, producer.entity, "none",
                                                          producer.gender, producer.head))
        elif no_name(ws) and (rules := classify(r.source.text)).kind == "anonymous":
            resolutions[n] = replace(r, mention=rules)  # "Court filings in a separate case": nobody named


def _producer(ws: list[str], head: str, known: dict[str, Mention]) -> Mention | None:
    """Who produced the document these words name: after "of"/"by"/"from" its head ("figures released by the
    ministry" too), or a name written before it ("FEC filings", "Velmar's own records", "a 1996 FEC advisory
    opinion")."""
    at = next((i for i, w in enumerate(ws) if w.lower() in _PRODUCED_BY), -1)
    if at > 1 and ws[at].lower() == "by" and ws[at - 1].lower() in AUTHORED_BY and head == ws[at - 2].lower():
        return _shown(classify(" ".join(ws[at + 1:])), known)
    if at > 0 and head == ws[at - 1].lower():
        return _after(ws, at, known)
    h = next((i for i, w in enumerate(ws) if w.lower() == head), -1)
    j = h
    while j > 0 and h - j < _DOCUMENT_WORDS and ws[j - 1].islower() and ws[j - 1].isalpha():
        j -= 1  # "advisory", "own": words of the document between its producer and its head
    end = j
    while j > 0 and ws[j - 1][:1].isupper() and ws[j - 1].lower().rstrip(".") not in _NOT_PRODUCERS:
        j -= 1
    while j < end and ws[j].lower() in _MARKS:
        j += 1  # "Internal Polaris emails": the sentence's capital on a document's word, no producer's
    if j == end:
        return None
    run = [POSSESSIVE.sub("", w) or w for w in ws[j:end]]
    if len(run) == 1 and not j and not (run[0].isupper() and len(run[0]) > 1) and run[0].lower() not in known:
        return None  # "Court filings": one capitalised word may open the sentence; an acronym or a known name
    return _shown(classify(" ".join(run)), known)


def _body_owner(ws: list[str], known: dict[str, Mention]) -> Mention | None:
    """The body whose document this is by a possessive description: "A page from the bank's vault register",
    "Minutes of the committee's February meeting" are the bank's and the committee's."""
    for i in range(1, len(ws)):
        word = POSSESSIVE.sub("", ws[i])
        if word != ws[i] and ws[i - 1].lower() == "the" and word.islower() and word in _BODIES:
            return _shown(classify("the " + word), known)
    return None


def _body_before(ws: list[str], head: str, known: dict[str, Mention]) -> Mention | None:
    """The body a body's word right before the document's head names: "Council figures", "police figures",
    "Central bank figures published last week" are the council's, the force's, the bank's (not "Official
    figures": no body)."""
    h = next((i for i, w in enumerate(ws) if w.lower() == head), 0)
    if head not in _DATA and not (h > 1 and ws[h - 2].lower() in _MARKS):  # "internal university emails"
        return None
    word = ws[h - 1].lower() if h else ""
    if word in _BODIES and word not in MEDIA_WORDS and (
            ws[h - 1].islower() or h == 1):  # "Media reports", "press reports" name no one outlet
        return _shown(classify("the " + word), known)
    return None


def _after(ws: list[str], at: int, known: dict[str, Mention]) -> Mention | None:
    """The producer after the preposition at ``at``, or after a later one where the first names none ("minutes
    of a closed meeting of the city council" are the council's)."""
    for k in range(at, len(ws)):
        if ws[k].lower() in _PRODUCED_BY and (shown := _shown(classify(" ".join(ws[k + 1:])), known)) is not None:
            return shown
    return None


def _shown(producer: Mention, known: dict[str, Mention]) -> Mention | None:
    """The producer as the document typed it when it is a source there, else as its words show it (a body, or a
    person by a known first name, or a body's description: "records of the district health office" are the
    office's, as "the company said" is the company's); None when neither says what it is."""
    if producer.entity in known:
        return known[producer.entity]
    if producer.kind == "backref" and producer.head in _BODIES:
        named = (m for e, m in known.items() if m.kind == "named_organization" and producer.head in e.split())
        return next(named, None) or replace(producer, kind="named_organization")
    if producer.kind == "named_organization" or (producer.kind == "named_person"
                                                  and producer.gender in ("male", "female")):
        return producer
    return None
