"""The batch command answers each record exactly as POST /v1/score answers the same body."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import model.batch
from model import Analyzer
from model.__main__ import main
from model.batch import answer, rejects_path_for
from model.batch_input import Record
from model.request import Limits
from service import create_app

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "jalawla-2014.txt").read_text(encoding="utf-8")

GOOD = [
    {"documents": [{"id": "seed", "text": SEED}], "client_token": "t-1"},
    {"text": "Officials said the bridge would reopen on Monday. The mayor denied that."},
    {"documents": [{"id": "a", "text": SEED[:900]}, {"id": "b", "text": SEED[900:]}], "options": {"explain": False}},
    {"text": "“Nous sommes prêts”, a déclaré le ministre. Police said the road was closed.", "id": "ünï"},
]
# (line, reason): a broken JSON line, a non-string text, an unknown field, a blank line.
BAD = ['{"documents": [', json.dumps({"text": 42}), json.dumps({"text": "fine", "bogus": 1}), ""]


@pytest.fixture(scope="module")
def http():
    return create_app({"TESTING": True}).test_client()


def post(http, data: bytes):
    return http.post("/v1/score", data=data, content_type="application/json")


def without_request_id(problem: dict) -> dict:
    return {k: v for k, v in problem.items() if k != "request_id"}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "model", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)


def test_batch_writes_what_http_answers_and_rejects_the_rest_by_line(tmp_path, http):
    """The issue's 'done when': good answers byte-equal to HTTP's, bad ones rejected by line, exit non-zero."""
    lines = [json.dumps(GOOD[0]), BAD[0], json.dumps(GOOD[1]), BAD[1], json.dumps(GOOD[2]), BAD[2],
             json.dumps(GOOD[3])]
    src, out = write_lines(tmp_path / "in.jsonl", lines), tmp_path / "out.jsonl"
    p = run_cli("batch", str(src), str(out), "--workers", "2")
    assert p.returncode == 1, p.stderr
    written = out.read_bytes().split(b"\n")
    assert written[-1] == b"" and len(written) == len(lines) + 1  # line N is record N
    rejects = [json.loads(x) for x in Path(rejects_path_for(str(out))).read_text().splitlines()]
    assert [r["line"] for r in rejects] == [2, 4, 6]
    for n, line in enumerate(lines, 1):
        r = post(http, line.encode())
        if r.status_code == 200:
            assert written[n - 1] + b"\n" == r.get_data(), f"record {n}"  # byte for byte
        else:
            problem = without_request_id(r.get_json())
            assert json.loads(written[n - 1]) == problem
            (reject,) = [x for x in rejects if x["line"] == n]
            assert reject["status"] == r.status_code and reject["problem"] == problem
            assert f"line {n}: {r.status_code}" in p.stderr
    assert [r["problem"]["status"] for r in rejects] == [400, 422, 422]
    # Piped: no progress bar, one summary line last.
    assert "\r" not in p.stderr
    assert p.stderr.splitlines()[-1].startswith("batch: 7 records") and "3 rejected" in p.stderr


def test_blank_lines_are_records_so_lines_stay_aligned(tmp_path, http):
    src = write_lines(tmp_path / "in.jsonl", [json.dumps(GOOD[1]), BAD[3], json.dumps({"text": "x", "id": "b"})])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), str(out), "--workers", "1"]) == 1
    answers = [json.loads(x) for x in out.read_text().splitlines()]
    assert answers[1] == without_request_id(post(http, b"").get_json())
    assert answers[2]["documents"][0]["id"] == "b"


def test_every_record_gets_the_http_answer_whatever_it_holds(http):
    analyzer, limits = Analyzer(), Limits()
    json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                               lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                                            inner, max_size=3),
                               max_leaves=8)
    documents = st.fixed_dictionaries({"text": st.text(max_size=60)},
                                      optional={"id": st.text(max_size=5), "title": st.text(max_size=5)})
    bodies = (json_values.map(lambda v: json.dumps(v).encode())
              | documents.map(lambda d: json.dumps(d).encode())
              | st.lists(documents, max_size=3).map(lambda ds: json.dumps({"documents": ds}).encode())
              | st.binary(max_size=40))

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(bodies)
    def check(body: bytes) -> None:
        status, line = answer(Record(1, {"line": 1}, body=body), analyzer, limits)
        r = post(http, body)
        assert status == r.status_code
        if status == 200:
            assert line.encode() + b"\n" == r.get_data()
        else:
            assert json.loads(line) == without_request_id(r.get_json())

    check()


def test_limits_are_the_services_environment_variables(tmp_path, monkeypatch):
    env = {"RELIABILITY_MAX_DOCUMENTS": "1", "RELIABILITY_MAX_BODY_BYTES": "300"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    http = create_app({"TESTING": True}).test_client()
    lines = [json.dumps({"documents": [{"text": "a"}, {"text": "b"}]}), json.dumps({"text": "y" * 400}),
             json.dumps({"text": "fits"})]
    src, out = write_lines(tmp_path / "in.jsonl", lines), tmp_path / "out.jsonl"
    assert main(["batch", str(src), str(out), "--workers", "1"]) == 1
    answers = [json.loads(x) for x in out.read_text().splitlines()]
    expected = [without_request_id(post(http, line.encode()).get_json()) for line in lines]
    assert answers == expected
    assert [a.get("status") for a in answers] == [422, 413, None]
    monkeypatch.setenv("RELIABILITY_MAX_DOCUMENTS", "many")
    assert main(["batch", str(src), str(tmp_path / "o2.jsonl")]) == 2


def test_csv_rows_and_text_files_are_one_document_each(tmp_path, http, capsys):
    csv_path = tmp_path / "in.csv"
    csv_path.write_text('id,text,date\nw-1,"Police said the road was closed, a ""big"" one.",2014\n'
                        ',"The ministry denied it.\nA second line.",2015\n', encoding="utf-8")
    out = tmp_path / "csv.jsonl"
    assert main(["batch", str(csv_path), str(out), "--workers", "1", "--no-explain"]) == 0
    got = [json.loads(x) for x in out.read_text().splitlines()]
    want = [post(http, json.dumps({"id": "w-1", "text": 'Police said the road was closed, a "big" one.',
                                   "options": {"explain": False}}).encode()).get_json(),
            post(http, json.dumps({"text": "The ministry denied it.\nA second line.",
                                   "options": {"explain": False}}).encode()).get_json()]
    assert got == want
    folder = tmp_path / "texts"
    (folder / "2014").mkdir(parents=True)
    (folder / "2014" / "b.txt").write_text("Officials said it rained.", encoding="utf-8")
    (folder / "a.txt").write_text("He said so.", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"caf\xe9")
    out = tmp_path / "txt.jsonl"
    assert main(["batch", str(folder), str(out), "--workers", "1"]) == 1
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert [d["documents"][0]["id"] for d in got[:2]] == ["2014/b", "a"]
    assert got[1] == post(http, json.dumps({"id": "a", "text": "He said so."}).encode()).get_json()
    assert got[2]["status"] == 400 and "c.txt is not UTF-8" in got[2]["detail"]
    assert json.loads(Path(rejects_path_for(str(out))).read_text())["file"] == "c.txt"
    (tmp_path / "bad.csv").write_text("body\nx\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "bad.csv"), str(tmp_path / "b.jsonl")]) == 2
    assert "no 'text' column" in capsys.readouterr().err


def test_an_interrupted_run_resumes_after_the_last_record_written(tmp_path, monkeypatch):
    lines = [json.dumps({"text": f"Officials said {i} roads were closed.", "id": f"d{i}"}) for i in range(10)]
    lines[6] = BAD[1]
    src = write_lines(tmp_path / "in.jsonl", lines)
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert main(["batch", str(src), str(full), "--workers", "1"]) == 1

    original = model.batch.answer
    calls = []

    def interrupted(record, *args):
        calls.append(record.number)
        if record.number == 9:
            raise KeyboardInterrupt
        return original(record, *args)

    monkeypatch.setattr(model.batch, "answer", interrupted)
    monkeypatch.setattr(model.batch, "CHUNK", 2)
    assert main(["batch", str(src), str(part), "--workers", "1"]) == 130
    monkeypatch.setattr(model.batch, "answer", original)
    # A killed writer can leave half a line, and a reject past it.
    with part.open("a") as f:
        f.write('{"model": {"na')
    with open(rejects_path_for(str(part)), "a") as f:
        f.write(json.dumps({"record": 9, "line": 9, "status": 422, "problem": {}}) + "\n")
    assert len(part.read_text().splitlines()) == 9  # 8 whole lines and the torn one
    assert main(["batch", str(src), str(part), "--workers", "1"]) == 2  # exists: says --resume or --overwrite
    assert main(["batch", str(src), str(part), "--workers", "1", "--resume"]) == 1
    assert part.read_bytes() == full.read_bytes()
    assert Path(rejects_path_for(str(part))).read_text() == Path(rejects_path_for(str(full))).read_text()


def test_standard_input_to_standard_output_still_works(monkeypatch, capsys):
    lines = [json.dumps(GOOD[1]), BAD[2]]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("\n".join(lines) + "\n").encode())))
    assert main(["--workers", "1"]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert json.loads(out[0])["documents"][0]["id"] == "0" and json.loads(out[1])["status"] == 422
    assert "line 2: 422 bogus" in captured.err


def test_console_script_and_package_data_are_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    target = project["project"]["scripts"]["reliability"]
    module, _, func = target.partition(":")
    assert (module, func) == ("model.__main__", "main")
    data = project["tool"]["setuptools"]["package-data"]["*"]
    assert "*.txt" in data and "artifacts/*.joblib" in data and "artifacts/*.json" in data
    assert project["tool"]["setuptools"]["dynamic"]["dependencies"]["file"] == ["requirements.txt"]


def test_a_killed_worker_stops_the_run_and_resume_finishes_it(tmp_path, monkeypatch):
    lines = [json.dumps({"text": f"Police said {i} shops were shut.", "id": f"s{i}"}) for i in range(24)]
    src = write_lines(tmp_path / "in.jsonl", lines)
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert main(["batch", str(src), str(full), "--workers", "1"]) == 0
    original = model.batch.answer

    def dies(record, *args):
        if record.number == 17:
            os._exit(9)  # as the kernel's OOM killer would end it
        return original(record, *args)

    monkeypatch.setattr(model.batch, "answer", dies)  # forked workers inherit it
    assert main(["batch", str(src), str(part), "--workers", "2"]) == 3
    assert len(part.read_text().splitlines()) < 17
    monkeypatch.setattr(model.batch, "answer", original)
    assert main(["batch", str(src), str(part), "--workers", "2", "--resume"]) == 0
    assert part.read_bytes() == full.read_bytes()


@pytest.mark.parametrize("text", [
    "The mayor said the café’s licence would be renewed.",  # UTF-8 in the answer, as sent
    "The mayor said the bridge would reopen \ud800 on Monday.",  # a lone surrogate: U+FFFD in the answer
])
def test_answers_are_the_same_bytes_over_http_and_in_batch(http, text):
    body = json.dumps({"text": text}).encode()  # json.dumps writes the surrogate as the escape "\ud800"
    status, line = answer(Record(1, {"line": 1}, body=body), Analyzer(), Limits())
    r = post(http, body)
    assert status == r.status_code == 200
    assert line.encode() + b"\n" == r.get_data()
    assert json.loads(r.get_data())["documents"][0]["claims"][0]["text"] in text.replace("\ud800", "\ufffd")
