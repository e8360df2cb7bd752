"""Persons as the sources report them: every report, from which source, under which spelling.

Names pass through the reader's Redactor: investigators see them, analysts the pseudonym
(P-00012), reviewers and the public "[name withheld]". Reports from sources the reader may not
see are left out. Identities (clusters of reports judged to be one human) come from linkage.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.security.audit import record as audit
from docket.security.policy import require
from docket.security.redact import Redactor, person_pseudonym
from docket.store.models import Identity, PersonReport, Source


@dataclass
class PersonReportView:
    id: int
    pseudonym: str
    name: str | None  # as the reader's view allows
    role: str
    sex: str | None
    birth_year: str | None
    facility_id: str | None
    facility_text: str | None
    when: str | None
    source_id: int | None
    source_title: str | None
    identity: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_person_reports(
    case: Case, *, actor: Actor, identity: str | None = None, limit: int = 500
) -> list[PersonReportView]:
    require(actor, "records:read")
    with case.session() as session:
        red = Redactor.for_actor(session, actor)
        query = (
            select(PersonReport, Source, Identity)
            .outerjoin(Source, PersonReport.source_id == Source.id)
            .outerjoin(Identity, PersonReport.identity_id == Identity.id)
            .order_by(Identity.label.is_(None), Identity.label, PersonReport.id)
        )
        if identity:
            query = query.where(Identity.label == identity)
        out: list[PersonReportView] = []
        for report, source, ident in session.execute(query):
            if source is not None and not red.can_see(source):
                continue
            out.append(_view(report, source, ident, red))
            if len(out) >= limit:
                break
        if red.full and any(v.name for v in out):
            audit(session, actor, "person.read-protected", "person_reports",
                  {"count": len(out)})  # fmt: skip
        return out


def _view(
    report: PersonReport, source: Source | None, ident: Identity | None, red: Redactor
) -> PersonReportView:
    name = red.person_name(report)
    if red.full and report.name_hangul and report.name and report.name_hangul != report.name:
        name = f"{report.name} ({report.name_hangul})"
    return PersonReportView(
        id=report.id,
        pseudonym=person_pseudonym(report.id),
        name=name,
        role=report.role,
        sex=report.sex,
        birth_year=report.birth_year_text,
        facility_id=report.facility_id,
        facility_text=red.text(report.facility_text) if report.facility_text else None,
        when=report.event_date_text,
        source_id=source.id if source else None,
        source_title=red.text(source.title) if source and source.title else None,
        identity=ident.label if ident else None,
    )
