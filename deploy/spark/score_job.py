"""Score an archive on Spark: every document answered as POST /v1/score answers it, the answer's fields as columns.

    spark-submit deploy/spark/score_job.py IN OUT [--text-column text] [--id-column id] [--story-column story]

IN is Parquet (a path ending .parquet or a folder of Parquet files) or JSONL
(``--input-format json``); OUT is written as Parquet (``--output-format json``
for JSONL). Every Python worker imports ``model`` (installed from this
repository's wheel) and loads and verifies the artifacts once
(``model.batch.shared_analyzer``); rows go through ``mapInPandas`` in Arrow
batches, each document validated and scored by the very code HTTP uses.

Cross-document corroboration only sees one request. Without
``--story-column`` each document is its own request, so nothing links across
documents. With it, all documents of one story (same value in that column)
are sent as one request, in id order, through ``groupBy().applyInPandas``,
exactly as a caller would POST them together; a story over the request limits
is refused as HTTP would refuse it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

# Profile field -> Spark type. tests/test_spark.py checks these against the published Profile schema.
PROFILE_FIELDS = {
    "sources": "int", "named_sources": "int", "anonymous_sources": "int", "official_sources": "int",
    "anonymous_share": "double", "anonymous_corroborated": "boolean", "anonymity_reason_given": "double",
    "disputed": "boolean", "denied_party_responded": "boolean", "unattributed_share": "double",
    "hedged_share": "double", "refusals": "int",
}
PROFILE = "struct<" + ", ".join(f"{name}: {kind}" for name, kind in PROFILE_FIELDS.items()) + ">"
# One row per document: its answer (status 200; claims as the API's JSON text) or the problem HTTP would have
# sent (problem, as JSON text; the answer's columns null).
FIELDS = [("id", "string"), ("status", "int"), ("model_name", "string"), ("model_version", "string"),
          ("model_sha256", "string"), ("n_claims", "int"), ("claims", "string"), ("profile", PROFILE),
          ("problem", "string")]
NAMES = [name for name, _ in FIELDS]
COLUMNS = ", ".join(f"{name} {kind}" for name, kind in FIELDS)


def _text(value: object) -> str | None:
    """A cell as a string, None for a missing one (pandas shows nulls as None or NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value if isinstance(value, str) else str(value)


def _request(documents: list[dict], explain: bool) -> bytes:
    return json.dumps({"documents": documents, "options": {"explain": explain}}).encode("utf-8")


def _rows(ids: list[str | None], status: int, body: dict) -> list[dict]:
    """The output rows of one request: one per document of its answer, or the problem on every one."""
    from model.request import encode_answer, encode_problem

    if status != 200:
        # Every column named: Arrow takes None as null in a struct column, not the NaN pandas fills in.
        empty = dict.fromkeys(NAMES)
        return [{**empty, "id": doc_id, "status": status, "problem": encode_problem(body)} for doc_id in ids]
    model = body["model"]
    return [{"id": doc["id"], "status": 200, "model_name": model["name"], "model_version": model["version"],
             "model_sha256": model["sha256"], "n_claims": len(doc["claims"]), "claims": encode_answer(doc["claims"]),
             "profile": doc["profile"], "problem": None} for doc in body["documents"]]


def _score(ids: list[str | None], texts: list[str | None], explain: bool, model_dir: str | None) -> list[dict]:
    """One request of these documents, answered as HTTP would, as output rows."""
    from model.batch import respond, shared_analyzer
    from model.batch_input import Record
    from model.request import Limits

    documents = [{"text": text} if doc_id is None else {"id": doc_id, "text": text}
                 for doc_id, text in zip(ids, texts, strict=True)]
    status, body = respond(Record(1, body=_request(documents, explain)), shared_analyzer(model_dir),
                           Limits.from_env())
    return _rows(ids, status, body)


def score_documents(batches: Iterator, text_column: str, id_column: str, explain: bool,
                    model_dir: str | None) -> Iterator:
    """mapInPandas: each row is its own request."""
    import pandas as pd

    for frame in batches:
        rows = [row for doc_id, text in zip(frame[id_column], frame[text_column], strict=True)
                for row in _score([_text(doc_id)], [_text(text)], explain, model_dir)]
        yield pd.DataFrame(rows, columns=NAMES)


def score_story(frame, text_column: str, id_column: str, story_column: str, explain: bool,
                model_dir: str | None):
    """applyInPandas: one story's documents, in id order, as one request."""
    import pandas as pd

    frame = frame.sort_values(id_column, kind="stable")
    ids = [_text(v) for v in frame[id_column]]
    rows = _score(ids, [_text(v) for v in frame[text_column]], explain, model_dir)
    story = _text(frame[story_column].iloc[0])
    return pd.DataFrame([{"story": story, **row} for row in rows], columns=["story", *NAMES])


def score(frame, text_column: str = "text", id_column: str = "id", story_column: str | None = None,
          explain: bool = True, model_dir: str | None = None):
    """The scored DataFrame: one row per input document (rows without an id get "row-<n>" from Spark)."""
    from pyspark.sql import functions as F

    # A row without an id (no such column, or null) is named by Spark, so every output row can be joined back.
    row_id = F.concat(F.lit("row-"), F.monotonically_increasing_id().cast("string"))
    given = F.col(id_column).cast("string") if id_column in frame.columns else F.lit(None).cast("string")
    frame = frame.withColumn(id_column, F.coalesce(given, row_id))
    if story_column is None:
        selected = frame.select(id_column, text_column)
        return selected.mapInPandas(
            lambda batches: score_documents(batches, text_column, id_column, explain, model_dir), COLUMNS)
    selected = frame.select(story_column, id_column, text_column)
    return selected.groupBy(story_column).applyInPandas(
        lambda group: score_story(group, text_column, id_column, story_column, explain, model_dir),
        f"story string, {COLUMNS}")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--input-format", choices=("parquet", "json"), default=None,
                    help="default: json for .jsonl/.json paths, else parquet")
    ap.add_argument("--output-format", choices=("parquet", "json"), default="parquet")
    ap.add_argument("--text-column", default="text")
    ap.add_argument("--id-column", default="id")
    ap.add_argument("--story-column", default=None, help="score each story's documents as one request")
    ap.add_argument("--no-explain", action="store_true", help="leave out features and explanations")
    ap.add_argument("--model-dir", default=None, help="artifact directory on every executor (default: shipped)")
    return ap


def run(spark, argv: list[str]) -> int:
    """Read IN, score it, write OUT with this session."""
    args = parser().parse_args(argv)
    from model.batch import shared_analyzer

    analyzer = shared_analyzer(args.model_dir)  # fail here, once, rather than on every row
    if not analyzer.ready:
        print(f"score_job: the model is not ready: {analyzer.problem}", file=sys.stderr)
        return 2
    fmt = args.input_format or ("json" if args.input.endswith((".jsonl", ".json")) else "parquet")
    frame = spark.read.format(fmt).load(args.input)
    scored = score(frame, args.text_column, args.id_column, args.story_column, not args.no_explain, args.model_dir)
    scored.write.mode("overwrite").format(args.output_format).save(args.output)
    return 0


def main(argv: list[str] | None = None) -> int:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("reliability-score").getOrCreate()
    try:
        return run(spark, sys.argv[1:] if argv is None else argv)
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
