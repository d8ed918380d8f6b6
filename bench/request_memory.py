"""What the largest request the default limits allow adds to a worker's memory (the Kubernetes memory limit).

    .venv/bin/python bench/request_memory.py

The request is 500 documents (the limit) of 19,500 characters each, PolNeAR dev articles repeated to that
length, just under the 10 MB body limit, explain on: one story told 500 times over, the worst case for
linking. It runs in this process the way a worker runs it: read and validate the body, analyze, encode the
answer. The figure is the peak RSS (getrusage) less the RSS after a warm-up request.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, Tee, machine_line, pin_threads, require_polnear, save


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", default="request_memory.txt", help="results file under bench/results ('' to not record)")
    args = ap.parse_args()
    pin_threads()
    texts = require_polnear()
    from model import Analyzer
    from model.request import Limits, encode_answer, read_request

    limits = Limits()
    analyzer = Analyzer()
    warm = read_request(b'{"text": "Officials said the road was closed."}', limits)
    encode_answer(analyzer.analyze(warm.documents, warm.options))
    docs = [{"id": str(i), "text": (texts[i % len(texts)] * 10)[:19_500]} for i in range(limits.max_documents)]
    body = json.dumps({"documents": docs}).encode()
    assert len(body) <= limits.max_body_bytes
    out = Tee()
    out(machine_line())
    before = peak_mb()
    started = time.perf_counter()
    req = read_request(body, limits)
    answer = encode_answer(analyzer.analyze(req.documents, req.options))
    seconds = time.perf_counter() - started
    after = peak_mb()
    out(f"request: {len(docs)} documents, {len(body) / 1e6:.1f} MB body, answer {len(answer) / 1e6:.1f} MB, "
        f"{seconds:.1f} s")
    out(f"RSS after warm-up {before:.0f} MB, peak {after:.0f} MB: the largest request adds {after - before:.0f} MB")
    if args.save:
        print(f"recorded in {save(args.save, out.text()).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
