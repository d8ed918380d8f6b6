"""Corroboration and denial links on hand-made claims (independent of the attribution engine)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.content import content_terms, is_denial
from model.links import link, source_key
from model.types import Claim, Links, Source, Span


def make(text: str, *, doc: int = 0, number: int = 0, kind: str = "unattributed", role: str = "other",
         source: str | None = None, cue: str | None = None, stance: str = "asserts", entity: str = "") -> Claim:
    """A claim whose text is its own document slice; source and cue are located in the text."""
    src = cue_span = None
    if source:
        i = text.index(source)
        src = Source(text=source, start=i, end=i + len(source))
    if cue:
        j = text.index(cue)
        cue_span = Span(text=cue, start=j, end=j + len(cue))
    return Claim(doc_index=doc, doc_id=f"d{doc}", number=number, text=text, start=0, end=len(text), kind=kind,
                 role=role, source=src, cue=cue_span, direct_quote=False, stance=stance,
                 entity=entity or (source or "").lower())


def by_id(claims: list[Claim]) -> dict[str, Links]:
    return {c.id: lk for c, lk in zip(claims, link(claims), strict=True)}


def pointed_denials(text: str, denier: int) -> list[int]:
    """The claims of one document (extracted by the shipped pipeline) that its claim ``denier`` denies."""
    from model import extract
    from model.types import Document
    links = link(extract([Document(id="d0", text=text)]))
    return [i for i, lk in enumerate(links) if f"d0:{denier}" in lk.denied_by]


def as_sets(links: dict[str, Links]) -> dict[str, dict]:
    """Links with their id tuples as sets (their order follows the request's document order)."""
    return {k: {f: set(v) if isinstance(v, tuple) else v for f, v in lk.__dict__.items()} for k, lk in links.items()}


def seed_claims() -> list[Claim]:
    """The Jalawla seed's central sentences, attributed by hand."""
    return [
        make("Hundreds of Iranian soldiers have taken part in a joint operation inside Iraq with Kurdish forces to "
             "retake a town held by the Islamic State group, security sources have revealed.", number=0,
             kind="anonymous", role="official", source="security sources", cue="have revealed"),
        make("Hundreds of soldiers crossed the border on Friday in a joint operation with Kurdish Peshmerga forces to "
             "take back Jalawla in Diyala province, an official Kurdish source who asked not to be identified told "
             "Al Jazeera.", number=1, kind="anonymous", role="official",
             source="an official Kurdish source who asked not to be identified", cue="told"),
        make("He said the Iranian forces retreated back across the border early on Saturday.", number=2,
             kind="anonymous", role="official", source="He", cue="said",
             entity="an official kurdish source who asked not to be identified"),
        make("Foreign Ministry spokeswoman Marzieh Afkham however dismissed the reports of any Iranian military "
             "presence in Iraq.", number=3, kind="named_person", role="official",
             source="Foreign Ministry spokeswoman Marzieh Afkham", cue="dismissed", stance="denies",
             entity="marzieh afkham"),
        make("Kurdish officials said their forces had surrounded Jalawla but have so far been unable to advance "
             "because of roadside bombs placed by Islamic State fighters.", number=4, kind="anonymous",
             role="official", source="Kurdish officials", cue="said"),
        make("Jalawla, fewer than 30km from the Iranian border, is a strategic point for both Iraq and Iran.",
             number=5),
    ]


def test_paraphrase_from_an_independent_source_corroborates():
    links = by_id(seed_claims())
    assert "d0:1" in links["d0:0"].corroborated_by
    assert "d0:0" in links["d0:1"].corroborated_by
    assert links["d0:0"].corroborating_sources >= 1


def test_official_denial_links_to_the_reports_it_dismisses():
    links = by_id(seed_claims())
    assert "d0:3" in links["d0:0"].denied_by
    assert links["d0:0"].official_denial
    assert "d0:3" not in links["d0:4"].denied_by  # the siege of Jalawla is not what was dismissed
    assert "d0:3" not in links["d0:5"].denied_by  # nor the town's geography, though it shares "Iranian", "Iraq"


def test_a_denial_is_not_denied_by_the_claims_it_denies():
    links = by_id(seed_claims())
    assert not links["d0:3"].denied_by
    assert "d0:0" in links["d0:3"].contradicted_by


def test_same_entity_twice_is_not_independent():
    a = make("Jones said the plant will close in March.", number=0, kind="named_person", source="Jones", cue="said")
    b = make("He said the plant will close in March.", number=1, kind="named_person", source="He", cue="said",
             entity="jones")
    links = link([a, b])
    assert links[0].corroborated_by == () and links[0].corroborating_sources == 0


def test_two_outlets_quoting_one_person_count_once():
    claims = [
        make("The plant will close in March, Jones said.", doc=0, kind="named_person", source="Jones", cue="said"),
        make("The plant will close in March, Jones told reporters.", doc=1, kind="named_person", source="Jones",
             cue="told"),
        make("The plant will close in March, the union said.", doc=2, kind="named_organization",
             source="the union", cue="said"),
        make("The plant will close in March, a union official said.", doc=3, kind="anonymous",
             source="a union official", cue="said"),
    ]
    links = link(claims)
    assert "d1:0" not in links[0].corroborated_by
    assert links[0].corroborating_sources == 2  # the union and the anonymous official; Jones is the claim itself
    assert links[2].corroborating_sources == 2  # Jones (once) and the anonymous official
    assert links[2].corroborating_named == 1


def test_unattributed_coverage_from_other_documents_is_independent():
    claims = [
        make("Robert Plant ripped up an $800 million Led Zeppelin reunion contract", doc=0),
        make("Plant tore up the $800 million contract for a Led Zeppelin reunion tour.", doc=1),
        make("Robert Plant turned down $800 million to reunite Led Zeppelin.", doc=2),
        make("The Led Zeppelin contract was ripped up by Plant, the paper added.", doc=2, number=1),
    ]
    assert link(claims)[0].corroborating_sources == 2  # two outlets, the second one once


def test_the_journalists_own_sentence_corroborates_nothing_in_its_article():
    claims = [
        make("Brenner Steel will cut 900 jobs at its plants", number=0),  # the headline, unattributed
        make("Brenner Steel will cut 900 jobs at its two plants, the company said.", number=1,
             kind="named_organization", source="the company", cue="said"),
        make("Brenner Steel will cut 900 jobs at its plants, the union said.", number=2,
             kind="named_organization", source="the union", cue="said"),
    ]
    links = link(claims)
    assert links[0].corroborated_by == () and "d0:0" not in links[1].corroborated_by
    assert links[1].corroborated_by == ("d0:2",)  # two sources in the article still corroborate each other


def test_headline_claim_is_denied_by_debunking_coverage():
    claims = [
        make("Giant squid found on a beach in Santa Monica", doc=0),
        make("Photos of a giant squid found on a beach in Santa Monica went viral on Monday.", doc=1),
        make("The story is a hoax: the photo was made with editing software.", doc=1, number=1),
    ]
    links = link(claims)
    assert "d1:1" in links[0].denied_by
    assert not links[0].official_denial


@pytest.mark.parametrize("word", ["doctored", "photoshopped"])
def test_evidence_called_doctored_debunks_the_claim(word):
    claims = [
        make("Giant squid found on a beach in Santa Monica", doc=0),
        make("Photos of a giant squid found on a beach in Santa Monica went viral on Monday.", doc=1),
        make(f"The photo of the giant squid on the beach was {word}, experts said.", doc=1, number=1),
    ]
    assert "d1:1" in link(claims)[0].denied_by


def test_declined_to_comment_is_not_a_denial():
    c = make("The ministry declined to comment on the reports.", kind="named_organization", source="The ministry",
             cue="declined to comment")
    assert not is_denial(c)
    assert is_denial(make("The ministry said the reports were not true.", kind="named_organization",
                          source="The ministry", cue="said"))
    assert is_denial(make("Snopes has since labelled the story “false”.", kind="named_organization",
                          source="Snopes", cue="labelled"))
    # A negated statement is opposite polarity, not a denial of another claim, whatever the stance says.
    assert not is_denial(make("“It's not about money,” he said.", kind="named_person", source="he", cue="said",
                              stance="denies"))


_PHRASES = ["The ministry said", "the reports were", "not true", "a hoax", "UNTRUE", "no evidence", "denied",
            "Fake", "the story", "was a joke", "it rained", "prank", "real", "ΟΔΟΣ", "\n", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PHRASES), max_size=6).map(" ".join), min_size=1, max_size=5),
       st.sampled_from(["asserts", "denies"]))
def test_a_request_keys_decide_denials_as_all_keys_do(texts, stance):
    """Looking only for the debunking keys present in the request's claims decides every claim as the full
    list does: a key absent from the request is absent from each of its claims."""
    from model.content import keys_in

    claims = [make(t or "-", number=k, stance=stance) for k, t in enumerate(texts)]
    keys = keys_in(claims)
    assert [is_denial(c, keys) for c in claims] == [is_denial(c) for c in claims]


def test_content_terms_leave_out_source_and_cue():
    c = seed_claims()[3]
    terms = content_terms(c)
    assert "afkham" not in terms and "dismiss" not in terms
    assert {"iranian", "iraq", "military"} <= set(terms)


def test_source_key_uses_the_document_for_the_outlets_own_voice():
    assert source_key(make("x", doc=3)) == "#document:3"
    assert source_key(make("x said", source="x", cue="said")) == "x"


def test_links_do_not_depend_on_document_order():
    claims = [
        *seed_claims(),
        make("Iranian soldiers took part in a joint operation in Iraq, residents said.", doc=1, kind="anonymous",
             source="residents", cue="said"),
        make("The reports of Iranian soldiers inside Iraq are false, the ministry said.", doc=2,
             kind="named_organization", role="official", source="the ministry", cue="said"),
    ]
    expected = {c.id: lk for c, lk in zip(claims, link(claims), strict=True)}
    docs = sorted({c.doc_index for c in claims})
    order = docs[:]
    random.Random(7).shuffle(order)
    moved = [Claim(**{**c.__dict__, "doc_index": order.index(c.doc_index)}) for c in claims]
    moved.sort(key=lambda c: (c.doc_index, c.number))
    got = {c.id: lk for c, lk in zip(moved, link(moved), strict=True)}
    assert as_sets(got) == as_sets(expected)


def test_empty_and_single():
    assert link([]) == []
    assert link([make("Nothing else here.")]) == [Links()]


def test_large_request_stays_sparse():
    # 3,000 claims from 100 documents about one story: the shared topic word is blocked, links stay local.
    claims = [make(f"Jalawla report {d} item {i} mentions keyword{d}x{i} and token{i % 7}", doc=d, number=i)
              for d in range(100) for i in range(30)]
    links = link(claims)
    assert len(links) == len(claims)
    assert max(len(lk.corroborated_by) for lk in links) < 200


def test_dense_and_sparse_paths_agree(monkeypatch):
    rng = random.Random(3)
    vocab = ["iranian", "soldiers", "border", "jalawla", "kurdish", "forces", "town", "report", "denied", "hoax",
             "ministry", "retake", "joint", "operation", "province", "bombs"]
    claims = [*seed_claims()]
    for d in range(1, 6):
        for i in range(8):
            words = " ".join(rng.sample(vocab, 6))
            claims.append(make(f"The {words} story.", doc=d, number=i))
    small = link(claims)
    monkeypatch.setattr("model.matching.DENSE_LIMIT", 0)
    assert link(claims) == small


def test_hostile_repetition_stays_bounded():
    # 3,000 copies of one debunked sentence in one document and its claim in another: every term is so common
    # it is blocked, so nothing pairs up quadratically, and the answer is still one Links per claim.
    text = "The giant squid found on the beach in Santa Monica was a hoax made with editing software."
    claims = [make("Giant squid found on a beach in Santa Monica", doc=0)]
    claims += [make(text, doc=1, number=i) for i in range(3000)]
    links = link(claims)
    assert len(links) == len(claims)
    assert sum(len(lk.denied_by) + len(lk.corroborated_by) for lk in links) <= 25 * len(claims)


def test_pair_budget_keeps_rare_terms(monkeypatch):
    monkeypatch.setattr("model.matching.PAIRS_PER_CLAIM", 1)
    tag = [f"{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(40)]  # letters only: one word each
    claims = [make(f"Common words here and rare{t} token{t} about item{t}.", doc=i % 5, number=i)
              for i, t in enumerate(tag)]
    claims += [make(f"Rare{tag[7]} token{tag[7]} about item{tag[7]} again.", doc=9)]
    links = link(claims)
    assert "d9:0" in links[7].corroborated_by  # the rare terms survive ...
    assert "d3:8" not in links[7].corroborated_by  # ... the common ones ("common words") are dropped


def test_a_denial_that_only_points_back_denies_the_earlier_claim():
    claims = [
        make("The airline will cut 3,000 jobs next month, people familiar with the matter said.", number=0,
             kind="anonymous", source="people familiar with the matter", cue="said"),
        make("The airline's chief executive, Paul Grant, denied the report, calling it false.", number=1,
             kind="named_person", role="official", source="The airline's chief executive, Paul Grant",
             cue="denied", stance="denies", entity="paul grant"),
    ]
    links = link(claims)
    assert links[0].denied_by == ("d0:1",) and links[0].official_denial


@pytest.mark.parametrize("text", [
    "The Harlow Miners' Union said it had warned the company three times about water in the tunnel. "
    "Harlow Coal denied receiving any such warning.",
    "Union leader Karel Broz told Nordwire the company had promised in March that no jobs would go. "
    "Brenner denied making any such promise.",
    "The Orvel Nurses' Union said it had warned the hospital's management in writing in June that night shifts "
    "were dangerously understaffed. The hospital said it had received no such letter.",  # "such" and any noun
])
def test_a_denial_of_such_a_warning_points_back_to_who_gave_it(text):
    from model import extract
    from model.types import Document
    links = link(extract([Document(id="d0", text=text)]))
    assert links[0].denied_by == ("d0:1",)


@pytest.mark.parametrize("text", [
    "Consumer groups said the carmaker knew about the fault in the spring. Volkswagen rejected that, saying it "
    "had acted at once.",
    'Consumer groups said the carmaker knew about the fault in the spring. "We reject this," Volkswagen said.',
])
def test_a_demonstrative_after_a_rejection_points_back(text):
    from model import extract
    from model.types import Document
    links = link(extract([Document(id="d0", text="Volkswagen will recall 120,000 cars, it said. " + text)]))
    assert links[1].denied_by == ("d0:2",) and links[0].denied_by == ()  # what "that" refers to, not its own recall


@pytest.mark.parametrize("verdict", ['"political point-scoring"', "a sign of a campaign in disarray"])
def test_a_pointing_denial_with_a_verdict_still_points_back(verdict):
    """"dismissed the criticism as <verdict>": the verdict is said of what is pointed at, not content to match."""
    from model import extract
    from model.types import Document
    text = ("The opposition Civic Party said the government had neglected the rail network for a decade. "
            f"Transport Minister Ivo Kral dismissed the criticism as {verdict}.")
    links = link(extract([Document(id="d0", text=text)]))
    assert links[0].denied_by == ("d0:1",)


@pytest.mark.parametrize(("gap", "denied"), [("\n\n", {1}), (" ", {0, 1})])
def test_criticism_answered_in_its_own_paragraph_is_only_that_paragraphs(gap, denied):
    """"Opposition politicians accused ... . The minister rejected the criticism": the paragraph that sets out the
    criticism and its answer is one exchange; the weather office's forecast before it is none of it. In one
    paragraph, the run of other sources before the denial is all of "the criticism"."""
    from model import extract
    from model.types import Document
    text = (f"The national weather office said more rain was expected on Friday.{gap}Opposition politicians "
            "accused the government of cutting spending on dykes. Interior Minister Jan Kolar rejected the "
            "criticism.")
    links = link(extract([Document(id="d0", text=text)]))
    assert {i for i, lk in enumerate(links) if lk.denied_by == ("d0:2",)} == denied


def test_calling_a_report_pure_speculation_denies_the_report():
    """"said at the time that the report was 'pure speculation'": no debunking word of its own, but the stance
    rules read it as denying and it only points back, so it denies what it points at."""
    from model import extract
    from model.types import Document
    text = ("The business daily Finanstidningen reported last month that Nordbank had hired advisers to look at "
            "acquisitions. Nordbank chief executive Anna Berg said at the time that the report was "
            '"pure speculation".')
    links = link(extract([Document(id="d0", text=text)]))
    assert links[0].denied_by == ("d0:1",)


def test_a_named_pointer_is_matched_by_what_it_names_not_by_its_verdict():
    """"dismissed the reports of live fire as lies spread by provocateurs" denies the claim of live fire, not the
    doctors' figures between them: the pointer names what it denies and the verdict names nothing."""
    from model import extract
    from model.types import Document
    text = ("Protesters and a rights group said police had fired live ammunition at the crowd. "
            "Doctors at the central hospital said they had treated seven people for gunshot wounds. "
            'The Interior Ministry dismissed the reports of live fire as "lies spread by provocateurs".')
    links = link(extract([Document(id="d0", text=text)]))
    assert links[0].denied_by == ("d0:2",) and links[1].denied_by == ()


def test_a_pointing_denial_points_back_whatever_its_next_clause_says():
    """"said the reports were false and that officers had used only tear gas": the pointer's own clause restates
    nothing, whatever the next one says."""
    from model import extract
    from model.types import Document
    text = ("Protesters said police had fired on the crowd near the bridge. "
            "The ministry said the reports were false and that officers had used only tear gas.")
    links = link(extract([Document(id="d0", text=text)]))
    assert links[0].denied_by == ("d0:1",)


def test_a_denial_that_points_back_denies_all_of_the_report_and_not_the_journalist():
    claims = [
        make("The finance minister has offered her resignation, two government officials said.", number=0,
             kind="anonymous", role="official", source="two government officials", cue="said",
             entity="two government officials"),
        make("The officials said the prime minister had not yet decided whether to accept it.", number=1,
             kind="anonymous", role="official", source="The officials", cue="said", entity="two government officials"),
        make("The finance minister has held the post since 2021.", number=2),
        make("The prime minister's office denied the report.", number=3, kind="named_organization",
             role="official", source="The prime minister's office", cue="denied", stance="denies",
             entity="prime minister's office"),
    ]
    links = link(claims)
    # "the report" is both sentences of the officials' report; the journalist's own sentence is no one's claim.
    assert links[0].denied_by == links[1].denied_by == ("d0:3",)
    assert links[2].denied_by == ()


def test_denying_the_report_denies_the_claim_that_names_a_report_not_the_nearest_one():
    claims = [
        make("The Morgenpost reported on Monday that Velsko would cut 2,000 jobs.", number=0,
             kind="named_organization", role="media", source="The Morgenpost", cue="reported"),
        make("Analysts at Fennick Bank said the cuts would lift margins.", number=1, kind="anonymous",
             role="expert", source="Analysts at Fennick Bank", cue="said"),
        make("Velsko denied the report.", number=2, kind="named_organization", source="Velsko", cue="denied",
             stance="denies"),
    ]
    links = link(claims)
    # "the report" is the Morgenpost's; the analysts' reading of it, though nearer, is no report.
    assert (links[0].denied_by, links[1].denied_by) == (("d0:2",), ())


def test_dismissing_her_comments_denies_what_she_said():
    claims = [
        make("Opposition leader Petra Lasko wrote that the government had ignored warnings.", number=0,
             kind="named_person", source="Opposition leader Petra Lasko", cue="wrote"),
        make("A government spokesman dismissed her comments as politically motivated.", number=1, kind="anonymous",
             role="official", source="A government spokesman", cue="dismissed", stance="denies"),
    ]
    assert link(claims)[0].denied_by == ("d0:1",)


def test_a_body_dismissing_the_claims_does_not_deny_its_own_people():
    claims = [
        make("The count was clean, commission chairwoman Vesna Markovic told a news conference.", number=0,
             kind="named_person", role="official", source="commission chairwoman Vesna Markovic", cue="told",
             entity="markovic"),
        make("The opposition's leader, Kasimir Rolf, alleged that ballot boxes had been stuffed.", number=1,
             kind="named_person", source="The opposition's leader, Kasimir Rolf", cue="alleged", entity="rolf"),
        make("The commission dismissed the claims of manipulation as a fairy tale.", number=2,
             kind="named_organization", role="official", source="The commission", cue="dismissed", stance="denies",
             entity="central election commission"),
    ]
    links = link(claims)
    # "the claims" are the opposition's; the commission's own chairwoman made none of them.
    assert (links[0].denied_by, links[1].denied_by) == ((), ("d0:2",))


def test_calling_that_version_a_quoted_lie_points_back_at_it():
    claims = [
        make("Our soldiers did not set foot on their territory, Foreign Minister Aurel Dimca said.", number=0,
             kind="named_person", role="official", source="Foreign Minister Aurel Dimca", cue="said"),
        make('President Elena Marov called that version "a lie that insults the memory of a young man".', number=1,
             kind="named_person", role="official", source="President Elena Marov", cue="called", stance="denies"),
    ]
    # the quotation is the verdict on "that version", no content of its own to match
    assert link(claims)[0].denied_by == ("d0:1",)


def test_dismissing_it_as_speculation_points_back_at_the_report():
    claims = [
        make("The Herald reported, citing three people briefed on the matter, that two board members had dissented.",
             number=0, kind="anonymous", source="three people briefed on the matter", cue="reported"),
        make("A spokeswoman for the bank declined to comment on the report.", number=1, kind="anonymous",
             source="A spokeswoman for the bank", cue="declined", stance="declines"),
        make("Selberg dismissed it as speculation.", number=2, kind="named_person", source="Selberg",
             cue="dismissed", stance="denies"),
    ]
    assert link(claims)[0].denied_by == ("d0:2",)


def test_a_source_never_denies_its_own_claim():
    claims = [
        make("Karst Coal said the tunnel had been inspected in March.", number=0, kind="named_organization",
             source="Karst Coal", cue="said"),
        make("Karst Coal denied that the tunnel had not been inspected in March.", number=1,
             kind="named_organization", source="Karst Coal", cue="denied", stance="denies"),
    ]
    assert link(claims)[0].denied_by == ()


def test_light_stemming_joins_inflections():
    from model.content import stem, term

    assert stem("closures") == stem("closure") and stem("operations") == stem("operation")
    # a four-letter word's final e goes too: "fire" / "fired" / "firing", "vote" / "voted" are one term
    assert stem("fire") == stem("fired") == stem("firing") == stem("fires") and stem("vote") == stem("voted")
    assert term("airline's") == term("airline") and term("soldiers") == term("troops") == term("military")
    assert term("said") is None and term("the") is None and term("hoax") is None


WORDS = ["bridge", "closed", "Kessar", "flood", "army", "soldiers", "minister", "report", "hoax", "denied", "not",
         "reopen", "Monday", "police", "arrested", "suspect", "fake", "town", "border", "troops"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)),
                min_size=1, max_size=12),
       st.tuples(st.integers(0, 4), st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))
def test_adding_a_claim_never_removes_a_link_between_others(rows, extra):
    def build(items):
        numbers: dict[int, int] = {}
        out = []
        for doc, words in items:
            numbers[doc] = numbers.get(doc, -1) + 1
            out.append(make(" ".join(words) + ".", doc=doc, number=numbers[doc]))
        return out

    before = build(rows)
    after = build([*rows, extra])
    old = {c.id: lk for c, lk in zip(before, link(before), strict=True)}
    new = {c.id: lk for c, lk in zip(after, link(after), strict=True)}
    for cid, lk in old.items():
        for field in ("corroborated_by", "denied_by", "contradicted_by"):
            assert set(getattr(lk, field)) <= set(getattr(new[cid], field))


def test_a_quoted_pointing_denial_points_past_another_deniers_own_answer():
    """'"We reject these fabricated claims," spokeswoman X told reporters in Ostra': the words after the closing
    quotation mark say who spoke and where, not what is denied; and the foreign ministry's own answer ("saying its
    forces had come under attack") is not what "these claims" point at."""
    from model import extract
    from model.types import Document
    text = ("The state news agency VNA said Ostrian troops had opened fire first on a patrol near Lisk. "
            "Ostria's foreign ministry denied that account, saying its forces had come under attack. "
            '"We categorically reject these fabricated claims," ministry spokeswoman Irena Bost told reporters in '
            "Ostra.")
    links = link(extract([Document(id="d0", text=text)]))
    assert links[0].denied_by == ("d0:1", "d0:3") and links[2].denied_by == ()


def _resignation(text: str, number: int = 1, source: str = "a spokeswoman for the office", cue: str = "said",
                 kind: str = "anonymous") -> list[Claim]:
    """Officials' claim of a resignation, then ``text`` about it."""
    return [make("Finance Minister Klara Imrich has offered her resignation to the prime minister, two officials "
                 "said.", number=0, kind="anonymous", role="official", source="two officials", cue="said"),
            make(text, number=number, kind=kind, source=source if kind != "unattributed" else None,
                 cue=cue if kind != "unattributed" else None)]


def test_a_later_source_negating_an_earlier_claim_rebuts_and_denies_it():
    """Content that explicitly rejects a claim in play is a denial (the guideline), with no denial word: the
    spokeswoman's negation governs what the officials said."""
    from model.rebuttals import with_rebuttals

    claims = _resignation('"The finance minister has not offered her resignation," a spokeswoman for the office '
                          "said.")
    links = link(claims)
    assert links[0].denied_by == (claims[1].id,) and links[1].rebuts and not links[0].rebuts
    assert [c.stance for c in with_rebuttals(claims, links)] == ["asserts", "denies"]


@pytest.mark.parametrize("claims", [
    # the same source negating itself, or the negation coming first: nothing was in play
    _resignation('"The finance minister has not offered her resignation," two officials said.', source="two officials"),
    _resignation('"The finance minister has not offered her resignation," a spokeswoman for the office said.',
                 number=-1),
    # the journalist's own sentence rejects nothing (it restates what sources said)
    _resignation("The finance minister has not offered her resignation.", kind="unattributed"),
    # a negated act of telling withholds: "did not confirm"
    _resignation("The office did not confirm that the finance minister offered her resignation.",
                 source="The office", cue="confirm"),
    _resignation('"We did not say the finance minister offered her resignation," a spokeswoman for the office said.'),
    # a negation inside a relative clause is not the claim's own
    _resignation("A spokeswoman said the aides, who have not offered their resignation to the prime minister, "
                 "stand by the finance minister.", source="A spokeswoman"),
    # a negation that governs nothing the officials said
    _resignation('"The finance minister offered her resignation, but the budget is not finished," a spokeswoman '
                 "for the office said."),
])
def test_a_negation_that_rejects_nothing_in_play_is_no_rebuttal(claims):
    links = link(claims)
    assert not links[1].rebuts and links[0].denied_by == ()


def test_a_rebuttal_through_the_service_denies_and_is_linked():
    from model import analyze
    from model.types import Document

    text = ("Finance Minister Klara Imrich has offered her resignation to the prime minister, two officials said on "
            'Sunday.\n\n"The finance minister has not offered her resignation," a spokeswoman for the office, Nadia '
            "Perl, said.\n\nThe office did not confirm that the finance minister had offered her resignation.")
    claims = analyze([Document(id="t", text=text)])["documents"][0]["claims"]
    assert [c["stance"] for c in claims] == ["asserts", "denies", "asserts"]
    assert claims[0]["denied_by"] == ["t:1"] and claims[2]["denied_by"] == []


SPEAKERS = ["the ministry", "two officials", "a spokeswoman", "the union", "residents"]
NEGATIONS = ["", "", "not", "never", "did not confirm", "who has not"]  # none, two that rebut, two that may not
EXTRA = ["budget", "cabinet", "strike", "plant", "closed", "minister", "resignation", "today"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.sampled_from(SPEAKERS),
                          st.sampled_from(["asserts", "asserts", "asserts", "declines"]), st.sampled_from(NEGATIONS),
                          st.lists(st.sampled_from(EXTRA), max_size=4)),
                min_size=1, max_size=10))
def test_a_rebuttal_answers_an_earlier_claim_of_another_source_in_its_own_article(rows):
    """Whatever the words: a claim that rebuts is an asserting, attributed claim that lists as denied an earlier
    claim of another source in its own document, and only asserting claims ever take the "denies" stance."""
    from model.rebuttals import with_rebuttals

    numbers: dict[int, int] = {}
    claims = []
    for doc, speaker, stance, negation, extra in rows:
        numbers[doc] = numbers.get(doc, -1) + 1
        text = f"The finance minister {negation} offered her resignation {' '.join(extra)}, {speaker} said."
        claims.append(make(" ".join(text.split()), doc=doc, number=numbers[doc], kind="anonymous", source=speaker,
                           cue="said", stance=stance))
    links = link(claims)
    for c, lk in zip(claims, links, strict=True):
        if not lk.rebuts:
            continue
        assert c.stance == "asserts"
        answered = [o for o, olk in zip(claims, links, strict=True) if c.id in olk.denied_by]
        assert any(o.doc_index == c.doc_index and o.number < c.number and o.entity != c.entity for o in answered)
    for before, after in zip(claims, with_rebuttals(claims, links), strict=True):
        assert after == before or (before.stance == "asserts" and after.stance == "denies")


def test_a_denial_by_the_accused_answers_the_accusation_that_names_it():
    from model import extract
    from model.types import Document
    text = ("The Marrow Courier reported that the payments had allegedly been routed through accounts controlled "
            "by a former minister, Teodor Vasko. The central bank said it had fined the lender. "
            "Vasko has said he had no involvement in the companies.")
    claims = extract([Document(id="d0", text=text)])
    assert [c.stance for c in claims] == ["asserts", "asserts", "denies"]
    assert link(claims)[0].denied_by == ("d0:2",)


@pytest.mark.parametrize("earlier", [
    "The Marrow Courier reported that Teodor Vasko had met the bank's chairman twice.",  # names him, accuses not
    "The Marrow Courier reported that the payments had allegedly been routed through offshore accounts.",
])
def test_a_denial_answers_no_claim_that_does_not_accuse_the_denier(earlier):
    from model import extract
    from model.types import Document
    claims = extract([Document(id="d0", text=earlier + " Vasko has said he had no involvement in the companies.")])
    assert claims[-1].stance == "denies"
    assert all(not lk.denied_by for lk in link(claims))


def test_a_pointer_naming_whose_claims_denies_that_sources_claims():
    """"dismissed the engineers' accusations as baseless" denies what the engineers said, not the claims of the
    residents and the minister between them, however many there are."""
    text = ("Two engineers who work at the mine told Reuters that a retaining wall had cracked in January. "
            "Residents said dead fish had been washing up since February. "
            "A farmer said his cattle would not drink from the river. "
            "Environment Minister Ilse Darrow said the findings were extremely serious. "
            "Veltmark dismissed the engineers' accusations as baseless.")
    assert pointed_denials(text, 4) == [0]


def test_a_denial_does_not_deny_the_name_it_belongs_to():
    """"Meltrosia said ..." then "Meltrosia's foreign ministry dismissed the accusations": the ministry is
    Meltrosia's; what Meltrosia said is its own side, not an accusation."""
    from model import extract
    from model.types import Document
    text = ("Karvania's defence ministry said Meltrosian units had shelled the village. "
            "Meltrosia said its forces had only returned fire. "
            "Meltrosia's foreign ministry dismissed the accusations as baseless.")
    links = link(extract([Document(id="d0", text=text)]))
    assert "d0:2" not in links[1].denied_by


def test_a_body_does_not_deny_what_its_chairman_said_under_his_surname():
    """"commission chairman Viktor Aslan" speaks, then "Aslan said ..."; "The commission dismissed the allegations"
    denies the opposition's claims, not its chairman's."""
    text = ('"Where we found errors, they were corrected," commission chairman Viktor Aslan told reporters. '
            "Aslan said the commission would certify the results on Monday. "
            'Opposition leader Sabina Kovar called the review "a whitewash". '
            "The commission dismissed the allegations as politically motivated.")
    assert pointed_denials(text, 3) == [2]


@pytest.mark.parametrize("denial", ["Ellery's office dismissed Dunmore's criticism as politically motivated.",
                                    "Kinsell dismissed Dunmore's analysis as politically motivated."])
def test_a_pointer_with_a_named_possessor_points_back(denial):
    text = ("Sen. Clay Dunmore said in a post that Ellery owed the country an explanation. "
            "The committee said it would meet in June. " + denial)
    assert pointed_denials(text, 2) == [0]


def test_disputing_that_figure_denies_the_claim_with_the_number():
    text = ("Board chair Deborah Kinsell said the vote reflected the wishes of parents. "
            "She added that the board had received more than 900 complaints since September. "
            "Opponents dispute that figure.")
    assert pointed_denials(text, 2) == [1]


def test_whose_figures_a_pointer_names_are_theirs_and_an_age_is_no_figure():
    text = ("Residents of Ostrel said at least eight people from the village had died. "
            "\"The fire came faster than you can drive,\" said Marko Brenn, 47, a beekeeper. "
            "Governor Lena Markovic dismissed the residents' figures as rumours spread in panic.")
    assert pointed_denials(text, 2) == [0]


def test_an_office_does_not_deny_the_person_it_belongs_to():
    from model import extract
    from model.types import Document
    text = ("Critics said leaders were drafting a bill to strip the governor's powers. "
            "House Speaker Raymond Vickers called the order unconstitutional. Vickers's office denied the report.")
    links = link(extract([Document(id="d0", text=text)]))
    assert "d0:2" not in links[1].denied_by


def test_a_spokesperson_of_a_body_never_denies_what_that_body_said():
    """"A police spokeswoman ... dismissed the fans' accounts": the fans', not the police's own count before them."""
    from model import Document, analyze

    text = ("Nine people were killed in a crush at the stadium, police said. Police said the crush began when fans "
            "without tickets forced the north gate. Tomas Rebane, who had a seat in the north stand, said he had been "
            "pressed against a locked exit gate. Marija Oskel said the north exit had been fastened with a padlock. "
            "A police spokeswoman, Irena Hollo, dismissed the fans' accounts as rumours.")
    claims = analyze([Document(id="a", text=text)])["documents"][0]["claims"]
    denier = next(c["id"] for c in claims if "dismissed" in c["text"])
    denied = [c["source"]["text"] for c in claims if denier in c["denied_by"]]
    assert denied and not any("police" in s.lower() for s in denied)


def test_the_allegations_are_the_accusing_claim_and_its_sides_not_what_others_said_since():
    """"Rell dismissed the allegations": what Civic Forward accused her of and its lawmaker said after, not the
    ministry spokesman's account or the hoteliers' confirmation that stand between."""
    from model import Document, analyze

    text = ("Civic Forward accused Economy Minister Sabina Rell on Monday of using a government jet for a ski "
            "holiday. Civic Forward lawmaker Tomas Hadek said flight logs showed the jet had taken Rell and her "
            "family to the resort. Ministry spokesman Pavel Orlik said Rell had flown to the resort to chair a "
            "meeting. The Brezno Hoteliers' Association confirmed that Rell had met its members at a hotel. Rell "
            "dismissed the allegations as a winter story.")
    claims = analyze([Document(id="a", text=text)])["documents"][0]["claims"]
    denied = [c["id"] for c in claims if "a:4" in c["denied_by"]]
    assert claims[4]["stance"] == "denies" and denied == ["a:0", "a:1"]


def test_a_report_relayed_then_cited_again_is_one_report_denied_whole():
    """"According to the newspaper" is the outlet that relayed the claim before it ("..., the business daily
    Ekonomen reported, citing two people ..."), and "denied the report" denies both sentences of that report."""
    from model import Document, analyze

    text = ("Brannvik Pharma has held talks about a takeover of Corsella Therapeutics, the business daily Ekonomen "
            "reported, citing two people familiar with the discussions. According to the newspaper, Brannvik's "
            "board was briefed on the talks last week. Corsella denied the report.")
    claims = analyze([Document(id="a", text=text)])["documents"][0]["claims"]
    assert claims[1]["source"]["resolved"]["text"] == "the business daily Ekonomen"
    assert claims[2]["stance"] == "denies"
    assert [c["id"] for c in claims if "a:2" in c["denied_by"]] == ["a:0", "a:1"]


def test_the_allegations_reach_back_to_the_accusation_but_those_charges_are_what_was_just_said():
    """A definite "the allegations" reaches back past a run of other claims to the claim that accused; a
    demonstrative "those charges" points at what was just said."""
    from model import Document, analyze

    filler = " ".join(f"Analyst {n} said the jet flew on day {d}." for n, d in
                      zip(("Ana Berg", "Ivo Lind", "Eva Holm", "Jan Rast", "Ola Sand", "Per Vik", "Tor Moe",
                           "Kai Dahl", "Liv Aas"), range(1, 10), strict=True))
    text = "Civic Forward accused Economy Minister Sabina Rell of using a state jet for a ski holiday. " + filler
    far = analyze([Document(id="a", text=text + " Rell dismissed the allegations.")])["documents"][0]["claims"]
    assert far[-1]["stance"] == "denies" and far[-1]["id"] in far[0]["denied_by"]
    near = analyze([Document(id="a", text=text + " Rell dismissed those charges.")])["documents"][0]["claims"]
    assert near[-1]["id"] not in near[0]["denied_by"] and near[-1]["id"] in near[-2]["denied_by"]


def test_the_allegations_reach_the_claims_of_the_accuser_the_accusing_claim_names():
    """The lead is the prosecutors' ("..., the State Prosecutor's Office said, a day after a newspaper accused
    him"): "the allegations" are also what the newspaper it names then says."""
    from model import Document, analyze

    text = ("Prosecutors have opened an investigation into suspected bribery involving Mayor Ivo Dren, the State "
            "Prosecutor's Office said on Monday, a day after a newspaper accused him of taking bribes. According "
            "to the newspaper, the money was paid in cash. Dren denied the allegations.")
    claims = analyze([Document(id="a", text=text)])["documents"][0]["claims"]
    assert claims[2]["stance"] == "denies"
    assert [c["id"] for c in claims if "a:2" in c["denied_by"]] == ["a:0", "a:1"]


def _headline_story(first: str) -> list[Claim]:
    head = make(first, number=0, kind="anonymous", role="other", source="residents", cue="say")
    body = make("Officials said the bridge over the Lissa river collapsed on Monday.", number=1,
                kind="anonymous", role="official", source="Officials", cue="said")
    return [head, Claim(**{**body.__dict__, "paragraph": 1})]


def test_a_headline_is_linked_by_no_words_it_shares_inside_its_article():
    # The headline sums up what the article's sources say: sharing their words makes it no second witness. The
    # same words as a sentence of the body do corroborate.
    headline = _headline_story("Bridge over the Lissa river collapsed on Monday, residents say")
    sentence = _headline_story("The bridge over the Lissa river collapsed on Monday, residents say.")
    assert link(headline)[1].corroborated_by == ()
    assert link(sentence)[1].corroborated_by


def test_a_headline_corroboration_the_paraphrase_model_finds_stands():
    # "..., residents say" states what the residents say; the paraphrase model reads it as a headline and decides.
    class Finds:
        def pairs(self, claims, found, key, lows=None):  # the one method link() calls
            return np.array([0]), np.array([1])

    claims = _headline_story("Bridge over the Lissa river collapsed on Monday, residents say")
    links = link(claims, Finds())  # type: ignore[arg-type]
    assert links[1].corroborated_by == (claims[0].id,) and links[0].corroborated_by == (claims[1].id,)


def test_a_pair_the_paraphrase_model_reads_as_one_fact_is_no_contradiction_for_one_negation():
    # "nurses took the bus" and "there was no car for the nurses": the rules see shared words and one negation and
    # call it a contradiction; the paraphrase model reads the negation itself (``one_negated``) and, when it reads
    # the two as one fact, they corroborate (passing no denial on). Without the model the rules' reading stands.
    claims = [make("Managers drove the home-care cars at weekends while nurses took the bus to patients, the auditors "
                   "said.", kind="named_organization", source="the auditors", cue="said"),
              make("A nurse said there was no car for the nurses at weekends and they went to patients by bus.",
                   number=1, kind="anonymous", source="A nurse", cue="said")]

    class Finds:
        def pairs(self, claims, found, key, lows=None):  # the one method link() calls
            return np.array([0]), np.array([1])

    assert link(claims)[1].contradicted_by == (claims[0].id,)
    links = link(claims, Finds())  # type: ignore[arg-type]
    assert links[1].corroborated_by == (claims[0].id,) and links[1].contradicted_by == ()
    assert links[1].denied_by == ()  # it passes no denial on; the later negation's rebuttal is the rules' as before
