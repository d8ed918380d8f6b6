"""The README's example is what the shipped model answers: its request, sent as it stands, gives the answer shown
(the model's sha256, every claim's score and label, the first claim's features and explanation, the profile)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from model import Document, Options, analyze

README = Path(__file__).resolve().parents[1] / "README.md"


def _example() -> tuple[dict, str]:
    """The README's request.json and the text of the answer shown after it."""
    text = README.read_text(encoding="utf-8")
    line = next(x.strip() for x in text.splitlines() if x.strip().startswith('{"documents": [{"id": "aj-1"'))
    answer = text[text.index(line) + len(line):]
    return json.loads(line), answer[:answer.index('"client_token"')]


def test_the_readme_example_is_the_shipped_answer():
    request, shown = _example()
    documents = [Document(id=d["id"], text=d["text"]) for d in request["documents"]]
    answer = analyze(documents, Options(explain=request["options"]["explain"]))
    claims = answer["documents"][0]["claims"]
    assert f'"sha256": "{answer["model"]["sha256"]}"' in shown
    assert [json.loads(s) for s in re.findall(r'"score": (null|[0-9.]+),', shown)] == [c["score"] for c in claims]
    assert [json.loads(s) for s in re.findall(r'"label": (null|"\w+"),', shown)] == [c["label"] for c in claims]
    assert '"features": ' + json.dumps(claims[0]["features"]) in shown
    assert '"explanation": ' + json.dumps(claims[0]["explanation"]) in shown
    assert json.dumps(answer["documents"][0]["profile"]) in shown
