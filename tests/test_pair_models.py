"""The learned pair models fitted on the team's wire stories (paraphrase, denial aim): their artifacts are
verified before unpickling, fitted on the wire train half only, and listed by the model endpoint."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest

from model import artifact
from model.denial_aim import DenialAim
from model.pair_model import ARTIFACTS, PairModel
from model.paraphrase import Paraphrase
from model.training.paraphrase import WIRE, block, data_hash, folds, train_stories

MODELS = [Paraphrase, DenialAim]
COMPANIONS = {"paraphrase": ("word_pairs",)}  # the artifacts a model loads beside its own


@pytest.mark.parametrize("kind", MODELS, ids=lambda k: k.NAME)
def test_artifact_is_verified_before_unpickling(kind: type[PairModel], tmp_path):
    for name in (kind.NAME, *COMPANIONS.get(kind.NAME, ())):
        for suffix in (".joblib", ".json"):
            shutil.copy(ARTIFACTS / f"{name}{suffix}", tmp_path / f"{name}{suffix}")
    kind.load(tmp_path)
    blob = (tmp_path / f"{kind.NAME}.joblib").read_bytes()
    (tmp_path / f"{kind.NAME}.joblib").write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    with pytest.raises(artifact.ArtifactError, match="sha256"):
        kind.load(tmp_path)


@pytest.mark.parametrize("kind", MODELS, ids=lambda k: k.NAME)
def test_training_reads_the_wire_train_half_only(kind: type[PairModel]):
    halves = dict(line.split("\t")[:2] for line in (WIRE / "split.tsv").read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#"))
    names = train_stories()
    meta = kind.load(ARTIFACTS).meta
    assert names and all(halves[n] == "train" for n in names)
    assert meta["training_data"]["stories"] == names and meta["training_data"]["sha256"] == data_hash(names)


@pytest.mark.parametrize("kind", MODELS, ids=lambda k: k.NAME)
def test_the_model_endpoint_lists_the_artifact(kind: type[PairModel]):
    from service import create_app

    listed = create_app().test_client().get("/v1/model").get_json()["artifacts"]
    mine = [a for a in listed if a.get("name") == kind.NAME]
    assert len(mine) == 1 and mine[0]["sha256"] == kind.load(ARTIFACTS).meta["sha256"] and mine[0]["training_data"]


def test_folds_keep_each_block_of_stories_whole():
    """Both pair models choose their settings in folds of whole blocks: a block's annotator sessions are never
    on both sides of a fold."""
    names = train_stories()
    folded = folds([SimpleNamespace(name=n) for n in names])
    assert sorted(i for f in folded for i in f) == list(range(len(names)))
    for f in folded:
        others = {block(names[i]) for g in folded if g is not f for i in g}
        assert not {block(names[i]) for i in f} & others
