"""The learned stance model: its artifact's checks, batch behaviour, robustness and what it says of denials."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import artifact
from model.agreement import ARTIFACTS, CLASSES, NAME, Agreement
from model.training.agreement_data import composed, majority

ROOT = Path(__file__).resolve().parents[1]
EMERGENT = ROOT.parent / "shared" / "data" / "emergent" / "stories-train.jsonl"

CLAIM = "Iranian troops crossed the border into Iraq to retake the town of Jalawla."
PAIRS = [
    (CLAIM, "Hundreds of Iranian soldiers crossed the border into Iraq to retake Jalawla, officials said."),
    (CLAIM, "The Foreign Ministry denied that Iranian troops had crossed into Iraq."),
    (CLAIM, "Reports that Iranian troops crossed the border are false, the ministry said."),
    (CLAIM, "Iranian troops may have crossed the border, according to unconfirmed reports."),
    (CLAIM, "The central bank raised interest rates by half a point on Tuesday."),
    ("Apple will sell 19 million watches in 2015", "Analysts expect Apple to sell 19 million watches in 2015."),
    ("Apple will sell 19 million watches in 2015", "His request for leave was denied by the court."),
    ("", ""),
    ("A", "B. C? D!\n\nE"),
]


@pytest.fixture(scope="module")
def model() -> Agreement:
    return Agreement.load()


# ---- the artifact ---------------------------------------------------------------------------------------
class _Trap:
    """Unpickling this creates a file: proof that a refused artifact was never unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_tampered_artifact_is_refused_before_unpickling(tmp_path):
    for suffix in (".joblib", ".json"):
        shutil.copy(ARTIFACTS / f"{NAME}{suffix}", tmp_path / f"{NAME}{suffix}")
    marker = tmp_path / "unpickled"
    import joblib

    joblib.dump(_Trap(marker), tmp_path / f"{NAME}.joblib")  # metadata still holds the real file's sha256
    with pytest.raises(artifact.ArtifactError, match="sha256"):
        Agreement.load(tmp_path)
    assert not marker.exists()


def test_one_changed_byte_is_refused(tmp_path):
    for suffix in (".joblib", ".json"):
        shutil.copy(ARTIFACTS / f"{NAME}{suffix}", tmp_path / f"{NAME}{suffix}")
    data = bytearray((tmp_path / f"{NAME}.joblib").read_bytes())
    data[len(data) // 2] ^= 1
    (tmp_path / f"{NAME}.joblib").write_bytes(bytes(data))
    with pytest.raises(artifact.ArtifactError, match="refusing to unpickle"):
        Agreement.load(tmp_path)


def test_missing_or_incomplete_metadata_is_an_artifact_error(tmp_path):
    with pytest.raises(artifact.ArtifactError, match="missing"):
        Agreement.load(tmp_path)
    (tmp_path / f"{NAME}.json").write_text(json.dumps({"name": NAME, "version": "0"}))
    with pytest.raises(artifact.ArtifactError, match="lacks sha256"):
        Agreement.load(tmp_path)
    (tmp_path / f"{NAME}.json").write_text("[1, 2]")
    with pytest.raises(artifact.ArtifactError, match="not a JSON object"):
        Agreement.load(tmp_path)


def test_artifact_round_trip_is_byte_reproducible(tmp_path):
    obj = {"weights": np.arange(5.0), "names": ("a", "b")}
    first = artifact.write(obj, tmp_path / "one", "thing", {"name": "thing", "version": "1"})
    second = artifact.write(obj, tmp_path / "two", "thing", {"name": "thing", "version": "1"})
    assert first["sha256"] == second["sha256"]
    assert (tmp_path / "one" / "thing.json").read_bytes() == (tmp_path / "two" / "thing.json").read_bytes()
    loaded, meta = artifact.load(tmp_path / "one", "thing")
    assert meta == first and loaded["names"] == ("a", "b") and np.array_equal(loaded["weights"], obj["weights"])


def test_metadata_describes_the_model(model):
    meta = model.meta
    assert model.classes == CLASSES == tuple(meta["classes"])
    assert meta["sha256"] == artifact.sha256_file(ARTIFACTS / f"{NAME}.joblib")
    assert len(meta["features"]) == len(model.pipeline[0].get_feature_names_out())
    assert {"python", "sklearn", "numpy", "scipy", "joblib"} <= set(meta["libraries"])
    assert meta["training_data"]["holdout_stories_excluded"] == 30
    assert {"grouped_nested_cv", "holdout"} <= set(meta["metrics"])
    assert model.info() == {"name": meta["name"], "version": meta["version"], "sha256": meta["sha256"]}


# ---- batch behaviour ------------------------------------------------------------------------------------
def test_probabilities_are_distributions(model):
    p = model.predict_proba(PAIRS)
    assert p.shape == (len(PAIRS), len(CLASSES))
    assert np.all(p >= 0) and np.all(p <= 1)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=0, atol=1e-12)


def test_a_pair_scores_the_same_alone_in_a_batch_and_in_any_order(model):
    batch = model.predict_proba(PAIRS)
    for i, pair in enumerate(PAIRS):
        assert np.array_equal(model.predict_proba([pair])[0], batch[i])
    order = np.random.default_rng(7).permutation(len(PAIRS))
    shuffled = model.predict_proba([PAIRS[i] for i in order])
    assert np.array_equal(shuffled, batch[order])
    repeated = model.predict_proba(PAIRS * 3)
    assert np.array_equal(repeated, np.vstack([batch] * 3))
    assert np.array_equal(model.predict_proba(PAIRS), batch)


def test_indexed_pairs_match_string_pairs(model):
    claims = sorted({a for a, _ in PAIRS})
    texts = sorted({b for _, b in PAIRS})
    ia = [claims.index(a) for a, _ in PAIRS]
    ib = [texts.index(b) for _, b in PAIRS]
    assert np.array_equal(model.predict_proba_indexed(claims, texts, ia, ib), model.predict_proba(PAIRS))
    with pytest.raises(ValueError, match="outside"):
        model.predict_proba_indexed(claims, texts, [len(claims)], [0])
    with pytest.raises(ValueError, match="length"):
        model.predict_proba_indexed(claims, texts, [0, 1], [0])


def test_an_empty_batch_is_empty(model):
    assert model.predict_proba([]).shape == (0, len(CLASSES))
    assert model.predict([]) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=300), st.text(max_size=600)), min_size=1, max_size=6))
def test_arbitrary_unicode_pairs_never_raise(model, pairs):
    p = model.predict_proba(pairs)
    assert p.shape == (len(pairs), len(CLASSES))
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=0, atol=1e-9)


# ---- what it says ---------------------------------------------------------------------------------------
DENIALS = [
    ("Iranian troops entered Iraq to fight Islamic State.",
     "Iranian troops entered Iraq to fight Islamic State, security sources said.",
     "The Foreign Ministry denied that Iranian troops entered Iraq to fight Islamic State."),
    ("Banksy was arrested in London.",
     "Banksy was arrested in London on Monday, police said.",
     "The report that Banksy was arrested in London is false, a hoax spread by a satirical website."),
    ("The company will cut 5,000 jobs next year.",
     "The company will cut 5,000 jobs next year, its chief executive told staff.",
     "The company denied that it will cut 5,000 jobs next year."),
]


@pytest.mark.parametrize(("claim", "restated", "denied"), DENIALS)
def test_a_plain_denial_is_more_denies_than_a_restatement(model, claim, restated, denied):
    p = model.predict_proba([(claim, restated), (claim, denied)])
    col = model.classes.index("denies")
    assert p[1, col] > p[0, col]
    assert model.classes[int(p[0].argmax())] != "denies"


def test_an_unrelated_sentence_is_unrelated(model):
    p = model.predict_proba([(CLAIM, "The central bank raised interest rates by half a point on Tuesday.")])
    assert model.classes[int(p[0].argmax())] == "unrelated"


# ---- training data ------------------------------------------------------------------------------------------
def test_body_votes_are_read_against_the_headlines():
    against = Counter({"against": 12, "for": 1, "observing": 1})  # a debunked story's headlines
    assert composed({"agree": 5, "disagree": 0, "discuss": 1}, against) == "denies"
    assert composed({"agree": 5, "disagree": 0, "discuss": 1}, Counter({"for": 9, "against": 1})) == "agrees"
    assert composed({"agree": 0, "disagree": 0, "discuss": 3}, against) == "discusses"
    assert composed({"agree": 1, "disagree": 1, "discuss": 0}, against) is None
    assert majority({"agree": 2, "disagree": 2, "discuss": 1}) is None
    assert majority({"agree": 1, "disagree": 3, "discuss": 1}) == "denies"


@pytest.mark.skipif(not EMERGENT.is_file(), reason="needs ../shared/data/emergent beside the repository")
def test_the_holdout_file_is_the_seeded_draw():
    from model.training.emergent_split import HOLDOUT, draw, eligible, read_holdout

    stories = eligible(EMERGENT)
    assert read_holdout(HOLDOUT) == frozenset(draw(stories))
    veracity = Counter(s["veracity"] for s in stories if s["claim_id"] in read_holdout(HOLDOUT))
    assert veracity == {"false": 20, "true": 10}


def test_training_says_so_without_the_shared_data(monkeypatch, capsys, tmp_path):
    from model.training import agreement as training

    monkeypatch.setattr(training, "EMERGENT", tmp_path / "absent.jsonl")
    assert training.main(["--out", str(tmp_path)]) == 1
    assert "skipped" in capsys.readouterr().out
    assert not list(tmp_path.iterdir())
