"""Answers before and after a change that must not alter them: record once, compare after.

    .venv/bin/python bench/regress.py record      # on the commit before the change
    .venv/bin/python bench/regress.py compare     # after it: every recorded request, answered again
    .venv/bin/python bench/regress.py rebase      # answers of the current code become the record (same requests)

The requests: every PolNeAR train and dev text (one document each), the seed, every Emergent train story
as ``emergent_eval.py`` sends it (the claim, then up to 25 bodies: links across documents), and the
requests the test suite makes (``REGRESS_RECORD`` set while pytest runs; see ``tests/conftest.py``).
Each is answered by ``model.analyze`` with ``explain`` on. Requests and answers go to
``bench/out/regress/`` (never committed: they hold the shared texts); ``compare`` prints every request
whose answer is no longer byte-identical, with the first differing claim.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "bench" / "out" / "regress"
REQUESTS = OUT / "requests.jsonl"
ANSWERS = OUT / "answers.jsonl"
SUITE = OUT / "suite.jsonl"


def corpus_requests() -> list[dict]:
    reqs = []
    for split in ("train", "dev"):
        for p in sorted((DATA / "polnear" / split / "text").glob("*.txt")):
            reqs.append({"name": f"polnear/{split}/{p.stem}",
                         "documents": [{"id": "a", "text": p.read_text(encoding="utf-8")}]})
    seed = ROOT / "seeds" / "jalawla-2014.txt"
    reqs.append({"name": "seed", "documents": [{"id": "aj-1", "text": seed.read_text(encoding="utf-8")}]})
    stories = DATA / "emergent" / "stories-train.jsonl"
    if stories.exists():
        for line in stories.read_text(encoding="utf-8").splitlines():
            s = json.loads(line)
            docs = [{"id": "claim", "text": s["claim"]}]
            docs += [{"id": b["id"], "text": b["text"]} for b in s["bodies"][:25]]
            reqs.append({"name": f"emergent/{s['claim_id']}", "documents": docs})
    return reqs


def suite_requests() -> list[dict]:
    """The requests the test suite sends, recorded by tests/conftest.py while pytest runs."""
    SUITE.unlink(missing_ok=True)
    env = {**os.environ, "REGRESS_RECORD": str(SUITE)}
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                    "--hypothesis-seed=0"], cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL)
    seen, out = set(), []
    if SUITE.exists():
        for line in SUITE.read_text(encoding="utf-8").splitlines():
            if line not in seen:
                seen.add(line)
                r = json.loads(line)
                out.append({"name": f"suite/{len(out)}", **r})
    return out


def answer(req: dict) -> str:
    from model import Document, Options, analyze

    docs = [Document(id=d["id"], text=d["text"]) for d in req["documents"]]
    explain = req.get("explain", True)
    return json.dumps(analyze(docs, Options(explain=explain)))


def record() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    reqs = corpus_requests() + suite_requests()
    with REQUESTS.open("w", encoding="utf-8") as rq, ANSWERS.open("w", encoding="utf-8") as an:
        for r in reqs:
            rq.write(json.dumps(r) + "\n")  # ASCII: test inputs may hold lone surrogates
            an.write(answer(r) + "\n")
    print(f"recorded {len(reqs)} requests in {OUT.relative_to(ROOT)}")


def rebase() -> None:
    """Answer the recorded requests again and keep these answers as the record (after an intended change)."""
    reqs = [json.loads(x) for x in REQUESTS.read_text(encoding="utf-8").splitlines()]
    ANSWERS.write_text("".join(answer(r) + "\n" for r in reqs), encoding="utf-8")
    print(f"re-recorded the answers to {len(reqs)} requests")


def first_difference(old: dict, new: dict) -> str:
    for d_old, d_new in zip(old["documents"], new["documents"], strict=False):
        for c_old, c_new in zip(d_old["claims"], d_new["claims"], strict=False):
            if c_old != c_new:
                keys = [k for k in c_old if c_old.get(k) != c_new.get(k)]
                return f"claim {c_old['id']}: {', '.join(keys)}"
        if len(d_old["claims"]) != len(d_new["claims"]):
            return f"document {d_old['id']}: {len(d_old['claims'])} -> {len(d_new['claims'])} claims"
        if d_old.get("profile") != d_new.get("profile"):
            return f"document {d_old['id']}: profile"
    return "model or layout"


def compare() -> int:
    reqs = [json.loads(x) for x in REQUESTS.read_text(encoding="utf-8").splitlines()]
    olds = ANSWERS.read_text(encoding="utf-8").splitlines()
    changed = 0
    for r, old in zip(reqs, olds, strict=True):
        new = answer(r)
        if new != old:
            changed += 1
            print(f"{r['name']}: {first_difference(json.loads(old), json.loads(new))}")
    print(f"{len(reqs) - changed} of {len(reqs)} answers byte-identical; {changed} changed")
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("record", "compare", "rebase"))
    args = ap.parse_args()
    if args.action in ("record", "rebase"):
        record() if args.action == "record" else rebase()
        return 0
    return compare()


if __name__ == "__main__":
    sys.exit(main())
