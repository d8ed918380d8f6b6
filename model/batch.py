"""The batch command: every record of IN scored as ``POST /v1/score`` would answer it, written to OUT in order.

Line N of OUT is the answer to record N: the 200 body byte for byte, or the
problem+json body HTTP would have sent (without a request id). Each refused
record also goes to the rejects file with its line number (or file name).
Records are scored by worker processes, each loading and verifying the
artifacts once; OUT is flushed after every finished chunk, so a run that
stops part-way continues with ``--resume`` after the last record written.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import IO

from model import Analyzer, NotReady, freeze_loaded
from model.batch_input import Record, Records
from model.request import (
    Limits,
    RequestError,
    answer_body,
    encode_answer,
    encode_problem,
    problem_body,
    read_request,
)

INSTANCE = "/v1/score"  # a problem's "instance": the route whose answer the record gets
CHUNK = 4  # records per task: small enough to keep order cheaply, large enough to pay for the hand-over
MAX_SHOWN = 20  # refused records named on stderr; the rejects file has them all

Answer = tuple[int, str]  # (HTTP status, the body as one line)


class BatchError(RuntimeError):
    """The run cannot start: OUT exists without --resume/--overwrite, the model is not ready, bad input."""


# ------------------------------------------------------------------- scoring

def respond(record: Record, analyzer: Analyzer, limits: Limits) -> tuple[int, dict]:
    """The status and body HTTP would answer this record with (the problem body without a request id)."""
    try:
        if record.refused is not None:
            raise record.refused
        req = read_request(record.body or b"", limits)
        result = analyzer.analyze(req.documents, req.options)
    except RequestError as e:
        return e.status, problem_body(e.status, e.detail, INSTANCE, errors=e.errors)
    except NotReady as e:
        return 503, problem_body(503, f"The model is not ready: {e}", INSTANCE)
    except Exception:  # a bug: HTTP answers 500 and logs it; so does a batch run, and goes on
        import traceback

        print(f"{record.label()}: unexpected error\n{traceback.format_exc()}", file=sys.stderr)
        return 500, problem_body(500, "The service failed on this request; it has been logged.", INSTANCE)
    return 200, answer_body(result, req.client_token)


def answer(record: Record, analyzer: Analyzer, limits: Limits) -> Answer:
    """The status, and the body as HTTP sends it on one line."""
    status, body = respond(record, analyzer, limits)
    return status, encode_answer(body) if status == 200 else encode_problem(body)


@lru_cache(maxsize=4)
def shared_analyzer(model_dir: str | None = None) -> Analyzer:
    """One verified Analyzer per process and artifact directory (a Spark Python worker loads it once)."""
    return Analyzer(model_dir)


_worker: tuple[Analyzer, Limits] | None = None


def _start_worker(model_dir: str | None, limits: Limits) -> None:
    """Each worker process loads and verifies the artifacts once, with one maths thread (a record is small)."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt does
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    _worker = (Analyzer(model_dir), limits)
    freeze_loaded()


def _score_chunk(records: list[Record]) -> list[Answer]:
    assert _worker is not None, "worker not started"
    analyzer, limits = _worker
    return [answer(r, analyzer, limits) for r in records]


def _context() -> BaseContext:
    """fork on Linux: workers start without importing numpy and scikit-learn again (seconds each). Safe because
    this process has loaded the artifact but never predicted (OpenMP state made by a predict hangs forked
    children) and runs no other thread (tqdm's monitor is off). spawn elsewhere."""
    return get_context("fork" if sys.platform == "linux" else "spawn")


def _chunks(records: Iterable[Record]) -> Iterator[list[Record]]:
    it = iter(records)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


def scored(records: Iterable[Record], analyzer: Analyzer, workers: int, model_dir: str | None,
           limits: Limits) -> Generator[tuple[list[Record], list[Answer]], None, None]:
    """(chunk, its answers) in input order: in this process for one worker, else a bounded window of tasks."""
    if workers <= 1:
        for chunk in _chunks(records):
            yield chunk, [answer(r, analyzer, limits) for r in chunk]
        return
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker,
                             initargs=(model_dir, limits)) as pool:
        window: deque[tuple[list[Record], Future]] = deque()
        finished = False
        try:
            for chunk in _chunks(records):
                window.append((chunk, pool.submit(_score_chunk, chunk)))
                if len(window) >= 4 * workers:  # enough queued to keep every worker busy, no more
                    done, future = window.popleft()
                    yield done, future.result()
            while window:
                done, future = window.popleft()
                yield done, future.result()
            finished = True
        finally:
            # A finished run joins the pool's manager thread: left running, it races the interpreter's exit
            # hook on a closing pipe (CPython gh-83279; "OSError: [Errno 9]" after the summary line). A run
            # stopped early (interrupt, dead worker) cuts it loose instead of waiting for queued chunks.
            pool.shutdown(wait=finished, cancel_futures=not finished)


# ------------------------------------------------------------------- output

def rejects_path_for(out: str) -> str:
    """out.jsonl -> out.rejects.jsonl (beside OUT)."""
    path = Path(out)
    return str(path.with_name(f"{path.stem if path.suffix else path.name}.rejects.jsonl"))


def finished_records(out: str) -> int:
    """Complete lines of OUT; a partly written last line (a killed run) is cut off."""
    with open(out, "rb+") as f:
        data = f.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            f.truncate(end)
    return data.count(b"\n", 0, end)


def keep_rejects(path: str, upto: int) -> int:
    """Drop rejects after record ``upto`` (or half-written); how many remain."""
    if not os.path.exists(path):
        return 0
    kept = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                if json.loads(line)["record"] <= upto:
                    kept.append(line if line.endswith("\n") else line + "\n")
            except (ValueError, KeyError, TypeError):
                continue
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(kept)
    return len(kept)


@dataclass
class Outcome:
    records: int = 0  # records written by this run
    rejected: int = 0  # in the whole output, a resumed run's earlier part included
    resumed_after: int = 0
    workers: int = 1
    seconds: float = 0.0
    interrupted: bool = False
    broken: bool = False  # a worker process died (killed, out of memory)


class Writer:
    """OUT and the rejects file, written in record order and flushed after each chunk."""

    def __init__(self, out: str, rejects: str | None) -> None:
        self.out: IO[str] = sys.stdout if out == "-" else open(out, "a", encoding="utf-8")  # noqa: SIM115
        self.rejects: IO[str] | None = open(rejects, "a", encoding="utf-8") if rejects else None  # noqa: SIM115
        self.shown = 0

    def write(self, chunk: list[Record], answers: list[Answer], say) -> int:
        refused = 0
        for record, (status, line) in zip(chunk, answers, strict=True):
            if status != 200:
                refused += 1
                # The reject first: a resumed run trusts OUT and drops rejects past its last line.
                if self.rejects:
                    entry = {"record": record.number, **record.where, "status": status, "problem": json.loads(line)}
                    self.rejects.write(json.dumps(entry) + "\n")
                if self.shown < MAX_SHOWN:
                    say(f"{record.label()}: {status} {json.loads(line)['detail']}")
                self.shown += 1
            self.out.write(line + "\n")
        if self.rejects:
            self.rejects.flush()
        self.out.flush()
        return refused

    def close(self) -> None:
        if self.out is not sys.stdout:
            self.out.close()
        if self.rejects:
            self.rejects.close()


def prepare(out: str, rejects: str | None, resume: bool, overwrite: bool) -> tuple[int, int]:
    """(records already in OUT, rejects already recorded) after checking OUT may be written."""
    if out == "-":
        return 0, 0
    exists = os.path.exists(out) and os.path.getsize(out) > 0
    if exists and resume:
        done = finished_records(out)
        return done, keep_rejects(rejects, done) if rejects else 0
    if exists and not overwrite:
        raise BatchError(f"{out} exists: --resume continues after its last record, --overwrite starts again")
    for path in (out, rejects):
        if path:
            open(path, "w").close()
    return 0, 0


def run(source: Records, out: str, *, workers: int, resume: bool = False, overwrite: bool = False,
        rejects: str | None = None, model_dir: str | None = None, limits: Limits | None = None,
        progress: bool | None = None) -> Outcome:
    """Score every record of ``source`` into ``out``; see the module docstring."""
    limits = limits or Limits.from_env()
    analyzer = Analyzer(model_dir)  # verified here first: a broken artifact stops the run before it starts
    if not analyzer.ready:
        raise BatchError(f"the model is not ready: {analyzer.problem}")
    freeze_loaded()
    started = time.perf_counter()
    total = source.count()
    done, rejected = prepare(out, rejects, resume, overwrite)
    outcome = Outcome(rejected=rejected, resumed_after=done)
    if total is not None:
        workers = max(1, min(workers, -(-(total - done) // CHUNK)))  # no idle processes for a short input
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked from this one
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=total, initial=done, unit="rec", file=sys.stderr, disable=not show, dynamic_ncols=True,
               smoothing=0.1)
    outcome.workers = workers
    writer = Writer(out, rejects)
    results = scored(source.read(done), analyzer, workers, model_dir, limits)
    try:
        for chunk, answers in results:
            outcome.rejected += writer.write(chunk, answers, bar.write if show else _say)
            outcome.records += len(chunk)
            bar.update(len(chunk))
    except KeyboardInterrupt:
        outcome.interrupted = True
    except BrokenProcessPool:
        outcome.broken = True
    finally:
        results.close()  # stops the worker pool, also on an interrupt
        bar.close()
        writer.close()
        outcome.seconds = time.perf_counter() - started
    return outcome


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def summary(outcome: Outcome, rejects: str | None) -> str:
    """The one line a run ends with."""
    rate = outcome.records / outcome.seconds if outcome.seconds else 0.0
    n = outcome.workers
    parts = [f"{outcome.records} records in {outcome.seconds:.1f} s ({rate:.1f}/s, {n} process{'es' * (n > 1)})"]
    if outcome.resumed_after:
        parts.append(f"resumed after record {outcome.resumed_after}")
    parts.append(f"{outcome.rejected} rejected" + (f", see {rejects}" if outcome.rejected and rejects else ""))
    last = outcome.resumed_after + outcome.records
    if outcome.interrupted:
        parts.append(f"interrupted after record {last}: run again with --resume to continue")
    if outcome.broken:
        parts.append(f"a worker process died (killed? out of memory?) after record {last}: "
                     "run again with --resume to continue")
    return "batch: " + "; ".join(parts)
