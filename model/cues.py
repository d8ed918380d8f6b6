"""Per sentence: the attribution cues and the source mention each one points at, by token scanning.

No parser: a cue is a word (or phrase) from the lexicon outside quotation marks, and its source is the
noun phrase found by walking from the cue over a small grammar of what may stand in a subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.lexicon import (
    BELIEF,
    CONFIDENTIAL,
    CUE_PHRASES,
    DENIAL,
    GROUPS,
    INVERTED,
    OBJECT_VERBS,
    ORGANIZATIONS,
    PARTICIPLE_CUES,
    PERSON_ROLES,
    SPEECH,
    WEAK,
)
from model.phrases import (
    CLOSE,
    DETERMINERS,
    LY_NOUNS,
    MONTHS,
    OPEN,
    PEOPLE,
    RELATIVE,
    SKIP,
    STOP,
    SUBJECT_PRONOUNS,
    WEEKDAYS,
    core_subject,
    is_cap,
    is_word,
    np_after,
    np_before,
)

# Verbs that may come before their subject after a quotation ("“...,” said Trump").
_INVERTIBLE = INVERTED
# Weak verbs that take an object ("Trump called Clinton a liar"): fine after a name or a pronoun.
_OBJECT_VERBS = OBJECT_VERBS
_COMPLEMENT = frozenset({"that", "to", ":", "“", '"', "''", "whether", "if", "how", "why", "what", "in", "on"})
_AFTER_CUE_BOUNDARY = frozenset({",", ".", ";", ":", "!", "?", "—", "–", "(", ")", "”", '"', "in", "on", "at",
                                 "during", "after", "before", "when", "as", "while", "and", "but", "to", "that",
                                 "last", "this", "yesterday", "today", "earlier", "later", "about", "of"})
_PARTICIPLES = frozenset({"told", "said", "thought", "known", "seen", "shown", "found", "written", "felt", "sought",
                          "believed", "expected", "reported", "asked", "considered", "called", "quoted", "informed"})
_BE_NOT = frozenset({"isn't", "wasn't", "aren't", "weren't"})
_BE = frozenset({"is", "was", "are", "were", "been", "be", "being"})
_PHRASES: dict[str, list[tuple[str, ...]]] = {}
for _p in CUE_PHRASES:
    _ws = tuple(_p.split())
    _PHRASES.setdefault(_ws[0], []).append(_ws)
_SOURCE_AFTER_PHRASES = frozenset({("according", "to"), ("in", "the", "words", "of"), ("as", "reported", "by")}) | {
    tuple(p.split()) for p in CUE_PHRASES if p.endswith((" of", " from")) and p != "in the words of"}


@dataclass(frozen=True)
class Found:
    """One attribution in a sentence: token ranges [a, b) of cue and source; source may be absent."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    lemma: str
    kind: str  # speech, denial, belief, relay (according to)
    source_after: bool  # the source follows the cue ("according to X", "said X")
    passive: bool = False
    resolved: tuple[int, int] | None = None  # antecedent of a relative "who" in the same sentence
    participle: bool = False  # "..., saying": no subject of its own


def cue_at(low: list[str], i: int) -> tuple[int, str, str] | None:
    """(end token, lemma, kind) of a cue starting at token i, or None."""
    for phrase in _PHRASES.get(low[i], ()):
        n = len(phrase)
        if tuple(low[i:i + n]) == phrase:
            kind = "relay" if phrase in _SOURCE_AFTER_PHRASES else ("denial" if "back" in phrase else "speech")
            return i + n, " ".join(phrase), kind
    w = low[i]
    if w in DENIAL:
        return i + 1, DENIAL[w], "denial"
    if w in SPEECH:
        return i + 1, SPEECH[w], "speech"
    if w in BELIEF:
        return i + 1, BELIEF[w], "belief"
    return None


_POLL_HEADS = {"in": frozenset({"poll", "polls", "survey", "surveys", "polling"}),
               "by": frozenset({"estimate", "estimates", "count", "tally", "calculation", "calculations"})}
_POLL_WORDS = frozenset({"the", "a", "an", "one", "some", "several", "many", "most", "recent", "latest", "new", "his",
                         "her", "their", "its", "national", "state", "statewide", "early", "public", "own", "other"})


def _poll_after(toks: list[str], low: list[str], i: int) -> bool:
    """A poll or estimate within five words after "in" / "by": "in a CNN national poll", "by one estimate".
    After "in" the poll must be named: a bare "in the polls" is rarely annotated as a source."""
    heads, named = _POLL_HEADS[low[i]], low[i] == "by"
    if heads.isdisjoint(low[i + 2:i + 6]):
        return False
    for k in range(i + 1, min(len(low), i + 6)):
        if low[k] in heads:
            return k > i + 1 and named
        if low[k] in STOP or not (low[k] in _POLL_WORDS or low[k][:1].isalnum()):
            return False
        named = named or is_cap(toks[k])
    return False


def _skip_back(low: list[str], i: int, lo: int) -> tuple[int, bool]:
    """Index of the token before the cue once adverbs and auxiliaries are passed; whether a "be" precedes."""
    j = i - 1
    passive = False
    while j >= lo:
        w = low[j]
        if w in SKIP or (w.endswith("ly") and len(w) > 4 and w not in LY_NOUNS):
            passive = passive or w in _BE or w.replace("’", "'") in _BE_NOT
            j -= 1
        elif w in WEEKDAYS and j - 1 >= lo and low[j - 1] == "on":
            j -= 2
        else:
            break
    return j, passive


def _weak_ok(toks: list[str], low: list[str], b: int, hi: int, src: tuple[int, int], form: str) -> bool:
    """A weak cue counts with a complement after it ("found that"), or as an object verb after a name or pronoun."""
    nxt = low[b] if b < hi else ""
    if b >= 2 and low[b - 2] in ("be", "to"):
        return False  # "who asked not to be identified", "wants to know": no finite verb of the subject
    if src[0] > 0 and low[src[0] - 1] == "as" and nxt in (",", ".", "", "in", "on", "last", "this", "earlier"):
        return True  # a comment clause: "as The Washington Post reported,", "as one adviser pointed out,"
    if nxt in (".", "") and _after_comma(toks, src[0]):  # "..., security sources have revealed."
        return True
    if nxt == "," and b + 1 < hi and toks[b + 1] in OPEN:  # 'She continued, “For us ...'
        return True
    if nxt in _COMPLEMENT or (src[0] > 0 and toks[src[0] - 1] in CLOSE | OPEN):
        return True  # a complement follows, or a quotation precedes ('“...,” Ramos wrote.')
    if src[0] > 1 and toks[src[0] - 1] == "," and toks[src[0] - 2] in CLOSE:
        return True
    end = next((k for k in range(src[0] + 1, src[1]) if toks[k] in (",", "(", "—") or low[k] in RELATIVE), src[1])
    head, h = toks[end - 1], low[end - 1]  # "The Europeans, who had been cut out of the talks, derided"
    opener = low[src[0]] in ("the", "a", "an", "his", "her", "its", "their") or is_cap(toks[src[0]])
    # "the mayor called", "the Obama administration announced", "some analysts questioned"
    named = h in SUBJECT_PRONOUNS or (is_cap(head) and h not in GROUPS) or (opener and h in ROLE_HEADS) or h in PEOPLE
    named = named or (low[src[0]] in DETERMINERS and h.endswith(_HUMAN_PLURALS))  # "two Democratic speechwriters"
    plural = h in ("they", "we", "i", "you") or (h.endswith("s") and not h.endswith("ss"))
    plural = plural or (b - 2 >= 0 and low[b - 2] in _DO_MODAL)  # "did not respond", "would call": base is finite
    finite = form in _OBJECT_VERBS or form.endswith(("ed", "s", "ing")) or form in _IRREGULAR_PAST
    finite = finite or (plural and WEAK_LEMMA.get(form) == form)  # "Some Democrats question", "critics would call"
    return named and finite and (is_word(nxt) or nxt in ("“", '"', "''"))


_IRREGULAR_PAST = frozenset({"laid", "hit", "sought", "felt", "wrote"})


def _after_comma(toks: list[str], a: int) -> bool:
    """A comma before the phrase at a, or before the lower-case words leading to its name
    ('..., the news site RTL Info reported.')."""
    k = a - 1
    while k > 0 and a - k < 5 and toks[k][:1].islower() and is_word(toks[k]):
        k -= 1
    return k >= 0 and toks[k] == ","


def find(toks: list[str], in_quote: list[bool], lo: int = 0, hi: int | None = None,
         title: bool = False, low: list[str] | None = None) -> list[Found]:
    """Every cue between tokens lo and hi with the source it points at, in token order.

    Cues are lower-case verbs; a capitalised one ("Trump Says ...") counts only in a title.
    """
    hi = len(toks) if hi is None else hi
    low = [t.lower() for t in toks] if low is None else low
    out: list[Found] = []
    i = lo
    while i < hi:
        if in_quote[i] or not is_word(toks[i]) or (not title and toks[i][0].isupper() and i > lo):
            i += 1
            continue
        hit = cue_at(low, i)
        if hit is None and low[i] in _POLL_HEADS and _poll_after(toks, low, i):
            hit = i + 1, low[i], "relay"  # the poll or estimate is the source
        if hit is None:
            i += 1
            continue
        b, lemma, kind = hit
        found = _attach(toks, low, i, b, lemma, kind, lo, hi)
        if found is not None:
            out.append(found)
        i = b
    return out


def _attach(toks: list[str], low: list[str], i: int, b: int, lemma: str, kind: str, lo: int,
            hi: int) -> Found | None:
    """The attribution a cue at [i, b) makes, or None when it points at no source and is no passive cue."""
    if kind == "relay":
        src = np_after(toks, low, b, hi)
        return Found((i, b), src, lemma, kind, True) if src else None
    j, passive = _skip_back(low, i, lo)
    if passive and (low[i] in _PARTICIPLES or low[i].endswith("ed")):
        by = b < hi and low[b] == "by"
        src = np_after(toks, low, b + 1, hi) if by else None
        return Found((i, b), src, lemma, kind, True, passive=True) if (src or low[i] in _IMPERSONAL) else None
    if low[i] in _INVERTIBLE and ((j < lo and i == lo) or (j >= lo and (_after_quote(toks, j) or toks[j] == ","))):
        src = np_after(toks, low, b, hi)  # '“...,” said Trump', '..., said one GOP source.', 'Said Ellis: ...'
        if src and src[1] < hi and low[src[1]] in ("in", "at", "on", "with", "from", "for", "of"):
            e = src[1]
            while e < hi and e - src[1] < 8 and is_word(toks[e]):
                e += 1
            if e >= hi or toks[e] in (".", ","):
                src = (src[0], e)  # "said one GOP source in the room."
        if src and _inverted_ok(toks, low, src, hi, plain=j >= lo and not _after_quote(toks, j)):
            return Found((i, b), _with_appositive(toks, low, src, hi), lemma, kind, True)
    if low[i].endswith("ing") and not passive:
        if j >= lo and toks[j] == "," and low[i] in _PARTICIPLE_CUES and (b >= hi or low[b] != "to"):
            return Found((i, b), None, lemma, kind, False, participle=True)  # "..., saying": the subject speaks
        if j >= lo and j == i - 1 and is_cap(toks[j]) and low[i] in _PARTICIPLE_CUES and j > lo:
            r = j  # "footage of Hillary Clinton asking, ...", "with former Gov. Martin O'Malley calling Trump ..."
            while r > lo and j - r < 6 and (is_cap(toks[r - 1]) or toks[r - 1] == "."):
                r -= 1
            r -= r > lo and low[r - 1] in ("former", "ex", "the")
            if low[j] not in GROUPS and toks[r] != ".":
                return Found((i, b), (r, j + 1), lemma, kind, False)
        return None
    if j >= lo and low[j] in ("and", "but") and kind != "belief":
        return Found((i, b), None, lemma, kind, False, participle=True)  # "X criticized Y and said ...": X speaks
    src, resolved = _subject(toks, low, i, j, lo)
    if src is None:
        return None
    if src[0] - 1 >= lo and low[src[0] - 1] in ("if", "whether") and not (src[0] >= 2 and low[src[0] - 2] == "even"):
        return None  # "asked if he thought": a question, not an attribution ("even if they resented" is one)
    if low[i] in WEAK and not _weak_ok(toks, low, b, hi, src, low[i]):
        return None
    if low[i] in WEAK and low[src[0]] in ("a", "an") and (low[i] in _NAMING or (b < hi and low[b] in _REDUCED_AFTER)) \
            and (low[i].endswith("ed") or low[i] in _NAMING):
        return None  # "a report released in September", "a company called Cambridge Analytica": modifiers
    if not _plausible(toks, low, i, src):
        src = core_subject(toks, low, src)  # "... Korea and nuclear experts said": the last words may do
        if src is None or not _plausible(toks, low, i, src):
            return None
    return Found((i, b), src, lemma, kind, False, resolved=resolved)


_PARTICIPLE_CUES = PARTICIPLE_CUES


def _personish(h: str) -> bool:
    """A person or group noun, singular or plural ("companies", "regulators", "doctor")."""
    return h in PEOPLE or h in ROLE_HEADS or h + "s" in PEOPLE or h[:-1] in ROLE_HEADS or h[:-3] + "y" in ROLE_HEADS


_HUMAN_PLURALS = ("ers", "ors", "ists", "ians", "ants", "ents", "ives", "ats", "cans", "ites")
WEAK_LEMMA = {f: (SPEECH.get(f) or BELIEF.get(f)) for f in WEAK}
_DO_MODAL = frozenset({"not", "n't", "did", "does", "do", "will", "would", "could", "can", "should", "may", "might",
                       "must", "to"})
ROLE_HEADS = PERSON_ROLES | ORGANIZATIONS | {"mayor", "governor", "senator", "president", "police", "government"}
_NAMING = frozenset({"called", "named", "dubbed", "titled", "known", "labeled", "written", "released", "issued"})
_REDUCED_AFTER = frozenset({"by", "in", "on", "at", "for", "with", "last", "this", "earlier"})
_IMPERSONAL = frozenset({"believed", "expected", "reported", "thought", "said"})


def _with_appositive(toks: list[str], low: list[str], src: tuple[int, int], hi: int) -> tuple[int, int]:
    """'said Patrick McGinley, a law professor at WVU.': the appositive after the name belongs to the mention."""
    a, b = src
    if b + 1 < hi and toks[b] == "," and (low[b + 1] in ("a", "an", "the") or low[b + 1] in PERSON_ROLES):
        e = b + 1
        while e < hi and e - b < 20 and toks[e] not in (",", ".", ";", "”", '"', "''", "—", "(", "?", "!"):
            e += 1
        return (a, e)
    return src


def _inverted_ok(toks: list[str], low: list[str], src: tuple[int, int], hi: int, plain: bool) -> bool:
    """A name after an inverted cue: opens like a mention, is no date, and ends the clause (after a plain comma,
    the sentence or clause must end there: '..., said Clinton reached out' is no inversion)."""
    first, nxt = low[src[0]], low[src[1]] if src[1] < hi else ""
    if not (is_cap(toks[src[0]]) or first in DETERMINERS or (first in SUBJECT_PRONOUNS and not plain)):
        return False
    if first in WEEKDAYS or first in MONTHS or first in ("today", "yesterday", "tonight", "this", "last"):
        return False
    if plain:  # the phrase must look like a speaker: a name, or a person noun ("one GOP source")
        h = next((k for k in range(src[0] + 1, src[1]) if low[k] in ("in", "at", "on", "with", "from", "for", "of")),
                 src[1]) - 1  # the head before a prepositional tail
        speaker = is_cap(toks[h]) or low[h] in PEOPLE or low[h] in ROLE_HEADS or low[h] in CONFIDENTIAL
        return speaker and nxt in ("", ".", ",", "(", ":", ";", "—")
    return src[1] >= hi or nxt in _AFTER_CUE_BOUNDARY


def _after_quote(toks: list[str], j: int) -> bool:
    """The cue follows a quotation ("...,” said", "...,\" said"): the place of an inverted attribution."""
    return toks[j] in CLOSE or toks[j] in OPEN or (toks[j] == "," and j > 0 and (toks[j - 1] in CLOSE))


def _subject(toks: list[str], low: list[str], i: int, j: int, lo: int):
    """Source before the cue: a plain noun phrase, one with a relative clause, or one across an inserted clause."""
    if j < lo:
        return None, None
    rel = _relative_before(toks, low, j, lo)
    if rel is not None:
        return rel, None
    if toks[j] in (",", "—", "–"):
        return _across_clause(toks, low, j, lo)
    if low[j] in _ALONE and (j == lo or not is_word(toks[j - 1]) or low[j - 1] in STOP):
        return (j, j + 1), None  # "One says ...", "another says ...", "Others argue ..."
    src = np_before(toks, low, j, lo)
    if src and low[src[0]] in ("who", "which") and src[0] - 1 >= lo:
        k = _before_dashes(toks, src[0] - 1 - (toks[src[0] - 1] == ","), lo)
        return src, np_before(toks, low, k, lo)
    return src, None


def _before_dashes(toks: list[str], k: int, lo: int) -> int:
    """'admirals -- most of whom ... -- who cited': the antecedent stands before the dashed aside."""
    if toks[k] not in ("-", "—", "–"):
        return k
    m = k - 1 - (toks[k - 1] == "-")
    while m > lo and k - m < 30 and toks[m] not in ("-", "—", "–"):
        m -= 1
    return m - 1 - (toks[m - 1] == "-") if m > lo and toks[m] in ("-", "—", "–") else k


_ALONE = frozenset({"one", "another", "others", "some", "many", "most", "both", "all", "few", "several"})


def _relative_before(toks: list[str], low: list[str], j: int, lo: int) -> tuple[int, int] | None:
    """"an official who asked not to be identified told": the phrase before "who" plus the clause."""
    k = j
    while k > lo and j - k < 12 and is_word(toks[k]) and low[k] not in RELATIVE:
        k -= 1
    if k <= lo or low[k] not in RELATIVE or k == j:
        return None
    head = np_before(toks, low, k - 1, lo)
    if head is None or low[head[0]] in SUBJECT_PRONOUNS:
        return None
    return (head[0], j + 1)


def _across_clause(toks: list[str], low: list[str], j: int, lo: int):
    """"Afkham, who spoke in Tehran, said": the subject before one to three inserted clauses set off by commas."""
    pos = j
    for _ in range(3):
        k = pos - 1
        while k > lo and pos - k < 25 and toks[k] not in (",", "”", '"', "“", "(", ")", ";", "''", "—", "–"):
            k -= 1
        if k <= lo or toks[k] not in (",", "—", "–") or k == pos - 1 or low[k + 1] in _CLAUSE_OPENERS:
            return None, None
        head = np_before(toks, low, k - 1, lo)
        if head is not None and (is_cap(toks[head[0]]) or low[head[0]] in DETERMINERS or _personish(low[head[1] - 1])):
            if (pos - k == 2 and low[k + 1] in SKIP) or low[k + 1] in _PREPOSITIONS:
                return head, None  # "Forbes, however, says", "Clinton, at a later press gaggle, said": not the mention
            return (head[0], j), None  # the appositive or relative clause belongs to the mention
        pos = k
    return None, None


_PREPOSITIONS = frozenset({"at", "in", "on", "during", "after", "before", "speaking", "for", "from", "with", "by",
                           "asked", "writing", "appearing", "interviewed", "reached"})
_CLAUSE_OPENERS = frozenset({"and", "but", "or", "so", "because", "that", "if", "when", "although", "though",
                             "while", "as", "since", "after", "before", "until", "unless", "where"})


_HEAD_ENDS = frozenset({"in", "at", "on", "of", "from", "for", "with", "around", "across", "who", "close"})
_PLURAL_OPENERS = frozenset({"many", "most", "some", "those", "few", "several", "both", "all", "others", "people"})


def _plausible(toks: list[str], low: list[str], i: int, src: tuple[int, int]) -> bool:
    """Reject subjects that are noun modifiers of the cue word ("the Trump plan", "Clinton's claims")."""
    head = toks[src[1] - 1]
    if head.endswith(("'s", "’s")) or low[src[1] - 1] in DETERMINERS:
        return False
    if toks[src[1] - 1][:1].islower() and low[src[1] - 1].endswith("ed") and src[1] - src[0] <= 3:
        return False  # "a heated dispute": an adjective before a noun, not a subject before a verb
    first = low[src[0]]
    if toks[src[0]][:1].islower() and first not in DETERMINERS and first not in SUBJECT_PRONOUNS:
        h = low[src[1] - 1]  # a bare noun phrase: only a short plural ("officials", "top aides")
        rel = any(low[k] in RELATIVE or is_cap(toks[k]) for k in range(src[0], src[1])) or first in PEOPLE \
            or h in PEOPLE  # "police said", "attorneys for the family said"
        if not rel and (src[1] - src[0] > 3 or not (h.endswith("s") and not h.endswith("ss"))):
            return False
    form = low[i]
    lemma_form = (form in SPEECH and SPEECH[form] == form) or (form in BELIEF and BELIEF[form] == form)
    if lemma_form and i - 1 > src[1] - 1 and low[i - 1] in ("does", "do", "did", "not"):
        return True  # "he does believe", "she did not say": the auxiliary carries the agreement
    if lemma_form:  # a base form ("say", "want") needs a plural subject: "they say", "many of whom say"
        h = low[next((k for k in range(src[0] + 1, src[1]) if low[k] in _HEAD_ENDS), src[1]) - 1]
        plural = h in ("they", "we", "i", "you", "who") or (h.endswith("s") and not h.endswith("ss"))
        many = first in _PLURAL_OPENERS
        return plural or many or (form in ("say", "tell") and is_cap(head))
    return True
