"""The source before a cue: a plain noun phrase, one with a relative clause, or one across an inserted clause;
and whether a phrase can be a speaker at all."""

from __future__ import annotations

from model.attribution.agents import document_by, document_modified, people_by
from model.attribution.phrases import (
    DETERMINERS,
    OPENING_NON_SUBJECTS,
    PEOPLE,
    RELATIVE,
    SKIP,
    STOP,
    SUBJECT_PRONOUNS,
    after_clause_noun,
    is_cap,
    is_word,
    np_before,
    personish,
)
from model.attribution.times import before_time
from model.lexicon import APPOSITIVE_OPENERS, ATTRIBUTION, BELIEF, COMMON_WORDS, GRAMMAR, SPEECH

HUMAN_PLURALS = tuple(sorted(ATTRIBUTION["human_plurals"]))
_ALONE = GRAMMAR["alone"]
_NO_ONE = GRAMMAR["no_one"]  # "No group", "Nobody": but "Nobody at the ministry" is the ministry's non-answer
_INSERTED_CLAUSE = GRAMMAR["inserted_clause"]
# what opens no clause inserted before the cue: a clause of its own, or a predicate ("The cuts, which ..., would")
_NOT_INSERTED = (GRAMMAR["clause_openers"] - GRAMMAR["inserted_subordinators"]) | GRAMMAR["auxiliaries"]
_SUBORDINATORS = GRAMMAR["inserted_subordinators"]
_OBJECT_BEFORE = GRAMMAR["mention_tail"] | {"both"}  # "in both Syria and Iraq, while ...": an object, no subject
_HEAD_ENDS = GRAMMAR["head_ends"]
_PLURAL_OPENERS = GRAMMAR["plural_openers"]
_RELATIVE_REACH = 12  # tokens back from the cue to a relative "who": "an official who asked not to be identified"
_REASON_REACH = 20  # ... when the clause gives a reason for anonymity: "an administrator who spoke on condition of
_REASON_WORDS = GRAMMAR["reason_words"]  # anonymity because she was not authorized to talk to the media said"
_DASHED_ASIDE = 30  # tokens of an aside between dashes: "admirals -- most of whom ... -- who cited"
_INSERTED_REACH = 25  # tokens of one inserted clause: "Afkham, who spoke in Tehran on Monday, said"
_APPOSITIVE_NP = 20  # tokens between commas: "a former aide to Mr. Clinton and senior vice president for ..."
_INSERTED_CLAUSES = 3  # inserted clauses crossed at most
_NEGATED_REACH = 4  # tokens back from a source to a "not" that negates its participle: "not connected to the"
_CLAUSE_MARKS = frozenset({",", "”", '"', "“", "(", ")", ";", "''", "—", "–"})  # what ends an inserted clause
AGE_DIGITS = 3  # an age between a name and its appositive: "Carole Bower, 75, a retiree", "Jakov Ristic, 52,"
_SHORT_BARE = 3  # tokens: a bare lower-case subject is at most this long ("top aides", "senior officials")
NAMING = ATTRIBUTION["naming"]  # "a company called ...", "a staffer named ...": modifiers, not cues
_AUXILIARIES = GRAMMAR["auxiliaries"] | GRAMMAR["have_acts"] | GRAMMAR["do_acts"]
_OPENING_JOINS = frozenset({"but", "and", "yet", "so"})  # a sentence may open with one before its subject
# where a clause cannot end: "groups that threw their", "data that showed prices rose less than"
_OPEN_CLAUSE_END = DETERMINERS | GRAMMAR["possessors"] | GRAMMAR["mention_tail"] | {"and", "or", "but", "than", "as"}
_AND = frozenset(("and", "&"))  # what joins listed names
_RELATIVE_PRONOUNS = ("who", "which")  # a source opening with one refers to the phrase before it
_TIME_NAMES = GRAMMAR["weekdays"] | GRAMMAR["months"]  # the capitalised words that may end a time phrase
_NO_NAME = COMMON_WORDS | OPENING_NON_SUBJECTS  # capitalised only as a sentence opens: "Meanwhile", "In", "Women"


def subject(toks: list[str], low: list[str], i: int, j: int, lo: int, acts: bool = False):
    """Source before the cue: a plain noun phrase, one with a relative clause, or one across an inserted clause.
    A time adverbial before a cue is skipped ("The ministry on Monday said"), not before an act's verb: "The US
    earlier this month launched air strikes" is the news, not an attribution (the wire guideline; the seed)."""
    if j < lo:
        return None, None
    if not acts and (doc := document_modified(toks, low, j, lo)) is not None:  # "A report by X published ... found"
        return doc, None
    if not acts and (toks[j][:1].islower() or low[j] in _TIME_NAMES or low[j].isdigit()):  # a name ends none
        j = before_time(toks, low, j, lo)
    if (rel := _relative_before(toks, low, j, lo)) is not None:
        return rel, None
    if toks[j] in (",", "—", "–"):
        return _across_clause(toks, low, j, lo)
    alone = low[j] in _ALONE and (j == lo or not is_word(toks[j - 1]) or low[j - 1] in STOP)  # the cheap test first
    if alone and not _joined(toks, low, j, lo):
        return (j, j + 1), None  # "One says ...", "another says ...", "Others argue ..."
    src = np_before(toks, low, j, lo)
    if src is None or (low[src[0]] in _NO_ONE and src[1] - src[0] <= 2 and not low[src[1] - 1][:1].isdigit()):
        return None, None  # no phrase, or one naming no one (not "No 10", Downing Street)
    src = _listed(toks, low, src, lo) or _participle_modified(toks, low, src, lo) \
        or after_clause_noun(toks, low, src, lo) or src  # ", a move critics said was": the critics
    if src[0] - 2 >= lo and low[src[0] - 1] == "by":  # the two tests below ask of a phrase after "by" alone
        if low[i] not in NAMING:  # "a lawsuit filed by a former staffer named X": "named" is no cue of the lawsuit
            src = document_by(toks, low, src, lo) or src
        if (people := people_by(toks, low, src, lo)) is not None:  # "Officials contacted by Reuters said"
            return people, None
    return src, (_antecedent(toks, low, src, lo) if low[src[0]] in _RELATIVE_PRONOUNS else None)


def _listed(toks: list[str], low: list[str], src: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """"Carson, Fiorina and Huckabee said": names listed before a coordination opening its clause are one source
    with it (not "In Iowa, Carson and Fiorina said", nor "Meanwhile, ...": a common word's capital)."""
    if _AND.isdisjoint(low[src[0]:src[1]]):
        return None
    a = src[0]
    while a - 2 >= lo and toks[a - 1] == ",":
        k = a - 1
        while k - 1 >= lo and ((is_cap(toks[k - 1]) and low[k - 1] not in _NO_NAME) or toks[k - 1] == "."):
            k -= 1
        if k == a - 1:
            break
        a = k
    opens = a == lo or not is_word(toks[a - 1])
    if a == src[0] or not opens:
        return None
    return a, src[1]


def _joined(toks: list[str], low: list[str], j: int, lo: int) -> bool:
    """"Edwards and others": a phrase joined to the quantifier, which the source takes with it."""
    return j - 2 >= lo and low[j - 1] == "and" and is_word(toks[j - 2]) and low[j - 2] not in STOP \
        and low[j - 2] not in SUBJECT_PRONOUNS


def _antecedent(toks: list[str], low: list[str], src: tuple[int, int] | None, lo: int) -> tuple[int, int] | None:
    """What a relative pronoun source refers to: "Bret Stephens, who ... said": the phrase before it."""
    if src and low[src[0]] in _RELATIVE_PRONOUNS and src[0] - 1 >= lo:
        k = _before_dashes(toks, src[0] - 1 - (toks[src[0] - 1] == ","), lo)
        found = np_before(toks, low, k, lo)  # "Sen. Dianne Feinstein, the ranking Democrat, who said": the name
        return (_named_start(toks, low, found[0], lo), found[1]) if found else None
    return None


def _participle_modified(toks: list[str], low: list[str], src: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """"Lawyers representing the family said", "Officials investigating the crash said", "Scientists not
    involved in the study said": people described by a participle and its object speak, not the object."""
    if src[0] - 2 < lo:
        return None
    v = src[0] - 1
    near = max(lo, src[0] - _NEGATED_REACH)  # a "not" is rare: asked of the words at once, in C, first
    nots = [k for k in range(near, src[0]) if low[k] == "not"] if "not" in low[near:src[0]] else []
    if nots and all(is_word(t) for t in toks[nots[-1]:src[0]]):
        v = nots[-1]  # "Experts not connected to the company", "Doctors not involved in his care"
    elif not (low[v].endswith("ing") and len(low[v]) > 4 and toks[v][:1].islower()) or low[v] in SPEECH:
        return None
    if v - 3 >= lo and low[v - 1] in ("in", "with") and low[v - 2] == "involved":
        v -= 2  # "Two people involved in drafting the order": the people
    head = np_before(toks, low, v - 1, lo)
    return (head[0], src[1]) if head is not None and personish(low[head[1] - 1]) else None


def _before_dashes(toks: list[str], k: int, lo: int) -> int:
    """'admirals -- most of whom ... -- who cited': the antecedent stands before the dashed aside."""
    if toks[k] not in ("-", "—", "–"):
        return k
    m = k - 1 - (toks[k - 1] == "-")
    while m > lo and k - m < _DASHED_ASIDE and toks[m] not in ("-", "—", "–"):
        m -= 1
    return m - 1 - (toks[m - 1] == "-") if m > lo and toks[m] in ("-", "—", "–") else k


def _relative_before(toks: list[str], low: list[str], j: int, lo: int) -> tuple[int, int] | None:
    """"an official who asked not to be identified told": the phrase before "who" plus the clause."""
    if RELATIVE.isdisjoint(low[max(lo + 1, j - _REASON_REACH):j]):  # no "who" in the longest reach: one test in C
        return _that_before(toks, low, j, lo)
    reach = _REASON_REACH if not _REASON_WORDS.isdisjoint(low[max(lo, j - _REASON_REACH):j]) else _RELATIVE_REACH
    if RELATIVE.isdisjoint(low[max(lo + 1, j - reach):j]):  # the walk below can stop at no "who": asked in C
        return _that_before(toks, low, j, lo)
    k = j
    while k > lo and j - k < reach and is_word(toks[k]) and low[k] not in RELATIVE:
        k -= 1
    if k <= lo or low[k] not in RELATIVE or k == j:
        return _that_before(toks, low, j, lo)
    head = np_before(toks, low, k - 1, lo)
    if head is None or low[head[0]] in SUBJECT_PRONOUNS:
        return None
    return (_named_start(toks, low, head[0], lo), j + 1)  # "Nate Silver, the polling guru who founded ..."


def _that_before(toks: list[str], low: list[str], j: int, lo: int) -> tuple[int, int] | None:
    """"The company that owns the building said": a body or people and a "that" clause whose verb follows at
    once (not "that the company", a clause of its own; not "the fact that": no speaker before it)."""
    if "that" not in low[max(lo + 1, j - _RELATIVE_REACH):j]:  # the walk below can stop at no "that": asked in C
        return None
    k = j
    while k > lo and j - k < _RELATIVE_REACH and is_word(toks[k]) and low[k] != "that":
        k -= 1
    if k <= lo or k == j or low[k] != "that" or not _finite(toks[k + 1], low[k + 1]) \
            or low[j] in _OPEN_CLAUSE_END or low[j].endswith(("'s", "’s")):
        return None  # "the report that officials released": no verb follows; "groups that threw their": cut short
    head = np_before(toks, low, k - 1, lo)
    if head is None or low[head[0]] in SUBJECT_PRONOUNS or not personish(low[head[1] - 1]):
        return None
    return head[0], j + 1


def _opening_relative(toks: list[str], low: list[str], k: int, lo: int) -> tuple[int, int] | None:
    """A subject and its relative clause opening the sentence: "The company that owns the building, Varna Estates,
    said" (not inside it: "Boasting 108,000 residents who ..., ...")."""
    found = _relative_before(toks, low, k, lo)
    opens = found is not None and (found[0] == lo or (found[0] == lo + 1 and low[lo] in _OPENING_JOINS))
    return found if opens else None


def _finite(tok: str, w: str) -> bool:
    """A finite verb by its form: an auxiliary, or a lower-case -s or -ed word that names no person ("owns",
    "organised"; not "officials")."""
    return w in _AUXILIARIES or (tok.islower() and w.endswith(("s", "ed")) and not w.endswith("ss")
                                 and not personish(w))


def _across_clause(toks: list[str], low: list[str], j: int, lo: int):
    """"Afkham, who spoke in Tehran, said": the subject before one to three inserted clauses set off by commas."""
    pos = j
    for _ in range(_INSERTED_CLAUSES):
        k = pos - 1
        while k > lo and pos - k < _INSERTED_REACH and toks[k] not in _CLAUSE_MARKS:
            k -= 1
        if k <= lo or toks[k] not in (",", "—", "–") or k == pos - 1 or low[k + 1] in _NOT_INSERTED:
            return None, None
        if low[k + 1] in _SUBORDINATORS:  # "A resident who knew him, when asked, said": the subject before it
            return _before_subordinate(toks, low, k, lo)
        head = _opening_relative(toks, low, k - 1, lo) or np_before(toks, low, k - 1, lo, _APPOSITIVE_NP) \
            or ((k - 1, k) if low[k - 1] in _ALONE else None)  # "One, who asked not to be named, said"
        head = document_by(toks, low, head, lo) or people_by(toks, low, head, lo) or head  # "The report by the
        # inspectorate, which was seen by"; "The outfitter named by the Courier, Steinhorn Hunts, said"
        if head is not None and _reads_as_subject(toks, low, head):
            if (pos - k == 2 and low[k + 1] in SKIP) or low[k + 1] in _INSERTED_CLAUSE:
                return head, None  # "Forbes, however, says", "Clinton, at a later press gaggle, said": not the mention
            return (_appositive_start(toks, low, head[0], lo), j), None  # the appositive belongs to the mention
        pos = k
    return None, None


def _before_subordinate(toks: list[str], low: list[str], k: int, lo: int):
    """The subject before a subordinate clause inserted at comma ``k`` ("Obama, after meeting the families,
    said"), when it reads as one (``_reads_as_subject``, or a relative pronoun), not a preposition's object; not
    before "as well as"."""
    if low[k + 2] == "well":
        return None, None
    # the subject right before the clause, not across another one: a chain of clauses costs no recursion
    src = _relative_before(toks, low, k - 1, lo) or np_before(toks, low, k - 1, lo)
    if src is None or (src[0] > lo and low[src[0] - 1] in _OBJECT_BEFORE):
        return None, None
    if not (low[src[0]] in RELATIVE or _reads_as_subject(toks, low, src)):
        return None, None
    return src, _antecedent(toks, low, src, lo)


def _reads_as_subject(toks: list[str], low: list[str], span: tuple[int, int]) -> bool:
    """A phrase before an inserted clause that can be its sentence's subject: a name, a determined phrase or
    people ("Afkham", "The ministry", "officials")."""
    first = low[span[0]]  # "76-year-old Morton Blackwell, founder ...": the name after the age
    a = span[0] + (first.endswith("-year-old") and first[:-9].isdigit() and span[0] + 1 < span[1])
    return is_cap(toks[a]) or first in DETERMINERS or personish(low[span[1] - 1])


def _appositive_start(toks: list[str], low: list[str], a: int, lo: int) -> int:
    """Where the mention starts when a description at ``a`` is in apposition to a name before it, an age
    between them or not ("Carole Bower, 75, a retiree in Carthage, Ill., said"; "Cory James, 22, of Flint,
    Mich., said"): the name's start; else a."""
    if a - 2 >= lo and toks[a - 1] == "," and is_cap(toks[a]) and personish(low[a - 2]):
        desc = np_before(toks, low, a - 2, lo)  # "Valdria's president, Miran Tosk, who ..., said": the role before
        return desc[0] if desc is not None and desc[0] == lo else a
    at = a - 1 if a - 2 >= lo and low[a - 1] in ("of", "from") and toks[a - 2] == "," else a  # ", 22, of Flint,"
    if (low[at] not in DETERMINERS and at == a and not (toks[a].islower() and low[a] in APPOSITIVE_OPENERS)) \
            or at - 2 < lo or toks[at - 1] != ",":  # "a retiree in Carthage", "chair of the Heart Patients Alliance"
        return a
    m = at - 2
    if toks[m].isdigit() and len(toks[m]) <= AGE_DIGITS and m - 2 >= lo and toks[m - 1] == ",":
        m -= 2
    name = np_before(toks, low, m, lo)
    if name is None or not (is_cap(toks[name[0]]) and is_cap(toks[m])):
        return a
    opens = name[0] == lo or not is_word(toks[name[0] - 1])  # not "In Paris, a spokesman ... said"
    return name[0] if opens else a


def _named_start(toks: list[str], low: list[str], a: int, lo: int) -> int:
    """``_appositive_start`` where what it adds is a name's words only ("Sen. Dianne Feinstein of California, the
    ranking Democrat"), not a clause ending in one ("The claims come from Daniel Simone, a journalist")."""
    start = _appositive_start(toks, low, a, lo)
    name = range(start, a - 1)
    return start if all(is_cap(toks[k]) or toks[k] == "." or low[k] == "of" for k in name) else a


def plausible(toks: list[str], low: list[str], i: int, src: tuple[int, int]) -> bool:
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
        if not rel and (src[1] - src[0] > _SHORT_BARE or not (h.endswith("s") and not h.endswith("ss"))):
            return False
    form = low[i]
    # a base form, not a past one a lexicon line lists alone ("~pointed")
    lemma_form = ((form in SPEECH and SPEECH[form] == form) or (form in BELIEF and BELIEF[form] == form)) \
        and not form.endswith("ed")
    if lemma_form and i - 1 > src[1] - 1 and low[i - 1] in ("does", "do", "did", "not"):
        return True  # "he does believe", "she did not say": the auxiliary carries the agreement
    if lemma_form:  # a base form ("say", "want") needs a plural subject: "they say", "many of whom say"
        h = low[next((k for k in range(src[0] + 1, src[1]) if low[k] in _HEAD_ENDS), src[1]) - 1]
        plural = h in ("they", "we", "i", "you", "who") or (h.endswith("s") and not h.endswith("ss"))
        many = first in _PLURAL_OPENERS
        return plural or many or (form in ("say", "tell") and is_cap(head))
    return True
