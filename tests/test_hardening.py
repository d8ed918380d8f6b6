"""Hardening: a broken model artifact, a killed worker, concurrent callers, hostile text, and a short soak.

Quick by default (about a minute in all, most of it the soak and the gunicorn start-ups). Long modes are
marked ``slow`` and run only with SRS_SLOW=1 (pytest's options belong to conftest.py, which is not ours):

    SRS_SLOW=1 .venv/bin/python -m pytest tests/test_hardening.py -m slow
    SRS_SOAK_SECONDS=1800 SRS_SLOW=1 ...          # the 30-minute soak

No absolute time is asserted anywhere; the only timing check is a generous ratio (hostile text within 5x
normal text per byte).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import articles, paced_load, running_gunicorn, score_body, wait_ready

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "model" / "artifacts"
SLOW = os.environ.get("SRS_SLOW") == "1"
slow = pytest.mark.skipif(not SLOW, reason="long mode: set SRS_SLOW=1")


# ---------------------------------------------------------------- a broken model artifact


def scorer_joblib(model_dir: Path) -> Path:
    """The scoring artifact's joblib file (named like its metadata, "scorer.*" when there are several)."""
    files = sorted(model_dir.glob("*.joblib"))
    if not files:
        pytest.skip("no joblib artifact in model/artifacts yet")
    return next((f for f in files if f.stem.startswith("scorer")), files[0])


def break_missing_dir(d: Path) -> None:
    shutil.rmtree(d)
    d.mkdir()


def break_missing_joblib(d: Path) -> None:
    scorer_joblib(d).unlink()


def break_truncated(d: Path) -> None:
    f = scorer_joblib(d)
    data = f.read_bytes()
    f.write_bytes(data[: len(data) // 2])


def break_flipped_byte(d: Path) -> None:
    """Same size, one byte changed: only the sha256 check can catch it before unpickling."""
    f = scorer_joblib(d)
    data = bytearray(f.read_bytes())
    data[len(data) // 2] ^= 0xFF
    f.write_bytes(bytes(data))


def break_metadata_sha(d: Path) -> None:
    """The metadata names a different sha256 than the file has."""
    stem = scorer_joblib(d).stem
    meta = next((m for m in d.glob("*.json") if m.stem == stem), None) or next(iter(sorted(d.glob("*.json"))))
    card = json.loads(meta.read_text())
    text = meta.read_text()
    sha = _find_sha(card)
    if sha is None:
        pytest.skip("no sha256 in the artifact metadata")
    meta.write_text(text.replace(sha, "0" * 64))


def _find_sha(obj: object) -> str | None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if "sha256" in k and isinstance(v, str) and len(v) == 64:
                return v
            if (found := _find_sha(v)) is not None:
                return found
    if isinstance(obj, list):
        for v in obj:
            if (found := _find_sha(v)) is not None:
                return found
    return None


MISSING = ("missing", "not found", "no such", "does not exist", "absent")
INTEGRITY = ("sha256", "checksum", "hash", "digest", "truncat", "corrupt", "unreadable", "mismatch")
FAULTS = {
    "missing directory contents": (break_missing_dir, MISSING),
    "missing joblib": (break_missing_joblib, MISSING),
    "truncated joblib": (break_truncated, INTEGRITY),
    "one byte changed": (break_flipped_byte, INTEGRITY),
    "wrong sha256 in metadata": (break_metadata_sha, INTEGRITY),
}


@pytest.fixture
def broken_copy(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, tuple[str, ...]]:
    if not ARTIFACTS.is_dir() or not any(ARTIFACTS.glob("*.joblib")):
        pytest.skip("no shipped artifact in model/artifacts yet")
    d = tmp_path / "artifacts"
    shutil.copytree(ARTIFACTS, d)
    breaker, words = FAULTS[request.param]
    breaker(d)
    return d, words


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.name} {record.getMessage()}")


@pytest.fixture
def log_lines() -> Iterator[list[str]]:
    """Every log record of the service and the model (their loggers may not propagate to the root)."""
    handler = Collect()
    loggers = [logging.getLogger(n) for n in ("", "service", "model", "gunicorn.error")]
    for lg in loggers:
        lg.addHandler(handler)
    yield handler.lines
    for lg in loggers:
        lg.removeHandler(handler)


@pytest.mark.parametrize("broken_copy", list(FAULTS), indirect=True)
def test_broken_artifact_is_not_served(broken_copy: tuple[Path, tuple[str, ...]], log_lines: list[str]) -> None:
    from service import create_app

    model_dir, reason_words = broken_copy
    client = create_app({"model_dir": str(model_dir)}).test_client()

    ready = client.get("/readyz")
    assert ready.status_code == 503
    detail = ready.get_json()["detail"].lower()
    assert any(w in detail for w in reason_words), detail

    scored = client.post("/v1/score", json={"text": "The ministry said the convoy was attacked."})
    assert scored.status_code == 503
    assert scored.mimetype == "application/problem+json"

    said = " ".join(log_lines).lower()
    assert any(w in said for w in reason_words), f"the log does not say why: {log_lines}"


def test_shipped_artifact_is_served() -> None:
    """The control for the fault tests: the same calls on the intact artifact succeed."""
    from service import create_app

    client = create_app().test_client()
    assert client.get("/readyz").status_code == 200
    assert client.post("/v1/score", json={"text": "The ministry said the convoy was attacked."}).status_code == 200


def test_gunicorn_with_broken_artifact_answers_503_and_logs_why(tmp_path: Path) -> None:
    """The deployed shape: the master starts, never serves a score, /readyz says 503, the log says why."""
    if not any(ARTIFACTS.glob("*.joblib")):
        pytest.skip("no shipped artifact in model/artifacts yet")
    d = tmp_path / "artifacts"
    shutil.copytree(ARTIFACTS, d)
    break_flipped_byte(d)
    with running_gunicorn(tmp_path / "g.log", env={"RELIABILITY_MODEL_DIR": str(d)}) as server:
        wait_ready(server, path="/healthz")
        from bench.common import get

        status, body = get(server.port, "/readyz")
        assert status == 503, body
        result = paced_load(server.port, [score_body(["The ministry said so."])], count=5, threads=1)
        assert result.statuses == {503: 5}, result.summary()
        time.sleep(0.2)  # let the log flush
        assert any(w in server.log().lower() for w in INTEGRITY), server.log()[-2000:]


# ---------------------------------------------------------------- a killed worker


def test_killed_worker_is_replaced_and_service_recovers(tmp_path: Path) -> None:
    bodies = [score_body([t]) for t in articles(20)]
    with running_gunicorn(tmp_path / "g.log") as server:
        wait_ready(server)
        before = server.workers()
        assert before, "no gunicorn workers"
        results = {}
        load = threading.Thread(target=lambda: results.setdefault(
            "load", paced_load(server.port, bodies, rate=40, duration=4, threads=4)))
        load.start()
        time.sleep(1.0)
        victim = before[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            now = server.workers()
            if victim not in now and len(now) >= len(before):
                break
            time.sleep(0.1)
        load.join()
        after = server.workers()
        assert victim not in after and len(after) == len(before), (before, after)
        wait_ready(server)
        recovered = paced_load(server.port, bodies, count=40, threads=4)
        assert recovered.ok == 40, recovered.summary()
        # Under load, at most the requests in flight on the killed worker may fail.
        assert results["load"].errors <= 4, results["load"].summary()


# ---------------------------------------------------------------- concurrency


def test_concurrent_callers_get_the_answers_they_get_alone() -> None:
    from service import create_app

    app = create_app()
    texts = articles(24)
    jobs = [(i, explain) for i in range(len(texts)) for explain in (True, False)]
    bodies = {job: score_body([texts[job[0]]], explain=job[1]) for job in jobs}

    def post(job: tuple[int, bool]) -> dict:
        r = app.test_client().post("/v1/score", data=bodies[job], content_type="application/json")
        assert r.status_code == 200, r.get_data(as_text=True)[:500]
        return r.get_json()

    alone = {job: post(job) for job in jobs}
    order = jobs * 3
    order = order[::2] + order[1::2]  # interleave, so neighbours in time are different articles
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(post, order))
    for job, answer in zip(order, together, strict=True):
        assert answer == alone[job], f"article {job[0]} (explain={job[1]}) answered differently under concurrency"


# ---------------------------------------------------------------- hostile text


def test_hostile_text_grows_linearly() -> None:
    """Four times the hostile text costs about four times as much: a ratio of two runs in one process (CPU time,
    best of rounds), never a wall-clock limit. bench/hostile.py reports the cost per byte against news."""
    from bench.hostile import hostile_cases
    from model import Analyzer, Document, Options

    analyzer = Analyzer()

    def cost(text: str, rounds: int = 5, floor: float = 0.05) -> float:
        """Best of rounds of the mean CPU time per call; a round repeats the call until it has taken ``floor``
        seconds, because a 4 ms call timed once read 6.6x its own size on a loaded CI machine."""
        best = float("inf")
        for _ in range(rounds):
            calls, t = 0, time.process_time()
            while calls == 0 or time.process_time() - t < floor:
                analyzer.analyze([Document(id="d", text=text)], Options(explain=False))
                calls += 1
            best = min(best, (time.process_time() - t) / calls)
        return best

    small, large = 20_000, 80_000
    cases = ("one sentence of cues", "pronoun chain", "one sentence, no punctuation", "nested quotes",
             "quotes+commas+caps", "list of names", "common words opening")
    cost(hostile_cases(2_000)["pronoun chain"])  # warm caches
    growth = {name: cost(hostile_cases(large)[name]) / cost(hostile_cases(small)[name]) for name in cases}
    superlinear = {k: f"{v:.1f}x" for k, v in growth.items() if v > 6.4}  # linear is 4x
    assert not superlinear, f"cost grew faster than the text from {small:,} to {large:,} chars: {superlinear}"


# ---------------------------------------------------------------- soak


def _soak(seconds: float) -> None:
    from bench.soak import run_soak

    # Thirty warm-up passes, as bench/soak.py runs: the workers' memos and allocator arenas fill for a few hundred
    # requests before RSS lies flat. With three passes (42 requests) a 20 s soak read +5.1 % and +5.7 % of warm-up
    # as drift (samples 360, 361, 364 MB, flat from then on in a 120 s run); with thirty, +0.3 %.
    s = run_soak(seconds, share=0.7)
    assert s.load.sent > 0
    assert s.load.errors == 0, s.load.summary()
    assert not s.replaced, f"workers replaced during the soak: {s.replaced}"
    assert abs(s.rss_drift) <= 0.05, f"worker RSS drift {s.rss_drift:+.1%} ({s.rss_start:.0f} -> {s.rss_end:.0f} MB)"


def test_short_soak_has_no_errors_and_no_memory_drift() -> None:
    """20 s at 70 % of saturation (the suite's budget; bench/soak.py runs the 30 s and 30 min modes)."""
    _soak(float(os.environ.get("SRS_SHORT_SOAK_SECONDS", "20")))


@pytest.mark.slow
@slow
def test_long_soak() -> None:
    _soak(float(os.environ.get("SRS_SOAK_SECONDS", "1800")))
