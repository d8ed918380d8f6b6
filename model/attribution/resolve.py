"""Who a source refers to: pronouns, definite back-references and uncued sentences inside a quotation.

Resolution walks the claims in text order with a history of earlier mentions (sources, and names of
people met in the text) and picks the most recent compatible one; ``Source.resolved`` then carries that
mention's fullest form and kind and role follow it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import cast

from model.attribution.acronyms import spelt_role
from model.attribution.antecedents import Query, Rank, choose, ranker
from model.attribution.continuations import continuation, in_quote, quote_speakers, sourced_by_paragraph
from model.attribution.history import LOOKBACK, NEAR, History, Known, fits
from model.attribution.interview import Interview, interview, speaker
from model.attribution.mention_words import words_in
from model.attribution.mentions import Mention, classify, head_chunk, words_of
from model.attribution.names import described, name_mentions, surname_mentions
from model.attribution.phrases import POSSESSORS
from model.attribution.records import UNRESOLVED, Doc, Draft, Resolution
from model.attribution.role_words import POSSESSIVE, person_head
from model.attribution.sets import named_set, named_subjects
from model.attribution.speaking_for import NOT_MODIFIERS, body_role, member_role, office_role
from model.lexicon import BUSINESS_HEADS, MENTION_WORDS, ORGANIZATIONS, PRONOUNS, TYPING
from model.text import Segmentation
from model.types import Relay, Source, Span

_NAMED_OFFICES = MENTION_WORDS["named_offices"]
_DOCUMENTS = TYPING["document_heads"]
_OWNED = 5  # words of "its latest FEC reports": longer phrases say more than whose document it is
_ONE = frozenset(("a", "an", "one", "another"))  # "one commander", "a resident": one of a group met before
_BUSINESS = BUSINESS_HEADS - {"group"}  # "the company" alone is a business named before; "the group" often is not
_DESCRIPTION = 4  # words of a description that names a person again: "the retired neurosurgeon"
FOCUS = 4  # businesses weighed for "the company": the story's own is among the last few named
_OF_THEM = re.compile(r"(?:one|two|some|several|none|each|either|neither) of (?:them|those|the two|the three)$",
                      re.IGNORECASE)


def stage(doc: Doc, model: object | None = None) -> None:
    """Stage "resolve": every draft's source resolved; pronouns by the learned ranker (``antecedents``)."""
    doc.resolutions = resolve(doc.text, doc.seg, doc.drafts, ranker(model))


def resolve(text: str, seg: Segmentation, drafts: list[Draft], rank: Rank | None = None) -> list[Resolution]:
    """Resolve every draft's source; uncued sentences in a quotation take the quotation's speaker."""
    history = History(text)
    names = name_mentions(text)
    for span, mention in names:  # roles are learnt from the whole document, titles before or after
        if not in_quote(seg, span.start):  # a speaker's courtesy ("Secretary Clinton" of a former one) is no office
            history.learn(span.text, _described_role(text, span, mention))
    transcript = interview(text, seg, names)  # the interviewee is named in full, not by surname alone
    names = sorted(names + surname_mentions(text, names), key=lambda n: n[0].start)
    for d in drafts:
        if d.source is not None:
            history.learn(d.source.text, classify(d.source.text))
    out: list[Resolution] = []
    ni = 0
    for d in drafts:  # first pass: sourced claims, in text order
        at = d.source.start if d.source else d.start  # names ending before the claim's source join the history
        while ni < len(names) and names[ni][0].end <= at:
            if not _inside_body(names[ni], history.last_source):
                history.add(*names[ni])
            ni += 1
        out.append(_resolve_one(text, d, history, rank, transcript) if d.source is not None
                   else UNRESOLVED)  # until the second pass
    speakers = quote_speakers(drafts)
    by_para = sourced_by_paragraph(drafts, out)
    for n, d in enumerate(drafts):  # second pass: quotation continuations, which may look ahead
        if d.source is None:
            out[n] = continuation(n, d, speakers, out, by_para, seg)
            if out[n].source is not None and d.quote_group not in speakers:
                speakers[d.quote_group] = n  # the rest of this quotation follows the same speaker
    return out


def _described_role(text: str, span: Span, mention: Mention) -> Mention:
    """A named person's mention with the role the words around the name give ("radio host Charlie Sykes")."""
    if mention.role != "other":  # a role the name's own words give stands: no description read
        return mention
    around = described(text, span)
    return mention if around == span.text else replace(mention, role=classify(around).role)


def _resolve_one(text: str, d: Draft, history: History, rank: Rank | None,
                 transcript: Interview | None = None) -> Resolution:
    src = cast(Span, d.source)  # resolve() asks only for drafts with a source
    mention = classify(src.text)
    via = tuple(Relay(v.text, v.start, v.end) for v in d.via) if d.via else ()  # most have none: no generator
    group = named_set(text, src, mention, history) if d.local_resolved is None else None
    if group is not None:  # "The two companies said" after "Velmar Industries and the Ostrander Group"
        history.add(group[0], group[1], is_source=True)  # a later "they" is the names' (REACH < LOOKBACK)
    elif d.local_resolved is None:
        group = named_subjects(text, src, history)  # "Brown and From met. They said": a pronoun adds no mention
    if group is not None:
        return Resolution(Source(src.text, src.start, src.end, group[0], via), group[1], group[0])
    resolved, known = None, None
    target: Known | None = speaker(transcript, d.paragraph, src.text)
    owner = _owner(src.text, mention)
    member = _member(src.text, mention)  # "one commander", "a resident": one of a group met before
    named_owner = None if owner else _named_owner(src, mention, history)
    if target is not None:  # an interview's "I" in an answer, "you" in a question
        mention = replace(mention, kind="pronoun")
    elif d.local_resolved is not None:  # "the newspaper Le Soir, which said": the source just met
        target = _holding(history, d.local_resolved) or history.add(d.local_resolved, classify(d.local_resolved.text))
    elif owner:  # "His remarks suggested", "its FEC reports show": the possessor's statement
        target = history.find(src.start, owner)
    elif named_owner is not None:  # "Cook's statement suggests" after "Apple CEO Tim Cook": his statement
        target, owner = named_owner, "named"
    elif mention.kind == "pronoun":
        target = choose(rank, history, Query(src.start, mention.gender, history.find(src.start, mention.gender)))
    elif mention.kind == "backref":
        target = history.find(src.start, "backref", mention.head)
        if target is not None and not _same_kind(src.text, target):
            target = None  # "the central bank" after "Norrhall Bank": another bank
        if target is None and mention.head in _BUSINESS and src.text.lower() == "the " + mention.head:
            target = _business_in_focus(text, history, src.start)
        if target is None and mention.head in _NAMED_OFFICES:  # "the New York businessman": the person in focus
            target = history.find(src.start, "salient")
    elif _OF_THEM.match(src.text):  # "One of them said" after "Three government officials said": one of the group
        found = history.find(src.start, "plural")
        target = found if found is not None and found.mention.kind == "anonymous" else None
    elif member:  # "one commander" after "Rebel commanders": one of them, as they are
        found = history.find(src.start, "backref", mention.head)
        target = found if found is not None and found.mention.kind == "anonymous" \
            and found.mention.head in (mention.head + "s", mention.head + "es") else None
        if target is not None:  # "the friend" later is this one (with no group it is added below, once)
            history.add(src, mention, is_source=True)
    elif _described_person(src.text, mention):  # "Ben Carson, a retired neurosurgeon ... The retired neurosurgeon"
        found = history.find(src.start, "backref", mention.head)
        target = found if found is not None and (found.mention.kind == "named_person" or (
            found.mention.kind == "anonymous" and found.mention.head == mention.head)) else None  # "the diplomat"
        if person_head(mention.head, one=True) and (found is None or found.mention.head != mention.head) \
                and not POSSESSIVE.search(words_in(src.text)[-2]):  # "the school's headteacher": someone else
            target = target or history.find(src.start, "named")  # "..., the 46-year-old said": the person in focus
    if mention.kind in ("pronoun", "backref") or d.local_resolved is not None or (target is not None and (
            owner or mention.kind == "anonymous")):
        if target is not None:
            resolved = target.full
            said = "other" if member else mention.role  # what a description says of it
            mention = _follow(target, history)
            if mention.role == "other" and said != "other":
                mention = replace(mention, role=said)
        elif mention.kind == "pronoun":
            mention = Mention("anonymous", "other", mention.head, "individual", mention.gender, mention.head)
        elif mention.head in _NAMED_OFFICES:  # "the Indiana governor": one identifiable person
            mention = Mention("named_person", mention.role, mention.entity, "none", mention.gender, mention.head)
        elif mention.head in ORGANIZATIONS:  # "the ministry", "the company": the body itself
            mention = Mention("named_organization", mention.role, mention.entity, "none", "plural", mention.head)
        else:  # "His spokeswoman" after "Prime Minister Jan Koval said": whose, and so the role
            mention = Mention("anonymous", body_role(src, history) or mention.role, mention.entity, "group",
                              mention.gender, mention.head)
        if target is None and mention.kind == "named_organization":  # a later "the office" or "it" points back
            known = history.add(src, replace(mention, gender="unknown"))  # "they" is as often its people
    else:
        named = mention.kind == "named_person" or (
            mention.kind == "anonymous" and _department_of(mention.entity, history))
        if named and mention.entity in history.orgs and len(words_in(src.text)) == 1 \
                and mention.entity not in history.people:
            mention = Mention("named_organization", history.orgs[mention.entity], mention.entity, "none", "plural",
                              mention.head)  # "Peabody" after "Peabody Energy", "State" after "the State Department"
        elif mention.kind == "named_person" and (body := history.bodies.get(_bare_name(src.text), "other")) != "other":
            mention = Mention("named_organization", body, mention.entity, "none", "plural",
                              mention.head)  # "Hallberg Posten said" after "the newspaper Hallberg Posten"
        known_role = history.role_of(src.text, mention)
        unknown = known_role in (None, "other")
        lent = body_role(src, history) or member_role(src, history) if unknown or mention.role == "expert" else None
        if unknown or lent == "official":
            known_role = lent or known_role
        if mention.kind == "named_organization" and mention.role == "other" and (
                office := office_role(src, history) or spelt_role(mention.entity, history.text)) is not None:
            mention = replace(mention, role=office)  # "Vosk's office" after "Minister Ilse Vosk"; a spelt-out "SADA"
        # An official body met before outranks its own head word's guess: "The council's transport director"
        # after "Kerrvik city council" speaks for the city, though a "council" alone may be a think tank's.
        if mention.kind in ("named_person", "anonymous") and known_role not in (None, "other") \
                and (mention.role == "other" or (mention.role == "expert" and lent == "official")):
            assert known_role is not None  # the test above: not in (None, "other")
            mention = Mention(mention.kind, known_role, mention.entity, mention.anonymity,
                              history.gender_of(mention.entity, mention.gender), mention.head)
            history.learn(src.text, mention)  # "Obama's chief of staff, Denis McDonough": later "McDonough" too
        known = history.add(src, mention, is_source=True)
    for v in d.via:  # "According to the newspaper" later means the outlet named as relaying this claim
        if any(w[:1].isupper() for w in words_in(v.text)[1:]):  # a name, not "the report" (itself pointing back)
            history.add(v, classify(v.text))
    full = resolved or (known.full if known else history.fullest_for(mention.entity, mention.gender)) or src
    return Resolution(Source(src.text, src.start, src.end, resolved, via), mention, full)


def _business_in_focus(text: str, history: History, before: int) -> Known | None:
    """"The company": the business named last when that is within NEAR characters (the sentence before),
    else, of the last FOCUS businesses named within LOOKBACK, the one the text names most often there (the
    story's company, not "analysts at Kestrel Bank" named once since), the latest on a tie. Bounded work per
    call: one walk back over LOOKBACK, FOCUS counts."""
    latest: dict[str, Known] = {}
    for k in reversed(history.items):
        if k.span.end > before:
            continue
        if before - k.span.end > LOOKBACK or len(latest) == FOCUS:
            break
        if fits(k, "business", "", ""):
            if not latest and before - k.span.end <= NEAR:
                return k
            latest.setdefault(_name_word(k.span.text), k)
    start = max(0, before - LOOKBACK)
    return max(latest.values(), key=lambda k: (text.count(_name_word(k.span.text), start, before), k.span.end),
               default=None)


def _name_word(text: str) -> str:
    return next((w for w in words_in(text) if w.lower() != "the"), text)


def _holding(history: History, span: Span) -> Known | None:
    """The source met last whose mention holds the span: "Le Soir" in "reported by the newspaper Le Soir"."""
    last = history.items[-1] if history.items else None
    return last if last is not None and last.is_source and last.span.start <= span.start < span.end <= last.span.end \
        else None


def _department_of(word: str, history: History) -> bool:
    """The document names a department for the word ("State" after "the State Department")."""
    return f"{word} department" in history.bodies or f"department of {word}" in history.bodies


def _bare_name(text: str) -> str:
    """A mention's words in lower case without a leading "the": how the rules key an organisation by its name."""
    ws = [w.lower() for w in words_in(text)]
    return " ".join(ws[1:] if ws[:1] == ["the"] else ws)


def _inside_body(name: tuple[Span, Mention], last: Known | None) -> bool:
    """A body's name inside the source just added for the whole of it: "The National Bank" in "The National Bank
    of Veldania", which a later "the bank" means with the whole name's role, not its part's."""
    span, mention = name
    return last is not None and mention.kind == "named_organization" and last.mention.kind == "named_organization" \
        and last.span.start <= span.start and span.end <= last.span.end


def _described_person(text: str, mention: Mention) -> bool:
    """A definite description of one person ("the retired neurosurgeon"): it may name an earlier person again."""
    if mention.kind != "anonymous":  # most sources: no words read
        return False
    ws = words_in(text)
    return len(ws) <= _DESCRIPTION and ws[0].lower() == "the" \
        and not any(w[:1].isupper() for w in ws[1:]) and (not mention.head.endswith("s") or mention.head.endswith("ss"))


def _member(text: str, mention: Mention) -> bool:
    if mention.kind != "anonymous":  # most sources: no words read
        return False
    ws = words_in(text)  # "one commander", "a resident"
    return len(ws) == 2 and ws[0].lower() in _ONE and ws[1].islower()


def _owner(text: str, mention: Mention) -> str:
    """The pronoun class of a possessive pronoun owning a document or statement ("his remarks": male), else ""."""
    if mention.head not in _DOCUMENTS:
        return ""
    ws = words_of(text)
    first = ws[0].lower()
    return PRONOUNS[first] if first in POSSESSORS and len(ws) <= _OWNED else ""


def _named_owner(src: Span, mention: Mention, history: History) -> Known | None:
    """The person named earlier (within LOOKBACK) whose document or statement this is: "Smith's report" (a
    surname the document has given a man or a woman, possessive, before a document's head)."""
    if mention.head not in _DOCUMENTS:
        return None
    ws = words_of(src.text)
    if len(ws) > _OWNED or not POSSESSIVE.search(ws[0]) or not ws[0][:1].isupper():
        return None
    name = POSSESSIVE.sub("", ws[0]).lower().replace("’", "'")
    for k in reversed(history.items):
        if src.start - k.span.end > LOOKBACK:
            break
        if k.span.end <= src.start and k.mention.kind == "named_person" and k.mention.entity == name \
                and history.gender_of(name, k.mention.gender) in ("male", "female"):  # a person, not "Apple"
            return k
    return None


def _same_kind(description: str, target: Known) -> bool:
    """A body's description says of the earlier mention what its modifiers say ("central" of "the central bank"),
    in its words or its fullest form. People are left alone: "the Florida senator" seldom repeats Rubio's state."""
    chunk = head_chunk(words_of(description))
    if not chunk or chunk[-1].lower() not in ORGANIZATIONS:
        return True
    said = {w.lower() for w in words_in(target.span.text) + words_in(target.full.text)}
    return all(w.lower() in said for w in chunk[:-1] if w.isalpha() and w.lower() not in NOT_MODIFIERS)


def _follow(target: Known, history: History) -> Mention:
    m = target.mention
    role = history.role_of(target.full.text, m) or m.role
    role = m.role if role == "other" else role
    return Mention(m.kind, role, m.entity, m.anonymity, history.gender_of(m.entity, m.gender), m.head)


