"""Shared helpers for the benchmark scripts and the hardening tests.

Stdlib only, so the tests can import it without pulling in anything heavy:
locating the texts, building request bodies, starting gunicorn on loopback,
reading a process's memory and CPU from /proc, and a paced load generator.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
POLNEAR_DEV = POLNEAR / "dev" / "text"
RESULTS = ROOT / "bench" / "results"
VENV_BIN = Path(sys.executable).parent


def pin_threads() -> None:
    """One BLAS/OpenMP thread, as gunicorn.conf.py sets for the service; call before numpy is imported."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def words(text: str) -> int:
    """Whitespace-separated tokens: the same count for ours, the floor and spaCy."""
    return len(text.split())


def machine_line() -> str:
    """One line that says what the figures were measured on."""
    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())  # says whether something else was running
    return (f"machine: {os.cpu_count()} cores ({cpu}), python {platform.python_version()}, "
            f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}, load average {load}, {when}")


def polnear_texts(split: str = "dev") -> list[str] | None:
    """The PolNeAR texts of ``split`` ("dev", 84 articles, or "train", 840), or None when the shared data is not
    beside the repo."""
    paths = sorted((POLNEAR / split / "text").glob("*.txt"))
    if not paths:
        return None
    return [p.read_text(encoding="utf-8") for p in paths]


def require_polnear() -> list[str]:
    """Dev texts for a benchmark; exit 0 with a message when they are absent (a skip, not a failure)."""
    texts = polnear_texts()
    if texts is None:
        print(f"skipped: no PolNeAR dev texts under {POLNEAR_DEV.relative_to(ROOT.parent)} "
              "(the shared data is expected beside the repo)")
        raise SystemExit(0)
    return texts


# Sentence patterns in the style of wire copy, for tests and fallbacks that must not depend on shared data.
_NAMES = ["Hoshyar Zebari", "Marzieh Afkham", "Ashton Carter", "Angela Merkel", "Jean Dupont", "Li Wei"]
_ORGS = ["the Interior Ministry", "Reuters", "the United Nations", "the police", "the Pentagon",
         "Amnesty International"]
_ANON = ["a senior official who asked not to be named", "security sources", "people familiar with the matter",
         "Kurdish officials", "witnesses"]
_CLAIMS = ["the convoy was attacked near the border", "at least {n} people were killed in the blast",
           "the talks would resume on {d}", "the report was false", "troops had withdrawn from the town",
           "the budget would rise by {n} percent", "the suspect had been detained", "prices fell for a third month"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_article(seed: int, sentences: int = 40) -> str:
    """A deterministic wire-style article (~15 words a sentence) with named, anonymous and denied claims."""
    rng = random.Random(seed)
    out: list[str] = []
    for i in range(sentences):
        claim = rng.choice(_CLAIMS).format(n=rng.randint(2, 90), d=rng.choice(_DAYS))
        who = rng.choice(_NAMES + _ORGS + _ANON)
        form = rng.randrange(6)
        if form == 0:
            s = f"{who[0].upper() + who[1:]} said on {rng.choice(_DAYS)} that {claim}."
        elif form == 1:
            s = f"According to {who}, {claim}."
        elif form == 2:
            s = f"“{claim[0].upper() + claim[1:]},” {who} told reporters."
        elif form == 3:
            s = f"{who[0].upper() + who[1:]} dismissed reports that {claim}."
        elif form == 4:
            s = f"It is believed that {claim}, reportedly after days of fighting."
        else:
            s = f"He said {claim}, and added that more details would follow."
        out.append(s)
        if i % 5 == 4:
            out.append("\n\n")
    return " ".join(out).replace(" \n\n ", "\n\n")


def articles(n: int | None = None, split: str = "dev") -> list[str]:
    """Real PolNeAR texts of ``split`` when present, else synthetic ones (tests must not need shared data)."""
    texts = polnear_texts(split) or [synthetic_article(i) for i in range(40)]
    return texts if n is None else [texts[i % len(texts)] for i in range(n)]


def score_body(texts: Sequence[str], explain: bool = True, prefix: str = "d") -> bytes:
    docs = [{"id": f"{prefix}{i}", "text": t} for i, t in enumerate(texts)]
    return json.dumps({"documents": docs, "options": {"explain": explain}}).encode()


# ---------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn_cmd(port: int, extra: Sequence[str] = ()) -> list[str]:
    """The repo's own start command, bound to loopback on a free port (the command line overrides the file)."""
    cmd = [str(VENV_BIN / "gunicorn")]
    if (ROOT / "gunicorn.conf.py").exists():
        cmd += ["-c", "gunicorn.conf.py"]
    else:  # the configuration is someone else's file and may not have landed yet
        print("warning: no gunicorn.conf.py, using gunicorn defaults", file=sys.stderr)
    return [*cmd, "-b", f"127.0.0.1:{port}", *extra, "service:create_app()"]


@dataclass
class Server:
    proc: subprocess.Popen
    port: int
    started: float  # perf_counter at spawn
    log_path: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def workers(self) -> list[int]:
        return children(self.pid)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def start_gunicorn(log_path: Path, cpus: str | None = None, env: dict[str, str] | None = None,
                   extra: Sequence[str] = (), port: int | None = None) -> Server:
    """Spawn gunicorn in its own process group; ``cpus`` pins it with taskset (e.g. "1")."""
    port = port or free_port()
    cmd = gunicorn_cmd(port, extra)
    if cpus is not None:
        cmd = ["taskset", "-c", cpus, *cmd]
    full_env = {**os.environ, **(env or {})}
    log = open(log_path, "wb")  # noqa: SIM115 - the child owns it for its lifetime
    proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return Server(proc=proc, port=port, started=time.perf_counter(), log_path=log_path)


def get(port: int, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def wait_ready(server: Server, timeout: float = 60.0, path: str = "/readyz", settle: float = 1.0) -> float:
    """Seconds from spawn to the first 200 on ``path``; raises if the server dies, answers 503 (a model that
    failed its checks will not recover by waiting) or the time runs out.

    Then waits (not counted) until the set of workers has not changed for ``settle`` seconds: the first
    worker answers while gunicorn is still forking the others.
    """
    deadline = time.perf_counter() + timeout
    while True:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{path} not 200 after {timeout} s:\n{server.log()[-3000:]}")
        if server.proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.proc.returncode}:\n{server.log()[-3000:]}")
        status, body = 0, b""
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, body = get(server.port, path, timeout=1.0)
        if status == 200:
            ready = time.perf_counter() - server.started
            break
        if status == 503:  # the artifact is loaded and checked before any worker answers: this is final
            raise RuntimeError(f"{path} answered 503: {body[:500].decode(errors='replace')}")
        time.sleep(0.02)
    seen, since = server.workers(), time.perf_counter()
    while time.perf_counter() - since < settle and time.perf_counter() < deadline:
        time.sleep(0.1)
        if (now := server.workers()) != seen:
            seen, since = now, time.perf_counter()
    return ready


def stop(server: Server, timeout: float = 15.0) -> None:
    """SIGTERM the master (graceful), SIGKILL its group if it does not go."""
    if server.proc.poll() is None:
        server.proc.send_signal(signal.SIGTERM)
        try:
            server.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.proc.pid, signal.SIGKILL)
            server.proc.wait(5)


@contextlib.contextmanager
def running_gunicorn(log_path: Path, **kw) -> Iterator[Server]:
    server = start_gunicorn(log_path, **kw)
    try:
        yield server
    finally:
        stop(server)


def children(pid: int) -> list[int]:
    """Direct child processes of ``pid`` (gunicorn's workers), from /proc."""
    kids: list[int] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                kids.append(int(stat.parent.name))
    return sorted(kids)


def memory(pid: int) -> dict[str, float]:
    """RSS, PSS and USS (private clean + dirty) in MB from /proc/<pid>/smaps_rollup."""
    kb: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            kb[name.strip()] = int(parts[0])
    uss = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
    return {"rss": kb.get("Rss", 0) / 1024, "pss": kb.get("Pss", 0) / 1024, "uss": uss / 1024}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------- a paced load generator


@dataclass
class LoadResult:
    sent: int = 0
    ok: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    exceptions: dict[str, int] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    wall_s: float = 0.0

    @property
    def errors(self) -> int:
        return self.sent - self.ok

    @property
    def rate(self) -> float:
        return self.ok / self.wall_s if self.wall_s else 0.0

    def percentile(self, q: float) -> float:
        xs = sorted(self.latencies_ms)
        return xs[min(len(xs) - 1, int(q / 100 * len(xs)))] if xs else float("nan")

    def summary(self) -> str:
        return (f"{self.ok}/{self.sent} ok in {self.wall_s:.1f} s ({self.rate:.1f}/s), errors {self.errors} "
                f"{self.statuses} {self.exceptions}, latency p50 {self.percentile(50):.1f} ms "
                f"p95 {self.percentile(95):.1f} ms p99 {self.percentile(99):.1f} ms")


def paced_load(port: int, bodies: Sequence[bytes], rate: float | None = None, duration: float | None = None,
               count: int | None = None, threads: int = 8, path: str = "/v1/score",
               stop_when: threading.Event | None = None) -> LoadResult:
    """Open-loop load: request i is due at t0 + i/rate (as fast as possible when rate is None).

    Latency is measured from the due time, so queueing in the generator counts (no coordinated omission).
    Bounded by ``duration`` seconds and/or ``count`` requests; one keep-alive connection per thread,
    reconnecting after an error so a killed worker does not end the run.
    """
    if duration is None and count is None:
        raise ValueError("bound the load by duration or count")
    res = LoadResult()
    lock = threading.Lock()
    counter = iter(range(count if count is not None else 1 << 62))
    t0 = time.perf_counter()
    end = t0 + duration if duration is not None else float("inf")

    def worker() -> None:
        conn: http.client.HTTPConnection | None = None
        while True:
            with lock:
                i = next(counter, None)
            if i is None or (stop_when is not None and stop_when.is_set()):
                break
            due = t0 + i / rate if rate else time.perf_counter()
            if due >= end:
                break
            if (wait := due - time.perf_counter()) > 0:
                time.sleep(wait)
            body = bodies[i % len(bodies)]
            try:
                conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                resp.read()
                status, exc = resp.status, None
            except (OSError, http.client.HTTPException) as e:
                status, exc = None, type(e).__name__
                if conn is not None:
                    conn.close()
                conn = None
            lat = (time.perf_counter() - due) * 1000
            with lock:
                res.sent += 1
                if exc is not None:
                    res.exceptions[exc] = res.exceptions.get(exc, 0) + 1
                else:
                    res.statuses[status] = res.statuses.get(status, 0) + 1
                    if status == 200:
                        res.ok += 1
                        res.latencies_ms.append(lat)
        if conn is not None:
            conn.close()

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    res.wall_s = time.perf_counter() - t0
    return res


def quiet_logs() -> None:
    """Send the service's log stream handlers to /dev/null: the formatting cost stays, the flood goes."""
    import logging

    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    loggers = [logging.getLogger(), *(logging.getLogger(n) for n in list(logging.root.manager.loggerDict))]
    for lg in loggers:
        for h in getattr(lg, "handlers", []):
            if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler):
                h.setStream(sink)


def save(name: str, text: str) -> Path:
    """Record a script's output under bench/results/ (the figures quoted in the README)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(text)
    return path


class Tee:
    """Print lines and keep them, so a script can both show and record its figures."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, *parts: object) -> None:
        line = " ".join(str(p) for p in parts)
        print(line, flush=True)
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"
