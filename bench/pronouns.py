"""How often a pronoun source resolves to the entity its label writes down, on the sourcing labels.

    .venv/bin/python bench/pronouns.py [--split train|dev|holdout|holdout2] [--misses N]

A labelled attribution counts when its source is a pronoun ("he", "she", "they", "it", ...), its label names
what the pronoun refers to (``resolved_text``) and some claim's source span overlaps the labelled one (the
first such claim, in text order). It is right when the claim's resolved mention shares a name word with the
label's (titles and articles aside); a claim left unresolved is wrong. ``train``, ``holdout`` and
``holdout2`` are the team's labels on PolNeAR train (``model/data/sourcing/``; the holdouts are for
reporting only), ``dev`` the shared
labels on PolNeAR dev. Without the shared data it says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import quiet_logs

PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "who", "which"})
_IGNORED = frozenset({"the", "a", "an", "of", "mr.", "mrs.", "ms.", "dr.", "sen.", "gov.", "president", "former"})


def name_words(text: str) -> set[str]:
    return {w.strip(".,’'\"“”").lower().replace("’s", "") for w in text.split()} - _IGNORED - {""}


def labels_of(split: str) -> tuple[list[dict], Path]:
    from model.training.scoreboard import POLNEAR, SHARED, team_labels

    if split == "dev":
        path = SHARED / "data" / "polnear-sourcing" / "dev.jsonl"
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()], POLNEAR / "dev"
    path = team_labels(split)
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()], POLNEAR / "train"


def score(split: str, misses: int = 0) -> dict[str, float]:
    from model import Document, Options, analyze

    labels, corpus = labels_of(split)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for g in labels:
        if g.get("source") and g.get("resolved_text") and g["source_text"].lower() in PRONOUNS:
            by_article[g["article"]].append(g)
    counted = right = unresolved = 0
    for article, golds in sorted(by_article.items()):
        text = (corpus / "text" / f"{article}.txt").read_text(encoding="utf-8")
        claims = analyze([Document(id="a", text=text)], Options(explain=False))["documents"][0]["claims"]
        for g in golds:
            start, end = g["source"]
            claim = next((c for c in claims if c["source"] and c["source"]["start"] < end
                          and c["source"]["end"] > start), None)
            if claim is None:
                continue
            counted += 1
            resolved = claim["source"]["resolved"]
            if resolved is None:
                unresolved += 1
            elif name_words(resolved["text"]) & name_words(g["resolved_text"]):
                right += 1
                continue
            if misses > 0:
                misses -= 1
                print(f"  {article} {g['source_text']!r}: label {g['resolved_text']!r}, "
                      f"resolved {resolved['text'] if resolved else None!r}")
    return {"pronouns": counted, "right": round(right / max(counted, 1), 3), "unresolved": unresolved}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("train", "dev", "holdout", "holdout2"), default="train")
    ap.add_argument("--misses", type=int, default=0, help="print up to N wrong resolutions")
    args = ap.parse_args()
    from model.training.scoreboard import POLNEAR

    if not POLNEAR.is_dir():
        print("skipped: the shared PolNeAR data is expected beside the repository")
        return 0
    quiet_logs()
    figures = score(args.split, args.misses)
    print(f"{args.split}: " + " ".join(f"{k}={v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
