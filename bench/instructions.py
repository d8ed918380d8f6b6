"""Instructions per request of this checkout against an earlier revision: a speed figure that load cannot move.

    .venv/bin/python bench/instructions.py REVISION [--articles 21]

Wall and CPU time on a shared two-core machine swing by 20 % between runs (``bench/versus.py`` prints its
rounds), more than most changes gain. valgrind's callgrind counts the instructions the interpreter executes,
the same count for the same code and input whatever else runs. Both trees (the revision checked out under
``bench/out/`` as ``versus.py`` does) post the first ``--articles`` PolNeAR dev texts through
``create_app().test_client()`` twice: a warm pass (caches filled as in a long-running worker), then the
counted pass (only the calls inside it are counted). The ratio of the counts is the speed-up, if time follows
instructions; ``versus.py`` says whether it does. Needs valgrind (Debian's package); without it, says so.

The same texts twice flatter every memo keyed by content (a chunk's tokens, a mention's words, a name's
role): the counted pass finds its own texts' answers remembered, which news never repeats. ``--fresh`` warms
the worker on as many PolNeAR train texts instead, so the counted dev texts are unseen and only what carries
over to new news is remembered: the figure for a worker serving news it has not read.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import Tee, machine_line, polnear_texts, require_polnear, save, words  # noqa: E402
from bench.versus import worktree  # noqa: E402

# The counted pass runs inside functools.reduce, which callgrind's --toggle-collect switches on and off.
CHILD = """
import functools, json, logging, os, sys
sys.path.insert(0, os.getcwd())
from service import create_app
client = create_app().test_client()
logging.getLogger("service.access").setLevel(logging.WARNING)
bodies = [json.dumps({"documents": [{"id": "a", "text": t}]}) for t in json.load(open(sys.argv[1]))]
warm = [json.dumps({"documents": [{"id": "a", "text": t}]}) for t in json.load(open(sys.argv[2]))] or bodies
for b in warm:
    assert client.post("/v1/score", data=b, content_type="application/json").status_code == 200
functools.reduce(lambda _, b: client.post("/v1/score", data=b, content_type="application/json"), bodies, None)
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count(tree: Path, texts_file: str, warm_file: str) -> int:
    """Instructions of the counted pass in ``tree`` (the warm pass posts ``warm_file``'s texts, or the counted
    ones again when it holds none)."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(["valgrind", "--tool=callgrind", "--collect-atstart=no",
                               "--toggle-collect=functools_reduce", f"--callgrind-out-file={tmp}/cg.out",
                               sys.executable, "-c", CHILD, texts_file, warm_file], cwd=tree, env=env,
                              capture_output=True, text=True, check=False)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{tree.name}: {done.stderr[-800:]}")
    return int(found.group(1))


def train_texts(n: int) -> list[str]:
    """The first ``n`` PolNeAR train texts by name: news the counted dev texts share no sentence with."""
    return (polnear_texts("train") or [])[:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("revision", help="the earlier revision (a commit, tag or branch)")
    ap.add_argument("--articles", type=int, default=21, help="PolNeAR dev texts posted (the first, by name)")
    ap.add_argument("--fresh", action="store_true", help="warm on as many PolNeAR train texts: the counted ones unseen")
    ap.add_argument("--save", default=None, help="file under bench/results/ ('' to not save; default "
                    "instructions.txt, or instructions-fresh.txt with --fresh)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed (Debian: apt-get install valgrind)")
        return 0
    texts = require_polnear()[:args.articles]
    warm = train_texts(args.articles) if args.fresh else []
    save_as = args.save if args.save is not None else ("instructions-fresh.txt" if args.fresh else "instructions.txt")
    base = worktree(args.revision)
    out = Tee()
    out(machine_line())
    out(f"POST /v1/score through the test client, {len(texts)} PolNeAR dev articles ({sum(map(words, texts))} "
        "words), instructions of the second pass (callgrind), "
        + (f"after a warm pass over {len(warm)} PolNeAR train articles (the counted texts unseen)" if args.fresh
           else "after a warm pass over the same texts"))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f, \
            tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as w:
        json.dump(texts, f)
        json.dump(warm, w)
    try:
        counts = {args.revision: count(base, f.name, w.name), "this checkout": count(ROOT, f.name, w.name)}
    finally:
        os.unlink(f.name)
        os.unlink(w.name)
    for name, n in counts.items():
        out(f"  {name:<24} {n / 1e9:.3f} G instructions")
    out(f"  ratio: {counts[args.revision] / counts['this checkout']:.3f}x fewer instructions than {args.revision}")
    if save_as:
        print(f"saved to bench/results/{save(save_as, out.text()).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
