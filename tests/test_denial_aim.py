"""The denial aim model: which claims of its article a denial denies, what it may read, its artifact and data."""

from __future__ import annotations

import numpy as np
import pytest

from model import extract
from model.denial_aim import WINDOW, DenialAim, candidates
from model.links import link
from model.paraphrase import Paraphrase
from model.training import denial_aim as training
from model.types import Document

# A denial that states what it rejects, after three accounts of the spill from three sources.
STORY = (
    "SALTVIK, May 4 (Nordwire) - Thousands of dead fish have washed up along the Vira river below the Brenholm "
    "paper mill, the regional environment office said on Monday.\n"
    "Fishermen said the water below the mill's outlet had turned brown on Friday night.\n"
    "A laboratory analysis commissioned by the environment office found sulphide levels 40 times the legal limit "
    "below the outlet.\n"
    "The conservation group Vira Alive said its volunteers had measured almost no oxygen in the water for several "
    "kilometres.\n"
    "Brenholm Paper denied that any waste water had escaped from the mill, saying its treatment plant had worked "
    "normally all week.\n"
    "A spokeswoman for Brenholm Paper, Lena Vik, declined to comment on the analysis.\n"
    "The mill employs about 900 people in Saltvik.\n"
)


@pytest.fixture(scope="module")
def model() -> DenialAim:
    return DenialAim.load()


@pytest.fixture(scope="module")
def paraphrase() -> Paraphrase:
    return Paraphrase.load()


def _denied(text: str, paraphrase: Paraphrase, model: DenialAim | None) -> set[tuple[str, str]]:
    """(denial, denied) claim ids."""
    claims = extract([Document(id="d0", text=text)])
    return {(other, c.id) for c, lk in zip(claims, link(claims, paraphrase, model), strict=True)
            for other in lk.denied_by}


def _seen(text: str, paraphrase: Paraphrase, doc_id: str = "d0", before: tuple[Document, ...] = ()):
    """The claims and what the model would read of them: candidate pairs and their rows."""
    claims = extract([*before, Document(id=doc_id, text=text)])
    recorder = training.Recorder()
    link(claims, paraphrase, recorder)  # type: ignore[arg-type]
    return claims, recorder.seen


def test_a_denial_reaches_an_account_the_rules_miss(model, paraphrase):
    claims = extract([Document(id="d0", text=STORY)])
    denial = next(c.id for c in claims if "denied" in c.text)
    fishermen = next(c.id for c in claims if "Fishermen" in c.text)
    assert (denial, fishermen) not in _denied(STORY, paraphrase, None)
    assert (denial, fishermen) in _denied(STORY, paraphrase, model)


def test_candidates_are_other_sources_of_the_denials_article_and_no_refusal(paraphrase):
    claims, (t, d, rows, _, _, terms) = _seen(STORY, paraphrase)
    assert len(t) and rows.shape == (len(t), len(training.FEATURES)) and np.isfinite(rows).all()
    assert len(terms) == len(t) and all(denying and denied for denying, denied in terms)  # each side says something
    for i, j in zip(t.tolist(), d.tolist(), strict=True):
        assert claims[i].doc_index == claims[j].doc_index and claims[i].entity != claims[j].entity
        assert claims[i].stance != "declines" and abs(i - j) <= WINDOW


def test_a_spokesperson_denial_never_reads_its_own_bodys_claims(paraphrase):
    text = ("Nine people were killed in a crush at the stadium, police said. Police said the crush began when fans "
            "without tickets forced the north gate. Tomas Rebane, who had a seat in the north stand, said he had been "
            "pressed against a locked exit gate. A police spokeswoman, Irena Hollo, denied that any exit had been "
            "locked, saying every gate was open.")
    claims, (t, _, _, _, _, _) = _seen(text, paraphrase)
    assert len(t), "the denial reads the fan's account"
    assert not any("police" in (claims[i].entity or "") for i in t.tolist())


def test_candidates_grow_linearly_with_the_article():
    sentence = "Officials in district {k} denied that {k} families had left the valley before the river rose. "
    for n in (40, 160):
        claims = extract([Document(id="d0", text="".join(sentence.format(k=k) for k in range(n)))])
        key = np.array([hash(c.entity) for c in claims])
        t, _ = candidates(claims, np.ones(len(claims), dtype=bool), key)
        assert len(t) <= 2 * WINDOW * len(claims)


def test_a_document_is_aimed_the_same_whatever_else_the_request_holds(paraphrase):
    other = Document(id="x", text="Police said the road to Saltvik was closed on Monday evening.")
    alone, (t1, d1, rows1, _, _, _) = _seen(STORY, paraphrase)
    beside, (t2, d2, rows2, _, _, _) = _seen(STORY, paraphrase, before=(other,))
    pairs1 = [(alone[i].id, alone[j].id) for i, j in zip(t1.tolist(), d1.tolist(), strict=True)]
    pairs2 = [(beside[i].id, beside[j].id) for i, j in zip(t2.tolist(), d2.tolist(), strict=True)]
    assert pairs1 == pairs2 and np.array_equal(rows1, rows2)


def test_served_probabilities_are_the_pipelines(model, paraphrase):
    _, (t, _, rows, _, _, _) = _seen(STORY, paraphrase)
    expected = model.pipeline.predict_proba(rows)[:, 1]
    assert len(t) and np.allclose(model.probability(rows), expected, rtol=0, atol=1e-12)
    assert list(model.pipeline[0].get_feature_names_out()) == model.meta["features"]




def test_a_denial_that_points_back_keeps_the_rules_links_and_may_gain_more(model, paraphrase):
    text = ("The daily Kystposten reported on Monday that the refinery had under-reported its sulphur emissions for "
            "three years. Two engineers at the plant, who asked not to be named, said the readings had been lowered "
            "before they were sent to the inspectorate. Baltrena Energy, which owns the refinery, dismissed the "
            "report. The refinery employs about 400 people.")
    claims, (t, d, _, ra, rb, _) = _seen(text, paraphrase)
    denial = next(k for k, c in enumerate(claims) if "dismissed" in c.text)
    rules = {(int(i), int(j)) for i, j in zip(ra.tolist(), rb.tolist(), strict=True) if j == denial}
    assert rules, "the pointer rules aim the denial at the report"
    assert denial in d.tolist(), "the model reads the denial's other candidates"
    assert not rules & set(zip(t.tolist(), d.tolist(), strict=True)), "the rules' links are not the model's to drop"
    kept = {(claims[j].id, claims[i].id) for i, j in rules}
    assert kept <= _denied(text, paraphrase, model)
