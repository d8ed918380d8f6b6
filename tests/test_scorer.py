"""The shipped artifact: verified loading, one batched predict, exact explanations, monotone coefficients."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from model.features import DIRECTIONS, NAMES, reference_claim
from model.monotone import SignedLogisticRegression
from model.scorer import JOBLIB, META, ArtifactError, Scorer
from model.training import train
from model.types import Links

ARTIFACTS = Path(__file__).resolve().parents[1] / "model" / "artifacts"


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer.load(ARTIFACTS)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for name in (JOBLIB, META):
        shutil.copy(ARTIFACTS / name, tmp_path / name)
    return tmp_path


def test_info_and_card(scorer):
    info = scorer.info()
    assert set(info) == {"name", "version", "sha256"} and len(info["sha256"]) == 64
    card = scorer.card()
    assert [f["name"] for f in card["features"]] == list(NAMES)
    assert {f["direction"] for f in card["features"]} <= {-1, 0, 1}
    assert card["thresholds"]["medium"] < card["thresholds"]["high"]
    assert card["training_data"]["sets"] and card["metrics"]["cv"]["emergent"]["roc_auc"] > 0.5
    assert any(a["file"] == "CARD.md" for a in card["artifacts"])


def test_missing_directory_is_refused(tmp_path):
    with pytest.raises(ArtifactError, match="missing"):
        Scorer.load(tmp_path / "nowhere")


def test_truncated_file_is_refused(copy):
    data = (copy / JOBLIB).read_bytes()
    (copy / JOBLIB).write_bytes(data[: len(data) // 2])
    with pytest.raises(ArtifactError, match="sha256"):
        Scorer.load(copy)


def test_wrong_checksum_is_refused_before_unpickling(copy, monkeypatch):
    meta = json.loads((copy / META).read_text())
    meta["sha256"] = "0" * 64
    (copy / META).write_text(json.dumps(meta))
    monkeypatch.setattr("joblib.load", lambda *a, **k: pytest.fail("unpickled a file that failed its check"))
    with pytest.raises(ArtifactError, match="sha256"):
        Scorer.load(copy)


@pytest.mark.parametrize("damage", ["drop_key", "not_json", "drop_joblib"])
def test_broken_metadata_is_refused(copy, damage):
    if damage == "drop_key":
        meta = json.loads((copy / META).read_text())
        del meta["thresholds"]
        (copy / META).write_text(json.dumps(meta))
    elif damage == "not_json":
        (copy / META).write_text("{not json")
    else:
        (copy / JOBLIB).unlink()
    with pytest.raises(ArtifactError):
        Scorer.load(copy)


def claims_and_links():
    ref, _ = reference_claim()
    anon = replace(ref, kind="anonymous", anonymity="individual", entity="", number=1)
    denied = replace(ref, number=2)
    return [ref, anon, denied], [Links(), Links(), Links(denied_by=("x:1",), official_denial=True)]


def test_one_batched_predict_per_request(scorer, monkeypatch):
    """Every claim of a request goes through the features and the model in one batch."""
    calls = []
    original = scorer.features.transform
    monkeypatch.setattr(scorer.features, "transform", lambda x: calls.append(len(x)) or original(x))
    claims, links = claims_and_links()
    out = scorer.score(claims, links)
    assert calls == [3]
    assert all(0.0 <= s.score <= 1.0 for s in out)
    assert scorer.score([], []) == []


def test_explanations_add_up_to_the_distance_from_the_reference(scorer):
    claims, links = claims_and_links()
    ref = scorer.score(claims[:1], links[:1])[0]
    assert ref.explanation == ()
    for s in scorer.score(claims, links):
        total = sum(e for _, e in s.explanation)
        assert total == pytest.approx(s.score - ref.score, abs=1e-3)
        effects = [abs(e) for _, e in s.explanation]
        assert effects == sorted(effects, reverse=True)
        assert set(s.features) == set(NAMES)


def test_labels_follow_the_card_thresholds(scorer):
    t = scorer.card()["thresholds"]
    for s in scorer.score(*claims_and_links()):
        want = "high" if s.score >= t["high"] else "medium" if s.score >= t["medium"] else "low"
        assert s.label == want


def test_explain_false_drops_features(scorer):
    s = scorer.score(*claims_and_links(), explain=False)[0]
    assert s.features == {} and s.explanation == () and s.score is not None


def test_shipped_coefficients_respect_their_directions(scorer):
    coef = scorer.coef
    assert np.all(coef[DIRECTIONS > 0] >= 0) and np.all(coef[DIRECTIONS < 0] <= 0)


def test_unconstrained_fit_matches_sklearn():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(300, 3))
    y = (X @ [1.0, -2.0, 0.5] + rng.normal(size=300) > 0).astype(int)
    ours = SignedLogisticRegression(C=1.0).fit(X, y)
    ref = LogisticRegression(C=1.0).fit(X, y)
    assert np.allclose(ours.coef_, ref.coef_, atol=1e-3) and np.allclose(ours.intercept_, ref.intercept_, atol=1e-3)
    signed = SignedLogisticRegression(directions=(1, 1, 1)).fit(X, y)
    assert signed.coef_[0][1] == 0.0 and signed.coef_[0][0] > 0


def test_training_skips_cleanly_without_shared_data(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(train, "EMERGENT", tmp_path / "absent.jsonl")
    assert train.main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_shipped_artifact_was_trained_on_the_committed_labels(scorer):
    import hashlib

    labelled = Path(__file__).resolve().parents[1] / "model" / "data" / "labelled.jsonl"
    sets = {Path(s["file"]).name: s for s in scorer.card()["training_data"]["sets"]}
    assert sets["labelled.jsonl"]["sha256"] == hashlib.sha256(labelled.read_bytes()).hexdigest()


def test_a_label_cut_goes_beside_a_mass_of_equal_scores_never_through_it():
    from model.training.train import cut

    shown = np.array([0.1] * 10 + [0.2] * 30 + [0.3] * 60)  # the third falls inside the 0.2 mass
    assert cut(shown, 1 / 3) == 0.3  # 40 % below it: nearer a third than the 10 % below 0.2
    assert cut(shown, 0.05) == 0.1 and cut(shown, 0.12) == 0.2
