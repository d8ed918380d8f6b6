"""Scored claims -> the JSON body of POST /v1/score."""

from __future__ import annotations

from collections.abc import Sequence

from model.profile import profile
from model.types import Document, Options, Relay, Scored, Source, Span


def span_json(span: Span | None) -> dict | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def relay_json(relay: Relay) -> dict:
    return {"text": relay.text, "start": relay.start, "end": relay.end, "resolved": span_json(relay.resolved)}


def source_json(source: Source | None) -> dict | None:
    if source is None:
        return None
    return {  # the span's keys written out: no dict built per source only to be copied
        "text": source.text,
        "start": source.start,
        "end": source.end,
        "resolved": span_json(source.resolved),
        "via": [relay_json(r) for r in source.via],
        "anonymity_reason": source.anonymity_reason,
    }


def claim_json(s: Scored, options: Options) -> dict:
    c = s.claim
    out = {
        "id": c.id,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "kind": c.kind,
        "role": c.role,
        "source": source_json(c.source),
        "cue": span_json(c.cue),
        "direct_quote": c.direct_quote,
        "stance": c.stance,
        "hedges": [span_json(h) for h in c.hedges] if c.hedges else [],  # most have none: no list comprehension
        "corroborated_by": list(s.links.corroborated_by),
        "denied_by": list(s.links.denied_by),
        "official_denial": s.links.official_denial,
        "score": s.score,
        "label": s.label,
    }
    if options.explain:
        out["features"] = s.features  # built by the scorer for this answer alone: no copy
        out["explanation"] = [{"feature": f, "effect": e} for f, e in s.explanation]
    return out


def report(documents: Sequence[Document], scored: Sequence[Scored], model_info: dict, options: Options) -> dict:
    by_doc: list[list[Scored]] = [[] for _ in documents]
    for s in scored:
        by_doc[s.claim.doc_index].append(s)
    return {
        "model": model_info,
        "documents": [
            {"id": doc.id, "claims": [claim_json(s, options) for s in items], "profile": profile(items)}
            for doc, items in zip(documents, by_doc, strict=True)
        ],
    }
