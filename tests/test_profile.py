"""Document profiles from hand-made scored claims."""

from __future__ import annotations

from model.profile import profile
from model.types import Claim, Links, Scored, Source, Span


def claim(n: int, kind: str = "unattributed", role: str = "other", entity: str = "", reason: str | None = None,
          hedged: bool = False, stance: str = "asserts", doc: int = 0) -> Claim:
    src = Source(entity or "x", 0, 1, anonymity_reason=reason) if kind != "unattributed" else None
    return Claim(doc_index=doc, doc_id="a", number=n, text="t", start=0, end=1, kind=kind, role=role, source=src,
                 cue=None, direct_quote=False, stance=stance, hedges=(Span("probably", 0, 8),) if hedged else (),
                 entity=entity, anonymity="individual" if kind == "anonymous" else "none")


def scored(c: Claim, links: Links | None = None) -> Scored:
    return Scored(claim=c, links=links or Links())


def seed_like() -> list[Scored]:
    return [
        scored(claim(0, "anonymous", "official", "security sources"), Links(corroborated_by=("a:1",),
                                                                           denied_by=("a:3",), official_denial=True)),
        scored(claim(1, "anonymous", "official", "kurdish source", reason="who asked not to be identified"),
               Links(corroborated_by=("a:0",))),
        scored(claim(2, "anonymous", "official", "kurdish source", reason="who asked not to be identified")),
        scored(claim(3, "named_person", "official", "marzieh afkham", stance="denies")),
        scored(claim(4)),
        scored(claim(5, "named_person", "expert", "reza marashi", hedged=True)),
    ]


def test_counts_and_shares():
    p = profile(seed_like())
    assert p["sources"] == 4
    assert p["named_sources"] == 2 and p["anonymous_sources"] == 2 and p["official_sources"] == 3
    assert p["anonymous_share"] == round(3 / 5, 4)
    assert p["anonymity_reason_given"] == 0.5
    assert p["unattributed_share"] == round(1 / 6, 4)
    assert p["hedged_share"] == round(1 / 6, 4)


def test_anonymous_corroboration_and_dispute():
    p = profile(seed_like())
    assert p["anonymous_corroborated"] is True
    assert p["disputed"] is True and p["denied_party_responded"] is True


def test_denial_only_in_other_coverage_is_not_a_dispute_here():
    items = [scored(claim(0, "anonymous", entity="a source"), Links(denied_by=("other:4",)))]
    p = profile(items)
    assert p["disputed"] is False and p["denied_party_responded"] is False
    assert p["anonymous_corroborated"] is False


def test_empty_document():
    p = profile([])
    assert p["sources"] == 0 and p["anonymous_share"] == 0.0 and p["disputed"] is False


def test_refusals_are_counted():
    items = [*seed_like(), scored(claim(6, "named_organization", "official", "the ministry", stance="declines")),
             scored(claim(7, "anonymous", "other", "a spokesman", stance="declines"))]
    assert profile(items)["refusals"] == 2
    assert profile(seed_like())["refusals"] == 0
