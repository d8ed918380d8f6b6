"""Words/s of this checkout against an earlier revision, through the same path, in one run.

    .venv/bin/python bench/versus.py REVISION [--rounds 5]

The revision is checked out (``git worktree``) under ``bench/out/``; both trees run ``POST /v1/score`` through
``create_app().test_client()`` over the PolNeAR dev texts, one process each, their rounds interleaved
(A, B, A, B, ...) so both see the same machine; each side's best round is compared (CPU time of the process,
less disturbed by other load than the wall clock), beside the regex floor of ``bench/inprocess.py``, and the median of
each side's process totals (steadier where one full garbage collection lands in a different pass).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import Tee, machine_line, pin_threads, polnear_texts, require_polnear, save, words  # noqa: E402

# One round in a child process: POST every dev text through the tree's own app; print CPU seconds.
CHILD = """
import json, logging, os, sys, time
for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(v, "1")
sys.path.insert(0, os.getcwd())
from service import create_app
app = create_app()
logging.getLogger("service.access").setLevel(logging.WARNING)
client = app.test_client()
given = json.load(sys.stdin)  # one list of texts, posted each round; or {"warm": [...], "passes": [[...], ...]}
passes = given["passes"] if isinstance(given, dict) else [given] * int(sys.argv[1])
warm = given["warm"] if isinstance(given, dict) else given[:5]
def body(t):
    return json.dumps({"documents": [{"id": "a", "text": t}]})
for t in warm:
    assert client.post("/v1/score", data=body(t), content_type="application/json").status_code == 200
for texts in passes:
    bodies = [body(t) for t in texts]
    t = time.process_time()
    for b in bodies:
        client.post("/v1/score", data=b, content_type="application/json")
    print(time.process_time() - t, flush=True)
"""


def worktree(revision: str) -> Path:
    sha = subprocess.run(["git", "rev-parse", "--short", revision], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    path = ROOT / "bench" / "out" / f"revision-{sha}"
    if not path.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(path), sha], cwd=ROOT, check=True,
                       capture_output=True)
    return path


def rounds(tree: Path, texts: list[str] | dict, n: int) -> list[float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(n)], cwd=tree, input=json.dumps(texts), text=True,
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tree.name}: {done.stderr[-800:]}")
    return [float(x) for x in done.stdout.split()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("revision", help="the earlier revision (a commit, tag or branch)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--fresh", action="store_true", help="every pass over PolNeAR train texts no pass before read, "
                    "as a worker meets news: no memo keyed by content finds its texts")
    ap.add_argument("--save", default=None, help="file under bench/results/ ('' to not save; default versus.txt, "
                    "or versus-fresh.txt with --fresh)")
    args = ap.parse_args()
    pin_threads()
    texts = require_polnear()
    job: list[str] | dict = texts
    if args.fresh:  # 3 passes of 84 unseen train texts a process, after 5 others; the same slices for both trees
        train = polnear_texts("train") or []
        size = len(texts)
        job = {"warm": train[:5], "passes": [train[5 + k * size:5 + (k + 1) * size] for k in range(3)]}
    n_words = [sum(words(t) for t in p) for p in job["passes"]] if args.fresh else [sum(words(t) for t in texts)] * 3
    base = worktree(args.revision)
    out = Tee()
    out(machine_line())
    out(f"POST /v1/score through the test client, {args.rounds} interleaved processes of each, three passes a "
        + ("process, each over 84 PolNeAR train articles no pass before read (fresh)" if args.fresh else
           f"process over PolNeAR dev ({len(texts)} articles, {n_words[0]} words)"))
    times: dict[str, list[float]] = {"this checkout": [], args.revision: []}
    for _ in range(args.rounds):  # each process: three passes, alternating trees
        times[args.revision] += rounds(base, job, 3)
        times["this checkout"] += rounds(ROOT, job, 3)
    speed = {k: [n_words[i % 3] / x for i, x in enumerate(v)] for k, v in times.items()}
    for k in times:
        out(f"  {k:<24} {max(speed[k]):>10,.0f} words/s (best CPU round; rounds "
            f"{', '.join(f'{x:.3f}' for x in times[k])} s)")
    out(f"  ratio: {max(speed['this checkout']) / max(speed[args.revision]):.2f}x the words/s of {args.revision}")
    # Each process runs one full collection of the cyclic garbage collector (~70 ms) in whichever pass its
    # allocations reach the threshold: the best pass may dodge it in one tree and not the other. A process's three
    # passes together always hold it, so the median process total is the steadier comparison.
    total = {k: median(sum(v[i:i + 3]) for i in range(0, len(v), 3)) for k, v in times.items()}
    out(f"  ratio of median process totals (three passes each): {total[args.revision] / total['this checkout']:.3f}x")
    save_as = args.save if args.save is not None else ("versus-fresh.txt" if args.fresh else "versus.txt")
    if save_as:
        print(f"saved to bench/results/{save(save_as, out.text()).name}")


if __name__ == "__main__":
    main()
