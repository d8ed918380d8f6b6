"""A document's sourcing at a glance, computed from its scored claims.

Notation, over the claims C of one document: A = attributed claims (kind not
"unattributed"); a claim's *source* is its resolved entity (``Claim.entity``,
or its source text lower-cased when the engine gave no entity), so a pronoun
or a quote continuation adds no new source. Shares are 0.0 when their
denominator is empty.

- sources = |{source(c) : c in A}|
- named_sources = |{source(c) : c in A, kind(c) in {named_person, named_organization}}|
- anonymous_sources = |{source(c) : c in A, kind(c) = anonymous}|
- official_sources = |{source(c) : c in A, role(c) = official}|
- anonymous_share = |{c in A : kind(c) = anonymous}| / |A|
- anonymous_corroborated = some claim c in C such that c and the claims of
  this document corroborating it (``corroborated_by``) rest on two or more
  distinct anonymous sources
- anonymity_reason_given = |{anonymous sources with a stated reason on any of
  their claims}| / anonymous_sources
- disputed = some claim of C is denied (``denied_by``) by an attributed claim
  of this same document (a party named or described in the article)
- denied_party_responded = C has a denied claim, and every denied claim of C
  has at least one denier quoted in this document (the disputing party speaks
  here, not only in other coverage); false when nothing is denied
- unattributed_share = |C \\ A| / |C|
- hedged_share = |{c in C : c has a hedge}| / |C|
- refusals = |{c in C : stance(c) = declines}|: claims reporting a refusal or non-answer ("declined to
  comment", "would not say"); they count in the keys above like any claim, but assert nothing, have no
  score and take part in no link
"""

from __future__ import annotations

from collections.abc import Sequence

from model.types import Claim, Scored

NAMED = ("named_person", "named_organization")


def source_of(c: Claim) -> str:
    return c.entity or (c.source.text.lower() if c.source else "")


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _anonymous_corroborated(scored: Sequence[Scored], by_id: dict[str, Claim]) -> bool:
    for s in scored:
        if not s.links.corroborated_by:
            continue  # the claim alone is one source at most
        group = [s.claim] + [by_id[i] for i in s.links.corroborated_by if i in by_id]
        if len({source_of(c) for c in group if c.kind == "anonymous"}) >= 2:
            return True
    return False


def _denials(scored: Sequence[Scored], by_id: dict[str, Claim]) -> tuple[bool, bool]:
    """(disputed, denied_party_responded) from the document's own denial links."""
    denied = [s for s in scored if s.links.denied_by]
    in_doc = [[by_id[i] for i in s.links.denied_by if i in by_id and by_id[i].kind != "unattributed"]
              for s in denied]
    disputed = any(in_doc)
    return disputed, bool(denied) and all(in_doc)


def profile(scored: Sequence[Scored]) -> dict:
    """The document-level sourcing signals of one document's scored claims (formulas above)."""
    claims = [s.claim for s in scored]
    by_id = {c.id: c for c in claims}
    attributed = [c for c in claims if c.kind != "unattributed"]
    sourced = [(c, source_of(c)) for c in attributed]  # each claim's source worked out once, read by four counts
    anonymous = {s for c, s in sourced if c.kind == "anonymous"}
    with_reason = {s for c, s in sourced
                   if c.kind == "anonymous" and c.source is not None and c.source.anonymity_reason}
    disputed, responded = _denials(scored, by_id)
    return {
        "sources": len({s for _, s in sourced}),
        "named_sources": len({s for c, s in sourced if c.kind in NAMED}),
        "anonymous_sources": len(anonymous),
        "official_sources": len({s for c, s in sourced if c.role == "official"}),
        "anonymous_share": _share(sum(c.kind == "anonymous" for c in attributed), len(attributed)),
        "anonymous_corroborated": _anonymous_corroborated(scored, by_id),
        "anonymity_reason_given": _share(len(with_reason), len(anonymous)),
        "disputed": disputed,
        "denied_party_responded": responded,
        "unattributed_share": _share(len(claims) - len(attributed), len(claims)),
        "hedged_share": _share(sum(bool(c.hedges) for c in claims), len(claims)),
        "refusals": sum(c.stance == "declines" for c in claims),
    }
