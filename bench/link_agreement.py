"""How well a second annotator's links agree with the first's, beside the service on the same stories.

    python bench/link_agreement.py

A second annotator linked thirty-six train stories alone (``model/data/wire/second-read/``, whose README says
how). Corroboration is scored as unordered sentence pairs and denial links as ordered (denier, denied) pairs,
the first annotator's labels taken as the truth, as ``bench/wire_eval.py`` scores the service; the service is
run on the same stories in the same command (tuned figures: they are train stories). Without the service the
command prints the agreement alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from bench.wire_eval import WIRE, Tally, gold_links, load_story, make_client, score_story  # noqa: E402

SECOND = WIRE / "second-read"
Links = tuple[set[frozenset[int]], set[tuple[int, int]]]


def second_links(story: str) -> Links:
    """The second annotator's links of one story, in ``gold_links``' form (its entries have the labels' shape)."""
    answer = json.loads((SECOND / f"{story}.json").read_text(encoding="utf-8"))
    return gold_links({"sentences": answer["links"]})


def agreement(stories: list[str]) -> Tally:
    """Counts of the second read against the first, summed over ``stories``."""
    tally = Tally()
    for story in stories:
        gcorr, gdeny = gold_links(load_story(story)[1])
        scorr, sdeny = second_links(story)
        tally.sets("corr_link", gcorr, scorr)
        tally.sets("deny_link", gdeny, sdeny)
    return tally


def served(stories: list[str], client) -> Tally:
    """The service's counts on ``stories``, each posted alone as ``bench/wire_eval.py`` posts it."""
    tally = Tally()
    for story in stories:
        text, labels = load_story(story)
        body = client.post("/v1/score", json={"documents": [{"id": "w", "text": text}]}).get_json()
        claims = [c for d in body["documents"] for c in d.get("claims") or []]
        score_story(labels, claims, tally, [])
    return tally


def line(name: str, tally: Tally, key: str) -> str:
    tp, fp, fn = (tally.n.get(f"{key}.{x}", 0) for x in ("tp", "fp", "fn"))
    return f"{name:<44}{tally.f1(key):>6.3f}   (both {tp}, only this reader {fp}, only the first {fn})"


def main() -> int:
    stories = sorted(p.stem for p in SECOND.glob("*.json"))
    if not stories:
        print("skipped: no second read in model/data/wire/second-read")
        return 0
    second = agreement(stories)
    print(f"{len(stories)} train stories; the first annotator's links are the truth")
    print(line("corroboration F1, second annotator", second, "corr_link"))
    client, why = make_client()
    service = None
    if client is None:
        print(f"the service is not run: {why}")
    else:
        service = served(stories, client)
        print(line("corroboration F1, the service (tuned)", service, "corr_link"))
    print(line("denial-link F1, second annotator", second, "deny_link"))
    if service is not None:
        print(line("denial-link F1, the service (tuned)", service, "deny_link"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
