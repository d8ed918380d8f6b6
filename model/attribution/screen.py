"""Stage "filter": which cue candidates are attributions PolNeAR would count.

The cue rules propose a candidate wherever a cue word has a subject, and mark the ones a rule doubts
(``Found.doubt``: a weak verb without a complement, a subject that does not look like a speaker, ...); the
act proposals (``Sentence.acts``, used where no cue is kept) are weighed the same way. A classifier
trained on PolNeAR train (``python -m model.training.attributions``) keeps or drops every candidate of a
document in one prediction call; without it the rules decide, dropping the doubted ones.
"""

from __future__ import annotations

from model.attribution.hashed import predict
from model.attribution.records import Sentence
from model.attribution.refusals import refused_at
from model.attribution.traits import sentence_traits
from model.lexicon import NON_ANSWER_CUES

# Candidates the rules read exactly, whatever PolNeAR's spans made of them: "X did not return calls seeking
# comment", "X had no immediate comment" are X's refusals (``sources``), which the contract reports with their
# speaker.
RULES_DECIDE = frozenset({"return", *NON_ANSWER_CUES})


def stage(sents: list[Sentence], model: object | None) -> None:
    """Keep the candidates and act proposals the model accepts (the undoubted ones without a model). A cue
    without a source in the text ("it is believed", "..., saying") is the rules' to judge: it names no one; so
    is an unanswered request (``RULES_DECIDE``), a refusal ("did not respond") and a claim denied in apposition
    (``Found.exact``)."""
    if model is None:
        for s in sents:
            if s.candidates:
                s.candidates = [f for f in s.candidates if not f.doubt]
            if s.acts:
                s.acts = [f for f in s.acts if not f.doubt]
        return
    rows = [row for s in sents for row in sentence_traits(s)]
    if not rows:
        return
    keep = iter(predict(model, rows))  # the shipped model's decisions from its coefficients, as sklearn's
    for s in sents:  # the order sentence_traits gave: a sentence's candidates, then its acts
        if s.candidates:  # every candidate with a source takes its decision, kept or overruled
            s.candidates = [f for f in s.candidates if not f.source or next(keep) or f.lemma in RULES_DECIDE
                            or f.exact or refused_at(s.low, f.cue[0], 0)]  # "..., which ..., would not comment"
        if s.acts:
            s.acts = [f for f in s.acts if not f.source or next(keep)]
