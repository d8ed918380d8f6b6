"""An interview printed as questions and answers: "A: I think ..." is the interviewee speaking.

A transcript's answer paragraphs open with "A:" and its question paragraphs with "Q" ("Q:", "Q.", or "Q"
run into the question as some papers print it). In such a document a first-person source ("I think") in an
answer is the interviewee, and so is "you" in a question; the interviewee is the first person the document
names (the headline's or the introduction's subject: "Q&A with Vice President Joe Biden").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.attribution.history import Known, trimmed
from model.attribution.mentions import Mention
from model.text import Segmentation
from model.types import Span

_ANSWER = re.compile(r"A(?::\s|\.\s(?![A-Z]\.))")  # not an initial: "A. J. Brown said"
_QUESTION = re.compile(r"Q(?:[:.]\s|(?=[A-Z“\"]))")
ANSWERS = 2  # answer paragraphs that make a document a transcript (with a question): one "A:" may open a list
_FIRST_PERSON = frozenset({"i", "me", "my"})
_ADDRESSED = frozenset({"you"})


@dataclass(frozen=True)
class Interview:
    answers: frozenset[int]  # paragraph numbers
    questions: frozenset[int]
    person: Known


def interview(text: str, seg: Segmentation, names: list[tuple[Span, Mention]]) -> Interview | None:
    """The document as a transcript (answer paragraphs and at least one question), or None when it is not one
    or names no one."""
    answers = frozenset(i for i, (start, _) in enumerate(seg.paragraphs) if _ANSWER.match(text, start))
    if len(answers) < ANSWERS:
        return None
    questions = frozenset(i for i, (start, _) in enumerate(seg.paragraphs) if _QUESTION.match(text, start))
    person = next(((span, m) for span, m in names if m.kind == "named_person"), None)
    if not questions or person is None:
        return None
    span, mention = person
    return Interview(answers, questions, Known(span, mention, trimmed(text, span, mention), is_source=True))


def speaker(transcript: Interview | None, paragraph: int, source: str) -> Known | None:
    """The interviewee, when this source is the first person of an answer or the "you" of a question."""
    if transcript is None:
        return None
    word = source.lower()
    if (word in _FIRST_PERSON and paragraph in transcript.answers) or (
            word in _ADDRESSED and paragraph in transcript.questions):
        return transcript.person
    return None
