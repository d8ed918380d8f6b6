"""In-process throughput over the PolNeAR dev texts: words/s, articles/s, per-stage time, and the HTTP
handler path through Flask's test client beside a "regex floor" (Flask plus one regex pass) in the same run.

    .venv/bin/python bench/inprocess.py [--rounds 5]

The floor route is registered on an app built by the same ``create_app()``, so both paths pay the same
hooks (metrics, limits, JSON parsing); the ratio is what our analysis costs over Flask plus one pass.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.common import Tee, machine_line, pin_threads, quiet_logs, require_polnear, save, score_body, words
from bench.stages import breakdown

FLOOR_RE = re.compile(r"said|told|according to")


def best_of(rounds: int, run: Callable[[], None]) -> tuple[float, list[float]]:
    """Fastest round (least disturbed by other load) and all rounds, in seconds."""
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times), times


def analyzer_run(texts: Sequence[str]) -> Callable[[], None]:
    from model import Analyzer, Document, Options

    analyzer = Analyzer()
    if not analyzer.ready:
        raise SystemExit(f"model not ready: {analyzer.problem}")
    docs = [[Document(id="a", text=t)] for t in texts]
    opts = Options(explain=True)

    def run() -> None:
        for d in docs:
            analyzer.analyze(d, opts)

    return run


def floor_view() -> Callable:
    """The regex floor: parse the same JSON body, one pass of the regex over each text, a small JSON answer."""
    from flask import jsonify, request

    def view():
        body = request.get_json()
        docs = body.get("documents", [body])
        return jsonify({"documents": [{"hits": sum(1 for _ in FLOOR_RE.finditer(d["text"]))} for d in docs]})

    return view


def http_paths(texts: Sequence[str], rounds: int) -> tuple[float, float]:
    """Seconds (best round) through /v1/score and through the floor route, same app, same client."""
    from service import create_app

    app = create_app()
    quiet_logs()  # one access-log line per request would flood the figures; its cost is still paid
    app.add_url_rule("/_bench/floor", "bench_floor", floor_view(), methods=["POST"])
    client = app.test_client()
    bodies = [score_body([t]) for t in texts]
    for path in ("/v1/score", "/_bench/floor"):  # one warm-up each, and check both answer
        r = client.post(path, data=bodies[0], content_type="application/json")
        if r.status_code != 200:
            raise SystemExit(f"{path} answered {r.status_code}: {r.get_data(as_text=True)[:500]}")

    def post_all(path: str) -> Callable[[], None]:
        def run() -> None:
            for b in bodies:
                client.post(path, data=b, content_type="application/json")
        return run

    score_s, _ = best_of(rounds, post_all("/v1/score"))
    floor_s, _ = best_of(rounds, post_all("/_bench/floor"))
    return score_s, floor_s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="passes over the dev texts; the fastest is reported")
    ap.add_argument("--save", default="inprocess.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    out = Tee()
    texts = require_polnear()
    n_words = sum(words(t) for t in texts)
    out(machine_line())
    out(f"texts: PolNeAR dev, {len(texts)} articles, {n_words} words ({n_words / len(texts):.0f} a article), "
        f"{sum(len(t) for t in texts)} chars; best of {args.rounds} rounds, one article per call")

    run = analyzer_run(texts)
    run()  # warm caches (regexes, lexicons) before timing
    best, all_rounds = best_of(args.rounds, run)
    out(f"analyze(): {n_words / best:,.0f} words/s, {len(texts) / best:,.1f} articles/s, "
        f"{best / len(texts) * 1000:.2f} ms a article (rounds: {', '.join(f'{t:.3f}' for t in all_rounds)} s)")

    stages, wall = breakdown(texts)
    out(f"per stage (model.Timer, one timed pass, {wall / len(texts) * 1000:.2f} ms a article):")
    for stage, secs in stages.items():
        out(f"  {stage:<16} {secs / len(texts) * 1000:7.3f} ms a article  {secs / wall * 100:5.1f} %")

    try:
        score_s, floor_s = http_paths(texts, args.rounds)
    except ImportError as e:
        out(f"test client: skipped, service not importable ({e})")
    else:
        out(f"test client POST /v1/score: {n_words / score_s:,.0f} words/s, {len(texts) / score_s:,.1f} articles/s")
        out(f"regex floor (same app and client, one pass of said|told|according to): {n_words / floor_s:,.0f} words/s")
        out(f"ratio: /v1/score costs {score_s / floor_s:.1f}x the floor")
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")


if __name__ == "__main__":
    main()
