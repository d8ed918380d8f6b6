"""The team's holdouts stay out of everything that learns: the training commands read train articles only."""

from __future__ import annotations

from model.training import attributions, cue_tagger, mined, stance
from model.training.mentions import team_train_labels
from model.training.scoreboard import held_out, split_of


def _held() -> set[str]:
    return {a for a, s in split_of().items() if s != "train"}


def test_the_three_holdouts_are_listed():
    splits = split_of()
    assert {s for s in splits.values()} == {"train", "holdout", "holdout2", "holdout3"}
    assert sum(s == "holdout" for s in splits.values()) == 10  # the first round's ten, comparable across reports
    assert sum(s == "holdout2" for s in splits.values()) == 14
    assert sum(s == "holdout3" for s in splits.values()) == 14


def test_no_training_command_reads_a_held_out_article():
    held = _held()
    assert held == held_out() and attributions.held_out is held_out  # the filter leaves out this one set
    assert not held & {r["article"] for r in team_train_labels()}  # typer and pronoun ranker
    assert not held & {r["article"] for r in stance.team_train_gold()}  # the denial comparison
    names = {p.stem for p in sorted((mined.POLNEAR / "train" / "text").glob("*.txt"))}
    assert len(mined.training_texts()) == len(names - held)  # the officeholder, surname and common-word lists
    assert len(cue_tagger.articles("train")) == len(names - held)  # the cue tagger measurement
