"""Draws the wire set's train/holdout split and counts the phenomena of each half.

    python model/data/wire/split.py          # writes split.tsv beside it, prints the counts
    python model/data/wire/split.py --check  # only prints the counts of the committed split

The draw is a seeded shuffle (random.Random(SEED)); a draw is kept only when both halves mix the
phenomena (every phenomenon seen at least four times overall has at least a quarter of its cases in
each half), else the next seed is tried. The seed that was kept is written into split.tsv. Stories 25 on
were written and labelled after the draw, by two other annotator sessions, as a second holdout ("holdout2"):
they are never drawn, and the first 24 keep their halves. Stories 33 on, a third set written later still by
two more annotator sessions, are train: more stories to tune linking and sourcing on (their figures before
anyone read an answer on them are in GUIDELINE.md); so are stories 41 on, a fourth set, up to the ninth (89-104).
Stories 105-120, the tenth set, are a third holdout ("holdout3"), never drawn and read only to report; stories
121 on, the eleventh set, the twelfth (137-152), the thirteenth (153-168), the fourteenth (169-184), the
fifteenth (185-200), the sixteenth (201-216), the seventeenth (217-232), the eighteenth (233-248), the
nineteenth (249-264), the twentieth (265-280), the twenty-first (281-296), the twenty-second
(297-312), the twenty-third (313-328) and every set after it, up to the ninety-third (1433-1448), are
train again.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20240611
HALF = 12
SECOND = 25  # stories from this number on were written after the draw: a second holdout, "holdout2", never drawn
THIRD = 33  # ... and from this one on, a third set (and a fourth, 41 on), written later still: train
TENTH = 105  # ... up to this one: the tenth set is a third holdout, "holdout3", never drawn
ELEVENTH = 121  # ... and from this one on, the eleventh set: train again
HALVES = ("train", "holdout", "holdout2", "holdout3")


def phenomena(labels: dict) -> Counter:
    """What one story's labels exercise, counted."""
    c: Counter = Counter()
    for s in labels["sentences"]:
        atts = s["attributions"]
        c["sentences"] += 1
        c["two or more attributions in a sentence"] += len(atts) > 1
        for a in atts:
            c["attributions"] += 1
            c[f"kind {a['kind']}"] += 1
            c[f"role {a['role']}"] += 1
            c[f"stance {a['stance']}"] += a["stance"] != "asserts"
            c["hedged"] += a["hedged"]
            men = a.get("mention")
            c[f"mention {men}"] += men is not None
            c["relay (via)"] += bool(a.get("via"))
            c["anonymous with a stated reason"] += a["kind"] == "anonymous" and bool(a.get("anonymity_reason"))
            c["anonymous without a reason"] += a["kind"] == "anonymous" and not a.get("anonymity_reason")
            c["unnamed spokesperson"] += men == "unnamed_person" and "spokes" in (a["source"] or "").lower()
            c["quote sentence without a cue"] += a["source"] is not None and a.get("cue") is None
    corr = {frozenset((s["index"], j)) for s in labels["sentences"] for j in s["corroborates"]}
    c["corroboration pairs"] += len(corr)
    c["denial links"] += len({(s["index"], j) for s in labels["sentences"] for j in s["denies"]})
    c["contradiction pairs"] += len({frozenset((s["index"], j)) for s in labels["sentences"]
                                     for j in s.get("contradicts", [])})
    return +c


def load() -> dict[str, Counter]:
    return {p.stem: phenomena(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted((HERE / "labels").glob("*.json"))}


def mixed(counts: dict[str, Counter], train: set[str]) -> bool:
    total = sum(counts.values(), Counter())
    for key, n in total.items():
        if n >= 4:
            a = sum(counts[s][key] for s in train)
            if min(a, n - a) < n / 4:
                return False
    return True


def draw(counts: dict[str, Counter]) -> tuple[int, set[str]]:
    stories = sorted(counts)
    seed = SEED
    while True:
        train = set(random.Random(seed).sample(stories, HALF))
        if mixed(counts, train):
            return seed, train
        seed += 1


def second(story: str) -> bool:
    return int(story.split("-")[0]) >= SECOND


def third(story: str) -> bool:
    n = int(story.split("-")[0])
    return THIRD <= n < TENTH or n >= ELEVENTH


def tenth(story: str) -> bool:
    return TENTH <= int(story.split("-")[0]) < ELEVENTH


def report(counts: dict[str, Counter], halves: dict[str, str]) -> None:
    keys = sorted(sum(counts.values(), Counter()))
    sums = {h: sum((counts[s] for s in counts if halves[s] == h), Counter()) for h in HALVES}
    print(f"{'':<42}{'train':>8}{'holdout':>9}{'holdout2':>10}{'holdout3':>10}{'all':>6}")
    for k in keys:
        print(f"{k:<42}{sums['train'][k]:>8}{sums['holdout'][k]:>9}{sums['holdout2'][k]:>10}{sums['holdout3'][k]:>10}"
              f"{sum(sums[h][k] for h in HALVES):>6}")


def main(argv: list[str]) -> int:
    counts = load()
    if "--check" in argv:
        rows = [ln.split("\t") for ln in (HERE / "split.tsv").read_text(encoding="utf-8").splitlines()
                if ln and not ln.startswith("#")]
        halves = {r[0]: r[1] for r in rows}
    else:
        seed, train = draw({s: c for s, c in counts.items() if not second(s)})
        halves = {s: "holdout3" if tenth(s) else "train" if third(s) or s in train else "holdout2" if second(s)
                  else "holdout" for s in counts}
        lines = [f"# story\tsplit (drawn by split.py, seed {seed})"]
        lines += [f"{s}\t{halves[s]}" for s in sorted(counts)]
        (HERE / "split.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"seed {seed}: " + ", ".join(f"{sum(v == h for v in halves.values())} {h}" for h in HALVES))
    report(counts, halves)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
