"""Long fuzz: at least 100,000 generated requests (hypothesis) against create_app() in-process; reports the
count of each status, every 5xx (there must be none), and the slowest request.

    .venv/bin/python bench/fuzz.py [--examples 100000] [--seed 0]

The requests mix what a caller could send: well-formed scoring requests with news-like and arbitrary text
(quotes, cue words, abbreviations, control characters, astral-plane and right-to-left characters, lone
surrogates written as JSON escapes), wrong shapes and types, arbitrary JSON, non-JSON bytes, wrong content
types, wrong methods and unknown paths. Failures are counted rather than stopping the run, so one bug does
not hide the next.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from bench.common import Tee, machine_line, pin_threads, quiet_logs, save

WORDS = ["said", "told", "according to", "denied", "dismissed", "declined to comment", "did not deny", "reportedly",
         "it is believed", "He", "She", "They", "officials", "an official who asked not to be named", "Reuters",
         "the ministry", "Mr.", "U.S.", "Dr.", "“", "”", '"', "'", "‘", "’", ",", ".", "?", "!", "\n", "\n\n", "—",
         "(", ")", ";", ":", "Kurdish", "sources", "witnesses", "probably", "unconfirmed", "ISIS", "al-Abadi",
         "\ud800", "\udfff"]  # lone surrogates among the words: beside a cue they once reached the feature hashing

news_text = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=120).map(" ".join)
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=400)
text = st.one_of(news_text, news_text, any_text, st.sampled_from(["", " ", "\n", "\x00", "\u202e", "🙂" * 50]))
json_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
any_json = st.recursive(json_scalar, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=10), c,
                                                                                        max_size=4), max_leaves=12)

odd_document = st.fixed_dictionaries(
    {"text": text},
    optional={"id": st.text(min_size=0, max_size=8) | st.integers(), "title": text | st.none(),
              "url": st.text(max_size=30), "outlet": st.text(max_size=10), "extra": any_json})
good_documents = st.lists(st.fixed_dictionaries({"text": text}, optional={"title": st.text(max_size=40)}),
                          min_size=1, max_size=5).map(
    lambda docs: [{**d, "id": f"d{i}"} if i % 3 else d for i, d in enumerate(docs)])  # unique ids, some id-less
valid = st.fixed_dictionaries(
    {"documents": good_documents | good_documents | good_documents | st.lists(odd_document, max_size=5)},
    optional={"options": st.fixed_dictionaries({}, optional={"explain": st.booleans() | json_scalar}),
              "client_token": st.text(max_size=20) | json_scalar})
shapes = st.one_of(valid, valid, valid, st.fixed_dictionaries({"text": text}),
                   st.fixed_dictionaries({"documents": any_json}), any_json)


@st.composite
def requests(draw) -> tuple[str, str, bytes, str | None, str]:
    """(method, path, body, content type, a short label)."""
    kind = draw(st.sampled_from(["json"] * 12 + ["surrogate", "bytes", "ctype", "method", "path"]))
    body = json.dumps(draw(shapes)).encode()
    method, path, ctype = "POST", "/v1/score", "application/json"
    if kind == "surrogate":  # lone surrogates, legal as JSON escapes, not encodable as UTF-8
        body = json.dumps({"documents": [{"id": "s", "text": draw(news_text)}]}).encode()
        body = body.replace(b'"s"', b'"\\ud800s"', 1) if draw(st.booleans()) else body[:-3] + b'\\udfff"}]}'
    elif kind == "bytes":
        body = draw(st.binary(max_size=300))
    elif kind == "ctype":
        ctype = draw(st.sampled_from([None, "text/plain", "application/json; charset=latin-1",
                                      "application/x-www-form-urlencoded", "multipart/form-data", "application/*"]))
    elif kind == "method":
        method = draw(st.sampled_from(["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]))
    elif kind == "path":
        path = draw(st.sampled_from(["/", "/v1", "/v1/score/", "/v2/score", "/v1/model", "/readyz", "/healthz",
                                     "/metrics", "/openapi.json", "/v1/score?x=1", "/%00", "/v1/../v1/score"]))
        method = draw(st.sampled_from(["GET", "POST"]))
    return method, path, body, ctype, f"{kind} {method} {path} {len(body)} B"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--save", default="fuzz.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    pin_threads()
    from service import create_app

    client = create_app().test_client()
    quiet_logs()
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    slowest = (0.0, "", b"")
    t_start = time.perf_counter()

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(requests())
    def fuzz(req: tuple[str, str, bytes, str | None, str]) -> None:
        nonlocal slowest
        method, path, body, ctype, label = req
        headers = {"Content-Type": ctype} if ctype else {}
        t = time.perf_counter()
        try:
            status = client.open(path, method=method, data=body, headers=headers).status_code
        except Exception as e:  # an exception escaping Flask would be a 500 behind gunicorn
            status = 599
            label += f" raised {type(e).__name__}: {e}"
        took = time.perf_counter() - t
        statuses[status] += 1
        if took > slowest[0]:
            slowest = (took, label, body)
        if status >= 500 and len(failures) < 20:
            failures.append(f"{status} {label}: {body[:200]!r}")

    fuzz()
    wall = time.perf_counter() - t_start
    out = Tee()
    out(machine_line())
    total = sum(statuses.values())
    five = sum(n for s, n in statuses.items() if s >= 500)
    out(f"{total:,} generated requests in {wall:.0f} s (seed {args.seed}); 5xx: {five}")
    out("statuses: " + ", ".join(f"{s}: {n:,}" for s, n in sorted(statuses.items())))
    out(f"slowest request: {slowest[0] * 1000:.1f} ms ({slowest[1]}): {slowest[2][:300]!r}")
    for f in failures:
        out(f"  5xx: {f}")
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")


if __name__ == "__main__":
    main()
