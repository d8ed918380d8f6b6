"""A labelling template for one PolNeAR article: one line per attribution event, spans filled, labels empty.

    python model/data/sourcing/prefill.py ARTICLE [ANN] > batch.jsonl

The fields and offsets are those of ../shared/data/polnear-sourcing/dev.jsonl (GUIDELINE.md there):
a discontinuous span is written [smallest start, largest end]. Only the PolNeAR spans are filled in;
kind, role, resolved_text, anonymity_reason, stance, hedges and mention are left null for the labeller, who reads
the article and the guideline, never the service's output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train"


def spans(field: str) -> tuple[int, int]:
    """'12 40;52 60' -> (12, 60)."""
    cuts = [tuple(map(int, part.split())) for part in field.split(";")]
    return min(a for a, _ in cuts), max(b for _, b in cuts)


def events(ann_text: str) -> list[tuple[str, dict[str, tuple[int, int]]]]:
    """(event id, role -> span) per attribution event. Spans are read first: an E line may name a T line written
    after it. Events with no content (empty duplicates of another event's trigger) are left out."""
    lines = ann_text.splitlines()
    ts = {t.split("\t")[0]: spans(t.split("\t")[1].split(" ", 1)[1]) for t in lines if t.startswith("T")}
    out = []
    for line in lines:
        if line.startswith("E"):
            eid, body = line.split("\t")[:2]
            roles = dict(part.split(":") for part in body.split())
            found = {r: ts[t] for r, t in roles.items() if t in ts}
            if "Content" in found:
                out.append((eid, found))
    return out


def template(article: str, ann: str | None = None) -> list[dict]:
    ann = ann or sorted(p.name for p in (TRAIN / "attributions").glob(f"{article}_????.ann"))[0]
    text = (TRAIN / "text" / f"{article}.txt").read_text(encoding="utf-8")
    rows = []
    for eid, parts in events((TRAIN / "attributions" / ann).read_text(encoding="utf-8")):
        src = parts.get("Source")
        rows.append({"article": article, "ann": ann, "event": eid,
                     "source": list(src) if src else None, "source_text": text[src[0]:src[1]] if src else None,
                     "cue": list(parts["Cue"]) if "Cue" in parts else None, "content": list(parts["Content"]),
                     "resolved_text": None, "kind": None, "role": None, "anonymity_reason": None,
                     "stance": None, "hedges": None, "mention": None})
    return rows


if __name__ == "__main__":
    for row in template(*sys.argv[1:3]):
        print(json.dumps(row, ensure_ascii=False))
