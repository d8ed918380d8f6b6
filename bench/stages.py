"""Per-stage timing of the real pipeline through ``model.Timer``: the analyzer and its attribution pipeline
time every named stage themselves (no patching), so what is timed is exactly what ``Analyzer.analyze`` runs.

Stage names, in pipeline order: segment, tokens, the attribution stages (``model.attribution.STAGES``),
parts, claims, link, featurize, score, report. They do not nest: each second is counted once.
"""

from __future__ import annotations

import time
from collections.abc import Sequence


def stage_order() -> list[str]:
    from model.attribution import DOCUMENT_STAGES, SENTENCE_STAGES

    return ["segment", "tokens", *(n for n, _ in SENTENCE_STAGES), "parts", *(n for n, _ in DOCUMENT_STAGES),
            "claims", "link", "featurize", "score", "report"]


def breakdown(texts: Sequence[str]) -> tuple[dict[str, float], float]:
    """Seconds per stage over one pass of ``texts`` (one document per request), and the pass's wall time."""
    from model import Analyzer, Document, Options, Timer, freeze_loaded

    timer = Timer()
    analyzer = Analyzer(timer=timer)
    freeze_loaded()  # as the service does once loaded: else a full collection of the new artifacts lands in "other"
    t = time.perf_counter()
    for text in texts:
        analyzer.analyze([Document(id="a", text=text)], Options(explain=True))
    wall = time.perf_counter() - t
    seconds = {name: timer.seconds.get(name, 0.0) for name in stage_order()}
    seconds["other"] = max(0.0, wall - sum(seconds.values()))
    return seconds, wall
