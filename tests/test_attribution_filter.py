"""The learned attribution filter (stage "filter", artifact ``attributions``): what it sees, what it keeps, that
it only ever removes, that the rules decide without it, and that its artifact is verified before loading;
plus the candidates it weighs (doubted cues, act proposals) and relays through a citing outlet."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline as SkPipeline

from model import Analyzer, artifact, load_models
from model.artifact import ArtifactError
from model.attribution import LEARNED, Pipeline, attribute, hashed
from model.attribution.traits import traits
from model.training import attributions as training
from model.types import Document

ARTIFACTS = Path(__file__).resolve().parents[1] / "model" / "artifacts"
NAME = LEARNED["filter"]


class Stub:
    """A model that answers every candidate the same way and counts its calls."""

    def __init__(self, answer: bool) -> None:
        self.answer, self.calls, self.rows = answer, 0, []

    def predict(self, rows: list[dict]) -> np.ndarray:
        self.calls += 1
        self.rows += rows
        return np.full(len(rows), self.answer)


@pytest.fixture(scope="module")
def learned() -> Pipeline:
    return Pipeline(models=load_models(ARTIFACTS))


def sourced(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    """(source, cue) of every claim with a source."""
    return [(c.source.text, c.cue.text) for c in pipeline(Document(id="t", text=text), 0) if c.source and c.cue]


def test_the_filter_is_a_learned_stage_with_its_own_artifact():
    meta = artifact.read_metadata(ARTIFACTS, NAME)
    assert meta["role"].startswith('attribution stage "filter"')
    assert {"lemma", "doubt", "src_head", "after", "origin"} <= set(meta["features"])
    assert meta["training_data"]["articles"] > 500 and 0 < meta["threshold"] < 1
    assert set(meta["libraries"]) >= {"python", "sklearn", "numpy", "scipy", "joblib"}
    card = Analyzer().card()
    assert any(a["file"] == f"{NAME}.joblib" and a["sha256"] == meta["sha256"] for a in card["artifacts"])


@pytest.mark.parametrize("text", [
    "The minister said the border was closed.",
    "“The border is closed,” said Interior Minister Ali Hassan.",
    "The border was closed, according to the interior ministry.",
    "Security sources have revealed that the border was closed.",
])
def test_real_attributions_are_kept(learned, text):
    assert sourced(learned, text) == sourced(Pipeline(), text) != []


@pytest.mark.parametrize(("text", "source"), [
    ("Sweeping crackdowns could add fuel to the tensions.", "Sweeping crackdowns"),
    ("The campaign ran a flurry of tweets on Friday.", "a flurry of"),
    ("The ad features a New York Times report from the weekend.", "a New York Times"),
    ("Rising prices have intensified the personal attacks in the race.", "the personal"),
])
def test_a_subject_that_is_no_speaker_is_dropped(learned, text, source):
    assert source in [src for src, _ in sourced(Pipeline(), text)]  # the rules take it for a source ...
    assert source not in [src for src, _ in sourced(learned, text)]  # ... the filter does not


def test_one_prediction_call_per_document_whatever_its_length():
    stub = Stub(True)
    text = " ".join(["The minister said the border was closed. Officials said it reopened."] * 20)
    Pipeline(models={NAME: stub})(Document(id="t", text=text), 0)
    assert stub.calls == 1 and len(stub.rows) >= 40


def test_without_a_model_the_rules_decide():
    text = "The minister said the border was closed. The plan threatened the budget. Critics questioned it."
    rules = Pipeline()(Document(id="t", text=text), 0)
    assert Pipeline(models={NAME: None})(Document(id="t", text=text), 0) == rules
    doubted = [f for s in Pipeline(disable=["filter"]).sentences(Document(id="t", text=text))[1]
               for f in s.candidates if f.doubt]
    assert doubted  # the rules doubt something here, and without a model it never becomes a claim
    cues = {c.cue.start for c in rules if c.cue}
    assert not {s.starts[f.cue[0]] for s in Pipeline(disable=["filter"]).sentences(Document(id="t", text=text))[1]
                for f in s.candidates if f.doubt} & cues


def test_a_model_that_rejects_everything_leaves_no_sourced_cue_and_one_that_accepts_keeps_the_doubted():
    text = "Officials said the talks stalled. The plan threatened the budget."
    assert sourced(Pipeline(models={NAME: Stub(False)}), text) == []
    accepted = sourced(Pipeline(models={NAME: Stub(True)}), text)
    assert ("The plan", "threatened") in accepted and ("Officials", "said") in accepted


words = st.sampled_from(["The", "minister", "said", "that", "officials", "the", "plan", "threatened", "budget",
                         "Clinton", "wants", "critics", "argue", ",", "“", "”", "according", "to", "reported",
                         "citing", "people", "familiar", "with", "it", "."])


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=3, max_size=40))
def test_the_filter_only_ever_removes_and_is_deterministic(learned, toks):
    doc = Document(id="t", text=" ".join(toks) + ".")
    before = Pipeline(disable=["filter"]).sentences(doc)[1]
    after = learned.sentences(doc)[1]
    for s, t in zip(before, after, strict=True):
        assert set(t.candidates) <= set(s.candidates) and set(t.acts or []) <= set(s.acts or [])
        assert {f for f in s.candidates if not f.source} <= set(t.candidates)  # no source: the rules' to judge
    assert learned(doc, 0) == learned(doc, 0)


def test_traits_name_no_person():
    doc = Document(id="t", text="Marzieh Afkham said the report was false.")
    (s,) = Pipeline(disable=["filter"]).sentences(doc)[1]
    row = traits(s, s.candidates[0], "cue")
    assert "marzieh" not in json.dumps(row).lower() and row["src_first"] == "Cap" and row["lemma"] == "say"


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    for path in ARTIFACTS.glob("*.j*"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_an_altered_filter_artifact_is_refused_and_the_service_not_ready(copied):
    data = bytearray((copied / f"{NAME}.joblib").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copied / f"{NAME}.joblib").write_bytes(bytes(data))
    with pytest.raises(ArtifactError, match="sha256"):
        artifact.load(copied, NAME)
    analyzer = Analyzer(copied)
    assert not analyzer.ready and "sha256" in analyzer.problem


def test_training_writes_the_same_bytes_twice(tmp_path):
    rows = [{"lemma": w, "src_head": h, "gap": float(g)} for w, h, g in
            [("say", "officials", 0), ("show", "release", 3), ("say", "Cap", 1), ("threaten", "cost", 5)] * 5]
    labels = [1, 0, 1, 0] * 5
    shas = [artifact.write(training.estimator().fit(rows, labels), tmp_path / str(k), "a",
                           {"name": "a", "version": "0"})["sha256"] for k in range(2)]
    assert shas[0] == shas[1]


# Candidates the rules propose for the filter, and relays through a citing outlet (rules only: ``attribute``).

def claims_of(text: str) -> list[tuple[str | None, str | None, list[str]]]:
    return [(c.source.text if c.source else None, c.cue.text if c.cue else None,
             [v.text for v in c.source.via] if c.source else []) for c in attribute(Document(id="t", text=text), 0)]


@pytest.mark.parametrize(("text", "source", "via"), [
    ("The talks stalled, the Gazette reported, citing a person close to the talks.",
     "a person close to the talks", "the Gazette"),
    ("The talks stalled, according to the Gazette, which cited officials.", "officials", "the Gazette"),
    ("The talks stalled, according to the Gazette, citing two officials.", "two officials", "the Gazette"),
    ("The firm lost money, The Wall Street Journal reported on Monday, citing people familiar with the matter.",
     "people familiar with the matter", "The Wall Street Journal"),
    # The citing clause inside the outlet's own subject phrase, before the cue.
    ("The Courier, citing two people familiar with the matter, reported that the talks stalled.",
     "two people familiar with the matter", "The Courier"),
    ("The news agency Reuters, citing tribal sources in Iraq, said he has three.",
     "tribal sources in Iraq", "The news agency Reuters"),  # the body's kind stays with its name
    # ... where the outlet's phrase holds a word the cue rules could take for a verb ("state")
    ("Corvanian state television, citing security sources, reported that a diplomat had been filmed.",
     "security sources", "Corvanian state television"),
    # A named speaker, or a representative, cited: a title, an office or a given name shows who speaks.
    ("The budget will be cut, the Gazette reported, citing Finance Minister Ana Roth.",
     "Finance Minister Ana Roth", "the Gazette"),
    ("According to the Gazette, which cited a union representative, the brakes had been faulty.",
     "a union representative", "the Gazette"),
    # what the cited report says holds a cue of its own (an intent): the relay still frames all of it
    ("The company plans to cut 500 jobs, Bloomberg reported on Tuesday, citing people familiar with the matter.",
     "people familiar with the matter", "Bloomberg"),
    ("Tom Brokaw wants his replacement fired, the New York Post reported Thursday night, citing sources.",
     "sources", "the New York Post"),
    # "quoting" as "citing", and a sentence opening with who is cited
    ("The newspaper, quoting a senior police officer, said the suspect had been arrested.",
     "a senior police officer", "The newspaper"),
    ("Citing unnamed sources, Politico reported that the senator would not run again.", "unnamed sources",
     "Politico"),
    # a relay after the speaker frames nothing before the speaker's cue on its own
    ("Before the launch, Apple will reveal more on the watch, including battery details, said Kuo, according to a "
     "story on the website MacRumors.", "Kuo", "a story on the website MacRumors"),
])
def test_a_cited_speaker_is_the_source_and_the_outlet_its_relay(text, source, via):
    ((src, _, vias),) = claims_of(text)
    assert (src, vias) == (source, [via])


def test_a_closing_report_the_filter_doubts_still_gives_its_cited_speaker_not_the_sentences_subject():
    """", state media reported, citing a local official": the shipped filter does not keep "state media reported"
    (a lower-case subject it doubts), and the participle had taken the sentence's subject: "Three people" said
    three people were killed. The participle closes the frame, so the cited official speaks, via the frame's
    source; a frame citing no speaker gives no source at all."""
    from model import extract

    text = "Three people were killed in the blast, state media reported, citing a local official."
    (c,) = extract([Document(id="t", text=text)])
    assert (c.source.text, [v.text for v in c.source.via]) == ("a local official", ["state media"])
    (c,) = extract([Document(id="t", text="Prices rose 5 percent in March, state media reported, citing higher "
                                          "fuel costs.")])
    assert c.source is None  # not "Prices"


def test_an_opening_report_citing_a_named_speaker_is_one_claim_of_that_speaker():
    """"The Gazette reported, citing Finance Minister Ana Roth, that ...": the shipped filter keeps the report
    and the citing participle folds into it (one claim, the minister its source, the outlet its relay)."""
    from model import extract

    (c,) = extract([Document(id="t", text="The Gazette reported, citing Finance Minister Ana Roth, that the budget "
                                          "would be cut.")])
    assert (c.source.text, [v.text for v in c.source.via], c.kind) == ("Finance Minister Ana Roth", ["The Gazette"],
                                                                        "named_person")


@pytest.mark.parametrize("text", [
    "The talks stalled, according to the Gazette, citing internal documents.",
    "McCain said the economy was weak, citing low economic growth.",
    "The Gazette, citing internal documents, said the plan was shelved.",
    "The budget was cut, the Gazette reported, citing Brexit.",  # a capitalised word that names no speaker
])
def test_citing_no_speaker_leaves_the_source_alone(text):
    src, _, vias = claims_of(text)[0]
    assert vias == [] and src.lower().startswith(("the gazette", "mccain"))


@pytest.mark.parametrize(("text", "doubt"), [
    ("With 30 percent of voters saying they were undecided, the race is open.", "gerund"),
    ("Clinton leads in the polls by ten points.", "poll"),
    ("The plan threatened the budget.", "weak"),
])
def test_doubted_candidates_are_proposed_for_the_filter(text, doubt):
    sents = Pipeline(disable=["filter"]).sentences(Document(id="t", text=text))[1]
    assert doubt in {f.doubt for s in sents for f in s.candidates}


def test_any_verb_after_a_speaker_opening_a_sentence_is_proposed_as_an_act():
    (s,) = Pipeline(disable=["filter"]).sentences(Document(id="t", text="Environmentalists hated the new plan."))[1]
    assert [(s.span(*f.source).text, s.span(*f.cue).text, f.doubt) for f in s.acts] == [
        ("Environmentalists", "hated", "act")]


def filter_rows(texts: list[str]) -> list[dict]:
    """The rows the shipped filter is asked about for these texts, in its calls' order."""
    real, rows = load_models(ARTIFACTS)[NAME], []

    class Recorder:
        def predict(self, batch: list[dict]) -> np.ndarray:
            rows.extend(batch)
            return real.predict(batch)

    for text in texts:
        Pipeline(models={NAME: Recorder()})(Document(id="t", text=text), 0)
    return rows


def test_the_fast_filter_decides_as_the_shipped_pipeline_on_real_sentences():
    seed = (Path(__file__).resolve().parents[1] / "seeds" / "jalawla-2014.txt").read_text(encoding="utf-8")
    rows = filter_rows([seed, "Officials said the talks stalled. The plan threatened the budget, critics argued.",
                        "“We will not go back,” the minister told reporters, according to a statement."])
    model = load_models(ARTIFACTS)[NAME]
    assert len(rows) >= 20 and hashed._hashed(model) is not None  # the shipped shape takes the fast path
    decisions = hashed.predict(model, rows)
    assert decisions == list(model.predict(rows)) and set(decisions) == {0, 1}  # some kept, some dropped
    fast = hashed._hashed(model)
    x = model.steps[0][1].transform(rows)
    assert [fast.score(r) for r in rows] == list(model.steps[1][1].decision_function(x))  # to the last bit


def test_the_fast_filter_sums_features_sharing_a_column_as_sklearn():
    model = load_models(ARTIFACTS)[NAME]
    seen: dict[int, str] = {}
    for k in range(100_000):  # two names hashed to one column (the birthday bound: about a thousand tries)
        column = hashed._hashed(model)._hash(f"f{k}")[0]
        if column in seen:
            break
        seen[column] = f"f{k}"
    row = {seen[column]: 0.3, f"f{k}": 0.7, "lemma": "say", "doubt": "none", "gap": 0.0}
    decision = model.steps[1][1].decision_function(model.steps[0][1].transform([row]))[0]
    assert hashed._hashed(model).score(row) == decision


def test_another_model_shape_goes_through_its_predict():
    rows = [{"lemma": "say", "gap": 2.0}, {"lemma": "threaten", "gap": 0.0}]
    stub = Stub(True)
    assert hashed.predict(stub, rows) == [True, True] and stub.calls == 1
    wide = SkPipeline([("traits", FeatureHasher(n_features=2**10)), ("logit", LogisticRegression())])
    wide.fit(rows * 3, ["a", "b", "c"] * 2)  # three classes: not the binary shape the fast path computes
    assert hashed._hashed(wide) is None and hashed.predict(wide, rows) == list(wide.predict(rows))


def test_the_fast_filter_forgets_features_past_its_bound(monkeypatch):
    monkeypatch.setattr(hashed, "_CACHED", 10)
    fast = hashed._hashed(load_models(ARTIFACTS)[NAME])
    fast.columns.clear()
    for k in range(50):
        fast.score({"lemma": f"word{k}"})
        assert len(fast.columns) <= 10


def test_an_opening_relay_that_cites_gives_the_cited_speaker():
    # "According to X, which cited Y, ...": Y speaks, via X (not the relative pronoun "which").
    ((src, _, vias),) = claims_of("According to the Gazette, which cited two officials, the plan was dropped.")
    assert (src, vias) == ("two officials", ["the Gazette"])


def test_a_finding_joined_inside_a_reported_clause_is_part_of_it():
    """"said the track had been inspected and found to be safe": the finding belongs to the content, not to a
    second claim of the speaker's."""
    (c,) = attribute(Document(id="t", text="The company said the track had been inspected in April and found to be "
                                           "safe."), 0)
    assert (c.cue.text, c.text.endswith("found to be safe.")) == ("said", True)



PARTICIPLE = ('"Too much hate," she said, blaming some of it on the candidate. "It was a good year," he said, '
              'referring to the two resorts.')


def _cues(claims) -> list[str]:
    return [c.cue.text for c in claims if c.cue]


def test_a_cue_participle_after_a_comma_is_proposed_with_the_speakers_subject_for_the_filter():
    seen = Stub(True)
    claims = Pipeline(models={NAME: seen})(Document(id="t", text=PARTICIPLE), 0)
    proposed = [r for r in seen.rows if r.get("participle") and r["doubt"] == "participle"]
    assert [(r["form"], r["lemma"]) for r in proposed] == [("blaming", "blame"), ("referring", "refer")]
    blaming = next(c for c in claims if c.cue and c.cue.text == "blaming")
    assert blaming.source.text == "she"


def test_a_doubted_participle_is_dropped_by_the_rules_and_by_a_filter_that_refuses_it():
    assert "blaming" not in _cues(Pipeline()(Document(id="t", text=PARTICIPLE), 0))  # no model: the rules decide
    assert "blaming" not in _cues(Pipeline(models={NAME: Stub(False)})(Document(id="t", text=PARTICIPLE), 0))
    assert "blaming" not in _cues(Pipeline(models={NAME: Stub(True)}, disable=["participles"])(
        Document(id="t", text=PARTICIPLE), 0))


def test_a_participle_the_rules_accept_or_one_after_an_inverted_cue_is_not_proposed_again():
    seen = Stub(True)
    text = 'Trump hit back, saying the report was false. "It is over," said Ana Roth, blaming the heat.'
    Pipeline(models={NAME: seen})(Document(id="t", text=text), 0)
    assert not [r for r in seen.rows if r["doubt"] == "participle"]
