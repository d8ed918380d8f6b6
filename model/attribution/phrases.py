"""Noun phrases around a cue: the subject before it, the name after it (the opening subject: sentence_subject).

Token-level walks of bounded length (no nested quantifiers, no backtracking): linear whatever the text.
"""

from __future__ import annotations

from model.attribution.name_words import may_as_name
from model.lexicon import (
    ATTRIBUTION,
    BELIEF,
    COMMON_HEADS,
    COMMON_PLURALS,
    DENIAL,
    GRAMMAR,
    GROUPS,
    LEGAL_FORMS,
    MENTION_WORDS,
    ORGANIZATIONS,
    PERSON_ROLES,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH,
    TITLES,
    TYPING,
    WITNESS,
    words,
)

SKIP = words("skip_words.txt")  # words between a subject and its cue ("has also said", "however dismissed")
STOP = words("np_stop.txt")  # words that end a subject noun phrase on its left (they cannot sit inside one)
# Words of the subject phrase: pronouns standing alone, determiners opening one, prepositions inside one.
SUBJECT_PRONOUNS = GRAMMAR["subject_pronouns"]
# Walking a phrase, "that" is a complementizer rather than a determiner; quantifiers open a phrase too.
DETERMINERS = (GRAMMAR["articles"] - {"that"}) | GRAMMAR["phrase_quantifiers"]
_NP_PREP, _LOOSE_PREP = GRAMMAR["np_prepositions"], GRAMMAR["loose_prepositions"]
WEEKDAYS, MONTHS = GRAMMAR["weekdays"], GRAMMAR["months"]
CLOSE = frozenset({"”", '"', "’", "'", "»", "''"})  # quotation marks that close (an inverted attribution follows)
OPEN = frozenset({"“", '"', "‘", "«", "''"})  # and that open a quotation
RELATIVE, _MAX_NP = GRAMMAR["relative_pronouns"], 12  # tokens: no subject phrase is longer ("the former ... from")
_BRACKET = 8  # tokens inside a bracket after a name: "(R-Iowa)"
_RELATIVE_CLAUSE = 15  # tokens of a relative clause after a name: "who spoke on condition of anonymity"
# ... and of one closing the sentence after an inverted cue ('"...," said a strategist who advises ... and spoke ...')
LONG_RELATIVE_CLAUSE = 25
OPENING_NON_SUBJECTS, LY_NOUNS = words("non_subject_openers.txt"), ATTRIBUTION["ly_nouns"]
BEFORE_DAY = frozenset(("on", "earlier", "later", "late", "early", "last", "this"))
REPORTED_BY, CLAUSE_NOUNS = ATTRIBUTION["reported_by"], GRAMMAR["clause_nouns"]
ROLE_HEADS = PERSON_ROLES | ORGANIZATIONS | ATTRIBUTION["role_heads_extra"]
PEOPLE = (COMMON_HEADS | GROUPS | WITNESS) - ATTRIBUTION["not_people"]
_NAME_WORDS_IN_STOP, AND = GRAMMAR["name_function_words"], frozenset(("and", "nor"))
_ARTICLES = GRAMMAR["articles"] - {"that", "this", "these", "those"}
CONJUNCT_OPENERS = _ARTICLES | {"other", "others"}  # "Trump and his aides", "Edwards and others": X speaks
POSSESSORS = GRAMMAR["possessors"] | {"its"}  # a person's or group's, and a body's
_TO_HEADS, _CLOSE_TO = ATTRIBUTION["to_heads"], GRAMMAR["close_to"]  # "aides to X"; "those close to him"
_ANY_PREP, _TO_WORDS = _NP_PREP | _LOOSE_PREP, _CLOSE_TO | _TO_HEADS  # np_before's loop asks them: made once
_INNER_CAPS, AUTHORED_BY = GRAMMAR["name_inner_words"], ATTRIBUTION["authored_by"]
# "a report by X", "figures released by X", "people close to X": the phrase goes on after these
_TAIL_OPENERS = {"by": REPORTED_BY | AUTHORED_BY | TYPING["document_heads"], "to": _TO_WORDS}
_PAST_CUES = frozenset(w for w in (*SPEECH, *BELIEF, *DENIAL) if w.endswith("ed"))
_KEEP_BEFORE_NAME = ROLE_NOUNS | PERSON_ROLES | GRAMMAR["name_particles"] | TYPING["former_words"]  # "former Gov. X"
_BODY_KINDS = ORGANIZATIONS | MENTION_WORDS["org_heads_extra"] | TYPING["company_words"]  # "the shipping group"
_CLAUSE_VERBS = ATTRIBUTION["clause_verbs"]  # met walking back from a cue, a clause's: "polls show majorities ..."
# Every word some rule of np_before's walk is about: any other word is only asked whether it ends the phrase.
_WALK_RULES = STOP | DETERMINERS | SUBJECT_PRONOUNS | _ANY_PREP | _INNER_CAPS | _PAST_CUES | {
    "to", "around", "both", "most", "least", "the", "and", "&", ".", "-", "’s", "'s", "'", "’", "/"}


def is_word(w: str) -> bool:
    return w[:1].isalnum()


def is_cap(w: str) -> bool:
    return w[:1].isupper() or (w[:1].isdigit() and w[-1:].isupper())


def abbreviation_dot(low: list[str], k: int) -> bool:
    """The "." at k closes a title, an initial or a company's legal form inside a name ("Sen.", "F.", "Inc.")."""
    prev = low[k - 1] if k else ""  # nothing before the first token: no condition below holds
    return (prev + "." in TITLES or (len(prev) == 1 and prev.isalpha()) or prev in ("u.s", "st", "jr", "sr")
            or prev + "." in LEGAL_FORMS)


def np_before(toks: list[str], low: list[str], j: int, lo: int, reach: int = _MAX_NP) -> tuple[int, int] | None:
    """The noun phrase (a, b) ending at token j (inclusive), within lo and ``reach`` tokens; or None."""
    if j > lo and toks[j] == ")":  # "Sen. Chuck Grassley (R-Iowa)": the name before the bracket
        k = j - 1
        while k > lo and j - k < _BRACKET and toks[k] != "(":
            k -= 1
        inner = np_before(toks, low, k - 1, lo, reach) if toks[k] == "(" else None
        return (inner[0], j + 1) if inner else None
    if j < lo or not (is_word(toks[j]) or (toks[j] == "." and abbreviation_dot(low, j))):
        return None
    obj = low[j] in GRAMMAR["object_pronouns"] and not toks[j].isupper()  # "let us explain": no subject ("US")
    of_them = obj and j - 1 > lo and low[j - 1] in ("of", "to", "with", "around")  # "those around him"
    if (low[j] in SUBJECT_PRONOUNS or low[j] in PRONOUNS or obj) and not of_them:
        return (j, j + 1) if low[j] in SUBJECT_PRONOUNS and low[j] != "that" else None
    if (low[j] in STOP or low[j] in DETERMINERS) and not of_them and not may_as_name(toks, j, lo):
        return None
    k = j
    while k - 1 >= lo and j - k < reach:
        w, lw = toks[k - 1], low[k - 1]
        if lw not in _WALK_RULES and w[:1].isalnum() and not (_verbish(w, lw) and low[k] not in ROLE_NOUNS):
            k -= 1  # most words (a name's, a noun's): no rule below is about them, none ends the phrase
            continue
        if lw in ("to", "around") and k - 2 >= lo:  # the two tests below ask nothing of any other word: one test first
            if (lw == "to" and low[k - 2] in _CLOSE_TO) or (of_them and lw == "around" and (
                    low[k - 2] == "those" or low[k - 2] in PEOPLE)):
                k -= 2  # "those close to him", "those around him", "people around her"
                continue
            if lw == "to" and (low[k - 2] in _TO_HEADS or (low[k - 2] in _BODY_KINDS and is_cap(toks[k]))):
                k -= 1  # "advisers to Patriot", "a spokesman to the governor", "the Committee to Protect Journalists"
                continue
        if lw in _INNER_CAPS and w[:1].isupper() and k - 2 >= lo and is_cap(toks[k - 2]) and is_cap(toks[k]):
            k -= 1  # "Reporters Without Borders": a capitalised word inside a name
            continue
        both = lw == "both" and k - 2 >= lo and (low[k - 2] in _NP_PREP or low[k - 2] in ("in", "on") or (
            low[k - 2] == "to" and k - 3 >= lo and low[k - 3] in _TO_HEADS))  # "from both sides", "aides to both"
        if lw in ("most", "least") and k - 2 >= lo and (low[k - 2] in POSSESSORS or low[k - 2] == "the" or low[
                k - 2].endswith(("'s", "’s", "s'", "s’"))):  # "the club's most recent accounts": a superlative
            k -= 1
            continue
        if not (w == "May" and may_as_name(toks, k - 1, lo)) and ((lw in SUBJECT_PRONOUNS and not w[1:].isupper()) or (
                lw in STOP and lw != "and" and not both and not _given_name(toks, low, k - 1, j + 1)) or (
                _verbish(w, lw) and low[k] not in ROLE_NOUNS)):  # "Per Aune, a toxicologist": a first name
            break  # "IT staff" an acronym, "talk show host" a compound, "the May 14 meeting" the month, no modal
        if lw in _PAST_CUES and k - 2 >= lo and (is_cap(toks[k - 2]) or low[k - 2] in SUBJECT_PRONOUNS):
            break  # "Clinton cited Trump's past references": a clause of its own before the phrase
        if w == "The" and k - 2 >= lo and low[k - 2] in _BODY_KINDS and is_cap(toks[k]):
            k -= 1  # "the student newspaper The Lantern": the name's own article, its kind before it
            continue
        if lw in DETERMINERS:
            k -= 1 + (k - 2 >= lo and lw not in _ARTICLES and low[k - 2] in _ARTICLES)  # "the two companies"
            if k - 2 >= lo and low[k - 1] in _ANY_PREP and is_word(toks[k - 2]) and (
                    low[k - 2] not in STOP or (low[k - 2] == "and" and k - 3 >= lo and is_cap(toks[k - 3]))):
                k -= 1  # "observers in Virginia and around the country"
                continue
            if k - 2 >= lo and low[k - 1] == "to" and low[k - 2] in _TO_WORDS:
                continue  # "a person close to the talks", "aides to the governor": "to" is taken next round
            if k - 2 >= lo and low[k - 1] in AND and low[k] in CONJUNCT_OPENERS:
                if low[k - 2] in SUBJECT_PRONOUNS and low[k - 2] != "that":
                    k -= 2  # "She and her aides": the pronoun opens the phrase
                    break
                if low[k - 2] not in STOP and is_word(toks[k - 2]) and (is_cap(toks[k - 2]) or low[k] in POSSESSORS):
                    k -= 1  # "Trump and his supporters", "Clinton and the State Department", "The nominee and
                    continue  # his aides": the first conjunct is walked next
            break
        if lw in _ANY_PREP:
            if k - 2 >= lo and is_word(toks[k - 2]) and low[k - 2] not in STOP and (
                    lw in _NP_PREP or not is_cap(toks[k - 2]) or low[k - 2] in PEOPLE or low[k - 2] in COMMON_PLURALS
                    or (is_cap(toks[k]) and low[k] not in WEEKDAYS and low[k] not in MONTHS)):
                k -= 1
                continue
            break
        if lw in ("and", "&"):
            if k - 2 >= lo and is_word(toks[k - 2]) and low[k - 2] not in STOP and low[k - 2] not in SKIP:
                k -= 1
                continue
            break
        if w == "." and abbreviation_dot(low, k - 1):
            k -= 1
            continue
        if w == "-":  # a dash ends the phrase ("CHICAGO - Rahm Emanuel", "to be ignored - Mr. Biden said"), a
            if k - 2 >= lo and toks[k - 2].endswith("."):  # hyphen after an abbreviation does not: "a U.S.-born"
                k -= 1
                continue
            break
        if w in ("’s", "'s") or (w in ("'", "’") and k - 2 >= lo and low[k - 2].endswith("s")) or (
                w == "/" and k - 2 >= lo and is_cap(toks[k - 2]) and is_cap(toks[k])):
            k -= 1  # "Clinton's campaign", "Sanders' team", "A CNN/ORC poll"
            continue
        if not is_word(w):
            break
        k -= 1
    while k < j and toks[k] == "-":
        k += 1  # "-Nate Cohn": a list's dash opens no name
    return _name_tail(toks, low, k, j + 1)


def clause_noun_after(toks: list[str], low: list[str], p: int) -> bool:
    """At comma p, "a move", "a claim", "a decision" (``CLAUSE_NOUNS``): a noun set after the clause before it."""
    return toks[p] == "," and p + 2 < len(toks) and low[p + 1] in ("a", "an") and low[p + 2] in CLAUSE_NOUNS


def after_clause_noun(toks: list[str], low: list[str], src: tuple[int, int] | None,
                      lo: int) -> tuple[int, int] | None:
    """", a move critics said was ...": a noun set after a clause, then the subject of the clause about it
    (plural people or a name): the subject alone; None for any other phrase ("a company spokesman")."""
    if src is None or src[1] - src[0] < 3 or src[0] - 1 < lo or not clause_noun_after(toks, low, src[0] - 1):
        return None
    k = src[0] + 2
    plural_people = low[k] in PEOPLE and low[k].endswith("s")
    name = all(is_cap(t) or (t == "." and abbreviation_dot(low, n)) for n, t in enumerate(toks[k:src[1]], k))
    return (k, src[1]) if plural_people or name else None


def _name_of(toks: list[str], low: list[str], a: int, r: int) -> bool:
    k = low.index("of", a, r) if "of" in low[a:r] else a  # two capitalised words or more, then "of"
    return k - a >= 2 and all(is_cap(t) for t in toks[a:k])


def _name_tail(toks: list[str], low: list[str], a: int, b: int) -> tuple[int, int]:
    """'a Bloomberg interview Trump' (a missing comma): keep the final name when an ordinary noun precedes it,
    not after a name's "of" ("Tamas Varga of oil broker PVM"). A body's kind before its name stays when the phrase opens
    its clause ("Rights group Amnesty International said"), not after a verb ("told the newspaper Trump would")."""
    r = b
    while r > a and (is_cap(toks[r - 1]) or (toks[r - 1] == "." and abbreviation_dot(low, r - 1))):
        r -= 1
    if a < r < b and (low[r] in LEGAL_FORMS or low[r] + "." in LEGAL_FORMS):
        r -= 1  # "eBay Inc": a legal form is the end of a name, whatever case the name's word is written in
    w = low[r - 1] if r > a else ""
    if w in _BODY_KINDS and (a == 0 or not is_word(toks[a - 1]) or low[a - 1] in ("and", "but")):
        return (a, b)
    if a < r < b and toks[r - 1][:1].islower() and is_word(w) and w not in _KEEP_BEFORE_NAME \
            and w not in DETERMINERS and w not in _NP_PREP and w not in _LOOSE_PREP and w not in ("and", "to", "by") \
            and not (r - 2 > a and low[r - 2] in _LOOSE_PREP) and not _name_of(toks, low, a, r):  # "in central Londra"
        return (r, b)
    return (a, b)


def _verbish(w: str, lw: str) -> bool:
    """A lower-case word that is no part of a subject: an -ly adverb or a cue verb ("polls show majorities ...")."""
    if not w[:1].islower():
        return False
    return (lw.endswith("ly") and len(lw) > 4 and lw not in LY_NOUNS) or lw in _CLAUSE_VERBS


def np_after(toks: list[str], low: list[str], i: int, hi: int,
             clause: int = _RELATIVE_CLAUSE) -> tuple[int, int] | None:
    """The noun phrase starting at token i (a relative "who ..." clause of at most ``clause`` tokens included):
    (a, b) or None."""
    if i >= hi or (not is_word(toks[i]) and toks[i] not in OPEN):
        return None
    if low[i] in SUBJECT_PRONOUNS and low[i] not in ("that", "which", "who", "it"):
        return (i, i + 1)
    if low[i] in STOP and low[i] not in ("both",) and not _given_name(toks, low, i, hi):
        return None
    k = i
    while k < hi and k - i < _MAX_NP:
        w, lw = toks[k], low[k]
        if k > i and low[k - 1] in _TAIL_OPENERS["by"] and (agent := _dated_by(low, k, hi)):
            k = agent  # "a study released Monday by the Halverson Center": the date, then who released it
            continue
        if lw in RELATIVE and k > i:
            return (i, _clause_end(toks, k, hi, clause))
        if w == "." and abbreviation_dot(low, k):
            k += 1
            continue
        if w == "/" and k > i and k + 1 < hi and is_cap(toks[k - 1]) and is_cap(toks[k + 1]):
            k += 1  # "the latest CNN/ORC poll": two names joined
            continue
        if not is_word(w) and w not in ("-", "&", "’s", "'s"):
            break
        if k > i and ((lw in STOP and lw not in ("and", "both") and low[k - 1] not in _TAIL_OPENERS.get(lw, ()))
                      or lw in WEEKDAYS or lw == "in"):
            break  # but "documents seen by Nordwire", "people close to the company": the phrase goes on
        if lw == "and" and not (k + 1 < hi and is_cap(toks[k + 1]) and is_cap(toks[k - 1])):
            break
        k += 1
    dangling = low[k - 1] in _TAIL_OPENERS or low[k - 1] in _NP_PREP or low[k - 1] in _LOOSE_PREP
    return (i, k - (dangling and k - 1 > i)) if k > i else None  # not ending on "to", "on" (before "Wednesday")


def _dated_by(low: list[str], k: int, hi: int) -> int:
    """After a participle taking "by", a day and "by" ("released Monday by", "published last week by"): the
    token after "by", else 0."""
    j = k + (low[k] in BEFORE_DAY)
    dated = j < hi and (low[j] in WEEKDAYS or (low[k] in ("last", "this") and low[j] in ("week", "month", "year")))
    return j + 2 if dated and j + 1 < hi and low[j + 1] == "by" else 0


def _given_name(toks: list[str], low: list[str], i: int, hi: int) -> bool:
    """"said Per Lund", "said Will Hurd": a function word that is also a first name, capitalised before a name."""
    return low[i] in _NAME_WORDS_IN_STOP and toks[i][:1].isupper() and i + 1 < hi and is_cap(toks[i + 1])


def _clause_end(toks: list[str], k: int, hi: int, clause: int = _RELATIVE_CLAUSE) -> int:
    """End of a relative clause starting at k: the next comma or end mark, at most ``clause`` tokens on."""
    e = k
    while e < hi and e - k < clause and toks[e] not in (",", ".", ";", "”", '"', "—", ":", "(", "?", "!"):
        e += 1
    return e


def core_subject(toks: list[str], low: list[str], src: tuple[int, int]) -> tuple[int, int] | None:
    """The trailing name, or the plural head alone, of a subject phrase that failed as a whole."""
    a, b = src
    r = b
    while r > a and (is_cap(toks[r - 1]) or (toks[r - 1] == "." and abbreviation_dot(low, r - 1))):
        r -= 1
    if r < b and r > a:
        return (r, b)
    h = low[b - 1]
    if b - 1 > a and h in PEOPLE:
        return (b - 1, b)
    return None


def personish(h: str) -> bool:
    """A person or group noun, singular or plural ("companies", "regulators", "doctor")."""
    return h in PEOPLE or h in ROLE_HEADS or h + "s" in PEOPLE or h[:-1] in ROLE_HEADS or h[:-3] + "y" in ROLE_HEADS
