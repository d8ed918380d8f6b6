"""Check labelled batches against PolNeAR and the guideline's closed sets.

    python model/data/sourcing/validate.py model/data/sourcing/labels/*.jsonl

For every file: each line has the fields of GUIDELINE.md (plus ``mention``), each value from its closed set,
spans equal to PolNeAR's (prefill.py), every event of the article present once, hedges found verbatim in
the cue or content, a reason and a resolved mention found verbatim in the text. Prints the problems and the
counts; exits 1 on any problem.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from prefill import TRAIN, template

KINDS = {"named_person", "named_organization", "anonymous", "unattributed"}
ROLES = {"official", "media", "expert", "witness", "other"}
STANCES = {"asserts", "denies", "declines"}
# What the source span itself is, before resolution (the mention typer learns these).
MENTIONS = {"person", "organization", "unnamed_person", "group", "document", "pronoun", "description"}
FIELDS = ["article", "ann", "event", "source", "source_text", "cue", "content", "resolved_text", "kind", "role",
          "anonymity_reason", "stance", "hedges", "mention"]


def problems(row: dict, text: str, expected: dict) -> list[str]:
    out = []
    if list(row) != FIELDS:
        out.append(f"fields {list(row)}")
    for key in ("source", "source_text", "cue", "content"):
        if row.get(key) != expected.get(key):
            out.append(f"{key} differs from PolNeAR")
    if row.get("kind") not in KINDS:
        out.append(f"kind {row.get('kind')!r}")
    if row.get("role") not in ROLES:
        out.append(f"role {row.get('role')!r}")
    if row.get("stance") not in STANCES:
        out.append(f"stance {row.get('stance')!r}")
    if row.get("source") is None:
        if row.get("kind") != "unattributed" or row.get("role") != "other" or row.get("mention") is not None:
            out.append("no source: kind unattributed, role other, mention null")
    elif row.get("mention") not in MENTIONS or row.get("kind") == "unattributed":
        out.append(f"mention {row.get('mention')!r} / kind {row.get('kind')!r} with a source")
    hedges = row.get("hedges")
    region = "".join(text[a:b] for a, b in (row.get("cue") or (0, 0), row["content"]))
    if not isinstance(hedges, list) or any(not isinstance(h, str) or h not in region for h in hedges):
        out.append(f"hedges {hedges!r} not all in cue/content")
    reason = row.get("anonymity_reason")
    if reason is not None and (row.get("kind") != "anonymous" or reason not in text):
        out.append("anonymity_reason only for anonymous, verbatim")
    resolved = row.get("resolved_text")
    if resolved is not None and row.get("source") and resolved not in text[:row["source"][0]]:
        out.append("resolved_text not found verbatim before the source")
    return out


def check(path: Path) -> tuple[int, Counter[str]]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    counts: Counter[str]
    bad, counts = 0, Counter()
    by_article: dict[str, list[dict]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    for article, got in by_article.items():
        text = (TRAIN / "text" / f"{article}.txt").read_text(encoding="utf-8")
        want = {r["event"]: r for r in template(article, got[0]["ann"])}
        seen = Counter(r["event"] for r in got)
        for event in set(want) - set(seen):
            print(f"{path.name}: {article} {event}: missing")
            bad += 1
        for event, n in seen.items():
            if n > 1:
                print(f"{path.name}: {article} {event}: {n} lines")
                bad += 1
        for r in got:
            for p in problems(r, text, want.get(r["event"], {})):
                print(f"{path.name}: {article} {r['event']}: {p}")
                bad += 1
            counts.update([f"kind={r.get('kind')}", f"role={r.get('role')}", f"stance={r.get('stance')}",
                           f"mention={r.get('mention')}"])
        counts["articles"] += 1
        counts["attributions"] += len(got)
    return bad, counts


if __name__ == "__main__":
    total: Counter[str]
    total_bad, total = 0, Counter()
    for name in sys.argv[1:]:
        bad, counts = check(Path(name))
        total_bad += bad
        total += counts
    for key, n in sorted(total.items()):
        print(f"{key}\t{n}")
    print(f"{total_bad} problems")
    sys.exit(1 if total_bad else 0)
