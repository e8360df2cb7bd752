"""`docket link` on a case: PersonReports -> Identities, reversibly, respecting reviewers.

Every run stores its Splink model (LinkRun.settings) and the uncertain pairs with their
match-weight breakdown (LinkRun.summary) so that a reviewer can see why, and rerun it. Reviewer
decisions (LinkDecision) are inputs to every run: an accepted pair is always one identity, a
rejected pair never is. Identity labels are stable across runs: a cluster is named after its
smallest report id, so re-linking the same data changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.security import record_audit, require
from docket.store.models import (
    DocList,
    Identity,
    LinkDecision,
    LinkRun,
    ListEntry,
    PersonReport,
    Source,
)

CONTRACT_COLUMNS = ("record_id", "source", "name", "name_hangul", "sex", "birth_year",
                    "birth_place", "facility", "event_date")  # fmt: skip


@dataclass
class LinkCaseReport:
    run_id: int
    reports: int
    identities: int
    multi_report_identities: int
    uncertain: int
    decisions_respected: int
    timings: dict[str, float] = field(default_factory=dict)


def identity_label(report_ids: list[int]) -> str:
    return f"P-{min(report_ids):05d}"


def reports_frame(session: Any) -> pd.DataFrame:
    """The case's person reports in the person-records contract (names decrypted in memory)."""
    list_of = dict(
        session.execute(
            select(ListEntry.person_report_id, DocList.name).join(
                DocList, DocList.id == ListEntry.list_id
            )
        ).all()
    )
    rows = []
    for report in session.scalars(select(PersonReport).order_by(PersonReport.id)):
        if not (report.name or report.name_hangul):
            continue
        rows.append(
            {
                "record_id": str(report.id),
                "source": list_of.get(report.id) or f"source-{report.source_id}",
                "name": report.name or "",
                "name_hangul": report.name_hangul or "",
                "sex": report.sex or "",
                "birth_year": report.birth_year_text or "",
                "birth_place": report.birth_place or "",
                "facility": report.facility_text or "",
                "event_date": report.event_date_text or "",
            }
        )
    return pd.DataFrame.from_records(rows, columns=list(CONTRACT_COLUMNS))


def _decisions(session: Any) -> list[tuple[str, str, bool]]:
    return [
        (str(d.report_a), str(d.report_b), d.is_match)
        for d in session.scalars(select(LinkDecision).order_by(LinkDecision.id))
    ]


def link_case(
    case: Case,
    *,
    actor: Actor,
    threshold: float | None = None,
    backend: str = "duckdb",
    seed: int = 42,
) -> LinkCaseReport:
    """Link every named person report; identities are rewritten in one transaction."""
    from docket.link import DEFAULT_THRESHOLD, link_records

    require(actor, "link:run")
    with case.session() as session:
        frame = reports_frame(session)
        reviewed = _decisions(session)
    if frame.empty:
        raise BadInput("the case has no named person reports to link (ingest a list first)")
    chosen = DEFAULT_THRESHOLD if threshold is None else threshold
    result = link_records(frame, threshold=chosen, backend=backend, reviewed=reviewed, seed=seed)
    clusters = result.clusters.astype({"record_id": str, "cluster_id": str})
    members: dict[str, list[int]] = {}
    for record_id, cluster_id in zip(clusters["record_id"], clusters["cluster_id"], strict=True):
        members.setdefault(cluster_id, []).append(int(record_id))
    uncertain = result.uncertain.to_dict(orient="records")
    with case.session() as session:
        run = LinkRun(
            actor=actor.name,
            backend=backend,
            threshold=chosen,
            settings=result.settings,
            summary={"uncertain": uncertain, "review_band": list(result.review_band),
                     "timings": result.timings, "reports": len(frame)},
        )  # fmt: skip
        session.add(run)
        session.flush()
        existing = {i.label: i for i in session.scalars(select(Identity))}
        wanted: dict[int, Identity] = {}
        for ids in members.values():
            label = identity_label(ids)
            identity = existing.pop(label, None) or Identity(label=label)
            identity.link_run_id = run.id
            session.add(identity)
            for report_id in ids:
                wanted[report_id] = identity
        session.flush()
        for report in session.scalars(select(PersonReport)):
            target = wanted.get(report.id)
            new_id = target.id if target is not None else None
            if report.identity_id != new_id:
                report.identity_id = new_id
        session.flush()
        for stale in existing.values():
            session.delete(stale)
        record_audit(session, actor, "link.run", f"link_run:{run.id}",
                     {"reports": len(frame), "identities": len(members)})  # fmt: skip
        run_id = run.id
    _reassess_findings(case, actor)
    return LinkCaseReport(
        run_id=run_id,
        reports=len(frame),
        identities=len(members),
        multi_report_identities=sum(1 for ids in members.values() if len(ids) > 1),
        uncertain=len(uncertain),
        decisions_respected=len(reviewed),
        timings=result.timings,
    )


def _reassess_findings(case: Case, actor: Actor) -> None:
    """Linkage changes which witnesses are one person, so findings are recomputed."""
    from docket.evidence import reassess
    from docket.security import allowed

    if allowed(actor, "records:write"):
        reassess(case, actor=actor)


@dataclass
class PairView:
    """Two reports side by side, with why the model scored them as it did."""

    report_a: int
    report_b: int
    match_probability: float
    match_weight: float
    reasons: list[dict[str, Any]]
    a: dict[str, Any]
    b: dict[str, Any]


def _report_fields(report: PersonReport, source: Source | None, list_name: str | None) -> dict:
    return {
        "id": report.id, "name": report.name, "name_hangul": report.name_hangul,
        "sex": report.sex, "birth_year": report.birth_year_text,
        "birth_place": report.birth_place, "facility": report.facility_text,
        "event_date": report.event_date_text, "list": list_name,
        "source": source.title if source else None,
        "identity": report.identity_id,
    }  # fmt: skip


def uncertain_pairs(case: Case, *, actor: Actor, limit: int = 50) -> list[PairView]:
    """Pairs of the latest run between the review thresholds, not yet decided."""
    require(actor, "link:run")
    with case.session() as session:
        run = session.scalar(select(LinkRun).order_by(LinkRun.id.desc()).limit(1))
        if run is None:
            raise BadInput("no linkage run yet: run `docket link` first")
        decided = {frozenset((a, b)) for a, b, _ in _decisions(session)}
        list_of = dict(
            session.execute(
                select(ListEntry.person_report_id, DocList.name).join(
                    DocList, DocList.id == ListEntry.list_id
                )
            ).all()
        )
        views = []
        for pair in run.summary.get("uncertain", []):
            a, b = int(pair["id_l"]), int(pair["id_r"])
            if frozenset((str(a), str(b))) in decided:
                continue
            reasons = [
                {"comparison": key[: -len("_level")], "level": value,
                 "weight": pair.get(key[: -len("_level")] + "_weight")}
                for key, value in pair.items() if key.endswith("_level")
            ]  # fmt: skip
            ra, rb = session.get(PersonReport, a), session.get(PersonReport, b)
            if ra is None or rb is None:
                continue
            views.append(
                PairView(
                    a, b, float(pair["match_probability"]), float(pair["match_weight"]),
                    reasons,
                    _report_fields(ra, session.get(Source, ra.source_id), list_of.get(a)),
                    _report_fields(rb, session.get(Source, rb.source_id), list_of.get(b)),
                )
            )  # fmt: skip
            if len(views) >= limit:
                break
        return views


def decide_pair(
    case: Case, report_a: int, report_b: int, *, actor: Actor, is_match: bool,
    note: str | None = None,
) -> None:  # fmt: skip
    """Record a reviewer's verdict and apply it now: merge the two identities, or split them.

    The verdict is kept, so every later run respects it.
    """
    require(actor, "link:run")
    if report_a == report_b:
        raise BadInput("a report cannot be paired with itself", where="pair")
    low, high = sorted((report_a, report_b))
    with case.session() as session:
        ra, rb = session.get(PersonReport, low), session.get(PersonReport, high)
        if ra is None or rb is None:
            raise BadInput(f"no person report {low if ra is None else high}", where="pair")
        decision = session.scalar(
            select(LinkDecision).where(LinkDecision.report_a == low, LinkDecision.report_b == high)
        )
        if decision is None:
            decision = LinkDecision(report_a=low, report_b=high, is_match=is_match,
                                    decided_by=actor.name, note=note)  # fmt: skip
            session.add(decision)
        else:
            decision.is_match, decision.decided_by, decision.note = is_match, actor.name, note
        if is_match:
            _merge(session, ra, rb)
        elif ra.identity_id is not None and ra.identity_id == rb.identity_id:
            _split(session, ra, rb)
        record_audit(session, actor, "link.decide", f"pair:{low}-{high}",
                     {"match": is_match})  # fmt: skip
    _reassess_findings(case, actor)


def _new_identity(session: Any, report_ids: list[int]) -> Identity:
    label = identity_label(report_ids)
    identity = session.scalar(select(Identity).where(Identity.label == label))
    if identity is None:
        identity = Identity(label=label)
        session.add(identity)
        session.flush()
    return identity


def _split(session: Any, ra: PersonReport, rb: PersonReport) -> None:
    """Move one of the two out of their shared identity: the one the identity is not named after."""
    current = session.get(Identity, ra.identity_id)
    mover = rb if identity_label([rb.id]) != current.label else ra
    mover.identity_id = _new_identity(session, [mover.id]).id


def _merge(session: Any, ra: PersonReport, rb: PersonReport) -> None:
    if ra.identity_id is None:
        ra.identity_id = _new_identity(session, [ra.id]).id
    if rb.identity_id == ra.identity_id:
        return
    old = rb.identity_id
    if old is None:
        rb.identity_id = ra.identity_id
        return
    for report in session.scalars(select(PersonReport).where(PersonReport.identity_id == old)):
        report.identity_id = ra.identity_id
    session.flush()
    session.delete(session.get(Identity, old))
