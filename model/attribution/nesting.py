"""Which of a sentence's cues are attributions of their own: drop those nested in an earlier one's content,
fold "According to X, she said" into a relay (a poll's respondents into the poll), give a participle
("..., saying") its subject, let an attribution closing the sentence after a comma frame all before it, and
make a cited speaker the source of the outlet citing it ("X reported, citing a person close to the talks")."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import cast

from model.attribution.acts import opening_subject
from model.attribution.citing import (
    RELATIVES,
    cited_before_that,
    citing_inside,
    citing_relative,
    fold_cited,
    speaker_after,
)
from model.attribution.mentions import classify
from model.attribution.phrases import SUBJECT_PRONOUNS, clause_noun_after, is_word
from model.attribution.quoted_as import quoted_as
from model.attribution.records import Found, Sentence
from model.attribution.role_words import POLLS
from model.attribution.sentence_subject import participle_after, sentence_subject
from model.lexicon import ATTRIBUTION, DENIAL_WORDS, GRAMMAR, SPEECH

_CONJ = GRAMMAR["conjunctions"]
_OPENERS = _CONJ | GRAMMAR["after_comma"]  # what opens a clause of its own after a comma
_NEST_WINDOW = 60  # tokens between two cues beyond which the second opens a new clause (and scans stay linear)
_ADDRESSED = frozenset({"tell"})  # cues whose object, the one addressed, belongs to a closing frame
_ADDRESSEES = GRAMMAR["addressees"]
_CLOSING_TAIL = 3  # words after a closing attribution's source: "..., Frankel said in a statement." frames all
_CIRCUMSTANCE_TAIL = 8  # words of a tail that only says where or when: "said in a joint statement on Friday."
_SAYING = ATTRIBUTION["closing_cues"] | {"tell", "confirm"}  # a frame's cue, or telling or confirming
_APPENDED = GRAMMAR["appended_openers"]
_CIRCUMSTANCE = GRAMMAR["circumstance_openers"] | GRAMMAR["time_adverbs"] | GRAMMAR["weekdays"]
_CLAUSE_MARKS = (";", "—", "–")
_QUOTES = frozenset({"“", "”", '"', "''", "``"})  # a quotation after a closing cue is its content, not a frame's tail
_CLOSING_QUOTES = ("”", '"', "''")  # American style closes a quotation after its comma: '... country," but'
_FRAME_SOURCE = 4  # words of a closing frame's source: ", state media reported"
_DECISIONS = ATTRIBUTION["decisions"]
_REPORTING = frozenset({"according to", "as reported by"})  # relays that report, unlike "complaints from"
_FINDING = DENIAL_WORDS["finding_verbs"]  # finding and giving verbs: "... inspected and found to be safe"
_NEGATIONS = frozenset({"not", "n't", "never"})  # a conjunction after these is an adverb: "could not yet say"


def nest(s: Sentence) -> None:
    """Stage "nesting": keep the attributions of their own among the cues found."""
    if s.candidates:
        s.found = keep(s.toks, s.candidates, s.low, whole=s.is_title)


def keep(toks: list[str], found: list[Found], low: list[str] | None = None, whole: bool = False) -> list[Found]:
    """Drop attributions nested in an earlier one's content; fold "According to X, she said" into a relay.
    ``whole``: a headline, or a claim sent alone to be checked, is not cut at a subordinator before a subject."""
    low = [t.lower() for t in toks] if low is None else low
    if len(found) > 1:
        found = _within_clause(found)
    out: list[Found] = []
    inside = {k for f in found if f.source and f.source[1] - f.source[0] > 1 for k in range(*f.source)}
    # Read only of another cue (a description ends before its own cue; weak is read of an earlier one): most
    # sentences hold one candidate and need neither
    several = len(found) > 1
    described = {k for f in found for k in _description(toks, f)} if several else frozenset()
    weak = {f.cue for f in found if f.doubt == "weak"} if several else frozenset()  # doubted, kept by the filter
    # The undoubted cues' subjects, read only by a doubted cue (most sentences keep none): not "... say they"
    subject = {k for f in found if f.source and not f.doubt and not f.source_after
               and low[f.source[1] - 1] not in SUBJECT_PRONOUNS for k in range(*f.source)} \
        if several and any(f.doubt for f in found) else frozenset()
    for f in found:
        if f.source and f.source[0] in inside and f.source[1] - f.source[0] == 1:
            continue  # "a source who asked not to be named told ...": the clause belongs to the larger mention
        if f.doubt and f.cue[0] in subject:
            continue  # "A call log from the emergency call centre ... shows": a doubted cue inside an undoubted
            # cue's subject is a word of that subject
        prev = out[-1] if out else None
        if f.cue[0] in inside and (f.participle or f.doubt == "gerund"):
            continue  # "Corvanian state television, citing security sources, reported": the phrase's own relay;
            # "former State policy planning director Anne-Marie Slaughter wrote": a gerund inside a name
        if f.kind != "relay" and f.cue[0] in described:
            continue  # "Paul Ostrander, a Democrat widely expected to run for governor, said": it describes him
        if f.participle and prev is not None and low[f.cue[0]] in _FINDING and low[f.cue[0] - 1] == "and":
            continue  # "said the track had been inspected and found to be safe": the content's own verb
        if f.participle:
            cited = speaker_after(toks, low, f.cue[1]) if f.lemma == "cite" else None
            if cited is not None and prev is not None and prev.kind == "relay" and not prev.via:
                relay = cast(tuple[int, int], prev.source)  # a relay always has one: ``sources.attach`` makes it so
                out[-1] = replace(prev, source=cited, via=(relay,))  # "according to the Gazette, citing two
                continue  # officials": the officials, via the Gazette
            frame = _closing_frame(low, f.cue[0]) if prev is None and f.lemma == "cite" else None
            if frame is not None:  # ", state media reported, citing ...": the frame the filter did not keep gives
                if cited is not None:  # no subject; who is cited speaks, via the frame's source, else no one
                    out.append(Found(f.cue, cited, f.lemma, f.kind, True, via=(frame,)))
                continue
            if f.lemma == "cite" and prev is not None and cited is None and cited_before_that(toks, low, f.cue[1]):
                continue  # "the Gazette reported, citing an evidence inventory, that ...": how the report knows
            subj = prev.source if prev is not None else sentence_subject(toks, low, 0, len(toks))
            if subj is not None and prev is None and subj[1] < len(toks) and low[subj[1]] == "of":
                subj = opening_subject(toks) or subj  # "The Bank of England raised ..., saying": the whole name
            if subj is None and low[f.cue[0]].endswith("ing"):
                subj = opening_subject(toks)  # "several environmental groups granted ..., saying ..."

            if subj and (prev is None or (prev.kind != "relay" and not prev.source_after)):
                resolved = prev.resolved if prev is not None and subj == prev.source else None  # "the company"
                out.append(Found(f.cue, subj, f.lemma, f.kind, False, participle=prev is not None, resolved=resolved))
            continue
        if prev is not None and prev.kind == "relay" and prev.cue[0] == 0 and f.source and not f.source_after \
                and f.source[0] <= cast(tuple[int, int], prev.source)[1] + 1 and not citing_relative(low, prev, f):
            assert prev.source is not None  # a relay always has its source, indexed just above
            if not (_poll(low, prev.source) and _respondents(toks, f.source)):  # "In a CNN poll, 38 percent said"
                out[-1] = Found(f.cue, f.source, f.lemma, f.kind, False, f.passive, f.resolved, via=(prev.source,))
            continue
        if prev is not None and f.kind == "relay" and f.source and prev.source is None and prev.passive \
                and f.cue[0] > prev.cue[0]:
            out[-1] = f  # "He is believed to have fled, according to investigators": they believe it
            continue
        if prev is not None and f.kind == "relay" and f.source and prev.source and f.cue[0] > prev.cue[0]:
            # "X said ..., according to the Sun": a relay of X; "55 percent said ..., according to a poll": the poll
            out[-1] = f if _reports_intent(low, prev, f) or (_poll(low, f.source) and _respondents(toks, prev.source)) \
                or prev.cue in weak else replace(prev, via=(*prev.via, f.source))  # "one of 214 clemency orders
            # Lamont signed, according to the records": a doubted noun-like cue, the records' report
            continue
        if prev is not None and prev.kind == "relay" and f.source and not f.source_after and f.source[0] < prev.cue[
                0] < f.source[1] and any(w in RELATIVES for w in low[f.source[0]:prev.cue[0]]):
            out[-1] = f  # "The Front, which came second according to official results, says": the relay is the
            continue  # relative clause's detail, inside the speaker's mention
        if prev is not None and (not f.exact or _crosses(prev, f)) and _nested(toks, low, prev, f, whole):
            continue  # (a claim denied in apposition, "..., a claim the militants denied", is its own)
        if f.source is None and prev is not None:
            continue
        out.append(Found(f.cue, f.source, f.lemma, f.kind, f.source_after, f.passive, f.resolved))
    return _outer_last(toks, fold_cited(toks, low, [quoted_as(toks, low, citing_inside(toks, low, f)) for f in out]))


def _description(toks: list[str], f: Found) -> range:
    """The tokens of one description of f's speaker between commas, when f's source ends with it just before
    ", said": "Paul Ostrander, a Democrat widely expected to run for governor, said", "Matt Bennett, a founder
    of the think tank Third Way, said" (empty when there is none)."""
    if f.source is None or f.source_after or f.source[1] + 1 != f.cue[0] or toks[f.source[1]] != ",":
        return range(0)
    commas = [k for k in range(*f.source) if toks[k] == ","]
    if len(commas) != 1 or commas[0] + 1 >= f.source[1] or toks[commas[0] + 1].lower() not in _DESCRIBING:
        return range(0)  # not "The young woman who escorted her, Ms. Kostrzewa recalled, asked"
    return range(commas[0] + 1, f.source[1])


_DESCRIBING = frozenset(("a", "an", "the", *RELATIVES))  # how a description of a speaker opens


def _reports_intent(low: list[str], prev: Found, f: Found) -> bool:
    """"X plans / has decided ..., according to people familiar with the matter": what X intends or decided is
    no speech of X's that the relay passes on; the relay's speakers are the source."""
    return (prev.kind == "belief" or prev.lemma in _DECISIONS) and f.lemma in _REPORTING and low[f.cue[0] - 1] == ","


def _within_clause(found: list[Found]) -> list[Found]:
    """Drop a doubted cue whose subject holds an undoubted cue: "Doctors dispute minister's claim that ...", a
    headline without articles, reads "claim" a verb with the subject "Doctors dispute minister's"; that subject
    ran past the clause of "dispute", whose own subject is the speaker."""
    verbs = {f.cue[0] for f in found if f.source and not f.doubt}
    return [f for f in found if not (f.doubt and f.source and not verbs.isdisjoint(range(*f.source)))]


def _poll(low: list[str], span: tuple[int, int]) -> bool:
    """The span names a poll or survey ("a Quinnipiac poll conducted in February"): what its respondents said
    is its finding, so it is the source, not a relay of them."""
    return not POLLS.isdisjoint(low[span[0]:span[1]])


def _respondents(toks: list[str], span: tuple[int, int]) -> bool:
    """The span names no one ("55 percent of voters", "Republicans", "who"): a poll's respondents, not a
    named speaker the poll is cited beside ("Mrs. Clinton has praised ..., according to exit polls")."""
    return classify(" ".join(toks[span[0]:span[1]])).kind not in ("named_person", "named_organization")


def _closing_frame(low: list[str], k: int) -> tuple[int, int] | None:
    """The source of the frame the participle at k closes, after the content (", state media reported, citing
    ..."): a cue and its comma before k, and a comma at most ``_FRAME_SOURCE`` words before that cue; else None."""
    if k < 4 or low[k - 1] != "," or low[k - 2] not in SPEECH:
        return None
    comma = next((j for j in range(k - 3, max(0, k - 3 - _FRAME_SOURCE) - 1, -1) if low[j] == ","), None)
    return (comma + 1, k - 2) if comma is not None and comma + 1 < k - 2 else None


def _outer_last(toks: list[str], out: list[Found]) -> list[Found]:
    """'He promised X, Frankel said.': an attribution closing the sentence after a comma frames all before it."""
    if len(out) < 2:
        return out
    last = out[-1]
    if last.participle:  # "..., the carmaker said on Tuesday, confirming a report": the frame before it
        framed = _outer_last(toks, out[:-1])
        return [*framed, last] if len(framed) == 1 else out
    if last.source is None or last.kind == "relay" or toks[last.source[0]].lower() in RELATIVES:
        return out  # "..., according to the Odessa American, who first reported it": the relay's own clause
    before = (last.cue[0] if last.source_after else last.source[0]) - 1  # '..., said Mr. Barrett, the lawyer ...'
    opener = min((v[0] for v in last.via), default=before + 1)
    if last.source_after and opener < last.cue[0]:  # "..., Bloomberg reported, citing people": the outlet opens it
        before = opener - 1
    end = max(last.cue[1], last.source[1])
    if last.lemma in _ADDRESSED and not last.source_after:  # "..., two officials told the Sardo Tribune on Monday."
        end = _addressee_end(toks, end)  # the one told is part of the frame
    comma = next((k for k in range(end, min(len(toks) - 1, end + _CIRCUMSTANCE_TAIL + 1)) if toks[k] == ","
                  and toks[k + 1].lower() in _APPENDED), None)  # "..., the military said, the latest in ..."
    tail = [t for t in toks[end:comma or participle_after(toks, end)] if is_word(t)]
    if before < _right(out[-2]) or any(t in _QUOTES for t in toks[end:]):
        return out  # "Carson admitted ..., but said ... and would release it"; '..., a man yelled "Stay there!"'
    if ";" in toks[_right(out[-2]):before]:
        return out  # "World leaders denounce N. Korea test; Obama, others vow consequences": two clauses
    if before >= 0 and toks[before] in (",", "”", '"', "''") and (
            len(tail) <= _CLOSING_TAIL or _circumstance(last, tail, toks[end:])):
        return [last]
    return out


def _circumstance(last: Found, tail: list[str], after: list[str]) -> bool:
    """A saying cue's tail that only says where or when ("..., the governments said in a joint statement on
    Friday."): no verb form in it ("will insist on being ..."), nothing after a colon."""
    return (last.lemma in _SAYING and len(tail) <= _CIRCUMSTANCE_TAIL and tail[0].lower() in _CIRCUMSTANCE
            and not any(w.endswith("ing") for w in tail) and ":" not in after)


def _addressee_end(toks: list[str], k: int) -> int:
    """End of who is told: a name ("the Sardo Tribune", "Reuters") or reporters; k itself when neither."""
    if k < len(toks) and toks[k].lower() in _ADDRESSEES:
        return k + 1
    j = start = k + (k + 1 < len(toks) and toks[k].lower() == "the")
    while j < len(toks) and toks[j][:1].isupper():
        j += 1
    return j if j > start else k


def _crosses(prev: Found, f: Found) -> bool:
    """f's source runs over prev's source and cue ("A memo seen by Nordwire shows that the department had
    reported"): f is inside prev's content, however exact its own cue."""
    return bool(f.source and prev.source and f.source[0] <= prev.source[0] and prev.cue[1] <= f.source[1])


def _left(f: Found) -> int:
    return min(f.cue[0], f.source[0]) if f.source and not f.participle else f.cue[0]


def _right(f: Found) -> int:
    return max(f.cue[1], f.source[1]) if f.source else f.cue[1]


def _nested(toks: list[str], low: list[str], prev: Found, f: Found, whole: bool = False) -> bool:
    """f sits inside prev's content: no clause boundary between them."""
    a, b = _right(prev), _left(f)
    if b < a:
        return True
    if not whole and f.source is not None and not f.source_after and f.source[0] > a \
            and low[f.source[0] - 1] in _OPENERS:
        return False  # "... when he refused to admit", "... because he said": the subject opens a clause of its own
    if b - a > _NEST_WINDOW:
        return False  # far apart: a new clause, and the scan stays linear on run-on text
    for p in range(a, b):
        if toks[p] in _CLAUSE_MARKS or (toks[p] in ("”", '"') and p + 1 < len(toks) and toks[p + 1] == ",") \
                or (toks[p] == "-" and p + 1 < len(toks) and toks[p + 1] == "-"):  # "--" is a dash
            return False
        if toks[p] == "," and p + 1 < len(toks) and (low[p + 1] in _OPENERS or p + 1 == b
                                                      or (b - p == 3 and clause_noun_after(toks, low, p))):
            return False  # (", a move critics said was ...": a noun set after the clause, then its own subject)
        if toks[p] == "," and p + 2 < len(toks) and toks[p + 1] in _CLOSING_QUOTES and low[p + 2] in _OPENERS:
            return False  # '"... our country," but he also noted': the comma inside the closing quote
    return True


def cuts(toks: list[str], found: list[Found]) -> list[int]:
    """Token index where each next attribution's part begins."""
    out = []
    for prev, f in itertools.pairwise(found):
        a, b = _right(prev), _left(f)
        cut = b
        for p in range(max(a, b - _NEST_WINDOW, 0), b):
            if toks[p] in (",", ";", "—", "–") or (toks[p] == "-" and toks[p - 1] == "-"):
                cut = p + 1
            elif toks[p].lower() in _OPENERS and (p == 0 or toks[p - 1].lower() not in _NEGATIONS):
                cut = p  # not "could not yet say": "yet" after a negation is an adverb
        out.append(cut if cut < len(toks) else b)
    return out
