"""Attribution and sourcing figures side by side, by the shared scorers that define them.

    python -m model.training.scoreboard              # dev spans; sourcing on the dev labels and our train labels
    python -m model.training.scoreboard --holdout    # ... and on the team holdouts (report only, never tune)

Sourcing labels: ``../shared/data/polnear-sourcing/dev.jsonl`` (14 dev articles: tuned on) and the team's
own on PolNeAR train (``model/data/sourcing/``: 354 articles tuned on; 10 held out from the first round,
14 more from the seventh and 14 from the tenth, each labelled after the models were fitted). Each set is scored by
``../shared/eval/polnear_sourcing_eval.py`` through ``service.create_app()``, spans by
``polnear_eval.py``; this command only gathers their last lines. Without the shared data it says so.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from model.training.copies import copies_of

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "model" / "data" / "sourcing"
OUT = ROOT / "bench" / "out"
POLNEAR = SHARED / "data" / "polnear"
KEYS = ("coverage", "kind_acc", "kind_acc[named_organization]", "role_acc", "anonymous_p", "anonymous_r",
        "anonymous_f1", "anonymous_recall", "denial_f1", "official_f1", "hedged_f1")


def split_of() -> dict[str, str]:
    """article -> "train", "holdout", "holdout2" or "holdout3" (the seventh and the tenth label rounds, each
    labelled after the models were fitted and kept untouched beside the first ten), from batches.tsv."""
    rows = (line.split("\t") for line in (LABELS / "batches.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#"))
    return {r[2]: r[1] for r in rows}


def held_out() -> set[str]:
    """The articles of the team's holdouts (every split but train) and their near-duplicates in PolNeAR train (a
    story and its next day's update): nothing that learns may read them."""
    held = {article for article, split in split_of().items() if split != "train"}
    return held | copies_of(held, POLNEAR / "train" / "text")


def team_labels(*split: str) -> Path:
    """The team's labels of one split (or several) gathered into one file for the shared scorer."""
    splits = split_of()
    rows = [line for path in sorted((LABELS / "labels").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and splits[json.loads(line)["article"]] in split]
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"sourcing-{'+'.join(split)}.jsonl"
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


def last_line(script: str, *args: object) -> dict[str, float]:
    run = subprocess.run([sys.executable, str(SHARED / "eval" / script), str(ROOT), *map(str, args)],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    lines = [x for x in run.stdout.splitlines() if "=" in x]
    if not lines:
        raise SystemExit(f"{script} gave no figures: {run.stderr[-500:]}")
    return {k: float(v) for k, v in (p.split("=", 1) for p in lines[-1].split()) if _number(v)}


def _number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m model.training.scoreboard", description=__doc__.splitlines()[0])
    ap.add_argument("--holdout", action="store_true", help="also score the team holdouts (report only)")
    args = ap.parse_args(argv)
    if not (SHARED / "eval").is_dir() or not POLNEAR.is_dir():
        print(f"skipped: the shared data and scorers are expected in {SHARED.name}/ beside the repo")
        return 0
    spans = last_line("polnear_eval.py", POLNEAR / "dev")
    print("PolNeAR dev spans (rules tuned on train):",
          " ".join(f"{k}={spans[k]:.3f}" for k in spans if k.startswith(("source", "cue")) and k.endswith("f1")))
    sets = {"dev labels (tuned)": (SHARED / "data" / "polnear-sourcing" / "dev.jsonl", POLNEAR / "dev" / "text"),
            "train labels (tuned)": (team_labels("train"), POLNEAR / "train" / "text")}
    if args.holdout:
        sets["holdout (untouched)"] = (team_labels("holdout"), POLNEAR / "train" / "text")
        sets["holdout 2 (untouched)"] = (team_labels("holdout2"), POLNEAR / "train" / "text")
        sets["both (untouched)"] = (team_labels("holdout", "holdout2"), POLNEAR / "train" / "text")
        sets["holdout 3 (untouched)"] = (team_labels("holdout3"), POLNEAR / "train" / "text")
        sets["all three (untouched)"] = (team_labels("holdout", "holdout2", "holdout3"), POLNEAR / "train" / "text")
    figures = {name: last_line("polnear_sourcing_eval.py", labels, text, "--misses", 0)
               for name, (labels, text) in sets.items()}
    print(f"{'sourcing':<30}" + "".join(f"{name:>22}" for name in figures))
    for key in KEYS:
        print(f"{key:<30}" + "".join(f"{f.get(key, float('nan')):>22.3f}" for f in figures.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
