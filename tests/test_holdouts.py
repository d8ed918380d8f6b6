"""The team's holdouts stay out of everything that learns: the training commands read train articles only."""

from __future__ import annotations

from pathlib import Path

from model.training import attributions, cue_tagger, mined, stance
from model.training.copies import copies_of
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
    labelled = _held()
    held = held_out()
    assert labelled <= held and attributions.held_out is held_out  # the filter leaves out this one set
    assert not held & {r["article"] for r in team_train_labels()}  # typer and pronoun ranker
    assert not held & {r["article"] for r in stance.team_train_gold()}  # the denial comparison
    names = {p.stem for p in sorted((mined.POLNEAR / "train" / "text").glob("*.txt"))}
    assert len(mined.training_texts()) == len(names - held)  # the officeholder, surname and common-word lists
    assert len(cue_tagger.articles("train")) == len(names - held)  # the cue tagger measurement


def test_a_copy_of_a_held_out_article_is_held_out_too():
    held = held_out()
    text_dir = mined.POLNEAR / "train" / "text"
    assert copies_of(held, text_dir) <= held
    # The one copy found when the third holdout was drawn: the next day's version of one of its articles.
    if (text_dir / "wash-post_2015-12-13_misinformation-enters-mainstream.txt").is_file():
        assert "wash-post_2015-12-13_misinformation-enters-mainstream" in held - _held()


def test_copies_are_found_by_the_services_own_test(tmp_path: Path):
    story = " ".join(f"The council voted {k} times on the harbour plan before the mayor said no." for k in range(40))
    (tmp_path / "a.txt").write_text(story, encoding="utf-8")
    (tmp_path / "b.txt").write_text("LONDON (Wire) - " + story + " Updated at noon.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("A different story about rainfall in the hills.", encoding="utf-8")
    assert copies_of({"a"}, tmp_path) == {"b"}
    assert copies_of({"c"}, tmp_path) == set()
    assert copies_of({"a", "b"}, tmp_path) == set()
