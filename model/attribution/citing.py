"""Who an outlet cites: "the Gazette reported, citing a person close to the talks", "according to the Gazette,
which cited officials", "The Courier, citing two officials, reported": the speakers cited are the source and the
outlet their relay (``model.attribution.nesting`` folds them)."""

from __future__ import annotations

from dataclasses import replace

from model.attribution.mentions import classify
from model.attribution.phrases import SUBJECT_PRONOUNS, is_word, np_after, personish
from model.attribution.records import Found
from model.attribution.subjects import HUMAN_PLURALS
from model.lexicon import ATTRIBUTION, CONFIDENTIAL, GRAMMAR, PERSON_NOUNS, QUANTIFIERS, ROLE_NOUNS, TYPING

# Tokens of what a citing cue names, to the comma after it: "an enforcement notice issued by the Water Quality
# Board", "a harbour pilot who was following the ship on radar and asked not to be named because he was not ...".
_CITED_REACH = 40
_CITING = frozenset(("citing", "quoting"))  # a relay's participle before who it passes on
_TAIL = GRAMMAR["mention_tail"]
_TAIL_REACH = 10  # tokens of a cited source's tail: "a person close to the talks", "officials familiar with it"
RELATIVES = ("which", "who")  # what opens a clause about the phrase before it
_CLAUSE_OPENERS = (*RELATIVES, "whose")  # "two family doctors whose patients were tested there"
_NOT_CITED = ATTRIBUTION["cited_non_speakers"]
_DOCUMENTS = TYPING["document_heads"]
_COUNTS = QUANTIFIERS - {"a", "an"}  # words that count a plural: "three clerks", "several stewards"
# An outlet's report rests on the document it cites; "Salceda said, citing data from ..." stays Salceda's.
_REPORTED = frozenset(("reported", "reports"))
_REPORT_REACH = 6  # tokens read back from "citing" for them: "reported on its website on Monday,"


def cited_before_that(toks: list[str], low: list[str], k: int) -> bool:
    """What a citing cue at k names is set off and followed by the report's "that": "reported, citing an
    evidence inventory, that investigators had found a phone" (not "said, citing low growth")."""
    comma = next((j for j in range(k, min(len(toks), k + _CITED_REACH)) if toks[j] == ","), None)
    return comma is not None and comma + 1 < len(toks) and low[comma + 1] == "that"


def reports_citing(toks: list[str], low: list[str], b: int) -> bool:
    """The cue ending at token b reports what it cites, set off before the report's "that": "The daily Tornholm
    Tidning reported (last week), citing a senior manager at the authority, that ...": an attribution whatever
    the outlet's name, as PolNeAR's spans and the wire guideline both read it."""
    if _CITING.isdisjoint(low[b:b + _REPORT_REACH + 1]):  # most cues: one test in C
        return False
    comma = next((j for j in range(b, min(len(toks), b + _REPORT_REACH)) if toks[j] == ","), None)
    return comma is not None and comma + 2 < len(toks) and low[comma + 1] in _CITING \
        and cited_before_that(toks, low, comma + 2)


def fold_cited(toks: list[str], low: list[str], out: list[Found]) -> list[Found]:
    """'the Gazette reported, citing a person close to the talks', 'according to the Gazette, which cited
    officials': the speaker cited is the source, the outlet its relay; the citing cue is no claim of its own."""
    for k in range(len(out) - 1, 0, -1):
        prev, f = out[k - 1], out[k]
        if f.lemma != "cite" or prev.source is None or prev.via:
            continue
        if not (citing_relative(low, prev, f) or f.participle):
            continue
        src = speaker_after(toks, low, f.cue[1], relayed=prev.kind == "relay" or prev.lemma == "report")
        if src is not None:
            out[k - 1:k + 1] = [replace(prev, source=src, source_after=True, via=(prev.source,))]
    return out


def citing_relative(low: list[str], prev: Found, f: Found) -> bool:
    """f is the relative clause of prev's source that cites someone: "the Gazette, which cited two officials"."""
    assert prev.source is not None  # both callers (fold_cited, nesting.keep) test prev's source first
    return f.lemma == "cite" and f.source is not None and f.source[1] - f.source[0] == 1 \
        and low[f.source[0]] in RELATIVES and f.source[0] - prev.source[1] <= 1


def citing_inside(toks: list[str], low: list[str], f: Found) -> Found:
    """'The Courier, citing two officials, reported ...', 'The newspaper, quoting a police officer, said', 'Citing
    unnamed sources, Politico reported': a source phrase holding ", citing <speakers>", or opened by them, is a
    relay; the speakers cited are the source, the phrase before the comma (or after it) its relay."""
    if f.source is None or f.via or f.source_after:
        return f
    a, e = f.source
    if a >= 3 and low[0] in _CITING and toks[a - 1] == ",":  # the sentence opens citing them
        src = speaker_after(toks, low, 1)
        return replace(f, source=src, via=((a, e),)) if src is not None and src[1] == a - 1 else f
    k = next((k for k in range(a + 1, e - 1) if low[k] in _CITING and toks[k - 1] == ","), None)
    src = speaker_after(toks, low, k + 1) if k is not None else None
    if src is None or src[1] > e:
        return f
    assert k is not None  # src is None whenever k is
    return replace(f, source=src, via=((a, k - 1),))


def speaker_after(toks: list[str], low: list[str], i: int, relayed: bool = False) -> tuple[int, int] | None:
    """The people a citing cue names, with their tail ("three people familiar with the matter"), or None when
    it cites no speaker ("citing low economic growth"); ``relayed``: an outlet's "which cited" names its sources,
    so "two people who were inside the store" are cited people (not "he said, citing the many Americans who ...")."""
    np = np_after(toks, low, i, len(toks))
    if np is None:
        return None
    # "reported, citing a steward who worked in the north stand, that ...": set off before the report's "that",
    # what is cited is what the report rests on, so a "who" clause, a count ("three clerks") or one of a kind
    # by a person's ending ("a firefighter at the scene") shows people; a document ("citing bank records") stays
    # the outlet's.
    set_off = cited_before_that(toks, low, i)
    head_end = next((k for k in range(np[0] + 1, np[1]) if low[k] in _TAIL or low[k] in SUBJECT_PRONOUNS
                     or (low[k] in _CLAUSE_OPENERS and (relayed or set_off))
                     or (low[k].endswith("ed") and personish(low[k - 1]))), np[1])  # "a doctor involved in the study"
    head = low[head_end - 1]
    counted = low[np[0]] in _COUNTS or low[np[0]][:1].isdigit()
    one = low[np[0]] in ("a", "an") and ((head + "s").endswith(HUMAN_PLURALS) or head in PERSON_NOUNS
                                         or head in ROLE_NOUNS) and head + "s" not in _NOT_CITED \
        and head not in _DOCUMENTS  # "a firefighter at the scene", "a nurse"; not "a preliminary evidence inventory"
    people = (set_off and ("who" in low[head_end:np[1]] or (counted and head.endswith("s")) or one)) \
        or (relayed and "who" in low[head_end:np[1]])  # "reported ..., citing a shipbroker who said": a person
    # Set off before the report's "that", a document is what an outlet's report rests on, as a person would be
    # ("reported, citing a memo from the refinery's environmental department, that ..."): the wire guideline's
    # relay; inside the subject ("The Journal, citing internal documents, reported") the outlet speaks (PolNeAR).
    document = set_off and head in _DOCUMENTS and not _REPORTED.isdisjoint(low[max(0, i - _REPORT_REACH):i])
    if (head in _NOT_CITED and not document) or not (personish(head) or head in CONFIDENTIAL or document
                                                      or head.endswith(HUMAN_PLURALS) or people
                                                      or _named_speaker(" ".join(toks[np[0]:head_end]))):
        return None
    e = np[1]
    if head_end < np[1] and low[head_end] in SUBJECT_PRONOUNS:  # a reduced relative ("bank records it had
        # obtained"): its subject ended the head; the phrase runs to the comma
        e = next((k for k in range(head_end, min(len(toks), head_end + _TAIL_REACH)) if toks[k] == ","), e)
    elif e < len(toks) and low[e] in _TAIL:
        while e < len(toks) and e - np[1] < _TAIL_REACH and is_word(toks[e]) and low[e] != "that":
            e += 1
    return (np[0], e)


def _named_speaker(text: str) -> bool:
    """A name that shows it speaks: a person by a title, an office or a known given name ("Finance Minister
    Ana Roth", "Ana Roth"), or a body in office ("the Tessin Foreign Ministry"); not any capitalised word
    ("citing Brexit", "citing Velmar's results")."""
    m = classify(text)
    if m.kind == "named_person":
        return m.role != "other" or m.gender in ("male", "female")
    return m.kind == "named_organization" and m.role != "other"
