"""Sources that name no one, read from the words a source is typed from: an indefinite body ("a local radio
station"), a group word ("Roman Catholics"), a person by a role alone ("A former Brennick sales manager", "The
man, who asked not to be named"), one whose own words say why it goes unnamed, and a group typed by its first
conjunct ("Edwards and others"). The typer (``typer.py``) keeps or overrides its model's answer by these exact
cases.
"""

from __future__ import annotations

from model.attribution.anonymity import states_reason
from model.attribution.mention_words import words_in
from model.attribution.mentions import appositive_name, classify, first_conjunct, head_chunk, words_of
from model.attribution.records import Resolution
from model.lexicon import GRAMMAR, GROUPS, MENTION_WORDS, ORGANIZATIONS, PERSON_ROLES, QUANTIFIERS, TYPING

_BODIES = (ORGANIZATIONS | MENTION_WORDS["org_heads_extra"] | TYPING["company_words"]) - TYPING["document_heads"]
_OWNED = frozenset(("the", "by", "of", "its", "their"))  # a definite body inside the phrase: "a report by the office"
_OFFICES = MENTION_WORDS["named_offices"]  # "the minister": one identifiable person (resolve)
_UNNAMED_OPENERS = GRAMMAR["articles"] | QUANTIFIERS  # "An employee ...", "Two workers ...": no name first


def typed(r: Resolution) -> str:
    """The words a source is typed from: the earlier mention it resolves to, else its own."""
    assert r.source is not None  # asked only of sourced resolutions (the typer's rows, its descriptions)
    return (r.source.resolved or r.source).text


def conjoined(r: Resolution) -> bool:
    """The rules typed the source by its first conjunct ("Edwards and others", "Crane, Kibbe and other
    libertarians"): exact, the guideline's case for mixed groups."""
    text = typed(r)
    return r.mention is not None and bool(first_conjunct(text, words_in(text)))


def unnamed(r: Resolution) -> bool:
    """"A local radio station", "an environmental group": an indefinite body with no name in its phrase (not "a
    congressional report", "A 2019 report by the national audit office": a document speaks for its producer)."""
    ws = words_of(typed(r))
    if ws[0].lower() not in ("a", "an"):  # the head chunk opens with the first word: most sources stop here
        return False
    head = [w.lower() for w in head_chunk(ws)]
    return head[-1] in _BODIES and not any(w[:1].isupper() or w in _OWNED for w in ws[1:])


def names_no_one(r: Resolution) -> bool:
    """A plural group word (groups.txt: "Roman Catholics"), "A former Brennick sales manager", a description the
    text never resolves that holds no name and no office one person holds ("The man, who asked not to be named";
    not "The minister"): no one named."""
    ws = words_of(typed(r))
    assert r.source is not None  # typed(r) asserts it: a sourced resolution
    head = [w.lower() for w in head_chunk(ws)] or [""]
    if r.source.resolved is None and not capitalised(ws) and head[-1] not in _OFFICES \
            and classify(r.source.text).kind == "backref":
        return True
    if head[0] in ("a", "an") and head[-1] in PERSON_ROLES and not appositive_name(ws):
        return True  # but "a spokeswoman for the office, Nadia Perl" names her
    return head[-1] in GROUPS and head[-1].endswith("s") and not conjoined(r)  # "Obama and the Democrats": Obama


def capitalised(ws: list[str]) -> bool:
    """A capitalised word after the first: "The leader of the Catholic Church", "his wife, Jane" may say who;
    "The man, who asked not to be named" does not."""
    return any(w[:1].isupper() for w in ws[1:])


def withheld(r: Resolution) -> bool:
    """The source's own words say why it goes unnamed ("An employee of the property department, who asked not to
    be named", "A Therma Service technician, who asked not to be named"): the guideline's anonymous source,
    whatever body or capitals its description holds; not when a name comes first or follows in apposition."""
    assert r.source is not None  # the typer asks it only of sourced resolutions
    ws = words_of(r.source.text)
    return bool(ws) and ws[0].lower() in _UNNAMED_OPENERS and states_reason(r.source.text) \
        and not appositive_name(ws)
