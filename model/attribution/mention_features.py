"""What the learned mention typer (``typer``) sees of one attribution's source: the mention's own words, the
words of the earlier mention it resolves to, what the rules made of both, and what the document says about
the name elsewhere (``evidence``). Cheap token and word-list features, no parser: each is a name -> value
(1.0 for present), read by a ``DictVectorizer``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from model.attribution.evidence import Evidence, classes, norm
from model.attribution.mentions import (
    Mention,
    appositive_name,
    classify,
    core_of,
    head_chunk,
    is_capitalised,
    words_of,
)
from model.attribution.records import Doc, Draft, Resolution
from model.attribution.role_words import role_of
from model.lexicon import (
    ABBREVIATIONS,
    COMMON_HEADS,
    COMMON_PLURALS,
    CONFIDENTIAL,
    COUNTRIES,
    EXPERT,
    GIVEN_NAMES,
    GRAMMAR,
    GROUPS,
    LEGAL_FORMS,
    MEDIA,
    OFFICIAL,
    ORGANIZATIONS,
    PERSON_ROLES,
    PRONOUNS,
    QUANTIFIERS,
    TITLES,
    TYPING,
    WITNESS,
)
from model.text import MEMO_SIZE

# Word classes asked of the head word and of any word of the mention's core.
CLASSES: dict[str, frozenset[str]] = {
    "org": ORGANIZATIONS, "company": TYPING["company_words"], "person_role": PERSON_ROLES,
    "person_word": TYPING["person_words"], "group": GROUPS, "described": TYPING["described_groups"],
    "confidential": CONFIDENTIAL, "common": COMMON_HEADS, "document": TYPING["document_heads"],
    "official": OFFICIAL, "media": MEDIA, "expert": EXPERT, "witness": WITNESS, "country": COUNTRIES,
    "title": TITLES, "legal": LEGAL_FORMS, "former": TYPING["former_words"], "candidate": TYPING["candidate_words"],
    "honorific": TYPING["honorifics"], "common_plural": COMMON_PLURALS,
}


def _by_word(classes: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """word -> the names of the classes holding it: one dict read per word of a mention, not every class asked."""
    names: dict[str, list[str]] = {}
    for name, words in classes.items():
        for w in words:
            names.setdefault(w, []).append(name)
    return {w: tuple(found) for w, found in names.items()}


_CLASSES_OF = _by_word(CLASSES)
_CLOSED = GRAMMAR["articles"] | QUANTIFIERS | GRAMMAR["phrase_quantifiers"]
_TAILS = GRAMMAR["mention_tail"] | {"by"}
_NAME_JOINS = frozenset({"of", "&", "for"})
_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}$")
_PERSON_SIGNS = frozenset({"first_name", "initials", "has.title", "has.honorific", "has.person_role", "appositive_name",
                           "ev.first_name", "ev.honorific", "ev.he", "ev.pre_head.person", "ev.appos_head.person",
                           "ev.age"})
_BODY_WORDS = ORGANIZATIONS | TYPING["company_words"] | LEGAL_FORMS
_LEADING = TITLES | PERSON_ROLES | GRAMMAR["articles"] | QUANTIFIERS | TYPING["former_words"]
# The features below that say what a name is beyond its capitals: word classes, structure, evidence elsewhere.
_EVIDENCE = ("ev.", "appos", "has.", "head.", "tail", "pre.", "comma", "plural_head", "acronym", "possessive",
             "first_name", "initials", "resolved", "number")


def rows(doc: Doc) -> tuple[list[int], list[dict[str, float]]]:
    """The drafts whose source a mention names (their indices) and one feature dict each. A pronoun that
    resolved to nothing ("I", "we" with no antecedent) is left to the rules: no words to type. Sources that
    share their words, antecedent and rules' answer share one dict (names recur in a document)."""
    evidence = Evidence(doc.text)
    idx, out = [], []
    made: dict[tuple, dict[str, float]] = {}
    for n, (d, r) in enumerate(zip(doc.drafts, doc.resolutions, strict=True)):
        if r.source is None or r.mention is None:
            continue
        target = typed_text(d, r)
        key = (target, r.source.text, r.mention.kind, r.mention.role, r.mention.anonymity)
        f = made.get(key)  # one lookup of the key: its tuple is hashed anew at each
        if f is None:
            f = made[key] = row(target, r.source.text, r.mention, evidence)
        if f:
            idx.append(n)
            out.append(f)
    return idx, out


def typed_text(d: Draft, r: Resolution) -> str:
    """The words a source is typed from: the earlier mention it resolves to (a pronoun's, a description's, a
    quotation continuation's), else the source itself."""
    assert r.source is not None  # asked only of a source with a mention (``rows``, ``entities.same_speaker``)
    return (r.source.resolved or d.local_resolved or r.source).text


def row(target: str, source: str, mention: Mention, evidence: Evidence) -> dict[str, float]:
    """One source's features: those of the mention that names it (``target``: the earlier mention a pronoun,
    description or quotation continuation resolves to, else the source itself), the rules' answer after
    resolution, and the document's evidence about the name. Empty for a bare pronoun resolved to nothing."""
    if classify(target).kind == "pronoun":
        return {}
    f = dict(own(target))
    own_kind = classify(source).kind
    if target != source:
        f["resolved"] = 1.0
        f["from=" + own_kind] = 1.0
        if own_kind == "pronoun":  # "they" after a body speaks for its people, "it" for the body itself
            f["from_pronoun=" + source.strip().lower()] = 1.0
    else:
        if own_kind == "backref":
            f["unresolved_description"] = 1.0  # "the band leader" with nothing earlier to point to
        if "caps=0" in f:
            f["no_name"] = 1.0  # names no one and points back to no one: "the announcer", "the editorial"
    f[f"res.kind={mention.kind}"] = f[f"res.role={mention.role}"] = f[f"res.anon={mention.anonymity}"] = 1.0
    name = name_of(target)
    f.update(evidence.about(name))
    if name and _PERSON_SIGNS.isdisjoint(f):
        f["no_person_sign"] = 1.0  # a name never given a first name, a title or a "he"/"she" anywhere in the text
    # One order whatever the hash seed (the vectoriser's vocabulary is pickled): the names sorted alone, as
    # strings, are the items' order (no two are equal) without a tuple built and compared per item.
    names = sorted(f)
    return dict(zip(names, map(f.__getitem__, names), strict=True))


def no_evidence(features: dict[str, float]) -> bool:
    """A row that shows nothing but a capitalised word: no word class, appositive, tail or evidence elsewhere."""
    return not any(k.startswith(_EVIDENCE) for k in features)


@lru_cache(maxsize=MEMO_SIZE)  # a pure function of the words; mentions recur within and across requests
def own(text: str) -> tuple[tuple[str, float], ...]:
    """Features of a mention's own words."""
    return tuple(_own(text).items())


def _own(text: str) -> dict[str, float]:
    ws = words_of(text)
    m = classify(text)
    f = {f"rule={m.kind}": 1.0, f"rule.role={m.role}": 1.0, f"rule.anon={m.anonymity}": 1.0}
    if not ws:
        return f
    low = [norm(w) for w in ws]
    if len(ws) == 1 and low[0] in PRONOUNS:
        f[f"pronoun={low[0]}"] = 1.0
        return f
    core = core_of(ws)
    chunk = head_chunk(ws) or ws
    head = norm(chunk[-1])
    f[f"head={head}"] = 1.0
    if not is_capitalised(chunk[-1]) and len(head) > 4:
        f["suffix=" + head.rstrip("s")[-3:]] = 1.0  # a common noun's ending: -er, -ist, -ian people; -ion, -ent bodies
    for name in _CLASSES_OF.get(head, ()):
        f["head." + name] = 1.0
    for w in set(low[:len(core)]):  # the core is a prefix of the words: their normal forms are read, not redone
        for name in _CLASSES_OF.get(w, ()):
            f["has." + name] = 1.0
    f.update(_shape(ws, low, chunk, head))
    f.update(_structure(ws, low, core))
    return f


def _shape(ws: list[str], low: list[str], chunk: list[str], head: str) -> dict[str, float]:
    """Capitalisation, length, number and the first word."""
    f: dict[str, float] = {}
    open_words = [w for w, n in zip(chunk, low, strict=False) if n not in _CLOSED]  # the chunk is a prefix of the words
    caps = [w for w in open_words if is_capitalised(w)]
    f["first=" + (low[0] if low[0] in _CLOSED else "cap" if is_capitalised(ws[0]) else "lower")] = 1.0
    f["caps=" + ("0" if not caps else "1" if len(caps) == 1 else "2+")] = 1.0
    if caps and len(caps) == len(open_words):
        f["all_caps"] = 1.0
    if is_capitalised(chunk[-1]):
        f["cap_head"] = 1.0
    # the cheap tests in C first: a word is upper case whether or not its points are read, and most mentions hold
    # no word in upper case and no given name
    if any(map(str.isupper, chunk)) and any(len(w.replace(".", "")) >= 2 and w.isupper() for w in chunk):
        f["acronym"] = 1.0
    if not GIVEN_NAMES.isdisjoint(low) and any(w in GIVEN_NAMES and is_capitalised(ws[i]) for i, w in enumerate(low)):
        f["first_name"] = 1.0
    if len(chunk) >= 2 and is_capitalised(chunk[-1]) and _INITIALS.match(chunk[-2]) \
            and chunk[-2].lower() not in ABBREVIATIONS:
        f["initials"] = 1.0  # "J. K. Rowling", "E.J. Dionne": a person's initials, not "U.S. Steel"
    if head.endswith("s") and not head.endswith("ss"):
        f["plural_head"] = 1.0
    if any(map(str.isdigit, "".join(ws))):  # each character asked in C, no generator step per character
        f["number"] = 1.0
    f["len=" + ("1" if len(ws) == 1 else "2-3" if len(ws) <= 3 else "4-6" if len(ws) <= 6 else "7+")] = 1.0
    return f


def _structure(ws: list[str], low: list[str], core: list[str]) -> dict[str, float]:
    """Possessive, appositive and prepositional tail, with the word classes of each part and what the rules
    make of the possessor or the tail; the classes of the words before the name ("Montana Sen. Jon Tester")."""
    f: dict[str, float] = {}
    for i, w in enumerate(core[:-1]):
        if w.endswith(("'s", "’s", "s'", "s’")):
            f["possessive"] = 1.0
            f["poss=" + classify(" ".join(core[:i + 1])).kind] = 1.0
            break
    name_at = next((i for i, w in enumerate(core) if is_capitalised(w) and norm(w) not in _LEADING), len(core))
    if name_at:
        f.update(dict.fromkeys(("pre." + c for c in classes(core[:name_at])), 1.0))
        f["pre.role=" + role_of(core[:name_at])] = 1.0
    if "," in ws:
        f["comma"] = 1.0
        comma = ws.index(",")
        f.update(dict.fromkeys(("appos." + c for c in classes(ws[comma + 1:])), 1.0))
        f["appos.role=" + role_of(ws[comma + 1:])] = 1.0
    if appositive_name(ws):
        f["appositive_name"] = 1.0
    tails = () if _TAILS.isdisjoint(low) else low[1:]  # most mentions: no tail word, one pass in C
    for i, w in enumerate(tails, 1):
        if w in _TAILS and i < len(ws) - 1:
            rest = ws[i + 1:]
            f["tail=" + w] = 1.0
            f.update(dict.fromkeys(("tail." + c for c in classes(rest)), 1.0))
            if any(is_capitalised(x) for x in rest):
                f["tail.kind=" + classify(" ".join(rest)).kind] = 1.0
            break
    return f


@lru_cache(maxsize=MEMO_SIZE)
def name_of(text: str) -> tuple[str, ...]:
    """The normalised name a mention carries, to look up elsewhere in the document: its last run of
    capitalised words without titles or determiners; only its last word unless that word is a body's
    ("Ana Ruiz" -> ruiz, so that "Ruiz said" is found too; "Ostrava General" stays whole). Empty for no name."""
    runs: list[list[str]] = [[]]
    for w in head_chunk(words_of(text)):
        if (is_capitalised(w) and norm(w) not in _LEADING) or (runs[-1] and w.lower() in _NAME_JOINS):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    run = next((r for r in reversed(runs) if r), [])
    while run and run[-1].lower() in _NAME_JOINS:
        run.pop()
    low = tuple(norm(w) for w in run)
    if len(low) >= 2 and _NAME_JOINS.isdisjoint(low) and low[-1] not in _BODY_WORDS:
        return low[-1:]  # a person's surname (or an organisation's last word, which the full name also has)
    return low
