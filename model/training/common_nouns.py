"""Plural nouns and common words the training news writes in lower case -> ``model/lexicon/common_plurals.txt``,
``common_words.txt``.

    python -m model.training.common_nouns

A capitalised word opening a sentence may be a name ("Velmar said") or a common noun ("Pharmacists in the
capital said", "Hospitals in Sardo reported"): described groups, not persons or organisations. Whether a word
is a common noun is read off the training news: a plural word (ending in "s", not "ss") written in lower
case at least ``MIN_LOWER`` times, and capitalised alone inside a sentence (where only names are) at most
``MAX_CAPITALISED`` of those times. The texts are PolNeAR train (never the team's holdout articles, dev or
test) and the bodies of Emergent train (never the team's Emergent holdout stories). Deterministic: a rerun
writes the same file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from model.training.emergent_split import read_holdout
from model.training.mined import training_texts
from model.training.scoreboard import POLNEAR, SHARED

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "model" / "lexicon" / "common_plurals.txt"
WORDS_OUT = ROOT / "model" / "lexicon" / "common_words.txt"
EMERGENT = SHARED / "data" / "emergent" / "stories-train.jsonl"
MIN_LOWER = 3  # lower-case uses: fewer may be a typo or a quoted title
MAX_CAPITALISED = 0.25  # share of lone capitalised uses a common noun may have ("Democrats": most of them)
MIN_LENGTH = 4  # "bus", "gas", "its" are no group nouns
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?:;\"“”‘’'(\[—–-]\s*$")


def count(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Per lower-cased word: lower-case uses, and capitalised uses standing alone inside a sentence ("said
    Democrats"; not opening a sentence or a line, not inside a longer name: "National Nurses United")."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for text in texts:
        words = list(_WORD.finditer(text))
        for k, m in enumerate(words):
            w = m.group(0)
            if w.islower():
                lower[w] += 1
            elif w[0].isupper() and w[1:].islower() and _alone(text, words, k):
                capitalised[w.lower()] += 1
    return lower, capitalised


def _alone(text: str, words: list[re.Match[str]], k: int) -> bool:
    m = words[k]
    before = text[max(0, m.start() - 3):m.start()]
    if not before.strip() or _SENTENCE_END.search(before) or "\n" in before:
        return False
    neighbours = [words[j].group(0) for j in (k - 1, k + 1) if 0 <= j < len(words)]
    return not any(n[0].isupper() for n in neighbours)


def common(lower: Counter[str], capitalised: Counter[str]) -> list[str]:
    """Words the news writes in lower case, seldom capitalised alone inside a sentence."""
    return sorted(w for w, n in lower.items()
                  if len(w) >= MIN_LENGTH and n >= MIN_LOWER and capitalised[w] <= MAX_CAPITALISED * n)


def plurals(words: list[str]) -> list[str]:
    """The plural nouns among the common words."""
    return [w for w in words if w.endswith("s") and not w.endswith("ss")]


def emergent_bodies() -> list[str]:
    held = read_holdout()
    out = []
    with EMERGENT.open(encoding="utf-8") as f:
        for line in f:
            story = json.loads(line)
            if story["claim_id"] not in held:
                out += [b["text"] for b in story.get("bodies", [])]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.training.common_nouns", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not (POLNEAR / "train" / "text").is_dir() or not EMERGENT.is_file():
        print(f"skipped: PolNeAR and Emergent are expected in {SHARED.name}/data beside the repo")
        return 0
    polnear, emergent = training_texts(), emergent_bodies()
    words = common(*count(polnear + emergent))
    found = plurals(words)
    head = [f"# Plural common nouns of the training news ({len(polnear)} PolNeAR train articles without the team",
            f"# holdouts, {len(emergent)} Emergent train bodies without the team holdout): written in lower case at",
            f"# least {MIN_LOWER} times and capitalised alone inside a sentence at most {MAX_CAPITALISED:.0%} as",
            "# often. Written by `python -m model.training.common_nouns`; do not edit by hand. A mention opening",
            "# with a word listed here is a described group (\"Hospitals in Sardo said\"): the rules' described",
            "# groups (model/attribution/mentions.py) and the typer's common_plural features read this list."]
    args.out.write_text("\n".join(head + found) + "\n", encoding="utf-8")
    print(f"{len(found)} plurals -> {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    out = args.out.with_name(WORDS_OUT.name)
    out.write_text("\n".join([
        f"# Common words of the same training news, by the same counts (lower case at least {MIN_LOWER} times,",
        f"# capitalised alone inside a sentence at most {MAX_CAPITALISED:.0%} as often), any part of speech.",
        "# Written by `python -m model.training.common_nouns`; do not edit by hand. A source whose only",
        "# capital is a listed word opening it (\"Satellite images\", \"Television footage\") names no one: the",
        "# typer keeps the rules' anonymous answer for it (model/attribution/typer.py).", *words]) + "\n",
        encoding="utf-8")
    print(f"{len(words)} common words -> {out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
