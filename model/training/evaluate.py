"""Attribution figures on PolNeAR, in-process (no service needed).

    python -m model.training.evaluate polnear SPLIT_DIR        # source and cue span P/R/F1 (overlap, exact)
    python -m model.training.evaluate sourcing LABELS.jsonl TEXT_DIR   # kind, role, anonymity, denial

The rules are those of the shared scorers (``../shared/eval/polnear_eval.py`` and
``polnear_sourcing_eval.py``), applied to the claims of ``Analyzer.extract``. Without the shared data the
command says so and exits 0.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from model.types import Claim, Document

SHARED = Path(__file__).resolve().parents[3] / "shared"


def load_ann(path: Path) -> list[dict]:
    """(source, cue, content) spans of every attribution event in a brat file; discontinuous spans are hulled."""
    # Looked up with roles.get(k), which is None when an event lacks that role (and finds nothing then).
    spans: dict[str | None, tuple[str, int, int]]
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            label, *offs = parts[1].split(" ")
            try:
                nums = [int(x) for x in " ".join(offs).replace(";", " ").split()]
            except ValueError:
                continue
            spans[parts[0]] = (label, min(nums), max(nums))
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split(" ") if ":" in x))
    out = []
    for roles in events:
        src, cue, con = (spans.get(roles.get(k)) for k in ("Source", "Cue", "Content"))
        if con is not None:
            out.append({"source": src[1:] if src else None, "cue": cue[1:] if cue else None, "content": con[1:]})
    return out


def overlap(a, b) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def exact(a, b, text: str) -> bool:
    strip = " ,.\"“”'"
    return a is not None and b is not None and text[a[0]:a[1]].strip(strip) == text[b[0]:b[1]].strip(strip)


def extract(text: str, name: str = "doc") -> list[Claim]:
    from model import extract as extract_claims

    return extract_claims([Document(id=name, text=text)])


def _prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def polnear(split: Path) -> dict:
    """Source and cue span figures over a PolNeAR split (text/, attributions/)."""
    c = dict.fromkeys(("gold_src", "pred_src", "so_p", "so_r", "se_p", "se_r", "gold_cue", "pred_cue", "co_p",
                       "co_r"), 0)
    words, secs = 0, 0.0
    for tp in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(tp.stem + "_*.ann"))
        if not anns:
            continue
        text = tp.read_text(encoding="utf-8")
        gold = load_ann(anns[0])
        t0 = time.perf_counter()
        claims = extract(text, tp.stem)
        secs += time.perf_counter() - t0
        words += len(text.split())
        preds = [((cl.source.start, cl.source.end), (cl.start, cl.end)) for cl in claims if cl.source]
        cues = [((cl.cue.start, cl.cue.end), (cl.start, cl.end)) for cl in claims if cl.cue]
        gs = [g for g in gold if g["source"]]
        gc = [g for g in gold if g["cue"]]
        c["gold_src"] += len(gs)
        c["gold_cue"] += len(gc)
        c["pred_src"] += len(preds)
        c["pred_cue"] += len(cues)
        for s, con in preds:
            c["so_p"] += any(overlap(con, g["content"]) and overlap(s, g["source"]) for g in gs)
            c["se_p"] += any(overlap(con, g["content"]) and exact(s, g["source"], text) for g in gs)
        for g in gs:
            c["so_r"] += any(overlap(con, g["content"]) and overlap(s, g["source"]) for s, con in preds)
            c["se_r"] += any(overlap(con, g["content"]) and exact(s, g["source"], text) for s, con in preds)
        for q, con in cues:
            c["co_p"] += any(overlap(con, g["content"]) and overlap(q, g["cue"]) for g in gc)
        for g in gc:
            c["co_r"] += any(overlap(con, g["content"]) and overlap(q, g["cue"]) for q, con in cues)
    res: dict[str, float] = {"gold_src": c["gold_src"], "pred_src": c["pred_src"]}
    for key, (a, b, d, e) in {"source_overlap": ("so_p", "pred_src", "so_r", "gold_src"),
                              "source_exact": ("se_p", "pred_src", "se_r", "gold_src"),
                              "cue_overlap": ("co_p", "pred_cue", "co_r", "gold_cue")}.items():
        res[key + "_p"], res[key + "_r"], res[key + "_f1"] = _prf(c[a], c[b], c[d], c[e])
    res["words_per_s"] = words / secs if secs else 0.0
    return res


def source_spans(cl: Claim) -> list[tuple[int, int]]:
    """Every span that names a claim's source: the mention, what it resolves to, each relay and its antecedent."""
    s = cl.source
    if s is None:
        return []
    out = [(s.start, s.end)] + ([(s.resolved.start, s.resolved.end)] if s.resolved else [])
    for v in s.via:
        out.append((v.start, v.end))
        if v.resolved:
            out.append((v.resolved.start, v.resolved.end))
    return out


def match_index(g: dict, claims: list[Claim]) -> int | None:
    """The claim a gold attribution matches, as the shared sourcing scorer matches it: its content overlaps the
    gold content most (then the shorter claim), and one of its source spans overlaps the gold source."""
    gcon, gsrc = tuple(g["content"]), tuple(g["source"]) if g.get("source") else None
    best, key = None, None
    for i, cl in enumerate(claims):
        ov = min(cl.end, gcon[1]) - max(cl.start, gcon[0])
        if ov <= 0 or (gsrc is not None and not any(overlap(s, gsrc) for s in source_spans(cl))):
            continue
        k = (ov, -(cl.end - cl.start))
        if key is None or k > key:
            best, key = i, k
    return best


def _match(g: dict, claims: list[Claim]) -> Claim | None:
    i = match_index(g, claims)
    return None if i is None else claims[i]


def sourcing(labels: Path, text_dir: Path, misses: int = 0) -> dict:
    """Coverage, kind/role accuracy, anonymous, official and denial scores on hand-labelled attributions."""
    rows = [json.loads(x) for x in labels.read_text(encoding="utf-8").splitlines() if x.strip()]
    by_article: dict[str, list[dict]] = {}
    for g in rows:
        by_article.setdefault(g["article"], []).append(g)
    n = matched = msrc = kind_ok = role_ok = anon_gold = anon_e2e = 0
    counts = {k: [0, 0, 0] for k in ("anon", "official", "denial")}  # tp, fp, fn
    shown = 0
    for name, golds in by_article.items():
        text = (text_dir / f"{name}.txt").read_text(encoding="utf-8")
        claims = extract(text, name)
        for g in golds:
            n += 1
            anon_gold += g["kind"] == "anonymous"
            cl = _match(g, claims)
            if cl is None:
                if shown < misses:
                    shown += 1
                    print("unmatched", g["kind"], g["role"], repr(g.get("source_text")),
                          repr(text[g["content"][0]:g["content"][1]][:80]))
                continue
            matched += 1
            kind_ok += cl.kind == g["kind"]
            anon_e2e += cl.kind == g["kind"] == "anonymous"
            _count(counts["anon"], g["kind"] == "anonymous", cl.kind == "anonymous")
            if not g.get("source"):
                continue
            msrc += 1
            role_ok += cl.role == g["role"]
            _count(counts["official"], g["role"] == "official", cl.role == "official")
            _count(counts["denial"], g["stance"] == "denies", cl.stance == "denies")
            if shown < misses and (cl.kind != g["kind"] or cl.role != g["role"] or cl.stance != g["stance"]):
                shown += 1
                print(f"miss gold {g['kind']}/{g['role']}/{g['stance']} {g.get('source_text')!r} "
                      f"res={g.get('resolved_text')!r} | pred {cl.kind}/{cl.role}/{cl.stance} "
                      f"{cl.source.text if cl.source else None!r} "
                      f"res={cl.source.resolved.text if cl.source and cl.source.resolved else None!r}")
    res = {"gold": n, "matched": matched, "coverage": matched / n if n else 0.0,
           "kind_acc": kind_ok / matched if matched else 0.0, "role_acc": role_ok / msrc if msrc else 0.0}
    for k, (tp, fp, fn) in counts.items():
        res[f"{k}_p"], res[f"{k}_r"], res[f"{k}_f1"] = _prf(tp, tp + fp, tp, tp + fn)
    res["anonymous_recall"] = anon_e2e / anon_gold if anon_gold else 0.0
    return res


def _count(c: list[int], gold: bool, pred: bool) -> None:
    if gold and pred:
        c[0] += 1
    elif pred:
        c[1] += 1
    elif gold:
        c[2] += 1


def _show(res: dict) -> None:
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in res.items()))


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("polnear", "sourcing"):
        print(__doc__)
        return 2
    paths = [Path(a) for a in argv[1:] if not a.isdigit()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"skipped: {missing[0]} is not there (the shared PolNeAR data lives in {SHARED / 'data'})")
        return 0
    if argv[0] == "polnear":
        _show(polnear(paths[0]))
    else:
        if len(paths) < 2:
            print(__doc__)
            return 2
        misses = int(argv[3]) if len(argv) > 3 and argv[3].isdigit() else 0
        _show(sourcing(paths[0], paths[1], misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
