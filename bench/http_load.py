"""HTTP throughput and latency: gunicorn with the repo's configuration on loopback, wrk posting real articles.

    .venv/bin/python bench/http_load.py [--split pinned|shared|both] [--seconds 15] [--connections 16]

Needs wrk (Debian: ``apt-get install wrk``). For each core split it measures the throughput at saturation
(unpaced, ``--connections`` open connections), then p50/p95/p99 latency with the load paced at 50 % and 80 %
of that throughput, and counts every error (connect, read, write, timeout, non-2xx).

Core splits on a 2-core machine:
  pinned  gunicorn (master and every worker) on core 1, wrk on core 0: figures are per one server core.
  shared  neither pinned; the CPU time each side used is read from /proc and getrusage, and the throughput
          is also given per server core actually used (server CPU seconds / wall seconds).
Pacing is done in wrk's Lua (a per-thread schedule with a monotonic clock through LuaJIT's ffi); wrk's
latency is from the write of a request to its response, so it does not include time a request waits in
the generator; the achieved rate is reported beside the target.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    Server,
    Tee,
    articles,
    cpu_seconds,
    machine_line,
    pin_threads,
    polnear_texts,
    running_gunicorn,
    save,
    score_body,
    wait_ready,
    words,
)

WRK_LUA = r"""
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("BENCH_RATE") or "0")        -- requests/s for all threads; 0 = unpaced
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
local reqs, i, interval, next_due = {}, 0, 0, nil

function init(args)
  for line in io.lines(os.getenv("BENCH_BODIES")) do
    reqs[#reqs + 1] = wrk.format("POST", "/v1/score", {["Content-Type"] = "application/json"}, line)
  end
  if rate > 0 then interval = 1000 * threads / rate end
  i = math.random(#reqs)
end

-- Each call claims the next slot of this thread's schedule; a connection waits until its slot.
function delay()
  if interval == 0 then return 0 end
  local t = now_ms()
  if next_due == nil or next_due < t - 1000 then next_due = t end  -- never burst more than 1 s of backlog
  next_due = next_due + interval
  local d = next_due - t
  if d < 0 then return 0 end
  return d
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d, "p50": %.1f, "p95": %.1f, "p99": %.1f, "max": %.1f, "mean": %.1f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
"""


@dataclass
class Run:
    rate: float  # completed requests per second
    errors: int
    p50: float  # ms
    p95: float
    p99: float
    max: float
    server_cpu: float  # CPU seconds used by gunicorn (master + workers) during the run
    wrk_cpu: float
    wall: float


def server_pids(server: Server) -> list[int]:
    return [server.pid, *server.workers()]


def server_cpu(server: Server) -> float:
    total = 0.0
    for pid in server_pids(server):
        with contextlib.suppress(OSError):  # a worker that exited between listing and reading
            total += cpu_seconds(pid)
    return total


def wrk(server: Server, script: Path, bodies: Path, seconds: int, connections: int, rate: float,
        cpus: str | None) -> Run:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
           f"http://127.0.0.1:{server.port}/v1/score"]
    if cpus is not None:
        cmd = ["taskset", "-c", cpus, *cmd]
    env = {"BENCH_BODIES": str(bodies), "BENCH_RATE": str(rate), "BENCH_THREADS": "1", "PATH": "/usr/bin:/bin"}
    usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu0, t0 = server_cpu(server), time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 60)
    wall = time.perf_counter() - t0
    cpu1 = server_cpu(server)
    usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no figures:\n{proc.stdout}\n{proc.stderr}")
    f = json.loads(line[6:])
    return Run(rate=f["requests"] / (f["duration_us"] / 1e6),
               errors=sum(f[k] for k in ("connect", "read", "write", "status", "timeout")),
               p50=f["p50"] / 1000, p95=f["p95"] / 1000, p99=f["p99"] / 1000, max=f["max"] / 1000,
               server_cpu=cpu1 - cpu0,
               wrk_cpu=(usage1.ru_utime + usage1.ru_stime) - (usage0.ru_utime + usage0.ru_stime), wall=wall)


def describe(label: str, r: Run) -> str:
    return (f"  {label:<22} {r.rate:7.1f} req/s  p50 {r.p50:6.1f} ms  p95 {r.p95:6.1f} ms  p99 {r.p99:6.1f} ms  "
            f"max {r.max:7.1f} ms  errors {r.errors}  cpu: server {r.server_cpu / r.wall:.2f} cores, "
            f"wrk {r.wrk_cpu / r.wall:.2f} cores")


def measure(split: str, args, script: Path, bodies: Path, out: Tee, workdir: Path) -> dict:
    server_cpus, wrk_cpus = ("1", "0") if split == "pinned" else (None, None)
    with running_gunicorn(workdir / f"gunicorn-{split}.log", cpus=server_cpus) as server:
        ready = wait_ready(server)
        workers = len(server.workers())
        out(f"split {split}: " + ("gunicorn pinned to core 1, wrk (1 thread) to core 0" if split == "pinned"
                                  else "nothing pinned, gunicorn and wrk (1 thread) share both cores")
            + f"; {workers} workers, ready in {ready:.1f} s")
        wrk(server, script, bodies, 3, args.connections, 0, wrk_cpus)  # warm-up: imports, caches, first forks
        sat = wrk(server, script, bodies, args.seconds, args.connections, 0, wrk_cpus)
        out(describe("saturation", sat))
        runs = {"saturation": sat}
        for share in (0.5, 0.8):
            r = wrk(server, script, bodies, args.seconds, args.connections, sat.rate * share, wrk_cpus)
            runs[f"{int(share * 100)} %"] = r
            out(describe(f"{int(share * 100)} % ({sat.rate * share:.0f}/s target)", r))
    server_cores = 1.0 if split == "pinned" else sat.server_cpu / sat.wall
    out(f"  per server core: {sat.rate / server_cores:.1f} articles/s at saturation "
        f"(server used {server_cores:.2f} cores)")
    return {"workers": workers, "ready_s": ready, "server_cores": server_cores,
            **{k: vars(v) for k, v in runs.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("pinned", "shared", "both"), default="both")
    ap.add_argument("--seconds", type=int, default=15, help="length of each measured run")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--save", default="http_load.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    out = Tee()
    out(machine_line())
    texts = articles()
    source = "PolNeAR dev" if polnear_texts() else "synthetic (PolNeAR absent)"
    n_words = sum(words(t) for t in texts)
    out(f"requests: one {source} article each ({len(texts)} articles cycled, mean {n_words / len(texts):.0f} words), "
        f"explain on; wrk {args.connections} connections, {args.seconds} s a run")
    with tempfile.TemporaryDirectory(prefix="bench-http-") as tmp:
        workdir = Path(tmp)
        script, bodies = workdir / "post.lua", workdir / "bodies.jsonl"
        script.write_text(WRK_LUA)
        bodies.write_bytes(b"\n".join(score_body([t]) for t in texts) + b"\n")
        results = {}
        for split in (("pinned", "shared") if args.split == "both" else (args.split,)):
            results[split] = measure(split, args, script, bodies, out, workdir)
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")
        save(Path(args.save).with_suffix(".json").name, json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
