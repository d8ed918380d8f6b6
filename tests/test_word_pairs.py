"""Word pairs learned from the labelled corroborations: what is kept, the features, the training counts, the
artifact."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import artifact
from model.pair_model import ARTIFACTS
from model.training.paraphrase import WIRE, data_hash, train_stories
from model.training.word_pair_counts import StoryCounts
from model.word_pairs import FEATURES, NAME, WordPairs

ROOT = Path(__file__).resolve().parents[1]
DIED = (frozenset({"eight", "died", "hospital"}), frozenset({"famili", "death", "eight"}))
OTHER = (frozenset({"bridg", "clos"}), frozenset({"traffic", "divert"}))


def _fit(stories: dict[str, list[tuple[tuple[frozenset, frozenset], bool]]], **settings) -> WordPairs:
    rows = [(pair, label, name) for name, pairs in stories.items() for pair, label in pairs]
    return WordPairs(**settings).fit([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])


def test_a_pair_several_stories_link_is_kept_and_one_story_s_is_not():
    linked = {"s1": [(DIED, True), (OTHER, False)] * 2, "s2": [(DIED, True), (OTHER, False)] * 2,
              "s3": [(OTHER, False)] * 4}
    model = _fit(linked, min_rows=3, min_stories=2)
    assert model.odds_["died"]["death"] > 0 and model.odds_["death"]["died"] == model.odds_["died"]["death"]
    assert "bridg" not in model.odds_  # never linked: below the base rate, not kept
    alone = _fit({"s1": [(DIED, True), (OTHER, False)] * 4, "s3": [(OTHER, False)] * 4}, min_rows=3, min_stories=2)
    assert "died" not in alone.odds_  # one story's pairs (an invented name's) are not kept


def test_features_read_both_ways_and_are_zero_without_a_known_pair():
    rare = [(DIED, True)] * 2 + [(OTHER, False)] * 10  # corroboration is rare: the pair is well above its rate
    model = _fit({"s1": rare, "s2": rare}, min_rows=3, min_stories=2)
    a, b = DIED
    assert model.features(a, b) == model.features(b, a)
    best, total, strong = model.features(a, b)
    assert best > 0 and total > 0 and strong >= 1
    assert model.features(*OTHER) == (0.0, 0.0, 0.0)
    assert model.features(a, a) == (0.0, 0.0, 0.0)  # shared words are not word pairs
    assert list(model.get_feature_names_out()) == list(FEATURES)
    assert model.transform([DIED, OTHER]).shape == (2, len(FEATURES))


_WORDS = st.sampled_from(["eight", "died", "hospital", "famili", "death", "bridg", "clos", "traffic", "divert",
                          "said", "minist", "deni", "report", "polic", "arrest", "fire", "vote", "court"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.frozensets(_WORDS, max_size=8), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_most_is_at_least_every_pair_s_features(terms, rnd):
    """The bound the served model skips pairs by: never below the features, and equal to them where two claims
    share no word."""
    rare = [(DIED, True)] * 2 + [(OTHER, False)] * 10 + [((frozenset({"polic"}), frozenset({"arrest"})), True)] * 3
    for model in (_fit({"s1": rare, "s2": rare}, min_rows=3, min_stories=2), shipped_model()):
        a = np.array([rnd.randrange(len(terms)) for _ in range(10)], dtype=np.int64)
        b = np.array([rnd.randrange(len(terms)) for _ in range(10)], dtype=np.int64)
        most = model.most(terms, a, b)
        exact = np.array([model.features(terms[i], terms[j]) for i, j in zip(a, b, strict=True)])
        assert (most >= exact - 1e-9).all()
        apart = np.array([terms[i].isdisjoint(terms[j]) for i, j in zip(a, b, strict=True)])
        assert np.allclose(most[apart], exact[apart])


@lru_cache(maxsize=1)
def shipped_model() -> WordPairs:
    return artifact.load(ARTIFACTS, NAME)[0]


def test_training_counts_give_what_a_fit_without_the_story_gives():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(14)]

    def pair() -> tuple[frozenset, frozenset]:
        return frozenset(rng.sample(vocabulary, 4)), frozenset(rng.sample(vocabulary, 4))

    stories = {f"s{k}": [(pair(), rng.random() < 0.3) for _ in range(25)] for k in range(6)}
    counts = StoryCounts([([p for p, _ in rows], np.array([y for _, y in rows])) for rows in stories.values()],
                         {"min_rows": 3, "min_stories": 2, "prior": 5.0})
    for k, (name, rows) in enumerate(stories.items()):
        others = _fit({n: r for n, r in stories.items() if n != name}, min_rows=3, min_stories=2, prior=5.0)
        expected = others.transform([p for p, _ in rows])
        assert expected.any()
        assert np.allclose(counts.features(k, [k]), expected, rtol=0, atol=1e-9)


def test_the_artifact_is_verified_listed_and_fitted_on_the_wire_train_half(tmp_path):
    meta = artifact.read_metadata(ARTIFACTS, NAME)
    assert meta["training_data"]["stories"] == train_stories()
    assert meta["training_data"]["sha256"] == data_hash(train_stories())
    halves = dict(line.split("\t")[:2] for line in (WIRE / "split.tsv").read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#"))
    assert all(halves[n] == "train" for n in meta["training_data"]["stories"])
    blob = (ARTIFACTS / f"{NAME}.joblib").read_bytes()
    (tmp_path / f"{NAME}.joblib").write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    (tmp_path / f"{NAME}.json").write_bytes((ARTIFACTS / f"{NAME}.json").read_bytes())
    with pytest.raises(artifact.ArtifactError, match="sha256"):
        artifact.load(tmp_path, NAME)

    from service import create_app

    listed = create_app().test_client().get("/v1/model").get_json()["artifacts"]
    assert [a["sha256"] for a in listed if a.get("name") == NAME] == [meta["sha256"]]


_HASHED = """
import random, sys
import numpy as np
from model.training.word_pair_counts import StoryCounts
rng = random.Random(7)
words = [f"w{k}" for k in range(40)]
stories = []
for _ in range(6):
    pairs = [(frozenset(rng.sample(words, 8)), frozenset(rng.sample(words, 8))) for _ in range(60)]
    stories.append((pairs, np.array([rng.random() < 0.3 for _ in pairs])))
counts = StoryCounts(stories, {"min_rows": 1, "min_stories": 1, "prior": 5.0})
sys.stdout.write(np.concatenate([counts.features(k, [k]).ravel() for k in range(6)]).tobytes().hex())
"""


def test_training_counts_are_the_same_bits_whatever_the_string_hashing():
    """Two processes hash strings differently and so walk a set in another order: the counted features (and the
    model fitted on them) must come out bit for bit the same."""
    runs = [subprocess.run([sys.executable, "-c", _HASHED], capture_output=True, text=True, check=True,
                           cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")]
    assert runs[0] and runs[0] == runs[1] == runs[2]
