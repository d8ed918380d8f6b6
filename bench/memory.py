"""Memory per gunicorn worker after warm-up and after 10,000 requests, and the time from start to /readyz 200.

    .venv/bin/python bench/memory.py [--requests 10000] [--starts 3] [--texts dev|train]

It serves with the gunicorn beside the Python that runs it. The served figure is the service's own venv's
(``requirements.txt`` only, as the README's start command and the Docker image install it):

    python3 -m venv bench/out/service-venv && bench/out/service-venv/bin/pip install -r requirements.txt
    bench/out/service-venv/bin/python bench/memory.py

The test venv also holds pandas and pyarrow (for the Spark job's test), and scikit-learn imports pandas whenever
it is installed (``sklearn.utils.fixes``): every process of a service started from that venv carries them,
about 70 MB of RSS and a quarter of a second of start. The first line after the machine's says which it was.

Memory is read from /proc/<pid>/smaps_rollup. RSS counts the pages a worker shares with the preloaded master
(numpy, scipy, scikit-learn and the model are about 130 MB of them), so it is shown beside USS (pages only
this worker has: what one more worker costs) and PSS (shared pages split between the processes sharing them:
the sum over master and workers is the service's real footprint). The requests are PolNeAR dev articles,
explain on, sent by a Python client on loopback; with ``--texts train``, PolNeAR train's 840 instead. The
engine's memos and caches keyed by content (words, chunks, mentions) are bounded, and 84 articles repeated never
fill them: news a worker has not read does, so the train texts give the steady state of a long-running worker.
gunicorn's max_requests recycling is off for the run (RELIABILITY_MAX_REQUESTS=0), so the figure after 10,000
requests is that of workers that served them.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    Server,
    Tee,
    articles,
    machine_line,
    memory,
    paced_load,
    pin_threads,
    running_gunicorn,
    save,
    score_body,
    wait_ready,
)


def snapshot(server: Server) -> dict[int, dict[str, float]]:
    return {pid: memory(pid) for pid in [server.pid, *server.workers()]}


def report(out: Tee, label: str, server: Server, snap: dict[int, dict[str, float]]) -> None:
    master = snap[server.pid]
    workers = {p: m for p, m in snap.items() if p != server.pid}
    out(f"{label}:")
    out(f"  master  pid {server.pid:<7} RSS {master['rss']:6.1f} MB  PSS {master['pss']:6.1f} MB  "
        f"USS {master['uss']:6.1f} MB")
    for pid, m in workers.items():
        out(f"  worker  pid {pid:<7} RSS {m['rss']:6.1f} MB  PSS {m['pss']:6.1f} MB  USS {m['uss']:6.1f} MB")
    total_pss = sum(m["pss"] for m in snap.values())
    out(f"  a worker adds (USS, mean of {len(workers)}): {statistics.mean(m['uss'] for m in workers.values()):.1f} MB;"
        f" total footprint (sum of PSS): {total_pss:.1f} MB; largest worker RSS "
        f"{max(m['rss'] for m in workers.values()):.1f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--starts", type=int, default=3, help="cold starts timed to /readyz 200")
    ap.add_argument("--texts", choices=("dev", "train"), default="dev",
                    help="PolNeAR split the requests are drawn from (train: 840 articles, the caches fill)")
    ap.add_argument("--save", default=None,
                    help="file under bench/results/ ('' to not save; default memory.txt, memory-train.txt for train)")
    args = ap.parse_args()
    pin_threads()
    out = Tee()
    out(machine_line())
    extra = [name for name in ("pandas", "pyarrow") if importlib.util.find_spec(name) is not None]
    out(f"venv: {Path(sys.executable).parent.parent.name}; "
        + (f"{' and '.join(extra)} installed, loaded by scikit-learn" if extra else "the service's requirements only"))
    bodies = [score_body([t]) for t in articles(split=args.texts)]
    out(f"requests: PolNeAR {args.texts}, {len(bodies)} distinct articles")
    with tempfile.TemporaryDirectory(prefix="bench-mem-") as tmp:
        starts = []
        for n in range(args.starts):
            with running_gunicorn(Path(tmp) / f"start{n}.log") as server:
                starts.append(wait_ready(server))
        out(f"start to /readyz 200: median {statistics.median(starts):.2f} s "
            f"({', '.join(f'{s:.2f}' for s in starts)} s over {len(starts)} cold starts)")

        with running_gunicorn(Path(tmp) / "mem.log", env={"RELIABILITY_MAX_REQUESTS": "0"}) as server:
            wait_ready(server)
            report(out, "after start (before any request)", server, snapshot(server))
            warm = paced_load(server.port, bodies, count=50 * len(server.workers()), threads=4)
            report(out, f"after warm-up ({warm.ok} requests)", server, snapshot(server))
            first = snapshot(server)
            load = paced_load(server.port, bodies, count=args.requests, threads=4)
            out(f"load: {load.summary()}")
            last = snapshot(server)
            report(out, f"after {args.requests:,} more requests", server, last)
            survivors = [p for p in last if p in first and p != server.pid]
            if survivors:
                drift = sum(last[p]["rss"] for p in survivors) / sum(first[p]["rss"] for p in survivors) - 1
                out(f"worker RSS drift over the {args.requests:,} requests: {drift * 100:+.1f} %")
            else:
                out("every worker was replaced during the run (max_requests?): no drift figure")
    name = ("memory.txt" if args.texts == "dev" else "memory-train.txt") if args.save is None else args.save
    if name:
        print(f"saved to bench/results/{save(name, out.text()).name}")


if __name__ == "__main__":
    main()
