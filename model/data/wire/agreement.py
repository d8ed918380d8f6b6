"""Share of first-read labels the second read left unchanged, per field.

    python model/data/wire/agreement.py FIRST_READ_COMMIT

Compares labels/*.json at FIRST_READ_COMMIT (git) with the files in the working tree. Sentences are
aligned by story and index (the second read added or removed none); attributions by their position in
the sentence (an attribution the second read added counts as a change of the sentence's attribution
list, not of any field). Prints one line per field and every change.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ATT_FIELDS = ("source", "kind", "role", "stance", "hedged", "hedges", "cue", "mention", "resolved", "via",
              "anonymity_reason")
SENT_FIELDS = ("text", "corroborates", "denies", "contradicts")


def first_read(commit: str, name: str) -> dict:
    rel = (HERE / "labels" / name).relative_to(Path(subprocess.check_output(
        ["git", "rev-parse", "--show-toplevel"], cwd=HERE, text=True).strip()))
    return json.loads(subprocess.check_output(["git", "show", f"{commit}:{rel.as_posix()}"], cwd=HERE, text=True))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    same = {f: 0 for f in (*ATT_FIELDS, *SENT_FIELDS, "attribution count")}
    n_att = n_sent = 0
    changes = []
    for path in sorted((HERE / "labels").glob("*.json")):
        old, new = first_read(argv[0], path.name), json.loads(path.read_text(encoding="utf-8"))
        assert len(old["sentences"]) == len(new["sentences"]), path.name
        for so, sn in zip(old["sentences"], new["sentences"], strict=True):
            n_sent += 1
            where = f"{path.stem} s{so['index']}"
            for f in SENT_FIELDS:
                if so.get(f, []) == sn.get(f, []):
                    same[f] += 1
                else:
                    changes.append(f"{where} {f}: {so.get(f)!r} -> {sn.get(f)!r}")
            if len(so["attributions"]) == len(sn["attributions"]):
                same["attribution count"] += 1
            else:
                changes.append(f"{where} attributions: {len(so['attributions'])} -> {len(sn['attributions'])}")
            for k, ao in enumerate(so["attributions"]):
                n_att += 1
                an = sn["attributions"][k] if k < len(sn["attributions"]) else {}
                for f in ATT_FIELDS:
                    if ao.get(f) == an.get(f):
                        same[f] += 1
                    else:
                        changes.append(f"{where} a{k} {f}: {ao.get(f)!r} -> {an.get(f)!r}")
    print(f"first read: {n_sent} sentences, {n_att} attributions")
    for f in (*ATT_FIELDS, *SENT_FIELDS, "attribution count"):
        den = n_att if f in ATT_FIELDS else n_sent
        print(f"{f:<20} unchanged {same[f]}/{den} = {100 * same[f] / den:.1f} %")
    print("\n".join(changes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
