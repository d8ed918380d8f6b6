"""People named anywhere in a document: antecedents for "he" and "she", and where roles are learnt."""

from __future__ import annotations

import re
from dataclasses import replace

from model.attribution.mentions import Mention, classify
from model.attribution.name_words import opens_sentence
from model.lexicon import COMMON_PLURALS, COMMON_WORDS, FEMALE, GIVEN_NAMES, GRAMMAR, MALE, ROLE_NOUNS, TITLES, TYPING
from model.types import Span

# Runs of two to six capitalised words, optionally after a title (Mr, Mrs, Ms, Dr, Sen, Rep, Gov, Gen): candidate
# names of people. Every match starts with a capital, a title's too, so the pattern opens with that capital as a
# character class, which lets the engine skip to the next capital in C (a lookahead "(?=[A-Z])" did not); the
# rest of a title is then read behind it ("(?<=M)(?:r|rs|s)" is "Mr", "Mrs" or "Ms"), tried in the same order as
# "(?:(?:Mr|Mrs|...)\.\s)?" was, for the same matches at a third less cost. A word's letters are read possessively
# ("{1,20}+"): what follows a word is a space or the run's end, never a letter the word could give back, so the
# engine need not try giving them back one by one when the run fails ("The cat": no second capital).
_TITLE_REST = r"(?<=[DGMRS])(?:(?<=M)(?:r|rs|s)|(?<=D)r|(?<=S)en|(?<=R)ep|(?<=G)(?:ov|en))"
_NAME_RUN = re.compile(r"[A-Z](?:" + _TITLE_REST + r"\.\s[A-Z][\w’'-]{1,20}+|[\w’'-]{1,20}+)"
                       r"(?:\s(?:(?:" + "|".join(sorted(p for p in GRAMMAR["name_particles"] if p.isalpha()))
                       + r")\s)?(?:[A-Z]\.\s)?[A-Z][\w’'-]{1,20}+){1,5}")
# "Ms. Malik", "Mr. Farook": a courtesy title that says man or woman, capitalised as news writes it ("Ms" with or
# without its point), and the capitalised surname after it.
_GENDERED = {h.rstrip("."): "female" if h in FEMALE else "male" for h in TYPING["honorifics"] if h in FEMALE | MALE}
# No "\b" before the title: a pattern opening with literals is searched for by its first letter, many times
# faster over a whole article; the word boundary before it is checked on each match instead.
_HONOURED = re.compile(r"(" + "|".join(sorted((h.capitalize() for h in _GENDERED), key=len, reverse=True))
                       + r")\.?\s+([A-Z][\w’'-]{1,20})\b")


# The article's own description of a person, wherever the name stands: a role noun right before the name with
# the words that modify it ("the conservative radio host Charlie Sykes", "former Florida governor Jeb Bush"; not
# "the media and rival Hillary Clinton"), or an appositive after it ("Sean Hannity, the Fox News host,").
_MODIFIER_WORD = re.compile(r"[A-Za-z][a-z-]{1,20}")  # "former", "Florida": a word without punctuation
_WORD = re.compile(r"\S+")
_NOT_MODIFIER = GRAMMAR["articles"] | GRAMMAR["mention_tail"] | GRAMMAR["clause_openers"] | GRAMMAR["conjunctions"]
_APPOSITIVE = re.compile(r",\s(?:the|a|an)\s[^,.;:()“”\"]{2,60},")
_HEADLINE_WORDS = GRAMMAR["headline_words"]
_RUN_OPENERS = GRAMMAR["run_openers"]
_NOUN_AFTER = 20  # characters read after a name run for the plural noun it may modify
_POSSESSOR = re.compile(r"[A-Za-z][\w-]{0,20}['’]s")
_SET_OFF_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
_FORMER = TYPING["former_words"]
_OPENING_MARKS = frozenset(".!?-—–:\"“”")
_CAPITALISED = re.compile(r"\b([A-Z]\w+)\b")  # a surname alone: "Obama", "Obama's", "McDonough"
_IN_WORD_MARKS = frozenset("_’'-")  # a word's characters beside letters and digits ("\w" with "’", "'", "-")
SURNAMES = 64  # gendered surnames searched for one by one; more (hostile text) take one scan of capitalised words
DESCRIBED_WINDOW = 100  # characters before a name looked at for its description
MODIFIERS = 3  # words before the role noun at most: "deputy editorial page editor", "former Florida governor"
TITLE_WORDS = 6  # words of a capitalised title before a name at most: "Deputy Director of National Intelligence"


def described(text: str, span: Span) -> str:
    """The name with the description the text writes beside it, for learning the person's role; the name
    alone when there is none."""
    lo, start = max(0, span.start - DESCRIBED_WINDOW), span.start
    # The word right before the name's space (its last non-space run, as "\S+" finds it from ``lo``): read with
    # str methods first, since the window's words are wanted only when it is a role noun (seldom).
    joined = start - 2 >= lo and text[start - 1].isspace() and not text[start - 2].isspace()
    last = text[lo:start - 1].rsplit(None, 1)[-1] if joined else ""
    if last in ROLE_NOUNS:  # "former Florida governor Jeb Bush"
        words = list(_WORD.finditer(text, lo, start))
        start = words[_modified(words, len(words) - 1)].start()
    elif last[-1:] == "," and last[:-1] in ROLE_NOUNS:
        start = _set_off(list(_WORD.finditer(text, lo, start))) or start
    elif last[:1].isupper():  # "New Jersey Gov. Chris Christie", "White House Chief of Staff Denis McDonough"
        title = _title_before(list(_WORD.finditer(text, lo, start)))
        start = start if title is None else title
    after = _APPOSITIVE.match(text, span.end)
    return text[start:after.end() - 1 if after else span.end]


def _title_before(words: list[re.Match]) -> int | None:
    """Where a capitalised title written right before a name starts ("New Jersey Gov.", "Secretary of State",
    "White House Chief of Staff"): its capitalised words and their "of", holding a title or a role noun; None
    when the words before the name are no title ("In Washington"). A word ending a sentence ends the search."""
    n, found = len(words), False
    while n > 0 and len(words) - n < TITLE_WORDS:
        w = words[n - 1].group(0)
        low = w.lower()
        if not (w[:1].isupper() or low == "of") or w[-1:] in "!?,;:" \
                or (w[-1:] == "." and low not in TITLES and "." not in w[:-1]) \
                or (low != "of" and (low in _RUN_OPENERS or low in _NOT_MODIFIER)):
            break  # "When Secretary of State ...": the sentence's first word is no part of the title
        found = found or _titled(low)
        n -= 1
    while n < len(words) and words[n].group(0) == "of":
        n += 1
    if n > 0 and words[n - 1].group(0).lower() in _FORMER:
        n -= 1  # "former Florida Gov. Jeb Bush": no office now
    return words[n].start() if found and n < len(words) else None


def _titled(low: str) -> bool:
    """A title or a role noun (lower case): "gov.", "secretary", "chief"."""
    return low in TITLES or low in ROLE_NOUNS


def _modified(words: list[re.Match], n: int) -> int:
    """Where the words modifying the role noun at ``n`` start: "former Florida governor"."""
    while n > 0 and len(words) - n <= MODIFIERS and _MODIFIER_WORD.fullmatch(words[n - 1].group(0)) \
            and words[n - 1].group(0).lower() not in _NOT_MODIFIER:
        n -= 1
    return n


def _set_off(words: list[re.Match]) -> int | None:
    """Where a description set off before the name starts ("Lindmark's defence minister, Rasmus Ekholm", "the
    union's president, Mary Kay Henry"), or None: it must open with a determiner or a possessor, and not be
    a capacity ("As a New York senator, Hillary Clinton voted") or a phrase's object ("the nomination for
    president, Hillary Clinton")."""
    n = _modified(words, len(words) - 1)
    if n > 0 and _POSSESSOR.fullmatch(words[n - 1].group(0)):
        n -= 1  # "Lindmark's", "the union's"
    before = [w.group(0).lower() for w in words[max(0, n - 2):n]]
    if words[n].group(0)[:1].isupper() and (not before or before[-1][-1:] in _OPENING_MARKS):
        return words[n].start()  # it opens the sentence: "HALLBERG (Nordwire) - Lindmark's defence minister, ..."
    if not before or before[-1] not in _SET_OFF_OPENERS or before[:1] == ["as"]:
        return None
    return words[n - 1].start()


def name_mentions(text: str) -> list[tuple[Span, Mention]]:
    """People named anywhere in the text, as antecedents for "he"/"she" when they were not sources.

    Only runs that look like people: after a title, opening with a known first name, or whose surname the text
    writes elsewhere after "Mr." or "Ms." ("Tashfeen Malik ... Ms. Malik": a woman, though her first name is
    in no list).
    """
    honoured = {m.group(2).lower(): _GENDERED[m.group(1).lower()] for m in _HONOURED.finditer(text)
                if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")}
    out = []
    for m in _NAME_RUN.finditer(text):
        low = m.group(0).lower().split()
        if not _HEADLINE_WORDS.isdisjoint(low[1:]):
            continue  # a Title Case headline's words, not a name
        if low[0] in COMMON_WORDS and _opening_modifier(text, m, low):
            continue  # "Young Sanders supporters never ...": no one named Young Sanders
        # The cheap tests first: most runs neither open with a subordinator nor follow " of ".
        run = _without_opener(m) if low[0] in _RUN_OPENERS else Span(m.group(0), m.start(), m.end())
        if run.start >= 4 and text.startswith(" of ", run.start - 4):
            run = _after_title(text, run)
        mention = classify(run.text)
        if _looks(text, run, mention):
            out.append((run, mention))
        elif mention.kind == "named_person" and mention.gender == "unknown" and mention.entity in honoured:
            out.append((run, replace(mention, gender=honoured[mention.entity])))
    return out


def _looks(text: str, run: Span, mention: Mention) -> bool:
    """A body's name, or a person's after a title, with a known first name, a role or a role noun before it."""
    if mention.kind != "named_person":
        return mention.kind == "named_organization"
    first = run.text.split()[0].lower()
    return first in TITLES or first in GIVEN_NAMES or mention.role != "other" or _after_role_noun(text, run.start)


def _without_opener(m: re.Match) -> Span:
    """The run without a subordinator or preposition opening its sentence ("When Prime Minister Benjamin
    Netanyahu" names the prime minister), when a name of two words or more is left."""
    first, _, rest = m.group(0).partition(" ")
    if first.lower() in _RUN_OPENERS and len(rest.split()) >= 2:
        start = m.end() - len(rest)
        return Span(rest, start, m.end())
    return Span(m.group(0), m.start(), m.end())


def _after_title(text: str, run: Span) -> Span:
    """The name in a run that a title's "of" phrase runs into ("Secretary of State John Kerry", "Chief of Staff
    Denis McDonough"): from the first given name after the run's first word, when "of" comes right before the run
    and a surname follows that given name; the run as it is otherwise."""
    words = run.text.split(" ")
    if len(words) < 3 or text[max(0, run.start - 4):run.start] != " of " or words[0].lower() in GIVEN_NAMES:
        return run
    k = next((k for k in range(1, len(words) - 1) if words[k].lower() in GIVEN_NAMES), None)
    if k is None or any(_titled(w.lower()) for w in words[:k]):
        return run  # "of Sen. Lindsey Graham", "of Justice Antonin Scalia": the title is the name's own
    start = run.start + len(" ".join(words[:k])) + 1
    if _title_before(list(_WORD.finditer(text, max(0, start - DESCRIBED_WINDOW), start))) is None:
        return run  # "University of North Carolina Chapel Hill", "Bank of America Merrill Lynch": no title
    return Span(text[start:run.end], start, run.end)


def _opening_modifier(text: str, m: re.Match, words: list[str]) -> bool:
    """A run opening its line or sentence with a common word and modifying a lower-case noun after it: the
    sentence's capital, not a first name ("Young Sanders supporters", "Black Lives Matter" aside: no noun).
    ``words``: the run's in lower case."""
    if words[0] not in COMMON_WORDS or not opens_sentence(text, m.start()) \
            or any(w in TITLES or w in ROLE_NOUNS for w in words):
        return False  # "Senator Bernie Sanders advocates", "Prime Minister Stephen Harper shakes hands"
    after = text[m.end():m.end() + _NOUN_AFTER].split(maxsplit=1)
    return text[m.end():m.end() + 1] == " " and bool(after) and after[0] in COMMON_PLURALS


def surname_mentions(text: str, names: list[tuple[Span, Mention]]) -> list[tuple[Span, Mention]]:
    """A person named in full (``name_mentions``) named again by surname alone ("President Barack Obama ...
    Obama departs the UK"): where news mostly refers back to people, so a pronoun's nearest antecedent
    is there. Only a person whose name says man or woman, one of them: a surname alone says neither, and
    "she" must not take a man named since. A surname beside another capitalised word is part of a name run
    (``name_mentions``'s, or "Obama Foundation"), not one."""
    genders: dict[str, set[str]] = {}
    written: dict[str, str] = {}  # entity -> the surname as a name run writes it ("McDonough")
    for span, m in names:
        if m.kind == "named_person" and m.entity.isalpha() and m.gender in ("male", "female"):
            genders.setdefault(m.entity, set()).add(m.gender)
            if m.entity in written:
                continue  # the first run that writes the surname gives it
            surname = next((w for w in map(_unpossessed, span.text.split()) if w.lower() == m.entity), "")
            if surname:  # "Barack Obama’s" writes it too
                written.setdefault(m.entity, surname)
    known = {e: g.pop() for e, g in genders.items() if len(g) == 1 and e in written}
    if len(known) > SURNAMES:  # hostile text: one scan of the capitalised words instead of one per surname
        by_written = {written[e]: e for e in known}
        found = ((m.start(), by_written[m.group(1)]) for m in _CAPITALISED.finditer(text) if m.group(1) in by_written)
    else:
        found = ((at, e) for e in known for at in _occurrences(text, written[e]))
    out = []
    for at, entity in sorted(found):
        end = at + len(entity)
        if text.startswith(("'s", "’s"), end):
            end += 2
        if _in_run(text, at, end):
            continue
        mention = Mention("named_person", "other", entity, "none", known[entity], entity)
        out.append((Span(text[at:end], at, end), mention))
    return out


def _unpossessed(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _occurrences(text: str, word: str) -> list[int]:
    """Offsets of ``word`` as a whole word: a literal search, faster than a regex over the whole text."""
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        # "[\w’'-]" asked of one character without a regex call: "\w" is what str.isalnum accepts, and "_"
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _IN_WORD_MARKS)) \
                and (end == len(text) or not text[end].isalnum()):
            out.append(at)
        at = text.find(word, end)
    return out


def _in_run(text: str, start: int, end: int) -> bool:
    """A capitalised word right before or after the span, only a space between: "Barack Obama", "Obama
    Foundation"; not "In London, Obama"."""
    if start >= 2 and text[start - 1] == " " and text[start - 2] not in ",;:":  # the word before read only then
        before = text.rfind(" ", 0, start - 1) + 1
        if text[before:start - 1][:1].isupper():
            return True
    return end + 1 < len(text) and text[end] == " " and text[end + 1].isupper()


def _after_role_noun(text: str, at: int) -> bool:
    """A role noun of a person right before this offset ("host ", "pollster ")."""
    if at == 0 or text[at - 1] != " ":
        return False
    last = text[max(0, at - DESCRIBED_WINDOW):at].rsplit(None, 1)  # its last word, as split() would find it
    return bool(last) and last[-1] in ROLE_NOUNS
