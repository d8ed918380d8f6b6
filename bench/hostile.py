"""Per-byte cost of hostile text against normal news text, through POST /v1/score (Flask test client).

    .venv/bin/python bench/hostile.py [--size 200000] [--rounds 3]

Each hostile document is one document of ``--size`` characters (the default per-document limit is 200,000),
built to provoke the slow paths a regex-and-rules pipeline has: quotes, commas and capitalised words (source
and quote scanning), long runs of one character, unclosed quotes, abbreviations (sentence splitting), cue
words in one endless sentence, pronoun chains (back-reference resolution), a denial in every sentence (the
denial aim model reads each one's neighbours) and sentences each opened by a
common word (the typer asks the text whether it is a name). "normal" is PolNeAR dev text
(synthetic wire copy when the shared data is absent) cut to the same size; each case's cost per byte is set
against news timed in turn with it in the same rounds, so that the machine's drift over the run is not read
as the text's cost.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Tee, articles, machine_line, pin_threads, quiet_logs, save, score_body


def _fill(piece_fn, size: int, seed: int = 0, tail: str = "") -> str:
    """Pieces up to ``size`` characters; with a ``tail``, whole pieces and then the tail, so that every size
    ends the same way (a sentence cut inside its last piece may end in a closing frame at one size and not at
    another, and be one claim or thousands)."""
    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        p = piece_fn(rng)
        if tail and n + len(p) + len(tail) > size:
            return "".join(parts) + tail
        parts.append(p)
        n += len(p)
    return "".join(parts)[:size]


_CAPS = ["Said", "Told", "According", "Minister", "President", "Reuters", "The", "He", "She", "Officials",
         "Ministry", "Sources", "Kurdish", "Security", "General", "Mr", "Al", "Jalawla", "US", "UN"]


_OPENERS = ["Polling", "Research", "Evidence", "Data", "Video", "Analysis", "Footage", "Testing"]


def hostile_cases(size: int = 200_000) -> dict[str, str]:
    """Named hostile documents of ``size`` characters each (deterministic)."""
    return {
        "quotes+commas+caps": _fill(lambda r: r.choice(_CAPS) + r.choice([", ", " “", "” ", "\" ", ",\" ", " "]),
                                    size),
        "run of 'a'": "a" * size,
        "run of '.'": "." * size,
        "run of '“'": "“" * size,
        "run of '\"'": '"' * size,
        "run of ' '": "x " + " " * (size - 4) + " x",
        "run of newlines": "x" + "\n" * (size - 2) + "x",
        "unclosed quotes": _fill(lambda r: f"“{r.choice(_CAPS)} said the plan was {r.choice(['off', 'on'])}, ", size),
        "abbreviations": _fill(lambda r: r.choice(["Mr. ", "Dr. ", "U.S. ", "Jan. ", "No. ", "Gen. ", "Sen. ",
                                                   "Inc. ", "e.g. ", "i.e. ", "St. ", "a.m. ", "said ", "Lt. Col. "]),
                               size),
        "one sentence of cues": _fill(lambda r: f"{r.choice(_CAPS)} said, {r.choice(_CAPS).lower()} told "
                                                f"{r.choice(_CAPS)} according to {r.choice(_CAPS)}, ", size,
                                      # the same last piece at every size, never a closing frame: thousands of
                                      # claims at any size (with "and so on" alone, a random last piece ending
                                      # "Jalawla said, the told Sources ..." made all 100 kB one claim)
                                      tail="General said, un told General according to Kurdish, and so on"),
        "pronoun chain": _fill(lambda r: r.choice(["He said it was true. ", "She told them so. ",
                                                   "“It was,” he added. ", "They said it again. "]), size),
        # every sentence a denial of another source's: each reads its neighbours (the denial aim model's pairs)
        "denials from many sources": _fill(lambda r: f"{r.choice(_CAPS)} {r.choice(_CAPS)} denied that "
                                                     f"{r.choice(_CAPS)} had {r.choice(['left', 'paid', 'lied'])}. ",
                                           size),
        # every sentence a source the typer asks the whole text about ("is it written as a name elsewhere?")
        "common words opening": _fill(lambda r: f"{r.choice(_OPENERS)} shows the plan works. ", size),
        "one sentence, no punctuation": _fill(lambda r: f"the {r.choice(_CAPS).lower()} of the interior and the "
                                                       f"spokesman for the {r.choice(_CAPS).lower()} ", size),
        "nested quotes": _fill(lambda r: r.choice(['He said "She said \'They said "we ', "“She said ‘he told “us ",
                                                   "« Il a dit « elle a dit "]), size),
        "list of names": _fill(lambda r: f"{r.choice(_CAPS)} {r.choice(_CAPS)}, {r.choice(_CAPS)} Group, "
                                         f"{r.choice(_CAPS)} Foods Inc., ", size),
    }


def normal_text(size: int = 200_000) -> str:
    """Real news text (paragraphs kept) cut to ``size`` characters."""
    out, n = [], 0
    for t in articles():
        out.append(t)
        n += len(t) + 2
        if n >= size:
            break
    text = "\n\n".join(out)
    while len(text) < size:  # the synthetic fallback is short
        text += "\n\n" + text
    return text[:size]


def cost_per_kb(client, text: str, rounds: int) -> tuple[float, int, int]:
    """Best-of-rounds µs per kB of UTF-8 input, the status, and the number of claims found (explain off, as
    ../shared/eval/hostile_probe.py asks: the explanations' size follows the claims, not the slow paths)."""
    body = score_body([text], explain=False)
    best = float("inf")
    status, claims = 0, 0
    for _ in range(rounds):
        t = time.perf_counter()
        r = client.post("/v1/score", data=body, content_type="application/json")
        best = min(best, time.perf_counter() - t)
        status = r.status_code
        if status == 200:
            claims = sum(len(d["claims"]) for d in r.get_json()["documents"])
        if best > 1.0:  # one slow call is measurement enough
            break
    return best * 1e6 / (len(text.encode()) / 1000), status, claims


def paired_cost(client, text: str, yardstick: str, rounds: int) -> tuple[float, float]:
    """Best-of-rounds µs per kB of ``text`` and of ``yardstick`` (news of the same size), the two timed in turn
    within each round: the machine's speed drifts over the minutes a run takes, and a ratio of two costs timed
    minutes apart measured the drift as much as the text."""
    bodies = [score_body([t], explain=False) for t in (text, yardstick)]
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for k, body in enumerate(bodies):
            t = time.perf_counter()
            client.post("/v1/score", data=body, content_type="application/json")
            best[k] = min(best[k], time.perf_counter() - t)
    return tuple(b * 1e6 / (len(x.encode()) / 1000) for b, x in zip(best, (text, yardstick), strict=True))


def sizes(full: int) -> list[int]:
    """full/16, full/8, ... full: a case grows until it reaches full size or its budget."""
    return [full // 2**k for k in range(4, -1, -1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=200_000, help="characters per document")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--budget", type=float, default=10.0,
                    help="seconds: a case whose call takes longer stops growing (a slow path found)")
    ap.add_argument("--save", default="hostile.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    from service import create_app

    client = create_app().test_client()
    quiet_logs()
    out = Tee()
    out(machine_line())
    out(f"one document per request, growing from {args.size // 16:,} to {args.size:,} characters unless a call "
        f"takes over {args.budget:.0f} s; best of {args.rounds}; POST /v1/score through the test client")
    out("growth b: cost ~ size^b between the two largest sizes (1.0 = linear)")
    client.post("/v1/score", data=score_body([normal_text(5000)]), content_type="application/json")  # warm-up
    cases = {"normal news text": lambda n: normal_text(n)}
    cases.update({name: (lambda n, name=name: hostile_cases(n)[name]) for name in hostile_cases(16)})
    worst = (0.0, "")
    for name, make in cases.items():
        points: list[tuple[int, float]] = []
        status, claims = 0, 0
        for n in sizes(args.size):
            cost, status, claims = cost_per_kb(client, make(n), args.rounds)
            points.append((n, cost))
            if cost * len(make(n).encode()) / 1e9 > args.budget:
                break
        (n0, c0), (n1, c1) = points[-2], points[-1]
        growth = 1 + math.log(c1 / c0) / math.log(n1 / n0)
        if name == "normal news text":
            ratio = 1.0
        else:  # per byte against news timed beside it (``paired_cost``), the case's own cost taken again with it
            c1, news = paired_cost(client, make(n1), normal_text(n1), args.rounds)
            ratio = c1 / news
        if name != "normal news text" and ratio > worst[0]:
            worst = (ratio, name)
        stopped = "" if n1 == args.size else "  (stopped: over budget)"
        out(f"  {name:<24} {n1:>8,} chars {c1:9.1f} µs/kB {ratio:7.1f}x normal  b {growth:4.2f}  "
            f"status {status}, {claims} claims{stopped}")
    out(f"worst hostile case: {worst[1]}, {worst[0]:.1f}x normal text per byte")
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")


if __name__ == "__main__":
    main()
