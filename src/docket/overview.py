"""What a case holds at a glance: counts, what awaits review, recent activity.

The dashboard of the web UI and `GET /api/overview` read this one function; like every service
function it checks the reader's role first and counts only the sources that reader may see.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import func, select

from docket.actor import Actor
from docket.case import Case
from docket.readcache import cached
from docket.security.audit import AuditView, audit_log
from docket.security.policy import allowed, require
from docket.security.redact import Redactor
from docket.sources import SUMMARY_ONLY
from docket.store.models import Allegation, PersonReport, Source, Suggestion


@dataclass
class AwaitingReview:
    source_id: int
    title: str | None
    pending: int


@dataclass
class CaseOverview:
    case_name: str
    sources_by_kind: dict[str, int]
    persons: int
    allegations_by_status: dict[str, int]
    pending_suggestions: int
    awaiting_review: list[AwaitingReview] = field(default_factory=list)
    recent: list[AuditView] = field(default_factory=list)

    @property
    def sources(self) -> int:
        return sum(self.sources_by_kind.values())

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sources"] = self.sources
        return data


def case_overview(case: Case, *, actor: Actor, recent: int = 10) -> CaseOverview:
    """Counts over the sources the reader may see; recent activity only for roles that may read
    the audit trail (its targets name records, never protected values). The counts are computed
    once per change version and role (docket.readcache); the activity is read every time (audit
    entries leave the change version alone)."""
    require(actor, "sources:read")
    counts = cached(case, ("overview", actor.role), lambda: _counts(case, actor))
    activity = audit_log(case, actor=actor, limit=recent) if allowed(actor, "audit:read") else []
    return replace(counts, recent=list(reversed(activity)))


def _counts(case: Case, actor: Actor) -> CaseOverview:
    with case.session() as session:
        red = Redactor.for_actor(session, actor)
        query = select(Source).options(*SUMMARY_ONLY)
        visible = {s.id: s for s in session.scalars(query) if red.can_see(s)}
        kinds = Counter(s.kind for s in visible.values())
        pending_rows = session.execute(
            select(Suggestion.source_id, func.count())
            .where(Suggestion.status == "pending")
            .group_by(Suggestion.source_id)
        ).all()
        pending = {sid: n for sid, n in pending_rows if sid in visible}
        awaiting = [
            AwaitingReview(sid, red.text(visible[sid].title) if visible[sid].title else None, n)
            for sid, n in sorted(pending.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        ]
        persons = session.scalar(
            select(func.count()).select_from(PersonReport)
            .where(PersonReport.source_id.in_(list(visible) or [-1]))
        ) or 0  # fmt: skip
        statuses = Counter(session.scalars(select(Allegation.status)))
    return CaseOverview(
        case_name=case.config.name,
        sources_by_kind=dict(sorted(kinds.items())),
        persons=persons,
        allegations_by_status=dict(sorted(statuses.items())),
        pending_suggestions=sum(pending.values()),
        awaiting_review=awaiting,
    )
