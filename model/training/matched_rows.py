"""A learned stage's rows matched to the labels, as the witness and role models read them.

The rows are the stage's own (its row function, called on the document the stage receives, with every other
shipped attribution model loaded as serving loads them and the stage itself given none): every team TRAIN
article (``model/data/sourcing``, matched as ``../shared/eval/polnear_sourcing_eval.py`` matches) and every wire
TRAIN story (``model/data/wire``: a labelled source matched to the claim of its sentence whose source shares most
words with it). Only a sourced labelled attribution whose claim the stage asked about gives a row.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from tqdm import tqdm

from model import ATTRIBUTION_ARTIFACTS, artifact
from model.attribution import Pipeline as Attribution
from model.training import wire_labels
from model.training.capture import RowsOf, StageRows
from model.training.evaluate import match_index
from model.training.mentions import OUT, POLNEAR
from model.types import Claim, Document

Matched = tuple[Any, dict, str, str]  # the stage's row, the labelled attribution, its article or story, the dataset


@lru_cache(maxsize=4)
def upstream(own: str) -> dict[str, object]:
    """Every shipped attribution model but the stage's own, loaded as serving loads them."""
    return {name: artifact.load(OUT, name)[0] for name in ATTRIBUTION_ARTIFACTS if name != own}


def _run(stage: str, rows_of: RowsOf, own: str, name: str, text: str) -> tuple[list[Claim], dict[int, Any]]:
    capture = StageRows(stage, rows_of)
    claims = Attribution(timer=capture, models=upstream(own))(Document(id=name, text=text), 0)
    return claims, capture.rows


def matched(stage: str, rows_of: RowsOf, own: str, labels: list[dict], stories: list[str]) -> Iterator[Matched]:
    """The team train articles' matched rows (sorted by article), then the wire train stories'."""
    by_article: dict[str, list[dict]] = {}
    for g in labels:
        by_article.setdefault(g["article"], []).append(g)
    for name in tqdm(sorted(by_article), desc="team train articles", unit="article"):
        text = (POLNEAR / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        claims, rows = _run(stage, rows_of, own, name, text)
        for g in by_article[name]:
            i = match_index(g, claims)
            if i is not None and g.get("source") and i in rows:
                yield rows[i], g, f"polnear/{name}", "polnear"
    for name in tqdm(stories, desc="wire train stories", unit="story"):
        text, story = wire_labels.read(name)
        claims, rows = _run(stage, rows_of, own, name, text)
        for i, g in wire_labels.matched(story, claims):
            if i in rows:
                yield rows[i], g, f"wire/{name}", "wire"
