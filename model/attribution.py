"""Per sentence: cue, source, kind, role, stance and hedges (placeholder: every line unattributed)."""

from __future__ import annotations

from model.types import Claim, Document


def attribute(doc: Document, doc_index: int) -> list[Claim]:
    claims: list[Claim] = []
    pos = 0
    for line in doc.text.splitlines(keepends=True):
        body = line.strip()
        if body:
            start = pos + line.index(body)
            claims.append(Claim(doc_index=doc_index, doc_id=doc.id, number=len(claims), text=body,
                                start=start, end=start + len(body), kind="unattributed", role="other",
                                source=None, cue=None, direct_quote=False, stance="asserts"))
        pos += len(line)
    return claims
