"""Attributions without a reporting verb: a speaker's public act or stance opening a sentence.

PolNeAR counts almost any public act of a person or group as an attribution, with the verb as the cue:
"Trump unleashed a flurry of tweets", "The Trump campaign did not immediately respond", "Clinton aides were
coy about ...", "Republicans weren't too concerned about ...". Used only where a sentence has no cue from the
lexicon: the subject must open the sentence (or its clause after an opening phrase) and look like a speaker
(a pronoun, a name, or a person or group noun), and the verb must be finite.
"""

from __future__ import annotations

from operator import attrgetter

from model.attribution.cues import before_movement
from model.attribution.phrases import DETERMINERS, OPENING_NON_SUBJECTS, SKIP, STOP, is_cap, is_word, personish
from model.attribution.records import QUOTED, Found, Sentence
from model.attribution.sources import charged, interrogation
from model.attribution.subjects import HUMAN_PLURALS, subject
from model.lexicon import ATTRIBUTION, BELIEF, CONFIDENTIAL, DENIAL, GRAMMAR, SPEECH, words
from model.text import after_dateline
from model.types import Span

STANCE_ADJECTIVES = words("stance_adjectives.txt")
STANCE_NOUNS = words("stance_nouns.txt")
_BE = GRAMMAR["be_acts"]
_HAVE = GRAMMAR["have_acts"]
_DO = GRAMMAR["do_acts"]
_AUX = _BE | _HAVE | _DO
_SENTENCE_AUX = GRAMMAR["auxiliaries"]
_DEGREE = GRAMMAR["degree"]
_SPEAKER_PRONOUNS = GRAMMAR["speaker_pronouns"]
_IN_SUBJECT = ATTRIBUTION["subject_joiners"]
_SCAN = 16  # tokens from the clause start within which the verb must come
_AUX_GAP = 5  # adverbs and degree words between an auxiliary and its verb: "did not immediately respond"
_EXPERIENCER = 8  # tokens of the people a feeling verb's object names: "That worries many environmentalists."
_POSSESSOR_GAP = 2  # tokens from a possessor to its stance noun: "his infamous comment"
_OPENING = 15  # tokens of an opening phrase before its comma
_DOUBT = attrgetter("doubt")  # a candidate's doubt ("" when the rules accept it)
_CLAUSE_BREAKS = frozenset(("“", '"', "''", ";", ":", "—", "?"))  # no act's verb after these in the scan
_SHORTEST_VERB = 3  # letters: an open-class act verb is longer ("uses", "hated"), which keeps "its", "has" out


def propose(s: Sentence) -> None:
    """Stage "proposals": the act opening a sentence outside a quotation and without a cue the rules accept, for
    the filter to weigh before "acts" falls back on it. What the rules accept comes first; failing that, any
    finite verb after a speaker ("Environmentalists hated it.", "The email includes ..."), doubted: the filter
    learns which verbs PolNeAR counts as acts."""
    if not s.found and s.quote_share < QUOTED and all(map(_DOUBT, s.candidates)):
        lo = _clause_start(s.toks, s.low)  # once for both searches
        s.acts = rule_acts(s, lo) or [Found(cue, src, lemma, "speech", False, doubt="act") for cue, src, lemma in
                                      subject_acts(s.toks, s.low, s.in_quote, open_class=True, lo=lo)]


def stage(s: Sentence) -> None:
    """Stage "acts": with no cue kept outside a quotation, the act proposed for the sentence (if the filter kept
    it), or the rules' act where none was proposed (a cue they accepted was dropped later)."""
    if not s.found and s.quote_share < QUOTED:
        s.found = s.acts if s.acts is not None else rule_acts(s)


def rule_acts(s: Sentence, lo: int | None = None) -> list[Found]:
    """The act the rules accept: a pronoun's past-tense verb, a subject's cue verb, a feeling, a stance noun
    (``lo``: the clause start, when the caller has it)."""
    return pronoun_acts(s.toks, s.in_quote, s.low) or [
        Found(cue, src, lemma, "speech", False) for cue, src, lemma in fallback(s.toks, s.low, s.in_quote, lo)]


def pronoun_acts(toks: list[str], in_quote: list[bool], low: list[str]) -> list[Found]:
    """'He questioned the integrity of ...': a speaker already in focus, opening a sentence with a past-tense
    verb, takes a public stance; PolNeAR counts it as an attribution with the verb as the cue."""
    first = 1 if low and low[0] in ("and", "but") else 0  # "And he sponsored ..."
    if len(low) <= first or low[first] not in ("he", "she"):
        return []
    v = first + 1
    while v < len(toks) and ((low[v] in SKIP and low[v] not in _SENTENCE_AUX) or toks[v] == ","):
        v += 1
    if v >= len(toks) or in_quote[v] or low[v] in _SENTENCE_AUX or not toks[v][:1].islower() \
            or not low[v].endswith("ed"):
        return []
    return [Found((v, v + 1), (first, first + 1), low[v], "speech", False)]


Acts = list[tuple[tuple[int, int], tuple[int, int], str]]


def fallback(toks: list[str], low: list[str], in_quote: list[bool], lo: int | None = None) -> Acts:
    """(cue, source, lemma) of the one attribution a sentence without a lexicon cue makes, or []."""
    return subject_acts(toks, low, in_quote, lo=lo) or experiencer(toks, low) or possessive_stance(toks, low, in_quote)


def subject_acts(toks: list[str], low: list[str], in_quote: list[bool], open_class: bool = False,
                 lo: int | None = None) -> Acts:
    """The act opening the sentence: "Trump unleashed ...", "Clinton aides were coy about ..."; any finite
    verb rather than a cue verb when ``open_class``. ``lo``: the clause start, when the caller has it."""
    lo = _clause_start(toks, low) if lo is None else lo
    if lo < 0:
        return []
    aux = _PRONOUN_AUX.get(low[lo])  # the auxiliary a fused pronoun carries ("is" for "he’s")
    if aux:  # "He’s claiming that ...", "She’ll present her proposals"
        cue = _verb_group(toks, [*low[:lo], aux, *low[lo + 1:]], lo, in_quote, open_class)
        return [((lo + 1, cue[1]), (lo, lo + 1), low[cue[1] - 1])] if cue and cue[1] > lo + 1 else []
    for v in range(lo + 1, min(len(toks), lo + _SCAN)):
        if in_quote[v] or toks[v] in _CLAUSE_BREAKS:
            return []
        w = low[v]
        if not toks[v][:1].islower() or (w in SKIP and w not in _AUX):
            continue
        if w in STOP and w not in _AUX and w not in _IN_SUBJECT:
            return []
        if not open_class and w not in _VERB_STARTS:
            continue  # no cue verb group starts here: most words are neither an auxiliary nor a cue verb
        cue = _verb_group(toks, low, v, in_quote, open_class)
        if cue is None:
            continue
        if before_movement(low, cue[1]):
            return []  # "Brannock shares rose": a noun, and a market's move, no act
        if low[cue[1] - 1].startswith("question") and interrogation(toks, low, cue[1], len(toks)):
            return []  # "Detectives questioned the driver for six hours"
        if charged(low, cue[1] - 1, cue[1]):
            return []  # "Former mayor charged with taking bribes"
        src = _speaker(toks, low, v, lo)
        return [(cue, src, low[cue[1] - 1])] if src else []
    return []


def experiencer(toks: list[str], low: list[str]) -> Acts:
    """'That worries environmentalists.': the people a feeling verb's object names hold the stance."""
    if len(toks) < 3 or low[0] not in ("that", "this", "it", "which") or low[1] not in _FEELING:
        return []
    end = 2
    while end < len(toks) and end < _EXPERIENCER and is_word(toks[end]) and low[end] not in STOP:
        end += 1
    person = personish(low[end - 1]) or low[end - 1].endswith(HUMAN_PLURALS)
    return [((1, 2), (2, end), low[1])] if end > 2 and person else []


_FEELING = ATTRIBUTION["feeling"]


def possessive_stance(toks: list[str], low: list[str], in_quote: list[bool]) -> Acts:
    """"his infamous comment about ...", "Trump's claim that ...": the possessor of a stance noun is the source."""
    if STANCE_NOUNS.isdisjoint(low):
        return []
    for k, w in enumerate(low[:-1]):
        if in_quote[k] or not (w in _POSSESSORS or (w.endswith(("’s", "'s")) and is_cap(toks[k]))):
            continue
        for n in range(k + 1, k + 1 + _POSSESSOR_GAP):
            if n < len(low) and low[n] in STANCE_NOUNS and not in_quote[n]:
                return [((n, n + 1), (k, k + 1), low[n])]
            if n < len(low) and not (toks[n][:1].islower() and is_word(toks[n])):
                break
    return []


_POSSESSORS = GRAMMAR["possessors"]


def pronoun_part(span: Span) -> Span:
    """'He’s claiming': a pronoun fused with its auxiliary speaks as the pronoun alone."""
    if "’" not in span.text and "'" not in span.text:
        return span  # no apostrophe, no auxiliary: no lower-cased copy made for most sources
    low = span.text.lower().replace("'", "’")
    if low not in _PRONOUN_AUX:
        return span
    n = low.index("’")
    return Span(span.text[:n], span.start, span.start + n)


# The auxiliary each fused pronoun carries, keyed by both apostrophes ("he’s" and "he's": "is").
_PRONOUN_AUX = {f"{p}{mark}{a}": aux for p in ("he", "she", "they", "we", "it") for mark in ("’", "'") for a, aux in
                (("s", "is"), ("re", "are"), ("ll", "will"), ("ve", "have"), ("d", "would"))}


def _clause_start(toks: list[str], low: list[str]) -> int:
    """Where the subject may begin: after "And"/"But", and after an opening phrase ("In an interview, ...")."""
    lo = 1 if low and low[0] in ("and", "but") else after_dateline(toks)
    if low[lo:lo + 2] in (["at", "least"], ["at", "most"]):
        return lo + 2 if lo + 2 < len(toks) - 2 else -1  # "At least one Democrat wasn't ..."
    if lo < len(low) and low[lo] in OPENING_NON_SUBJECTS:
        k = lo
        while k < len(toks) and k - lo < _OPENING and toks[k] != ",":
            k += 1
        return k + 1 if k < len(toks) - 2 and toks[k] == "," else -1
    return lo if lo < len(toks) - 2 else -1


def _verb_group(toks: list[str], low: list[str], v: int, in_quote: list[bool],
                open_class: bool = False) -> tuple[int, int] | None:
    """Token range of a finite verb group at v: "unleashed", "is calling", "did not respond", "were coy" (any
    verb or adjective rather than a cue verb or stance adjective when ``open_class``)."""
    w = low[v]
    if w in _AUX:
        m = v + 1
        while m < len(toks) and m - v < _AUX_GAP and (low[m] in SKIP or low[m] in _DEGREE):
            m += 1
        if m >= len(toks) or in_quote[m] or not toks[m][:1].islower() or low[m] in STOP:
            return None
        main = low[m]
        if w in _BE and main == "on" and m + 1 < len(toks) and low[m + 1] == "board":
            return (v, m + 2)  # "wasn't quite as on board with"
        if (w in _BE and (main in STANCE_ADJECTIVES or (open_class and main not in DETERMINERS))) or (
                (main in _CUES or open_class) and _finite_after(w, main) and "been" not in low[v:m]):
            return (v, m + 1)
        return None
    if (w in _CUES or (open_class and len(w) > _SHORTEST_VERB and not personish(w))) and (
            w.endswith("ed") or w in _IRREGULAR or (w.endswith("s") and not w.endswith("ss"))) \
            and not (v + 1 < len(low) and low[v + 1] == "by"):
        return (v, v + 1)
    return None


def _finite_after(aux: str, main: str) -> bool:
    """'is calling', 'has criticized', 'did not respond': the form the auxiliary takes."""
    if aux in _BE:
        return main.endswith("ing")
    if aux in _HAVE:
        return main.endswith("ed") or main in _IRREGULAR
    return not main.endswith(("ed", "ing", "s"))


# Cue verbs that, as a bare act opening a sentence, are mostly not attributions in PolNeAR train
# ("Obama spoke at a memorial", "the campaign raised $26 million", "the town issued a permit").
_WEAK_ACTS = ATTRIBUTION["weak_acts"]
_CUES = (frozenset(SPEECH) | frozenset(BELIEF) | frozenset(DENIAL)) - _WEAK_ACTS
_IRREGULAR = ATTRIBUTION["irregular"]
_VERB_STARTS = _AUX | _CUES  # the words a verb group opens with, outside ``open_class``


def _speaker(toks: list[str], low: list[str], v: int, lo: int) -> tuple[int, int] | None:
    """The subject phrase before the verb at v, opening the clause at lo and looking like a speaker."""
    j = v - 1
    while j > lo and low[j] in SKIP and low[j] not in _AUX:
        j -= 1
    src, _ = subject(toks, low, v, j, lo, acts=True)
    if src is None or src[0] != lo:
        return None
    end = _head_end(toks, low, src)
    first, head = low[src[0]], low[end - 1]
    if src[1] - src[0] == 1 and first in _SPEAKER_PRONOUNS:
        return src
    if head.endswith(("'s", "’s")):
        return None
    person = personish(head) or head in CONFIDENTIAL
    named = any(is_cap(toks[k]) for k in range(src[0], end) if k > src[0] or first not in
                ("the", "a", "an"))
    return src if person or (named and is_cap(toks[end - 1])) else None


def _head_end(toks: list[str], low: list[str], src: tuple[int, int]) -> int:
    """End of the phrase's head: before a comma, bracket, relative pronoun or prepositional tail."""
    for k in range(src[0] + 1, src[1]):
        if toks[k] in _HEAD_BREAKS or low[k] in _HEAD_TAILS:
            return k
    return src[1]


_HEAD_BREAKS = frozenset((",", "(", "—"))
_HEAD_TAILS = frozenset(("who", "whose", "which", "of", "for", "from", "at", "in", "with"))  # a relative or a tail


_PAST = ATTRIBUTION["past_acts"]


def opening_subject(toks: list[str]) -> tuple[int, int] | None:
    """The speaker phrase opening the sentence before its first verb ("several environmental groups granted
    ..., saying ..."): the subject a participle cue refers to when no name opens the sentence."""
    low = [t.lower() for t in toks]
    lo = _clause_start(toks, low)
    if lo < 0:
        return None
    for v in range(lo + 1, min(len(toks), lo + _SCAN)):
        if not toks[v][:1].islower():
            if toks[v] in (",", ";", ":", "“", '"'):
                return None
            continue
        if low[v] in _AUX or low[v] in _CUES or low[v] in _PAST or (low[v].endswith("ed") and len(low[v]) > 4):
            return _speaker(toks, low, v, lo)
        if low[v] in STOP:
            return None
    return None
