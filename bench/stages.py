"""Per-stage timing of the real pipeline: wrap the stage functions where the pipeline calls them.

Wrapping (rather than re-implementing the pipeline here) keeps the breakdown honest as the model code
changes: what is timed is exactly what ``Analyzer.analyze`` runs. Stages nest (attribute calls segment,
score calls featurize), so each stage is reported net of the stages inside it.
"""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Callable, Iterator
from functools import wraps

# stage -> the places it can be called from ("module:attribute" or "module:Class.method").
# A name that does not exist (yet) is skipped; the breakdown says which stages it found.
STAGES: dict[str, list[str]] = {
    "segment": ["model.text:segment"],
    "attribute": ["model.attribution:attribute"],
    "link": ["model.links:link"],
    "featurize": ["model.features:ClaimFeatures.transform", "model.features:featurize",
                  "model.features:FeatureVectorizer.transform", "model.scorer:Scorer.featurize",
                  "model.scorer:featurize"],
    "score": ["model.scorer:Scorer.score"],
    "report": ["model.report:report"],
}
# Which stage's time includes which others (subtracted to report net time).
NESTED: dict[str, tuple[str, ...]] = {"attribute": ("segment",), "score": ("featurize",)}


def _resolve(spec: str) -> tuple[object, str] | None:
    mod_name, _, attr = spec.partition(":")
    try:
        owner: object = importlib.import_module(mod_name)
    except ImportError:
        return None
    *path, name = attr.split(".")
    for p in path:
        owner = getattr(owner, p, None)
        if owner is None:
            return None
    return (owner, name) if callable(getattr(owner, name, None)) else None


def _importers(func: Callable) -> list[tuple[object, str]]:
    """Every loaded model.* module that imported ``func`` by name (``from model.text import segment``)."""
    import sys

    found = []
    for mod_name, mod in list(sys.modules.items()):
        if mod_name == "model" or mod_name.startswith("model."):
            for name, value in list(vars(mod).items()):
                if value is func:
                    found.append((mod, name))
    return found


@contextlib.contextmanager
def instrumented() -> Iterator[tuple[dict[str, float], list[str]]]:
    """Yield (seconds per stage, stages found); wrappers are removed on exit."""
    totals: dict[str, float] = {s: 0.0 for s in STAGES}
    found: list[str] = []
    patched: list[tuple[object, str, object]] = []
    for stage, specs in STAGES.items():
        for spec in specs:
            target = _resolve(spec)
            if target is None:
                continue
            owner, name = target
            func = getattr(owner, name)
            timed = _timed(func, stage, totals)
            places = [target] if isinstance(owner, type) else _importers(func) or [target]
            for o, n in places:
                patched.append((o, n, getattr(o, n)))
                setattr(o, n, timed)
            found.append(stage)
            break
    try:
        yield totals, found
    finally:
        for o, n, original in reversed(patched):
            setattr(o, n, original)


def _timed(func: Callable, stage: str, totals: dict[str, float]) -> Callable:
    depth = [0]  # a stage that calls itself (or is reached twice) is counted once

    @wraps(func)
    def wrapper(*args, **kwargs):
        if depth[0]:
            return func(*args, **kwargs)
        depth[0] += 1
        t = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            totals[stage] += time.perf_counter() - t
            depth[0] -= 1

    return wrapper


def net(totals: dict[str, float]) -> dict[str, float]:
    out = dict(totals)
    for outer, inner in NESTED.items():
        out[outer] = max(0.0, out[outer] - sum(totals[i] for i in inner))
    return out
