"""The Spark job in local mode: every row equals what model/ answers in-process for the same request."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from model import Document, Options, analyze
from model.request import encode_answer
from service.schemas import Profile

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "jalawla-2014.txt").read_text(encoding="utf-8")

if shutil.which("java") is None:
    pytest.skip("Spark needs Java: apt-get install default-jre-headless (.ci/run does it where java is absent)",
                allow_module_level=True)
pytest.importorskip("pyspark", reason="PySpark is not installed: pip install -r requirements-spark.txt "
                                      "(.ci/run installs it)")


def load_job():
    # Loaded from its file, not imported by name: cloudpickle then ships its functions to the workers by value.
    spec = importlib.util.spec_from_file_location("score_job", ROOT / "deploy" / "spark" / "score_job.py")
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    return job


JOB = load_job()
DOCS = [
    {"id": "a", "story": "iran", "text": SEED[:1200]},
    {"id": "b", "story": "iran", "text": SEED[1200:]},
    {"id": "c", "story": "bridge", "text": "Officials said the bridge would reopen on Monday. The mayor denied that."},
    {"id": "d", "story": "bridge", "text": "The bridge will reopen on Monday, police said."},
    {"id": "e", "story": "long", "text": "x" * 200_001},  # over the document limit: refused as HTTP refuses it
    {"id": None, "story": "none", "text": "Witnesses said the market reopened."},  # Spark names it
]


@pytest.fixture(scope="module")
def spark():
    with pytest.MonkeyPatch.context() as env:
        # Python workers run this venv's Python and import model/ from the checkout, as executors import it
        # from the installed wheel.
        env.setenv("PYSPARK_PYTHON", sys.executable)
        env.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        session = start_session()
        yield session
        session.stop()


def start_session():
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[1]").appName("reliability-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
               .config("spark.default.parallelism", "1").config("spark.driver.memory", "1g")
               # A few rows: a JVM that starts fast (C1 only) and no code generation beats a fast steady state.
               .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
               .config("spark.sql.codegen.wholeStage", "false")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    return session


def expected(docs: list[dict], explain: bool = True) -> dict:
    """In-process answers for one request of these documents: id -> (claims JSON, profile)."""
    result = analyze([Document(id=d["id"], text=d["text"]) for d in docs], Options(explain=explain))
    return {d["id"]: (encode_answer(d["claims"]), d["profile"]) for d in result["documents"]}


def test_every_row_equals_the_in_process_answer(spark, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    out = tmp_path / "out"
    assert JOB.run(spark, [str(source), str(out), "--no-explain"]) == 0
    rows = {r["id"]: r.asDict(recursive=True) for r in spark.read.parquet(str(out)).collect()}
    (named,) = set(rows) - {d["id"] for d in DOCS}
    assert named.startswith("row-") and len(rows) == len(DOCS)
    for doc in [*DOCS[:4], {**DOCS[5], "id": named}]:
        claims, profile = expected([doc], explain=False)[doc["id"]]
        row = rows[doc["id"]]
        assert (row["status"], row["claims"], row["profile"], row["problem"]) == (200, claims, profile, None)
        assert row["n_claims"] == len(json.loads(claims)) and row["model_name"] == "sourcing-logit"
    refused = rows["e"]
    assert refused["status"] == 422 and refused["claims"] is None
    assert json.loads(refused["problem"])["errors"][0]["loc"] == "documents[0].text"


def test_a_story_is_scored_as_one_request(spark):
    frame = spark.createDataFrame(DOCS[:4])
    rows = {r["id"]: r.asDict(recursive=True) for r in JOB.score(frame, story_column="story").collect()}
    for story in ("iran", "bridge"):
        docs = [d for d in DOCS if d["story"] == story]
        for doc_id, (claims, profile) in expected(docs).items():
            assert (rows[doc_id]["story"], rows[doc_id]["claims"], rows[doc_id]["profile"]) == (story, claims, profile)
    # Linked across documents only when they are one story.
    bridge = json.loads(rows["d"]["claims"])
    assert any(link.startswith("c:") for claim in bridge for link in claim["corroborated_by"] + claim["denied_by"])


def test_profile_columns_are_the_published_profile():
    assert list(JOB.PROFILE_FIELDS) == list(Profile.model_fields)
