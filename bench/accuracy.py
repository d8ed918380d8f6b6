"""Every accuracy figure in the README, in one run, by the scorers that define them.

    .venv/bin/python bench/accuracy.py [--save accuracy.txt]

- PolNeAR spans on dev and sourcing on the shared dev labels (tuned), the team's train labels (tuned) and
  the team holdout (untouched): ``python -m model.training.scoreboard --holdout`` (the shared scorers).
- The invented wire stories, train half (tuned), holdout half and the later holdout2 and holdout3 (untouched),
  with the regex floor beside: ``bench/wire_eval.py``.
- Emergent: the team's 30 holdout stories and the 102 training stories (in sample: a contract check only),
  by ``../shared/eval/emergent_eval.py``; the model card holds the nested cross-validated figure.
- Independence (the seed beside its copies) and hostile text, by ``../shared/eval/duplicate_probe.py`` and
  ``hostile_probe.py``.

Without the shared data beside the repository it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import Tee, machine_line, save  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
HOLDOUT = ROOT / "model" / "data" / "emergent-holdout.txt"


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, check=False)
    return "\n".join(line for line in done.stdout.splitlines() if '"level"' not in line)


def emergent_files() -> tuple[Path, Path]:
    """The stories file split into the team holdout and the rest (bench/out/, never committed)."""
    ids = {x.split("#", 1)[0].strip() for x in HOLDOUT.read_text(encoding="utf-8").splitlines()} - {""}
    OUT.mkdir(parents=True, exist_ok=True)
    held, rest = OUT / "emergent-holdout.jsonl", OUT / "emergent-train-only.jsonl"
    lines = (SHARED / "data" / "emergent" / "stories-train.jsonl").read_text(encoding="utf-8").splitlines()
    held.write_text("".join(x + "\n" for x in lines if json.loads(x)["claim_id"] in ids), encoding="utf-8")
    rest.write_text("".join(x + "\n" for x in lines if json.loads(x)["claim_id"] not in ids), encoding="utf-8")
    return held, rest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", default="accuracy.txt", help="file under bench/results/ ('' to not save)")
    args = ap.parse_args()
    if not (SHARED / "data").is_dir():
        print("skipped: the shared data is expected in ../shared/data beside the repository")
        return 0
    out = Tee()
    out(machine_line())
    out("== PolNeAR spans (dev) and sourcing labels: dev (tuned), team train (tuned), team holdouts (untouched)")
    out(run("-m", "model.training.scoreboard", "--holdout"))
    for split in ("train", "holdout", "holdout2", "holdout3"):
        out(f"== invented wire stories, {split} ({'tuned' if split == 'train' else 'untouched'})")
        out(run("bench/wire_eval.py", "--split", split))
    held, rest = emergent_files()
    out("== Emergent, team holdout (30 stories, untouched)")
    out(run(str(SHARED / "eval" / "emergent_eval.py"), ".", str(held)))
    out("== Emergent, the 102 training stories (in sample: checks the contract only)")
    out(run(str(SHARED / "eval" / "emergent_eval.py"), ".", str(rest)))
    seed = SHARED / "seeds" / "jalawla-2014.txt"
    out("== independence: the seed beside an exact and an edited copy (0 expected)")
    out(run(str(SHARED / "eval" / "duplicate_probe.py"), ".", str(seed)))
    out("== hostile text (per byte against news, growth from 19 kB to 190 kB)")
    out(run(str(SHARED / "eval" / "hostile_probe.py"), ".", str(SHARED / "data" / "polnear" / "dev" / "text")))
    if args.save:
        print(f"saved to bench/results/{save(args.save, out.text()).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
