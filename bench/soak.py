"""Soak: gunicorn with the repo's configuration under steady load at 70 % of saturation for a set time;
reports errors, latency and the drift of worker memory from the start of the soak to its end.

    .venv/bin/python bench/soak.py --seconds 30          # the suite runs a short one (tests/test_hardening.py)
    .venv/bin/python bench/soak.py --seconds 1800        # the long mode, outside CI

Saturation is measured first with the same client, over thirty passes of the articles (a Python open-loop
generator on loopback, so the soak needs nothing beyond the venv); the soak then paces requests at
``--share`` of it. Drift is the change of the summed RSS (and USS) of the workers that lived through the
whole soak; a worker replaced during the soak (a crash) is reported, not hidden. gunicorn's max_requests
recycling is switched off for the soak (RELIABILITY_MAX_REQUESTS=0; ``--keep-recycling`` to leave it on):
recycling would hide the very leak the soak looks for.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    LoadResult,
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


@dataclass
class Soak:
    saturation: float  # requests/s with this client
    rate: float  # the soak's target rate
    load: LoadResult
    rss_start: float  # MB, summed over the workers that survived
    rss_end: float
    uss_start: float
    uss_end: float
    workers_start: list[int]
    workers_end: list[int]
    samples: list[tuple[float, float]] = field(default_factory=list)  # (seconds, summed worker RSS)

    @property
    def rss_drift(self) -> float:
        return self.rss_end / self.rss_start - 1 if self.rss_start else 0.0

    @property
    def uss_drift(self) -> float:
        return self.uss_end / self.uss_start - 1 if self.uss_start else 0.0

    @property
    def replaced(self) -> list[int]:
        return sorted(set(self.workers_start) - set(self.workers_end))


def summed(pids: list[int], key: str) -> float:
    return sum(memory(p)[key] for p in pids)


def run_soak(seconds: float, share: float = 0.7, passes: int = 30, rate: float | None = None,
             threads: int = 8, log_dir: Path | None = None, recycle: bool = False, progress: bool = False) -> Soak:
    bodies = [score_body([t]) for t in articles()]
    with tempfile.TemporaryDirectory(prefix="bench-soak-") as tmp:
        log = (log_dir or Path(tmp)) / "soak-gunicorn.log"
        env = {} if recycle else {"RELIABILITY_MAX_REQUESTS": "0"}
        with running_gunicorn(log, env=env) as server:
            wait_ready(server)
            # The calibration run (unpaced, ``passes`` times over every article) also warms every worker
            # before the starting memory is read, so memos and arenas filling on first sight are not counted as drift.
            sat = paced_load(server.port, bodies, count=passes * len(bodies), threads=threads).rate
            target = rate or sat * share
            start_pids = server.workers()
            start_mem = {p: memory(p) for p in start_pids}
            samples: list[tuple[float, float]] = []
            t0 = time.perf_counter()
            done = threading.Event()

            def sample() -> None:  # watch memory while the load runs, every ~5 s
                while not done.wait(5.0):
                    with contextlib.suppress(OSError):  # a worker replaced between listing and reading
                        samples.append((time.perf_counter() - t0, summed(server.workers(), "rss")))
                        if progress and len(samples) % 12 == 0:  # a line a minute on long runs
                            print(f"  {samples[-1][0]:.0f} s: summed worker RSS {samples[-1][1]:.1f} MB", flush=True)

            watcher = threading.Thread(target=sample, daemon=True)
            watcher.start()
            load = paced_load(server.port, bodies, rate=target, duration=seconds, threads=threads)
            done.set()
            watcher.join()
            end_pids = server.workers()
            alive = [p for p in start_pids if p in end_pids]
            return Soak(saturation=sat, rate=target, load=load,
                        rss_start=sum(start_mem[p]["rss"] for p in alive), rss_end=summed(alive, "rss"),
                        uss_start=sum(start_mem[p]["uss"] for p in alive), uss_end=summed(alive, "uss"),
                        workers_start=start_pids, workers_end=end_pids, samples=samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--share", type=float, default=0.7, help="share of the measured saturation to soak at")
    ap.add_argument("--rate", type=float, default=None, help="soak at this rate instead (requests/s)")
    ap.add_argument("--keep-recycling", action="store_true", help="leave gunicorn's max_requests on")
    ap.add_argument("--save", default="soak.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    out = Tee()
    out(machine_line())
    s = run_soak(args.seconds, args.share, rate=args.rate, recycle=args.keep_recycling,
                 progress=True)
    out(f"saturation with this client: {s.saturation:.1f} req/s; soak at {s.rate:.1f} req/s for {args.seconds:.0f} s")
    out(f"load: {s.load.summary()}")
    out(f"workers: {len(s.workers_start)} at start, replaced during the soak: {s.replaced or 'none'}")
    out(f"worker memory drift (workers alive throughout): RSS {s.rss_start:.1f} -> {s.rss_end:.1f} MB "
        f"({s.rss_drift * 100:+.1f} %), USS {s.uss_start:.1f} -> {s.uss_end:.1f} MB ({s.uss_drift * 100:+.1f} %)")
    out("  (RSS is the leak measure; USS also rises as pages shared with the master are copied on write)")
    if s.samples:
        step = max(1, len(s.samples) // 30)  # at most ~30 samples in the record
        out("summed worker RSS samples: " + ", ".join(f"{t:.0f}s {m:.0f}MB" for t, m in s.samples[::step]))
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")


if __name__ == "__main__":
    main()
