"""Stage "typing": the learned mention typer decides each source's kind after resolution.

The rules (``mentions.classify`` and ``resolve``) have typed every source by then; their answer is among the
typer's features (``mention_features``), beside the words of the mention that names the source (its own, or
the earlier one it resolves to), and the document's evidence about the name. The fitted model (artifact
``mentions``) predicts the kind of every such source of the document in one call; the resolution's mention is
replaced when it differs, with an entity and an anonymity consistent with the new kind (the role stays the
rules'). Without a model the rules' answer stands, and a pronoun with no antecedent is always the rules'.
"""

from __future__ import annotations

from dataclasses import replace

from sklearn import config_context

from model.attribution.mention_features import name_of, rows
from model.attribution.mentions import Mention
from model.attribution.records import Doc
from model.attribution.resolve import Resolution
from model.lexicon import CONFIDENTIAL

ARTIFACT = "mentions"
KINDS = ("named_person", "named_organization", "anonymous")  # what the typer decides; "unattributed" it never is


def stage(doc: Doc, model: object | None) -> None:
    """Retype every source of the document with one ``predict`` call; nothing without a model."""
    if model is None or not doc.resolutions:
        return
    idx, features = rows(doc)
    if not features:
        return
    unique = {tuple(f.items()): f for f in features}  # a name repeated in the document is typed once
    with config_context(assume_finite=True, skip_parameter_validation=True):  # our own finite features
        kinds = dict(zip(unique, model.predict(list(unique.values())), strict=True))
    resolutions = list(doc.resolutions)
    for n, f in zip(idx, features, strict=True):
        resolutions[n] = retyped(resolutions[n], str(kinds[tuple(f.items())]))
    doc.resolutions = resolutions


def retyped(r: Resolution, kind: str) -> Resolution:
    """The resolution with its mention's kind replaced, entity and anonymity following the kind."""
    m = r.mention
    if m is None or r.source is None or m.kind == kind or kind not in KINDS:
        return r
    role = m.role
    text = (r.source.resolved or r.source).text
    name = " ".join(name_of(text))
    if kind == "named_organization":
        mention = Mention(kind, role, name or m.entity, "none", "plural", m.head)
    elif kind == "named_person":
        mention = Mention(kind, role, name.split()[-1] if name else m.entity, "none",
                          m.gender if m.gender != "plural" else "unknown", m.head)
    else:
        mention = Mention("anonymous", role, m.entity or m.head, _anonymity(m), m.gender, m.head)
    return replace(r, mention=mention)


def _anonymity(m: Mention) -> str:
    """A confidential individual ("an official", "a source") or a described group, for a mention made anonymous."""
    if m.kind == "anonymous":
        return m.anonymity
    single = m.head in CONFIDENTIAL and not (m.head.endswith("s") and not m.head.endswith("ss"))
    return "individual" if single or m.gender in ("male", "female") else "group"
