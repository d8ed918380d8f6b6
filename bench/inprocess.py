"""In-process throughput over the PolNeAR dev texts: words/s, articles/s, per-stage time, and the HTTP
handler path through Flask's test client beside a "regex floor" (Flask plus one regex pass) in the same run.

    .venv/bin/python bench/inprocess.py [--rounds 5] [--fresh]

With ``--fresh`` every round reads PolNeAR train texts that no round before read (as a worker meets news), so
no memo keyed by content answers a round from an earlier one; without it every round reads the same dev texts,
the second and later rounds partly answered by those memos (a warm figure, kept for its history).
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

from bench.common import (
    Tee,
    machine_line,
    pin_threads,
    polnear_texts,
    quiet_logs,
    require_polnear,
    save,
    score_body,
    words,
)
from bench.stages import breakdown

FLOOR_RE = re.compile(r"said|told|according to")


Round = Callable[[int], None]  # runs round k: over the same texts every round, or over the k-th fresh set


def best_of(rounds: int, run: Round, n_words: Sequence[int]) -> tuple[float, list[float]]:
    """Best words/s of the rounds (the round least disturbed by other load) and every round's seconds."""
    times = []
    for k in range(rounds):
        t = time.perf_counter()
        run(k)
        times.append(time.perf_counter() - t)
    return max(n / s for n, s in zip(n_words, times, strict=True)), times


def analyzer_run(warm: str, sets: Sequence[Sequence[str]]) -> Round:
    from model import Analyzer, Document, Options

    analyzer = Analyzer()
    if not analyzer.ready:
        raise SystemExit(f"model not ready: {analyzer.problem}")
    docs = [[[Document(id="a", text=t)] for t in texts] for texts in sets]
    opts = Options(explain=True)
    analyzer.analyze([Document(id="w", text=warm)], opts)  # compiled regexes, lexicons, first-call costs

    def run(k: int) -> None:
        for d in docs[k % len(docs)]:
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


def http_paths(warm: str, sets: Sequence[Sequence[str]], rounds: int, n_words: Sequence[int]) -> tuple[float, float]:
    """Best words/s through /v1/score and through the floor route, same app, same client."""
    from service import create_app

    app = create_app()
    quiet_logs()  # one access-log line per request would flood the figures; its cost is still paid
    app.add_url_rule("/_bench/floor", "bench_floor", floor_view(), methods=["POST"])
    client = app.test_client()
    bodies = [[score_body([t]) for t in texts] for texts in sets]
    for path in ("/v1/score", "/_bench/floor"):  # one warm-up each, and check both answer
        r = client.post(path, data=score_body([warm]), content_type="application/json")
        if r.status_code != 200:
            raise SystemExit(f"{path} answered {r.status_code}: {r.get_data(as_text=True)[:500]}")

    def post_all(path: str) -> Round:
        def run(k: int) -> None:
            for b in bodies[k % len(bodies)]:
                client.post(path, data=b, content_type="application/json")
        return run

    score, _ = best_of(rounds, post_all("/v1/score"), n_words)
    floor, _ = best_of(rounds, post_all("/_bench/floor"), n_words)
    return score, floor


def fresh_sets(rounds: int, size: int) -> tuple[list[list[str]], list[list[str]]]:
    """Unseen PolNeAR train texts: ``rounds`` sets of ``size`` for analyze(), as many others for the client."""
    train = polnear_texts("train") or []
    if len(train) < 2 * rounds * size:
        raise SystemExit(f"--fresh needs {2 * rounds * size} PolNeAR train texts; {len(train)} found")
    sets = [train[k * size:(k + 1) * size] for k in range(2 * rounds)]
    return sets[:rounds], sets[rounds:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="passes over the dev texts; the fastest is reported")
    ap.add_argument("--fresh", action="store_true", help="every round over PolNeAR train texts no round before read")
    ap.add_argument("--save", default=None, help="file under bench/results/ ('' to not save; default inprocess.txt, "
                    "or inprocess-fresh.txt with --fresh)")
    args = ap.parse_args()
    pin_threads()
    out = Tee()
    texts = require_polnear()
    if args.fresh:
        mine, client_sets = fresh_sets(args.rounds, len(texts))
        warm = texts[0]  # the warm-up reads a dev text: no round reads it
    else:
        mine = client_sets = [texts]
        warm = texts[0]
    n_mine = [sum(map(words, mine[k % len(mine)])) for k in range(args.rounds)]
    n_client = [sum(map(words, client_sets[k % len(client_sets)])) for k in range(args.rounds)]
    out(machine_line())
    if args.fresh:
        out(f"texts: PolNeAR train, {2 * args.rounds} sets of {len(texts)} articles, each read by one round only "
            f"(fresh: {min(n_mine + n_client)} to {max(n_mine + n_client)} words a set); one article per call")
    else:
        out(f"texts: PolNeAR dev, {len(texts)} articles, {n_mine[0]} words ({n_mine[0] / len(texts):.0f} a "
            f"article), {sum(len(t) for t in texts)} chars; best of {args.rounds} rounds, one article per call "
            "(the same texts every round: a warm figure)")

    run = analyzer_run(warm, mine)
    if not args.fresh:
        run(0)  # the same texts every round: the first is answered cold, the rest warm
    best, all_rounds = best_of(args.rounds, run, n_mine)
    out(f"analyze(): {best:,.0f} words/s (best round; rounds: {', '.join(f'{t:.3f}' for t in all_rounds)} s)")

    stages, wall = breakdown(client_sets[0] if args.fresh else texts)
    out(f"per stage (model.Timer, one timed pass, {wall / len(texts) * 1000:.2f} ms a article):")
    for stage, secs in stages.items():
        out(f"  {stage:<16} {secs / len(texts) * 1000:7.3f} ms a article  {secs / wall * 100:5.1f} %")

    try:
        score, floor = http_paths(warm, client_sets, args.rounds, n_client)
    except ImportError as e:
        out(f"test client: skipped, service not importable ({e})")
    else:
        out(f"test client POST /v1/score: {score:,.0f} words/s")
        out(f"regex floor (same app and client, the same texts, one pass of said|told|according to): {floor:,.0f} "
            "words/s")
        out(f"ratio: /v1/score costs {floor / score:.1f}x the floor")
    save_as = args.save if args.save is not None else ("inprocess-fresh.txt" if args.fresh else "inprocess.txt")
    if save_as:
        print(f"saved to bench/results/{save(save_as, out.text()).name}")


if __name__ == "__main__":
    main()
