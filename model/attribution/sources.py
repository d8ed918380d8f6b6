"""Where the source of a cue is: after a relay ("according to X"), after a passive's "by", after an inverted
cue ('“...,” said Trump'), the subject of a participle, or the subject before the cue (``subjects``)."""

from __future__ import annotations

from model.attribution.agents import names_a_document
from model.attribution.appositives import goes_on, relative_subject, with_appositive, with_tail
from model.attribution.auxiliaries import skip_back
from model.attribution.history import business_name
from model.attribution.phrases import (
    CLOSE,
    DETERMINERS,
    LONG_RELATIVE_CLAUSE,
    LY_NOUNS,
    MONTHS,
    OPEN,
    PEOPLE,
    RELATIVE,
    ROLE_HEADS,
    SUBJECT_PRONOUNS,
    WEEKDAYS,
    core_subject,
    is_cap,
    is_word,
    np_after,
    np_before,
)
from model.attribution.records import Found
from model.attribution.sentence_subject import closes_sentence, sentence_subject
from model.attribution.subjects import HUMAN_PLURALS, NAMING, plausible, subject
from model.denial import NEGATIONS
from model.lexicon import (
    ATTRIBUTION,
    BELIEF,
    BUSINESS_HEADS,
    COMMON_PLURALS,
    CONFIDENTIAL,
    GRAMMAR,
    GROUPS,
    INVERTED,
    OBJECT_VERBS,
    ORGANIZATIONS,
    PARTICIPLE_CUES,
    REFUSAL_WORDS,
    SPEECH,
    WEAK,
)

_COMPLEMENT, _AFTER_CUE_BOUNDARY = ATTRIBUTION["complement"], ATTRIBUTION["after_cue_boundary"]
_PARTICIPLES = ATTRIBUTION["passive_participles"]
IRREGULAR_PAST = ATTRIBUTION["weak_past"]
_DO_MODAL, _REDUCED_AFTER = GRAMMAR["do_modal"], ATTRIBUTION["reduced_after"]
_NAMING_A_NAME, _REFLEXIVES = ATTRIBUTION["naming_a_name"], GRAMMAR["reflexives"]
_IMPERSONAL = ATTRIBUTION["impersonal"]
WEAK_LEMMA = {f: (SPEECH.get(f) or BELIEF.get(f)) for f in WEAK}
_NAME_BEFORE_PARTICIPLE = 6  # capitalised words of a name before a speech participle: "Hillary Clinton asking"
_MESSAGES, _MESSAGE_VERBS = ATTRIBUTION["messages"], ATTRIBUTION["message_verbs"]
_INTERROGATED = ATTRIBUTION["interrogated"]
_CHARGED_WITH = {verb: frozenset(preps.split()) for verb, preps in ATTRIBUTION.pairs("charged_with_pairs").items()}
_CHARGING_PREPS = frozenset().union(*_CHARGED_WITH.values())  # asked first: most cues have none after them
_OBJECT_REACH = 4  # tokens from "questioning" to its object's head: "the ship's captain"
_POSSESSIVE = ("'s", "’s")
_CLOSE = frozenset(("close", "loyal", "allied", "familiar"))  # "a person close to the talks": the person is the head
_QUOTED_AS = frozenset(("quoted as saying", "quoted as telling"))  # cue phrases whose passive names the speaker
_CLOSING = ATTRIBUTION["closing_cues"]  # the cues of a closing "..., it said."
_BODY_REACH = 4  # tokens of "The <modifiers> <body>" opening such a sentence: "The state oil company"
_BODY_HEADS = ORGANIZATIONS  # what "it" may be: "the company", "the ministry", "the bank" (not "the average weekly")
_NOT_OPENING = GRAMMAR["object_position"] | GRAMMAR["np_prepositions"] | GRAMMAR["loose_prepositions"]
_REQUESTS = REFUSAL_WORDS["requests"]  # "calls", "messages": what a request for comment is made by
_RETURNING = REFUSAL_WORDS["returning"] | REFUSAL_WORDS["answering"]
_ASKING = frozenset({"seek", "request", "ask"})  # the cue lemmas of "calls seeking comment"
_NEGATED = GRAMMAR["auxiliaries"] | NEGATIONS | {"yet"}  # "did not", "has not yet", "had never"
_OPENS_MENTION = GRAMMAR["articles"]  # a second one inside a phrase opens a second mention
_TAIL_OPENERS = frozenset(("in", "at", "on", "with", "from", "for", "of", "to"))  # after a speaker's head
_QUOTES = CLOSE | OPEN  # a quotation's marks, either way round
_COMMA_REACH = 5  # lower-case words between a comma and a name: "..., the news site RTL Info reported."


def attach(toks: list[str], low: list[str], i: int, b: int, lemma: str, kind: str, lo: int, hi: int) -> Found | None:
    """The attribution a cue at [i, b) makes, or None when it points at no source and is no passive cue."""
    if kind == "relay":
        src = np_after(toks, low, b, hi)
        return Found((i, b), src, lemma, kind, True) if src else None
    if lemma == "question" and interrogation(toks, low, b, hi):
        return None
    if charged(low, b - 1, b):
        return None
    j, passive = skip_back(toks, low, i, lo)
    passive = passive and lemma not in _QUOTED_AS  # "Berg was quoted as saying": Berg speaks
    if passive and (low[i] in _PARTICIPLES or low[i].endswith("ed")):
        src = np_after(toks, low, b + 1, hi) if b < hi and low[b] == "by" else None
        return Found((i, b), src, lemma, kind, True, passive=True) if (src or low[i] in _IMPERSONAL) else None
    if low[i] in INVERTED and ((j < lo and i == lo) or (j >= lo and (_after_quote(toks, j) or toks[j] == ","))):
        src = np_after(toks, low, b, hi)  # '“...,” said Trump', '..., said one GOP source.', 'Said Ellis: ...'
        src = src and with_tail(toks, low, src, hi)  # "said one GOP source in the room."
        plain = j >= lo and not _after_quote(toks, j)
        if src and not _inverted_ok(toks, low, src, hi, plain):  # a long relative clause may close the sentence
            src = np_after(toks, low, b, hi, LONG_RELATIVE_CLAUSE)
        if src and _inverted_ok(toks, low, src, hi, plain):
            apposed = with_appositive(toks, low, src, hi)
            if not (plain and goes_on(low, src, apposed[1], hi) and relative_subject(toks, low, lo, j)):
                return Found((i, b), apposed, lemma, kind, True)
    if low[i].endswith("ing") and not passive:
        if j >= lo and toks[j] == "," and low[i] in PARTICIPLE_CUES and (b >= hi or low[b] != "to"):
            return Found((i, b), None, lemma, kind, False, participle=True)  # "..., saying": the subject speaks
        if j >= lo and j == i - 1 and is_cap(toks[j]) and low[i] in PARTICIPLE_CUES and j > lo:
            r = j  # "footage of Hillary Clinton asking, ...", "with former Gov. Martin O'Malley calling Trump ..."
            while r > lo and j - r < _NAME_BEFORE_PARTICIPLE and (is_cap(toks[r - 1]) or toks[r - 1] == "."):
                r -= 1
            r -= r > lo and low[r - 1] in ("former", "ex", "the")
            if low[j] not in GROUPS and toks[r] != ".":
                return Found((i, b), (r, j + 1), lemma, kind, False)
        j -= _governing_verb(toks, low, j, lo)  # "Trump avoids condemning": the subject of "avoids"
        src = subject(toks, low, i, j, lo)[0] if j >= lo and toks[j] not in (",", "—", "–") else None
        src = _writer(toks, low, src, lo) or src
        if src and low[src[1] - 1] in _REQUESTS and lemma in _ASKING:
            return _unanswered(toks, low, Found((i, b), src, lemma, kind, False, doubt="gerund"))  # "calls seeking"
        named = b < hi and low[b] in _REFLEXIVES  # "with 30 percent saying"; "a group calling itself X" names it
        return Found((i, b), src, lemma, kind, False, doubt="gerund") if src and not named else None
    if j >= lo and low[j] in ("and", "but") and kind != "belief":
        return Found((i, b), None, lemma, kind, False, participle=True)  # "X criticized Y and said ...": X speaks
    src, resolved = subject(toks, low, i, j, lo)
    if src is None or _gives_a_name(toks, low, i, b, hi, src):
        return None
    doubt = _doubt(toks, low, i, b, (lo, hi), src)
    if not plausible(toks, low, i, src):
        core = core_subject(toks, low, src)  # "... Korea and nuclear experts said": the last words may do
        if core is not None and plausible(toks, low, i, core):
            src = core
        else:
            doubt = doubt or "subject"
    closing = lemma in _CLOSING and closes_sentence(toks, low, b, hi)  # "..., it said on Tuesday."
    resolved = resolved or (_closing_it(toks, low, src, lo) if closing else None)
    return Found((i, b), src, lemma, kind, False, resolved=resolved, doubt=doubt)


def charged(low: list[str], i: int, b: int) -> bool:
    """"Former mayor charged with taking bribes": a passive without its "was"; the one charged says nothing."""
    return b < len(low) and low[b] in _CHARGING_PREPS and low[b] in _CHARGED_WITH.get(SPEECH.get(low[i], ""), ())


def _closing_it(toks: list[str], low: list[str], src: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """"Velmar expects sales to fall, it said.": a closing "it" is the body the sentence opens with (which the
    history may never have held as a speaker); so is "the company" when that name is a business's."""
    described = low[src[0]] == "the" and 2 <= src[1] - src[0] <= 3 and low[src[1] - 1] in BUSINESS_HEADS
    if not (described or (src[1] - src[0] == 1 and low[src[0]] == "it")) or src[0] - 1 <= lo or toks[src[0] - 1] != ",":
        return None
    subj = sentence_subject(toks, low, lo, src[0] - 1)  # a name before its verb, not "Safes in the Apple Stores"
    if described:
        return subj if subj is not None and business_name(toks[subj[0]:subj[1]]) else None
    if subj is None and low[lo] == "the":  # "The company now expects ..., it said": a body's description
        subj = next(((lo, k + 1) for k in range(lo + 1, min(lo + _BODY_REACH, src[0])) if low[k] in _BODY_HEADS
                     and toks[k].islower() and k + 1 < src[0] and toks[k + 1].islower()), None)
    return subj if subj is not None and low[subj[1]] not in _NOT_OPENING else None


def interrogation(toks: list[str], low: list[str], b: int, hi: int) -> bool:
    """"questioning the ship's captain": a person as the object (``[interrogated]``); not "the captain's account"."""
    k = b
    while k < min(hi, b + _OBJECT_REACH) and (low[k] in DETERMINERS or low[k].endswith(_POSSESSIVE)):
        k += 1  # "the", "the ship's"
    return k < hi and low[k] in _INTERROGATED and (k + 1 >= hi or low[k + 1] not in _POSSESSIVE)


def _writer(toks: list[str], low: list[str], src: tuple[int, int] | None, lo: int) -> tuple[int, int] | None:
    """"The minister sent an email arguing ...": a message a verb's object is speaks for that verb's subject."""
    if src is None or low[src[1] - 1] not in _MESSAGES or low[src[0]] not in ("a", "an") or src[0] - 1 <= lo:
        return None
    verb = src[0] - 1
    if low[verb] not in _MESSAGE_VERBS:
        return None
    return subject(toks, low, verb, verb - 1, lo)[0]


def _gives_a_name(toks: list[str], low: list[str], i: int, b: int, hi: int, src: tuple[int, int]) -> bool:
    """"A spokesman named John Smith": a participle that names the noun before it, not a cue."""
    return low[i] in _NAMING_A_NAME and low[src[0]] in ("a", "an") and b < hi and is_cap(toks[b])


def _doubt(toks: list[str], low: list[str], i: int, b: int, bounds: tuple[int, int], src: tuple[int, int]) -> str:
    """The first rule that says a cue and its subject make no attribution, or "" (the filter weighs it)."""
    lo, hi = bounds
    if src[0] - 1 >= lo and low[src[0] - 1] in ("if", "whether") and not (src[0] >= 2 and low[src[0] - 2] == "even"):
        return "question"  # "asked if he thought": a question, not an attribution ("even if they resented" is one)
    if low[i] not in WEAK:
        return ""  # the two rules below are about weak cues alone
    if not _weak_ok(toks, low, b, hi, src, low[i]):
        return "weak"
    reduced = low[src[0]] in ("a", "an") or (src[1] == i and b + 1 < hi and low[b] == "by"  # "Figures released by"
                                              and not low[b + 1].endswith("ing"))  # not "countered by calling"
    if reduced and (low[i] in NAMING or (b < hi and low[b] in _REDUCED_AFTER)) and (
            low[i].endswith("ed") or low[i] in NAMING):
        return "modifier"  # "a report released in September", "a company called Cambridge Analytica"
    return ""


def _governing_verb(toks: list[str], low: list[str], j: int, lo: int) -> bool:
    """The word before a gerund is a verb governing it ("Trump avoids condemning"), not a plural noun."""
    w = low[j] if j >= lo else ""
    if not (j - 1 >= lo and len(w) > 3 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and toks[j][:1].islower()):
        return False  # not "as", nor a contraction: "that she's saying"
    if w in COMMON_PLURALS or w in PEOPLE or w[:-1] in ROLE_HEADS:
        return False
    if low[j - 1] in SUBJECT_PRONOUNS:
        return True
    k = j - 1
    while k > lo and is_cap(toks[k - 1]):
        k -= 1
    opens = k == lo or not is_word(toks[k - 1]) or low[k - 1] in ("and", "but", "that")  # not "mostly Hindu ascetics"
    return is_cap(toks[j - 1]) and low[j - 1] not in DETERMINERS and opens


def _weak_ok(toks: list[str], low: list[str], b: int, hi: int, src: tuple[int, int], form: str) -> bool:
    """A weak cue counts with a complement after it ("found that"), or as an object verb after a name or pronoun."""
    nxt = low[b] if b < hi else ""
    if b >= 2 and low[b - 2] in ("be", "to"):
        return False  # "who asked not to be identified", "wants to know": no finite verb of the subject
    if src[0] > 0 and low[src[0] - 1] == "as" and nxt in (",", ".", "", "in", "on", "last", "this", "earlier"):
        return True  # a comment clause: "as The Washington Post reported,", "as one adviser pointed out,"
    if nxt in (".", "", ",") and _after_comma(toks, src[0]):  # "..., security sources have revealed."
        return True
    if nxt == "," and b + 1 < hi and toks[b + 1] in OPEN:  # 'She continued, “For us ...'
        return True
    if nxt in _COMPLEMENT or (src[0] > 0 and toks[src[0] - 1] in _QUOTES) or (
            src[0] > 1 and toks[src[0] - 1] == "," and toks[src[0] - 2] in CLOSE):
        return True  # a complement follows, or a quotation precedes ('“...,” Ramos wrote.', '“...”, Ramos wrote')
    end = next((k for k in range(src[0] + 1, src[1]) if toks[k] in (",", "(", "—") or low[k] in RELATIVE), src[1])
    head, h = toks[end - 1], low[end - 1]  # "The Europeans, who had been cut out of the talks, derided"
    opener = low[src[0]] in ("the", "a", "an", "his", "her", "its", "their") or is_cap(toks[src[0]])
    # "the mayor called", "the Obama administration announced", "some analysts questioned"
    named = h in SUBJECT_PRONOUNS or (is_cap(head) and h not in GROUPS) or (opener and h in ROLE_HEADS) or h in PEOPLE
    named = named or (low[src[0]] in DETERMINERS and h.endswith(HUMAN_PLURALS))  # "two Democratic speechwriters"
    # A document finds, shows, lists what it reports ("A report commissioned by the government found high levels
    # of copper", "Court filings name two partners"); people and police find things ("Police found the body").
    documentary = names_a_document(low, src)
    plural = h in ("they", "we", "i", "you") or (h.endswith("s") and not h.endswith("ss"))
    plural = plural or (b - 2 >= 0 and low[b - 2] in _DO_MODAL)  # "did not respond", "would call": base is finite
    finite = form in OBJECT_VERBS or form.endswith(("ed", "s", "ing")) or form in IRREGULAR_PAST
    finite = finite or (plural and WEAK_LEMMA.get(form) == form)  # "Some Democrats question", "critics would call"
    finding = documentary and (finite or form == "found" or WEAK_LEMMA.get(form) == form)  # "filings ... name"
    return ((named and finite) or finding) and (is_word(nxt) or nxt in ("“", '"', "''"))


def _after_comma(toks: list[str], a: int) -> bool:
    """A comma before the phrase at a, or before the words leading to its name ('..., the news site RTL Info')."""
    k = a - 1
    while k > 0 and a - k < _COMMA_REACH and toks[k][:1].islower() and is_word(toks[k]):
        k -= 1
    return k >= 0 and toks[k] == ","


def _inverted_ok(toks: list[str], low: list[str], src: tuple[int, int], hi: int, plain: bool) -> bool:
    """A name after an inverted cue: opens like a mention, is no date, and ends the clause there ('..., said
    Clinton reached out' is no inversion)."""
    first, nxt = low[src[0]], low[src[1]] if src[1] < hi else ""
    named = is_cap(toks[src[1] - 1]) and toks[src[0]].isalpha() and first not in _NOT_OPENING  # "said former
    # Obama adviser David Axelrod", not "said of Cruz", "said in his office overlooking Biscayne Bay"
    if not (is_cap(toks[src[0]]) or first in DETERMINERS or (first in SUBJECT_PRONOUNS and not plain) or named):
        return False
    if first in WEEKDAYS or first in MONTHS or first in ("today", "yesterday", "tonight", "this", "last"):
        return False
    if plain:  # the phrase must look like a speaker: a name, or a person noun ("one GOP source")
        h = next((k for k in range(src[0] + 1, src[1]) if low[k] in _TAIL_OPENERS), src[1]) - 1  # before a tail
        h -= h > src[0] and low[h] in _CLOSE  # "a person close to the talks"
        if not _OPENS_MENTION.isdisjoint(low[src[0] + 1:h]):
            return False  # "Baker, who lives nearby, said the blast shook his house": a clause, no one mention
        h = _partitive_head(low, src, h)  # "one of the officials"
        speaker = is_cap(toks[h]) or low[h] in PEOPLE or low[h] in ROLE_HEADS or low[h] in CONFIDENTIAL
        return speaker and nxt in ("", ".", ",", "(", ":", ";", "—")
    return src[1] >= hi or nxt in _AFTER_CUE_BOUNDARY


def _partitive_head(low: list[str], src: tuple[int, int], h: int) -> int:
    """The head of "one of the officials", "two of the people familiar with ...": the noun after "of"."""
    if h != src[0] or low[h] not in DETERMINERS or h + 1 >= src[1] or low[h + 1] != "of":
        return h
    k = h + 2 + (h + 2 < src[1] and low[h + 2] in DETERMINERS)
    while k + 1 < src[1] and low[k + 1] not in _TAIL_OPENERS and low[k + 1] not in _CLOSE:
        k += 1
    return k


def _after_quote(toks: list[str], j: int) -> bool:
    """The cue follows a quotation ("...,” said", "...,\" said"): the place of an inverted attribution."""
    return toks[j] in CLOSE or toks[j] in OPEN or (toks[j] == "," and j > 0 and (toks[j - 1] in CLOSE))


def _unanswered(toks: list[str], low: list[str], f: Found) -> Found:
    """"The company did not return calls seeking comment": the company's refusal, with the negated "return" or
    "answer" as its cue (the refusal rules read it as declining). Anything else ("The question seeks") stays."""
    assert f.source is not None  # its one caller builds f with the source it has just tested
    verb = f.source[0] if low[f.source[0]] in _RETURNING else f.source[0] - 1
    if verb < 1 or low[verb] not in _RETURNING:
        return f
    k = verb - 1
    while k >= 0 and (low[k] in _NEGATED or (low[k].endswith("ly") and low[k] not in LY_NOUNS)):
        k -= 1  # "did not immediately", "has not yet"
    subject = np_before(toks, low, k, 0) if k < verb - 1 else None
    return Found((verb, verb + 1), subject, "return", "speech", False) if subject else f
