"""Batch scoring from the command line: one request per JSON line in, one answer per line out.

    python -m model < requests.jsonl > answers.jsonl
    python -m model --workers 4 < archive.jsonl > scored.jsonl

Each input line is a request body as POST /v1/score takes it (``{"documents": [...]}``
or ``{"text": ...}``). Lines are scored in parallel by a standard-library process
pool and written in input order; a line that cannot be read gets ``{"error": ...}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from model import Document, Options, analyze, document_ids


def documents_of(body: dict) -> list[Document]:
    raw = body.get("documents", [body])
    ids = document_ids([None if d.get("id") is None else str(d["id"]) for d in raw])
    if len(set(ids)) != len(ids):
        raise ValueError("document ids must be unique in a request")
    return [Document(id=doc_id, text=str(d["text"])) for doc_id, d in zip(ids, raw, strict=True)]


def answer(line: str) -> str:
    try:
        body = json.loads(line)
        explain = bool((body.get("options") or {}).get("explain", True))
        return json.dumps(analyze(documents_of(body), Options(explain=explain)))
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        return json.dumps({"error": f"{type(e).__name__}: {e}"})


def lines(stream) -> Iterator[str]:
    return (line for line in stream if line.strip())


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m model", description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    args = ap.parse_args()
    if args.workers <= 1:
        for line in lines(sys.stdin):
            print(answer(line), flush=False)
        return 0
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for out in pool.map(answer, lines(sys.stdin), chunksize=16):
            print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
