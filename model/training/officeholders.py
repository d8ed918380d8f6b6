"""People the training news names with a sitting office -> ``model/lexicon/officeholders.txt``.

    python -m model.training.officeholders

A sitting senator or president is often quoted by surname alone ("Sanders said"), and the article never
writes the title: readers know the office. The guideline makes such a source official. This command reads
that knowledge off the PolNeAR train texts (never the team's holdout articles, never dev or test): a person
written at least ``MIN_TITLED`` times right after a sitting title ("Sen. Bernie Sanders", "President Barack
Obama"), and more often so than after "former" or "then-", is listed by first name and surname. The list
is of its corpus's time and place (US politics, 2015-16); for other news the article's own titles decide and
the list adds nothing. Deterministic: a rerun writes the same file.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from model.training.mined import command

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "model" / "lexicon" / "officeholders.txt"
MIN_TITLED = 2  # times titled: one mention may be a slip or a quotation of someone else's words
TITLES = ("Sen.", "Sens.", "Senator", "Rep.", "Representative", "Gov.", "Governor", "President", "Vice President",
          "Secretary of State", "Secretary", "Attorney General", "Speaker", "Mayor", "Majority Leader",
          "Minority Leader", "Chief Justice", "Justice", "Prime Minister", "Chancellor")
_TITLED = re.compile(r"(\b(?:former|ex-|then-|then|late)\s+)?((?:[A-Z][a-z]+\s+){0,2})("
                     + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
                     + r")\s+([A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})")
_SUFFIX = re.compile(r"(?:['’]s?|\s+Jr\.?|\s+Sr\.?)$")


def person(name: str) -> str:
    """"first surname" in lower case: middle initials, suffixes and possessives dropped."""
    words = [w for w in _SUFFIX.sub("", unicodedata.normalize("NFC", name)).split()
             if not re.fullmatch(r"[A-Z]\.", w)]
    if any(_SUFFIX.search(w) for w in words[:-1]):
        return ""  # "President Obama's Power Plan": the name ended before
    return f"{words[0]} {words[-1]}".lower() if len(words) >= 2 else ""


def mine(texts: list[str]) -> dict[str, int]:
    """Person -> times titled, for people titled MIN_TITLED times and more than they are called former."""
    sitting: Counter[str] = Counter()
    former: Counter[str] = Counter()
    for text in texts:
        for m in _TITLED.finditer(text):
            if m.group(3) == "President" and m.group(2) and m.group(2).split()[-1] != "Vice":
                continue  # "Judicial Watch President Tom Fitton": a body's president, no office
            who = person(m.group(4))
            if who:
                (former if m.group(1) else sitting)[who] += 1
    return {p: n for p, n in sitting.items() if n >= MIN_TITLED and n > former[p]}


def listed(texts: list[str]) -> tuple[list[str], dict[str, int]]:
    """The list's comment header and its people, for ``mined.command``."""
    head = [f"# People PolNeAR train names with a sitting office ({len(texts)} articles, the team holdouts left",
            f"# out): titled at least {MIN_TITLED} times, more often than \"former\". Written by",
            "# `python -m model.training.officeholders`; do not edit by hand. A named person the article gives",
            "# no role takes official when listed (model/attribution/history.py). Times titled after each name.",
            "# The list is of its corpus's time and place: US politics, 2015-16."]
    return head, mine(texts)


def main(argv: list[str] | None = None) -> int:
    return command(argv, "python -m model.training.officeholders", __doc__, OUT, listed, "people")


if __name__ == "__main__":
    sys.exit(main())
