"""How many labelled links can the pair models read at all, and why not the rest? A diagnostic on wire train.

    python bench/link_reach.py

A pair model only decides the pairs its candidates hold (``model.paraphrase_candidates.candidates``: two eligible
sentences of different sources at most WINDOW claims apart; ``model.denial_aim.candidates``: a denial and a claim of
another side near it), so the labelled links outside them bound its recall. For each labelled corroboration outside the
paraphrase candidates this names why each of its two sentences is not eligible (the first test of
``model.paraphrase_candidates.eligible`` it fails, or "no claim" when no claim lies in it); when both are eligible,
the two are one source's or too far apart. For each labelled denial link the denial aim model does not read, it names
whether the denying sentence holds a claim the engine calls a denial. Train stories only (tuned figures).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model import extract, paraphrase_candidates  # noqa: E402
from model.links import analyses, source_codes  # noqa: E402
from model.paraphrase import Paraphrase  # noqa: E402
from model.training import denial_aim  # noqa: E402
from model.training.paraphrase import WIRE, sentence_of, train_stories  # noqa: E402
from model.types import Claim, Document  # noqa: E402


def unit_reason(claims: list[Claim], found: list, headline: bool = False) -> str:
    """Why one sentence's claims of one source are no paraphrase candidate ("eligible" when they are): the tests of
    ``model.paraphrase_candidates.eligible`` one by one, in its order (``reason`` checks that both give the same
    verdict)."""
    first, last = claims[0].text.strip(), claims[-1].text.strip()
    if not all(map(paraphrase_candidates._asserted, claims)):
        return "unattributed" if any(c.kind == "unattributed" for c in claims) else "refuses or denies (stance)"
    if any(f.denial for f in found):
        return "denial words"
    if len(frozenset().union(*(f.content for f in found))) < paraphrase_candidates.MIN_TERMS:
        return "too few content words"
    if any("?" in c.text for c in claims):
        return "question"
    if not (last.endswith(paraphrase_candidates.ENDS) or headline) or first[:1].islower():
        return "part of a sentence (one source's part of several)"
    if claims[0].paragraph == 0 and paraphrase_candidates.title_case(first):
        return "title case headline"
    return "eligible"


def story_reach(labels: dict, claims: list[Claim], where: list[int | None]) -> tuple[int, int, Counter]:
    """(labelled corroborations, those among the candidates, why each other one's sentences are not); ``where``:
    each claim's labelled sentence."""
    gold = {frozenset((s["index"], j)) for s in labels["sentences"] for j in s.get("corroborates", [])
            if j != s["index"]}
    found, key = analyses(claims), source_codes(claims)
    units = paraphrase_candidates.sentences(claims, key)
    headline = paraphrase_candidates.headlines(claims)
    a, b = paraphrase_candidates.candidates(claims, found, key, units)
    read = {frozenset((where[i], where[j])) for i, j in zip(a.tolist(), b.tolist(), strict=True)
            if where[i] is not None and where[j] is not None}
    heads: dict[int, list[int]] = {}
    for h in units:
        if where[h] is not None:
            heads.setdefault(where[h], []).append(h)

    def reason(s: int) -> str:
        told = []
        for h in heads.get(s, []):
            unit, said = [claims[k] for k in units[h]], [found[k] for k in units[h]]
            told.append(unit_reason(unit, said, bool(headline[h])))
            if (told[-1] == "eligible") != paraphrase_candidates.eligible(unit, said, bool(headline[h])):
                raise SystemExit(f"unit_reason no longer follows paraphrase_candidates.eligible: {unit[0].text[:80]!r}")
        return "eligible" if "eligible" in told else (told[0] if told else "no claim")

    why: Counter = Counter()
    for pair in gold - read:
        sides = [reason(s) for s in sorted(pair)]
        if sides == ["eligible", "eligible"]:
            why["both eligible: one source, or too far apart"] += 1
        for side in sides:
            if side != "eligible":
                why[side] += 1
    return len(gold), len(gold & read), why


def main() -> int:
    corroborations = reached = denials = denials_read = 0
    why, denial_why = Counter(), Counter()
    model = Paraphrase.load()
    for name in train_stories():
        text = (WIRE / "stories" / f"{name}.txt").read_text(encoding="utf-8")
        labels = json.loads((WIRE / "labels" / f"{name}.json").read_text(encoding="utf-8"))
        spans = [(s["start"], s["end"]) for s in labels["sentences"]]
        claims = extract([Document(id=name, text=text)])
        where = [sentence_of(c.start, c.end, spans) for c in claims]
        n, r, w = story_reach(labels, claims, where)
        corroborations, reached, why = corroborations + n, reached + r, why + w
        story = denial_aim.read_story(name, model, claims=claims)
        read = set(story.sentences) | set(story.fixed)
        denials, denials_read = denials + len(story.gold), denials_read + len(story.gold & read)
        denying = {w for w, c in zip(where, claims, strict=True) if c.stance == "denies"}
        for denier, _ in story.gold - read:
            denial_why["the denying sentence is no denial to the engine" if denier not in denying
                       else "a denial the engine finds, the target beyond reach (side, distance, refusal)"] += 1
    print(f"{len(train_stories())} wire train stories (tuned figures)")
    print(f"corroborations: {corroborations} labelled, {reached} among the paraphrase candidates "
          f"({reached / max(corroborations, 1):.3f}); the rest's sentences, by the first test each fails:")
    for reason, count in why.most_common():
        print(f"  {count:>5}  {reason}")
    print(f"denial links: {denials} labelled, {denials_read} read by the denial aim model or kept from the rules "
          f"({denials_read / max(denials, 1):.3f}); the rest:")
    for reason, count in denial_why.most_common():
        print(f"  {count:>5}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
