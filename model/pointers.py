"""What a denial that only points back refers to in its article ("denied the report", "dismissed the criticism").

Such a denial restates nothing, so word overlap cannot say what it denies: the words it shares with other
claims of its article are the story's. It denies what its pointer refers to instead: the nearest earlier
claim of another source (for a pointer to one thing, the nearest whose words name it: "the report" is what
"reported") and the claims that source made just before it (all of "the report"); for a
pointer to several things or a mass ("the accusations", "the criticism": ``denial_targets.txt`` ``[many]``)
the claims of the other critics just before those too. Used by ``model.links``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np

from model.attribution.role_words import POSSESSIVE
from model.attribution.speaking_for import SPOKESPEOPLE
from model.caseless import Caseless, lowered
from model.content import WORD, Analysis, term
from model.lexicon import PERSON_ROLES, sections
from model.pair_arrays import pair_code
from model.text import Memo
from model.types import Claim

BACK_WINDOW = 8  # claims back in its article a pointing denial looks for what it denies
OWNER_WINDOW = 16  # claims back it looks for the source it names ("the engineers' accusations"): a name is sharper
_NOUN_PREFIX = 5  # letters a pointer's noun shares with a word naming it: "repor" (reported), "alleg", "sugge"
_PRONOUNS = frozenset(("it", "they", "he", "she", "we", "who", "which"))
_SENTENCE_END = (".", "!", "?", "”", '"', "''", "’")  # a claim ending so ends its sentence; others are parts of one
_TARGETS = sections("denial_targets.txt")
MANY = _TARGETS["many"]  # "the accusations", "the criticism": several claims, whoever made them
_ACCUSATIONS = _TARGETS["accusations"]  # "the allegations": what someone accused the denier of
ACCUSING = re.compile(r"\b(?:" + "|".join(sorted(_TARGETS["accusing"])) + r")\b", re.IGNORECASE)
_ACCUSING = Caseless(ACCUSING)  # read through ``accuses`` and ``_accusers`` (model.caseless)
_ACCUSING_STEMS = ("accus", "alleg", "blam", "implicat", "suspect")  # one stands in every accusing word
assert all(any(s in w for s in _ACCUSING_STEMS) for w in _TARGETS["accusing"]), "an accusing word without a stem"
_NAME_WORD = re.compile(r"\b[A-Z][\w’'-]+")
_LOWER_WORD = re.compile(r"[a-z][a-z-]{2,}")  # a word of three letters or more: no "a", "of", "he"
_ACCUSER_CHARS = 30  # before an accusing word, where its subject stands: "a television programme accused"
_NOT_ACCUSERS = frozenset(("the", "after", "day", "who", "which", "that", "had", "has", "have", "been", "was",
                           "were", "also", "and", "but", "since", "when", "before", "earlier", "last", "week"))
_OPENERS = frozenset(("The", "A", "An", "He", "She", "It", "They", "His", "Her", "Its", "Their"))  # no name's
# "dismissed the reports": a determiner, at most two words, a noun naming a claim; or "received no such letter".
POINTS_BACK = re.compile(r"\b(?:(?:(?:the|that|this|these|those|such|its|their|his|her)\s+(?:[\w’'-]+\s+){0,2}"
                         r"|[a-z][\w-]*(?:['’]s|s['’])\s+)("  # or whose: "dismissed Dunmore's criticism"
                         + "|".join(sorted(_TARGETS["one"] | MANY, key=len, reverse=True))
                         + r")|such\s+[\w’'-]+)\b"
                         + r"|\b(?:that|this)(?=\s*(?:[,.;!?]|$))"  # "Volkswagen rejected that,"
                         + r"|\b(?:it|that|this)(?=\s+as\s)", re.IGNORECASE)  # "dismissed it as speculation"
# ("[a-z]" takes any letter, as "[A-Z]" would under IGNORECASE; written lower-case for its twin, model.caseless.)
_POINTS_BACK = Caseless(POINTS_BACK)
_DEMONSTRATIVES = ("this", "that", "these", "those", "such")  # point at what was just said
_OWNER_MARK = "of:"  # marks the name a denier belongs to among its side's words
_FIGURES = frozenset({"figure", "figures", "toll", "tally", "estimate", "estimates"})  # pointed at: a number
_NUMBER = re.compile(r"\d")
_KEY_MARK = "key:"  # marks a source of the denier's side among them
_POSSESSOR = re.compile(r"([\w-]+)(?:['’]s|s['’])\s")  # "the engineers' accusations", "the union's claims"
# "dismissed the reports as baseless", "... as 'political point-scoring'", "said the report was 'pure
# speculation'", 'called that version "a lie"': the verdict on what is pointed at, up to the clause's end; it names
# no content of its own.
_VERDICT = re.compile(r"\s+(?:(?:as|is|was|are|were)\s+[^.;:!?]*?(?=\s+(?:and|but)\s|[.;:!?]|$)|[“\"][^”\"]*[”\"])",
                      re.IGNORECASE)  # or a quotation right after it: 'called that version "a lie that ..."'
# Where the pointer's clause ends: "..., and that talks were continuing" is another statement; a quotation's
# closing mark ('"We reject these claims," she told reporters in Ostra': the rest is who said it, and where).
_CLAUSE_END = re.compile(r"\s+(?:and|but)\s|[;:”]|,?[\"’](?:\s|$)|''")
# "dismissed the reports of live fire as 'lies spread by provocateurs'": what the pointer names (a few words after
# "of" or "about"), then its verdict.
_QUALIFIER = 8  # words naming what a pointer points at: "the reports of live fire"
_QUALIFIED_VERDICT = re.compile(r"(?:\s+(?:of|about|over|on)(?:\s+[^\s.;:!?]+){1," + str(_QUALIFIER)
                                + r"}?)?(\s+as\s+[^.;:!?]*)", re.IGNORECASE)


def bare_pointer(claim: Claim, found: Analysis, low: str | None = None) -> re.Match[str] | None:
    """The pointer of a denial that only points back ("denied the report", "called the accusations absurd"):
    beside its words its clause says at most one thing of its own, so it names no content to match ("said the
    report was 'pure speculation' and that talks were continuing" points back all the same). (``low``: the
    claim's text lower-cased, when already at hand.)"""
    pointer = _POINTS_BACK.search_as_written(claim.text, lowered(claim.text, low))
    if pointer is None:
        return None
    verdict = _VERDICT.match(claim.text, pointer.end())  # "dismissed the criticism as political point-scoring"
    said = pointer.group(0) + (verdict.group(0) if verdict else "")
    end = _CLAUSE_END.search(claim.text, verdict.end() if verdict else pointer.end())
    clause = found.content & _terms(claim.text[:end.start()]) if end else found.content  # its own clause only
    return pointer if len(clause - _terms(said)) <= 1 else None


def without_verdict(claim: Claim, found: Analysis, low: str | None = None) -> Analysis:
    """A denial's terms without its verdict on what it points at: in "dismissed the reports of live fire as 'lies
    spread by provocateurs'" the denied content is "live fire"; the verdict's words name nothing it denies and
    would keep it from matching the claims it points at. (``low``: as for ``bare_pointer``.)"""
    pointer = _POINTS_BACK.search_as_written(claim.text, lowered(claim.text, low))
    verdict = pointer and _QUALIFIED_VERDICT.match(claim.text, pointer.end())
    if not verdict:
        return found
    rest = claim.text[:verdict.start(1)] + claim.text[verdict.end(1):]
    dropped = _terms(verdict.group(1)) - _terms(rest)
    if not dropped & found.content:
        return found
    return found._replace(content=found.content - dropped, mention=found.mention - dropped)


def _terms(text: str) -> set[str]:
    return {t for t in map(term, WORD.findall(text.lower())) if t}


def referent(claims: Sequence[Claim], k: int, key: np.ndarray, denial: np.ndarray, many: bool,
             noun: str = "", owner: str = "", demonstrative: bool = False) -> list[int]:
    """What a pointing denial k refers to in its article: the nearest earlier claim by another source that
    is neither the journalist's own, a denial nor a refusal, and the claims that source made just before it
    (all of "the report"); for a pointer to several things or a mass ("the accusations", "the criticism"),
    the claims of other sources before those too, up to the first that is not eligible or is the denier's
    own, and within the paragraph when the nearest of them shares the denial's ("Opposition politicians
    accused ... . The minister rejected the criticism": a paragraph that sets out criticism and its answer is
    one exchange). A pointer naming whose claims they are ("the engineers' accusations") refers to that
    source's claims only, and one to allegations the claim that accuses (``_accusation``). At most BACK_WINDOW
    claims back (OWNER_WINDOW for an owner or an accusation)."""
    out: list[int] = []
    window = range(k - 1, max(k - 1 - BACK_WINDOW, -1), -1)
    wide = range(k - 1, max(k - 1 - OWNER_WINDOW, -1), -1)  # a named owner or an accusation is sharper: further
    sides = _own_keys(claims, k, key, _sides(claims[k]))
    owned = _owned_by(claims, k, wide, key, denial, sides, owner)
    if noun.lower() in _FIGURES:  # "Opponents dispute that figure": the nearest claim with a number, alone
        counted = next((j for j in (window if owned is None else [owned]) if claims[j].doc_index == claims[
            k].doc_index and _eligible(claims, j, k, key, denial, sides) and _NUMBER.search(without_source(
                claims[j]))), None)  # "the residents' figures": theirs; "Marko Brenn, 47," is no figure
        if counted is not None:
            return [counted]
    if noun.lower() in _ACCUSATIONS and (accused := _accusation(claims, k, window if demonstrative else wide, key,
                                                                denial, sides)):  # "those charges": just said
        return accused
    if owned is not None:
        window, many = range(owned, max(owned - BACK_WINDOW, -1), -1), False
    named = None if many or owned is not None else _named_by(claims, k, window, key, denial, sides, noun)
    if named is not None:  # "denied the report" after the report's claims and others: it starts at the report
        window = range(named, window.stop, -1)
    # What another denier says in its denial's sentence ("denied that account, saying its forces had come
    # under attack") is its answer, not what a later denial of "these claims" points at.
    answers = {j + 1 for j in window if denial[j] and not claims[j].text.rstrip().endswith(_SENTENCE_END)}
    for j in window:
        c = claims[j]
        if c.doc_index != claims[k].doc_index:
            break
        if not out and j in answers and key[j] == key[j - 1]:
            continue
        eligible = _eligible(claims, j, k, key, denial, sides)
        if out and not (eligible and (many or key[j] == key[out[0]] or _relays(claims[j], claims[out[0]]))):
            break
        if out and many and claims[out[0]].paragraph == claims[k].paragraph != c.paragraph:
            break  # criticism answered in the paragraph that sets it out: the run ends with that paragraph
        if out or eligible:
            out.append(j)
    if named is not None:  # the rest of that report after its first claim: "According to the newspaper, ..."
        out += [i for i in range(named + 1, k) if _eligible(claims, i, k, key, denial, sides) and (
            key[i] == key[named] or _relays(claims[named], claims[i]) or _relays(claims[i], claims[named]))]
    return out


def _accusation(claims: Sequence[Claim], k: int, window: range, key: np.ndarray, denial: np.ndarray,
                sides: frozenset[str]) -> list[int]:
    """What "the allegations" point at: the nearest claim in the window that accuses ("accused the minister of
    ...", "allegedly"), with the claims after it, up to the denial, of its source or of a source sharing a name
    with it ("Civic Forward accused ...", "Civic Forward lawmaker Tomas Hadek said ...", "he told reporters"),
    or of the accuser that claim names ("..., a day after a television programme accused him" then "The
    investigative programme Kontrast ... said", "According to the programme, ..."); what others said between
    (the denier's own side, a bystander confirming a detail) is no accusation. Empty when no claim accuses."""
    for j in window:
        if claims[j].doc_index != claims[k].doc_index:
            return []
        accusing = accuses(said := without_source(claims[j])) if _eligible(claims, j, k, key, denial, sides) else False
        if accusing:
            names, accuser = _names(claims[j]), _accusers(said)
            return [j] + [i for i in range(j + 1, k) if _eligible(claims, i, k, key, denial, sides)
                          and (key[i] == key[j] or not names.isdisjoint(_names(claims[i]))
                               or not accuser.isdisjoint(_source_words(claims[i])))]
    return []


def accuses(text: str) -> bool:
    """An accusing word (ACCUSING) in the text: found by its case-sensitive twin over the lower-cased text, a
    fraction of the IGNORECASE pattern's cost, which tries every word of the alternation at every character."""
    low = lowered(text)
    # Most texts hold no accusing word's stem: a few substring tests (in C) spare the pattern's walk over them.
    if low is not None and not any(map(low.__contains__, _ACCUSING_STEMS)):
        return False
    return _ACCUSING.search(text, low) is not None


def _accusers(said: str) -> set[str]:
    """The nouns right before each accusing word of a claim not its accuser's ("a television programme" of
    "..., a day after a television programme accused him"): who else made the accusation."""
    return {w for m in _ACCUSING.finditer(said, lowered(said)) for w in _LOWER_WORD.findall(
        said[max(0, m.start() - _ACCUSER_CHARS):m.start()].lower()) if w not in _NOT_ACCUSERS}


def _source_words(c: Claim) -> set[str]:
    return set(_LOWER_WORD.findall(c.source.text.lower())) if c.source is not None else set()


def _names(c: Claim) -> set[str]:
    """The capitalised words of a claim's source as written and as resolved ("Civic Forward", "Tomas Hadek")."""
    if c.source is None:
        return set()
    said = c.source.text + " " + (c.source.resolved.text if c.source.resolved else "")
    return {POSSESSIVE.sub("", w) for w in _NAME_WORD.findall(said)} - _OPENERS  # "Sanders' team": "Sanders"


def without_source(c: Claim) -> str:
    """The claim's words with its own source's blanked: "Sell's lawyer said" names no one accused."""
    if c.source is None:
        return c.text
    lo, hi = c.source.start - c.start, c.source.end - c.start
    return c.text[:lo] + " " + c.text[hi:] if 0 <= lo < hi <= len(c.text) else c.text


def _relays(c: Claim, outlet: Claim) -> bool:
    """Claim c is relayed by the outlet that made the other ("..., the business daily Ekonomen reported, citing
    two people familiar with the discussions" before "According to the newspaper, ..."): one report."""
    name = outlet.entity.split()[-1] if outlet.entity else ""
    return bool(name) and c.source is not None and any(name in v.text.lower().split() for v in c.source.via)


def _eligible(claims: Sequence[Claim], j: int, k: int, key: np.ndarray, denial: np.ndarray,
              sides: frozenset[str]) -> bool:
    """Claim j can be what denial k points at: another source's assertion, neither the journalist's, a denial,
    a refusal nor the denier's own people's."""
    c = claims[j]
    return not denial[j] and c.stance != "declines" and c.kind != "unattributed" and key[j] != key[k] \
        and not on_side(side_words(c), int(key[j]), sides)


def _sides(denier: Claim) -> frozenset[str]:
    """The denier's own body words: the head of whom it resolved to and of its own description ("The airline",
    "It" of the election commission), and the name it belongs to ("meltrosia" of "Meltrosia's foreign
    ministry")."""
    heads = {denier.entity.split()[-1]} if denier.entity else set()
    said = denier.source.text.split() if denier.source is not None else []
    if said and said[-1].islower() and said[-1] not in _PRONOUNS:
        heads.add(said[-1])
    owner = _POSSESSOR.match(denier.source.text + " ") if denier.source is not None else None
    if owner and owner.group(1)[:1].isupper():
        heads.add(_OWNER_MARK + owner.group(1).lower())
    heads |= {_OWNER_MARK + w for w in _spoken_for(said)}
    return frozenset(heads)


def _spoken_for(said: list[str]) -> set[str]:
    """The body a spokesperson's words name ("A police spokeswoman, Irena Hollo" -> police; "a spokesman for the
    ministry" -> ministry): its own claims ("Police said ...") are the denier's side, never what it denies."""
    words = [w.strip(",") for w in said]
    at = next((i for i, w in enumerate(words) if w.lower() in SPOKESPEOPLE), None)
    if at is None:
        return set()
    if at + 2 < len(words) and words[at + 1] == "for":  # "a spokesman for the police", not "for the Ostrander Group"
        end = next((i + 1 for i in range(at + 2, len(said)) if said[i].endswith(",")), len(said))
        rest = [w for w in words[at + 2:end] if w not in ("the", "a")]  # up to an appositive: "..., Nadia Perl"
        return {rest[0]} if len(rest) == 1 and rest[0].isalpha() and rest[0].islower() else set()
    before = words[at - 1] if at else ""  # "A police spokeswoman"; not "Foreign Ministry spokeswoman": one of a kind
    return {before} if before.isalpha() and before.islower() and before not in ("a", "an", "the") else set()


def side_of(claims: Sequence[Claim], k: int, key: np.ndarray, seen: dict[int, SideWords] | None = None
            ) -> frozenset[str]:
    """What marks denial k's own side in its article (for ``on_side``; ``seen``: claims' ``side_words`` by index,
    kept across calls)."""
    return _own_keys(claims, k, key, _sides(claims[k]), seen)


def on_side(words: SideWords, code: int, side: frozenset[str]) -> bool:
    """A claim (its ``side_words``, its source's code ``code``) is of the side ``side_of`` gave: the denier's own
    body or people."""
    return _words_on_side(words, side) or _KEY_MARK + str(code) in side


def _own_keys(claims: Sequence[Claim], k: int, key: np.ndarray, sides: frozenset[str],
              seen: dict[int, SideWords] | None = None) -> frozenset[str]:
    """The denier's sides with the sources of its article that are its own side anywhere: "Aslan said ..." is the
    commission's once "commission chairman Viktor Aslan" has spoken."""
    seen = {} if seen is None else seen
    own = {_KEY_MARK + str(key[j]) for j in range(max(k - OWNER_WINDOW, 0), k)
           if claims[j].doc_index == claims[k].doc_index and _words_on_side(side_words_at(claims, j, seen), sides)}
    return sides | own


# A claim's source as ``on_side`` reads it, as one set: its words (a possessive's "'s" cut) marked as names
# (_OWNER_MARK), and the words of it and of whom it resolved to that stand before a person noun ("commission" of
# "commission chairman Viktor Aslan"), unmarked. Marked so, one C-level set test against a side reads both.
SideWords = frozenset[str]


def side_words(c: Claim) -> SideWords:
    """What ``on_side`` reads of a claim's source."""
    if c.source is None:
        return frozenset()
    words, _ = _TEXT_SIDE[c.source.text]
    # "he": the head words of whom it resolved to too (no marked names: only its own text names a body)
    return words | _TEXT_SIDE[c.source.resolved.text][1] if c.source.resolved else words


def _text_side(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """One text's part of ``side_words``: its words marked as names with its head words, and the head words alone."""
    ws = [w.lower() for w in WORD.findall(text)]
    heads = frozenset(w for w, nxt in itertools.pairwise(ws) if nxt in PERSON_ROLES)
    return heads.union(_OWNER_MARK + w.removesuffix("'s").removesuffix("’s") for w in ws), heads


# Each source text's part, read once: a request asks it of every claim its denials and corroborations look at,
# and an article's speakers recur (bounded: see model.text.Memo).
_TEXT_SIDE = Memo(_text_side)


def side_words_at(claims: Sequence[Claim], j: int, seen: dict[int, SideWords]) -> SideWords:
    """Claim j's ``side_words``, read once however many denials ask (``seen`` keeps them)."""
    if j not in seen:
        seen[j] = side_words(claims[j])
    return seen[j]


def _words_on_side(words: SideWords, sides: frozenset[str]) -> bool:
    """The claim's source is a person of the denier's body ("commission chairwoman Vesna Markovic", "a commission
    member" before the commission dismissed "the claims"), or the name the denier belongs to ("Meltrosia said"
    before "Meltrosia's foreign ministry dismissed the accusations"): no criticism of it. (Another body of its
    kind is no side of it: "The Foreign Ministry in Tessin said" before "Lusia's foreign ministry called the
    accusations absurd".) A head word never holds the mark's colon, so it meets only a side's own head words, and
    a marked name only the side's marked names."""
    # "Meltrosia", "House Speaker Raymond Vickers" before "Vickers's office denied the report"; a body's person.
    return not words.isdisjoint(sides)


def _named_by(claims: Sequence[Claim], k: int, window: range, key: np.ndarray, denial: np.ndarray,
              sides: frozenset[str], noun: str) -> int | None:
    """The nearest claim of another source in the window whose words name the one thing the pointer names ("the
    report" and "reported", "a 62-page report"; "the allegation" and "alleged"), in the denial's article; None
    when none does or the noun is too short to tell. (A pointer to several things, "the accusations", runs back
    from the nearest claim instead: the nearest is one of them.)"""
    prefix = noun.lower()[:_NOUN_PREFIX]
    if len(prefix) < _NOUN_PREFIX:
        return None
    for j in window:
        c = claims[j]
        if c.doc_index != claims[k].doc_index:
            return None
        if _eligible(claims, j, k, key, denial, sides) and any(w.startswith(prefix)
                                                                for w in WORD.findall(c.text.lower())):
            return j
    return None


def owner_of(pointer: str) -> str:
    """Whose claims a pointer names, lower-cased without its possessive ending ("the engineers' accusations" ->
    "engineer", "the company's claims" -> "company"), or ""."""
    m = _POSSESSOR.search(pointer)
    return m.group(1).lower() if m else ""


def _owned_by(claims: Sequence[Claim], k: int, window: range, key: np.ndarray, denial: np.ndarray,
              sides: frozenset[str], owner: str) -> int | None:
    """The nearest claim in the window, of another source, whose source is the pointer's owner ("Two engineers
    who work at the site" for "the engineers' accusations"), as written or as resolved; None when none is."""
    if len(owner) < _NOUN_PREFIX - 1:
        return None
    for j in window:
        c = claims[j]
        if c.doc_index != claims[k].doc_index:
            return None
        said = f"{c.source.text} {c.entity or ''}" if c.source is not None else ""
        if _eligible(claims, j, k, key, denial, sides) and any(w.startswith(owner)
                                                                for w in WORD.findall(said.lower())):
            return j
    return None


def with_pointed_denials(claims: Sequence[Claim], found: Sequence[Analysis], a: np.ndarray, b: np.ndarray,
                         denial: np.ndarray, key: np.ndarray, doc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Matched pairs (a, b) with each pointing denial b's pairs in its own article replaced by what it refers to
    (``referent``). Pairs with claims of other documents stay. Pairs stay unique and sorted."""
    pointers = {k: p for k in np.flatnonzero(denial).tolist() if (p := bare_pointer(claims[k], found[k]))}
    if not pointers:
        return a, b
    keep = ~(np.isin(b, list(pointers)) & (doc[a] == doc[b]))
    pointed = [j * len(claims) + k for k, p in pointers.items()
               for j in referent(claims, k, key, denial, (p.group(1) or "").lower() in MANY, p.group(1) or "",
                                 owner_of(p.group(0)), p.group(0).lower().startswith(_DEMONSTRATIVES))]
    code = np.unique(np.concatenate([pair_code(a[keep], b[keep], len(claims)),
                                     np.array(pointed, dtype=np.int64)]))
    return code // len(claims), code % len(claims)
