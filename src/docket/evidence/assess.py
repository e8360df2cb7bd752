"""Weigh an allegation's evidence against a standard of proof, with every step written down.

Order of reasoning:
1. Group the linked sources into independent clusters (independence.py).
2. A supporting item counts when its grade meets the standard and its place and time fit the
   allegation as the standard requires; a cluster counts when at least one item in it counts,
   and is first-hand when a counting item is.
3. Each contradicting cluster is weighed by its best grade: graded at or above the blocking grade
   it blocks the finding unless enough counted clusters at least as reliable rebut it.
4. Status: "no evidence", "insufficient", "contested" (enough support, unrebutted contradiction)
   or "established".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from docket.evidence._items import EvidenceItem, _interval
from docket.evidence.independence import Clustering
from docket.evidence.standards import Standard, _span, grade_rank
from docket.vocab import facility_by_id, normalise_place

ESTABLISHED = "established"
INSUFFICIENT = "insufficient"
CONTESTED = "contested"
NO_EVIDENCE = "no evidence"
STATUSES = (NO_EVIDENCE, INSUFFICIENT, CONTESTED, ESTABLISHED)


@dataclass(frozen=True)
class Claim:
    """What the allegation asserts about place and time, the yardstick for each source."""

    facility_id: str | None
    place_text: str | None
    earliest: str | None
    latest: str | None

    def interval(self) -> tuple[date, date] | None:
        return _interval(self.earliest, self.latest)


@dataclass
class Assessment:
    status: str
    standard: Standard
    independent_sources: int  # counted independent supporting clusters
    supporting_clusters: int
    contradicting_clusters: int
    first_hand: int
    blocking: list[int]
    reasons: list[str]
    items: list[EvidenceItem] = field(default_factory=list)
    clustering: Clustering | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "standard": self.standard.key,
            "standard_rule": self.standard.describe(),
            "supporting": [i.to_dict() for i in self.items if i.stance == "supports"],
            "contradicting": [i.to_dict() for i in self.items if i.stance == "contradicts"],
            "independent_sources": self.independent_sources,
            "independent_supporting_all": self.supporting_clusters,
            "independent_contradicting": self.contradicting_clusters,
            "first_hand_sources": self.first_hand,
            "clusters": [c.to_dict() for c in self.clustering.clusters] if self.clustering else [],
            "reasons": self.reasons,
        }


def _place_fit(item: EvidenceItem, claim: Claim) -> str:
    stated = item.facility_id or item.place_text
    if not stated:
        return "unstated"
    if not (claim.facility_id or claim.place_text):
        return "agrees"
    if claim.facility_id and item.facility_id:
        return "agrees" if claim.facility_id == item.facility_id else "conflicts"
    return "agrees" if _same_place(claim, item) else "conflicts"


def _names(facility_id: str | None, text: str | None) -> set[str]:
    """A place's names, normalised; an area also answers to a facility's county and province."""
    names = {normalise_place(text)} if text else set()
    facility = facility_by_id().get(facility_id or "")
    if facility is not None:
        names |= {normalise_place(n) for n in facility.all_names}
        names |= {normalise_place(facility.county), normalise_place(facility.province)}
    return names - {""}


def _same_place(claim: Claim, item: EvidenceItem) -> bool:
    """One side is a name or area, not a gazetteer id: agree when the names meet."""
    ours = _names(claim.facility_id, claim.place_text)
    theirs = _names(item.facility_id, item.place_text)
    if ours & theirs:
        return True
    return any(a in b or b in a for a in ours for b in theirs if min(len(a), len(b)) >= 4)


def _time_fit(item: EvidenceItem, claim: Claim) -> str:
    said, alleged = item.interval(), claim.interval()
    if said is None:
        return "unstated"
    if alleged is None:
        return "agrees"
    return "agrees" if said[0] <= alleged[1] and alleged[0] <= said[1] else "conflicts"


def _item_counts(item: EvidenceItem, claim: Claim, rule: Standard) -> bool:
    why = item.why
    if grade_rank(item.reliability) > grade_rank(rule.min_reliability):
        why.append(
            f"reliability {item.reliability or 'ungraded'} is below {_span(rule.min_reliability)}"
        )
    if (item.credibility or 6) > rule.min_credibility:
        why.append(
            f"credibility {item.credibility or 'ungraded'} is below 1–{rule.min_credibility}"
        )
    place, when = _place_fit(item, claim), _time_fit(item, claim)
    if rule.place_time != "ignore":
        if place == "conflicts":
            why.append(
                f"places the act at {item.facility_id or item.place_text}, "
                f"not {claim.facility_id or claim.place_text}"
            )
        if when == "conflicts":
            why.append(
                f"dates it {item.time_text or f'{item.earliest}–{item.latest}'}, outside "
                f"{claim.earliest}–{claim.latest}"
            )
    if rule.place_time == "stated":
        if place == "unstated" and (claim.facility_id or claim.place_text):
            why.append("states no place")
        if when == "unstated" and claim.interval() is not None:
            why.append("states no time")
    return not why


def assess(
    items: list[EvidenceItem], clustering: Clustering, claim: Claim, rule: Standard
) -> Assessment:
    reasons = [f"Standard: {rule.label} — {rule.describe()}."]
    if not items:
        reasons.append("No evidence is linked.")
        return Assessment(NO_EVIDENCE, rule, 0, 0, 0, 0, [], reasons, items, clustering)
    for item in items:
        item.why = []
        item.cluster = clustering.cluster_of.get(item.source_ids[0]) if item.source_ids else None
    support: dict[int, list[EvidenceItem]] = {}
    against: dict[int, list[EvidenceItem]] = {}
    for item in items:
        if item.cluster is None:
            item.why.append("stands on no source")
            item.counts = False
            reasons.append(f"Does not count: link {item.link_id} stands on no source.")
            continue
        (support if item.stance == "supports" else against).setdefault(item.cluster, []).append(
            item
        )
    for cluster in clustering.clusters:
        if len(cluster.source_ids) > 1:
            reasons.append(f"Cluster {cluster.number} is one origin: " + "; ".join(cluster.reasons))
    counted: dict[int, EvidenceItem] = {}  # cluster -> its best counting item
    for number, members in sorted(support.items()):
        for item in members:
            item.counts = _item_counts(item, claim, rule)
        good = sorted(
            (i for i in members if i.counts),
            key=lambda i: (not i.first_hand, grade_rank(i.reliability)),
        )
        if good:
            counted[number] = good[0]
            extra = [f"link {i.link_id}" for i in members if i is not good[0]]
            reasons.append(
                f"Counts: cluster {number} via link {good[0].link_id} "
                f"({'first-hand' if good[0].first_hand else 'not first-hand'}, "
                f"graded {good[0].grade})"
                + (
                    f"; {', '.join(extra)} in the same cluster add no independent weight"
                    if extra
                    else ""
                )
            )
        for item in members:
            if item.counts is False:
                reasons.append(
                    f"Does not count: link {item.link_id} (cluster {number}): "
                    + "; ".join(item.why)
                )
    first_hand = sum(1 for i in counted.values() if i.first_hand)
    blocking = _weigh_contradictions(against, counted, rule, reasons)
    enough = len(counted) >= rule.min_independent and first_hand >= rule.min_first_hand
    status = INSUFFICIENT
    if enough:
        status = CONTESTED if blocking else ESTABLISHED
    reasons.append(
        f"Result: {len(counted)} independent supporting source(s) count "
        f"({rule.min_independent} needed), {first_hand} first-hand ({rule.min_first_hand} "
        f"needed), {len(blocking)} unrebutted blocking contradiction(s): {status}."
    )
    return Assessment(
        status,
        rule,
        len(counted),
        len(support),
        len(against),
        first_hand,
        blocking,
        reasons,
        items,
        clustering,
    )


def _weigh_contradictions(
    against: dict[int, list[EvidenceItem]],
    counted: dict[int, EvidenceItem],
    rule: Standard,
    reasons: list[str],
) -> list[int]:
    blocking: list[int] = []
    for number, members in sorted(against.items()):
        best = min(members, key=lambda i: grade_rank(i.reliability))
        for item in members:
            item.counts = item is best
            if item is not best:
                item.why.append(f"same origin as link {best.link_id} (cluster {number})")
        rank = grade_rank(best.reliability)
        where = f"cluster {number} via link {best.link_id}, graded {best.grade}"
        if number in counted:
            reasons.append(f"Note: cluster {number} both supports and contradicts the allegation.")
        if rule.block_reliability is None or rank > grade_rank(rule.block_reliability):
            reasons.append(
                f"Contradicts ({where}): weighed, but below the blocking grade "
                f"{_span(rule.block_reliability or 'A')}, so it does not block."
            )
            continue
        rebutters = sum(1 for i in counted.values() if grade_rank(i.reliability) <= rank)
        if rule.rebuttal is not None and rebutters >= rule.rebuttal:
            reasons.append(
                f"Contradicts ({where}): rebutted by {rebutters} counted independent "
                f"source(s) graded {_span(best.reliability or 'F')}."
            )
            continue
        need = (
            "cannot be rebutted"
            if rule.rebuttal is None
            else (
                f"{rebutters} counted source(s) at least as reliable, "
                f"{rule.rebuttal} needed to rebut"
            )
        )
        reasons.append(f"Contradicts and blocks ({where}): {need}.")
        best.why.append("blocks the finding")
        blocking.append(number)
    return blocking
