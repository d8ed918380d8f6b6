"""Choose the PolNeAR train articles the team labels for sourcing, and the ten kept as its holdout.

    python model/data/sourcing/select.py            # prints: split, publisher, pick, article, ann, events
    python model/data/sourcing/select.py --round 2  # the second round's 14 train articles (batches 6-8)
    python model/data/sourcing/select.py --round 3  # the third round's 14 (batches 9-11), as the second
    python model/data/sourcing/select.py --round 4  # the fourth round's 14 (batches 12-14)
    python model/data/sourcing/select.py --round 5  # the fifth round's 14 (batches 15-17)
    python model/data/sourcing/select.py --round 6  # the sixth round's 14 (batches 18-20)
    python model/data/sourcing/select.py --round 7  # the seventh round's 14 (batches 21-24)
    python model/data/sourcing/select.py --round 8  # the eighth round's 14 (batches 25-28): train
    python model/data/sourcing/select.py --round 9  # the ninth round's 14 (batches 29-32): train
    python model/data/sourcing/select.py --round 10  # the tenth round's 14 (batches 33-36): a third holdout
    python model/data/sourcing/select.py --round 11  # the eleventh round's 14 (batches 37-40): train
    python model/data/sourcing/select.py --round 12  # the twelfth round's 14 (batches 41-44): train
    python model/data/sourcing/select.py --round 13  # the thirteenth round's 14 (batches 45-48): train
    python model/data/sourcing/select.py --round 14  # the fourteenth round's 14 (batches 49-52): train
    python model/data/sourcing/select.py --round 15  # the fifteenth round's 14 (batches 53-56): train
    python model/data/sourcing/select.py --round 16  # the sixteenth round's 14 (batches 57-60): train
    python model/data/sourcing/select.py --round 17  # the seventeenth round's 14 (batches 61-64): train
    python model/data/sourcing/select.py --round 18  # the eighteenth round's 14 (batches 65-68): train
    python model/data/sourcing/select.py --round 19  # the nineteenth round's 14 (batches 69-72): train
    python model/data/sourcing/select.py --round 20  # the twentieth round's 14 (batches 73-76): train
    python model/data/sourcing/select.py --round 21  # the twenty-first round's 14 (batches 77-80): train
    python model/data/sourcing/select.py --round 22  # the twenty-second round's 14 (batches 81-84): train
    python model/data/sourcing/select.py --round 23  # the twenty-third round's 14 (batches 85-88): train
    python model/data/sourcing/select.py --round 24  # the twenty-fourth round's 14 (batches 89-92): train
    python model/data/sourcing/select.py --round 25  # the twenty-fifth round's 14 (batches 93-96): train
    python model/data/sourcing/select.py --round 26  # the twenty-sixth round's 14 (batches 97-100): train
    python model/data/sourcing/select.py --round 27  # the twenty-seventh round's 14 (batches 101-104): train
    python model/data/sourcing/select.py --round 28  # the twenty-eighth round's 14 (batches 105-108): train

Per publisher (the file-name prefix), among train articles whose first annotator file (by name) has
between MIN_EVENTS and MAX_EVENTS attribution events: two "marker" picks (most anonymity and denial
markers, as ../shared/data/polnear-sourcing/select.py counts them, so anonymous and denied sources are
well represented), then four picks drawn at random (seeded) from the rest. Ten of the 42 articles,
drawn at random (seeded) with at least one per publisher, are the team holdout: nobody tunes on them,
they are only reported.

The second round (more labels for the learned typer; all train, the holdout stays the first round's ten)
takes, per publisher, among the articles the first round left, one marker pick and one drawn at random
(seeded), of at most ROUND2_MAX_EVENTS events so that a batch is one sitting's work. The third to the
seventh rounds do the same among the articles the rounds before them left, each with its own seed. The
seventh round is a second holdout (``holdout2`` in batches.tsv) and the tenth a third (``holdout3``), each
labelled after the models were fitted and kept out of everything that learns.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train"
MARKERS = ["officials", "official said", "sources", "source said", "aides", "aide said", "adviser",
           "people familiar", "anonymity", "not authorized", "spokes", "denied", "dismissed", "rejected"]
MIN_EVENTS, MAX_EVENTS = 15, 90  # enough attributions to be worth reading; no single article dominating
MARKER_PICKS, RANDOM_PICKS, HOLDOUT = 2, 4, 10
SEED = 20261130
ROUND2_SEED, ROUND2_MAX_EVENTS = 20261201, 60
# One seed per later round: a round's draw never moves another's.
LATER_SEEDS = {2: ROUND2_SEED, 3: 20261202, 4: 20261203, 5: 20261204, 6: 20261205, 7: 20261206,
               8: 20261207, 9: 20261208, 10: 20261209, 11: 20261210, 12: 20261211, 13: 20261212, 14: 20261213,
               15: 20261214, 16: 20261215,
               17: 20261216, 18: 20261217, 19: 20261218,
               20: 20261219, 21: 20261220, 22: 20261221, 23: 20261222, 24: 20261223,
               25: 20261224, 26: 20261225, 27: 20261226, 28: 20261227}
HOLDOUT_ROUNDS = {7: "holdout2", 10: "holdout3"}  # the later rounds that are holdouts, not train
# From the eleventh round on, an article that copies one an earlier round took is never drawn: PolNeAR train holds a
# few near-duplicates (a story and its next day's update), and labelling a copy of a holdout article as train would
# teach its answers. Earlier rounds' draws stay as they were.
DEDUPED_FROM = 11


def copies_of(articles: set[str]) -> set[str]:
    """The other PolNeAR train articles that are near-duplicates of these (``model.training.copies``)."""
    sys.path.insert(0, str(ROOT))  # run as a script from the repository, as the docstring says
    from model.training.copies import copies_of as copies

    return copies(articles, TRAIN / "text")


def first_ann(article: str) -> Path | None:
    names = sorted((TRAIN / "attributions").glob(f"{article}_????.ann"))
    return names[0] if names else None


def events(ann: Path) -> int:
    return sum(1 for line in ann.read_text(encoding="utf-8").splitlines() if line.startswith("E"))


def markers(text: str) -> int:
    low = text.lower()
    return sum(low.count(m) for m in MARKERS)


def candidates(max_events: int = MAX_EVENTS) -> dict[str, list[tuple[str, str, int, int]]]:
    """publisher -> (article, ann, events, markers) of every train article worth labelling."""
    by_pub: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for txt in sorted((TRAIN / "text").glob("*.txt")):
        ann = first_ann(txt.stem)
        if ann is None:
            continue
        n = events(ann)
        if MIN_EVENTS <= n <= max_events:
            by_pub[txt.stem.split("_")[0]].append((txt.stem, ann.name, n, markers(txt.read_text(encoding="utf-8"))))
    return by_pub


@cache  # each later round draws again every round before it: once each
def select() -> list[tuple[str, str, str, str, str, int]]:
    rng = random.Random(SEED)
    by_pub = candidates()
    chosen = []
    for pub in sorted(by_pub):
        cands = sorted(by_pub[pub])
        marked = sorted(cands, key=lambda c: (-c[3], c[0]))[:MARKER_PICKS]
        rest = [c for c in cands if c not in marked]
        drawn = rng.sample(rest, min(RANDOM_PICKS, len(rest)))
        chosen += [(pub, "marker", *c[:3]) for c in marked] + [(pub, "random", *c[:3]) for c in sorted(drawn)]
    holdout = {rng.choice([c for c in chosen if c[0] == pub])[2] for pub in by_pub}
    others = [c[2] for c in chosen if c[2] not in holdout]
    holdout |= set(rng.sample(others, HOLDOUT - len(holdout)))
    return [("holdout" if c[2] in holdout else "train", *c) for c in chosen]


@cache
def select_later(round_: int) -> list[tuple[str, str, str, str, str, int]]:
    """A later round: per publisher one marker pick and one random pick among articles no earlier round took."""
    rng = random.Random(LATER_SEEDS[round_])
    taken = {row[3] for row in select()} | {row[3] for r in range(2, round_) for row in select_later(r)}
    if round_ >= DEDUPED_FROM:
        taken |= copies_of(taken)
    split = HOLDOUT_ROUNDS.get(round_, "train")
    rests = {pub: sorted(c for c in cands if c[0] not in taken) for pub, cands in candidates(ROUND2_MAX_EVENTS).items()}
    # A publisher with fewer than two articles left (Breitbart from the eighteenth round, The Western Journal from the
    # twentieth) gives its two picks to the one with the most left after the picks already given (of a tie, the last
    # by name), so that every round stays 14 articles; no earlier round had a publisher run dry.
    pubs = sorted(pub for pub in rests if len(rests[pub]) >= 2)
    for _ in range(len(rests) - len(pubs)):
        pubs.append(max(pubs, key=lambda p: (len(rests[p]) - 2 * pubs.count(p), p)))
    chosen = []
    for pub in pubs:
        rest = rests[pub]
        marked = min(rest, key=lambda c: (-c[3], c[0]))
        drawn = rng.choice([c for c in rest if c != marked])
        rest.remove(marked)
        rest.remove(drawn)
        chosen += [(split, pub, "marker", *marked[:3]), (split, pub, "random", *drawn[:3])]
    return chosen


if __name__ == "__main__":
    if not TRAIN.is_dir():
        sys.exit(f"no PolNeAR train split at {TRAIN}")
    later = int(sys.argv[2]) if sys.argv[1:2] == ["--round"] else 1
    for row in (select_later(later) if later > 1 else select()):
        print("\t".join(str(x) for x in row))
