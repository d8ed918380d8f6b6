"""Batch scoring from the command line, answering every record as POST /v1/score would.

    python -m model batch IN OUT            # or, installed: reliability batch IN OUT
    python -m model < requests.jsonl > answers.jsonl

IN is JSONL of request bodies, a CSV with a text column, or a folder of .txt
files; OUT gets one answer per record, line N for record N. Exit status: 0
when every record was answered, 1 when any was rejected, 2 when the run could
not start, 3 when a worker process died, 130 when interrupted (3 and 130:
run again with --resume to continue).
"""

from __future__ import annotations

import argparse
import os
import sys

from model.batch import BatchError, rejects_path_for, run, summary
from model.batch_input import InputError, Records
from model.request import Limits


def cpus() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m model", description=__doc__.split("\n\n")[0],
                                 epilog="Without a command: JSONL request bodies on standard input, answers on "
                                        "standard output (same as 'batch - -').")
    ap.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    commands = ap.add_subparsers(dest="command", metavar="COMMAND")
    batch = commands.add_parser(
        "batch", help="score IN into OUT", description="Score every record of IN into OUT, line N for record N. "
        "Limits come from RELIABILITY_MAX_BODY_BYTES, RELIABILITY_MAX_DOCUMENTS and RELIABILITY_MAX_DOCUMENT_CHARS, "
        "as for the service.")
    batch.add_argument("input", metavar="IN", help="a .jsonl file of request bodies, a .csv with a text column, "
                                                   "a folder of .txt files, or - for standard input")
    batch.add_argument("output", metavar="OUT", help="the answers, JSONL, or - for standard output")
    batch.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    batch.add_argument("--rejects", metavar="PATH",
                       help="where refused records go with their line numbers (default: OUT's name + .rejects.jsonl)")
    again = batch.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true", help="OUT exists: continue after its last record")
    again.add_argument("--overwrite", action="store_true", help="OUT exists: start again")
    batch.add_argument("--text-column", default="text", help="CSV: the column holding the text (default: text)")
    batch.add_argument("--no-explain", action="store_true",
                       help="CSV and folders: leave out features and explanations (JSONL records say it themselves)")
    batch.add_argument("--model-dir", default=os.environ.get("RELIABILITY_MODEL_DIR") or None,
                       help="scoring artifact directory (default: RELIABILITY_MODEL_DIR, else the shipped one)")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:  # the stdin -> stdout form
        args = parser().parse_args(["batch", "-", "-", *(["--workers", str(args.workers)] if args.workers else [])])
    workers = args.workers or cpus()
    if workers < 1:
        print("python -m model: --workers must be at least 1", file=sys.stderr)
        return 2
    rejects = args.rejects or (None if args.output == "-" else rejects_path_for(args.output))
    try:
        limits = Limits.from_env()
        source = Records(args.input, limits.max_body_bytes, args.text_column, explain=not args.no_explain)
        outcome = run(source, args.output, workers=workers, resume=args.resume, overwrite=args.overwrite,
                      rejects=rejects, model_dir=args.model_dir, limits=limits)
    except (BatchError, InputError, ValueError, OSError) as e:
        print(f"python -m model: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # before the first record: nothing written
        return 130
    print(summary(outcome, rejects), file=sys.stderr)
    if outcome.interrupted:
        return 130
    if outcome.broken:
        return 3
    return 1 if outcome.rejected else 0


if __name__ == "__main__":
    sys.exit(main())
