"""A source's resolution retyped to another kind, its mention's entity and anonymity following the kind (the
typer's decision applied: ``typer``)."""

from __future__ import annotations

from dataclasses import replace

from model.attribution.mention_features import name_of
from model.attribution.mentions import Mention
from model.attribution.no_one import typed
from model.attribution.records import Resolution
from model.lexicon import CONFIDENTIAL

KINDS = ("named_person", "named_organization", "anonymous")  # what the typer decides; "unattributed" it never is


def retyped(r: Resolution, kind: str) -> Resolution:
    """The resolution with its mention's kind replaced, entity and anonymity following the kind."""
    m = r.mention
    if m is None or r.source is None or m.kind == kind or kind not in KINDS:
        return r
    name = " ".join(name_of(typed(r)))
    if kind == "named_organization":
        mention = Mention(kind, m.role, name or m.entity, "none", "plural", m.head)
    elif kind == "named_person":
        mention = Mention(kind, m.role, name.split()[-1] if name else m.entity, "none",
                          m.gender if m.gender != "plural" else "unknown", m.head)
    else:
        mention = Mention("anonymous", m.role, m.entity or m.head, _anonymity(m), m.gender, m.head)
    return replace(r, mention=mention)


def _anonymity(m: Mention) -> str:
    """A confidential individual ("an official", "a source") or a described group, for a mention made anonymous."""
    if m.kind == "anonymous":
        return m.anonymity
    single = m.head in CONFIDENTIAL and not (m.head.endswith("s") and not m.head.endswith("ss"))
    return "individual" if single or m.gender in ("male", "female") else "group"
