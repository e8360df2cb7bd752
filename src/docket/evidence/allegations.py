"""Allegations: add, list, show, and their findings under the case's standards of proof.

Every public function takes the case and the acting person; each write happens in one
transaction here and nowhere else, so role checks and audit can be added at the top of each.
Status is stored whenever evidence or standards change (`record_assessment`), and reads always
recompute it, so a stale stored status (e.g. after a linkage run merged two witnesses) shows as
`recorded_status` differing from `status` until `reassess` is run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.evidence._coding import check_act_codes, parse_time, place_for
from docket.evidence._items import load_items
from docket.evidence.assess import ESTABLISHED, Assessment, Claim, assess
from docket.evidence.independence import cluster_sources
from docket.evidence.standards import StandardSet, read_standards, write_standards
from docket.security import record_audit, require
from docket.store.models import Allegation, utcnow


@dataclass
class Finding:
    """An allegation with its assessment: the one shape the CLI, web UI and reports read."""

    id: int
    summary: str
    act_codes: list[str]
    place: str | None
    facility_id: str | None
    time_text: str | None
    earliest: str | None
    latest: str | None
    victims: str | None
    perpetrator: str | None
    details: str | None
    recorded_status: str
    assessment: Assessment
    met_standards: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.assessment.status

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "summary": self.summary,
            "act_codes": self.act_codes,
            "place": self.place,
            "facility_id": self.facility_id,
            "time": self.time_text,
            "earliest": self.earliest,
            "latest": self.latest,
            "victims": self.victims,
            "perpetrator": self.perpetrator,
            "details": self.details,
        }
        data.update(self.assessment.to_dict())
        data["recorded_status"] = self.recorded_status
        data["met_standards"] = self.met_standards
        return data


def _claim(allegation: Allegation) -> Claim:
    place = allegation.place
    return Claim(
        facility_id=place.gazetteer_id if place else None,
        place_text=place.name if place else None,
        earliest=allegation.earliest,
        latest=allegation.latest,
    )


def evaluate(session: Session, allegation: Allegation, standards: StandardSet) -> Finding:
    """Cluster the evidence once, weigh it under every standard, report the one that applies."""
    items = load_items(session, allegation.id)
    clustering = cluster_sources(session, items)
    claim = _claim(allegation)
    met = [
        s.key
        for s in standards.standards
        if assess(items, clustering, claim, s).status == ESTABLISHED
    ]
    assessment = assess(items, clustering, claim, standards.get(allegation.standard))
    place = allegation.place
    return Finding(
        id=allegation.id,
        summary=allegation.summary,
        act_codes=list(allegation.act_codes),
        place=place.name if place else None,
        facility_id=place.gazetteer_id if place else None,
        time_text=allegation.time_text,
        earliest=allegation.earliest,
        latest=allegation.latest,
        victims=allegation.victims,
        perpetrator=allegation.perpetrator,
        details=allegation.details,
        recorded_status=allegation.status,
        assessment=assessment,
        met_standards=met,
    )


def record_assessment(session: Session, allegation: Allegation) -> Finding:
    """Recompute and store status, standard and reasons; called after every evidence change."""
    session.flush()
    session.expire(allegation, ["evidence"])
    finding = evaluate(session, allegation, read_standards(session))
    allegation.status = finding.status
    allegation.reasons = finding.assessment.reasons
    allegation.updated_at = utcnow()
    finding.recorded_status = finding.status
    return finding


def get_allegation_row(session: Session, allegation_id: int) -> Allegation:
    allegation = session.get(Allegation, allegation_id)
    if allegation is None:
        raise BadInput(f"no allegation with id {allegation_id}", where="ALLEGATION_ID")
    return allegation


def add_allegation(
    case: Case,
    *,
    actor: Actor,
    summary: str,
    act_codes: list[str],
    place: str | None = None,
    time: str | None = None,
    victims: str | None = None,
    perpetrator: str | None = None,
    details: str | None = None,
    standard: str | None = None,
) -> int:
    """Record a claim; `place` is a gazetteer id or name, or a described area."""
    require(actor, "records:write")
    if not summary or not summary.strip():
        raise BadInput("an allegation needs a summary", where="summary")
    codes = check_act_codes(act_codes)
    if not codes:
        raise BadInput("name at least one act code from the vocabulary", where="act")
    time_text, earliest, latest = parse_time(time)
    with case.session() as session:
        if standard is not None:
            read_standards(session).get(standard)
        allegation = Allegation(
            summary=summary.strip(),
            act_codes=codes,
            place=place_for(session, place),
            time_text=time_text,
            earliest=earliest,
            latest=latest,
            victims=victims,
            perpetrator=perpetrator,
            details=details,
            standard=standard,
            created_by=actor.name,
        )
        session.add(allegation)
        session.flush()
        record_assessment(session, allegation)
        record_audit(session, actor, "allegation.add", f"allegation:{allegation.id}",
                     {"acts": codes})  # fmt: skip
        return allegation.id


def list_allegations(case: Case, *, actor: Actor) -> list[Finding]:
    """Every allegation with its current finding, in the order they were recorded."""
    require(actor, "records:read")
    with case.session() as session:
        standards = read_standards(session)
        rows = session.scalars(select(Allegation).order_by(Allegation.id)).all()
        return [evaluate(session, a, standards) for a in rows]


def get_allegation(case: Case, allegation_id: int, *, actor: Actor) -> Finding:
    require(actor, "records:read")
    with case.session() as session:
        return evaluate(
            session, get_allegation_row(session, allegation_id), read_standards(session)
        )


def findings(case: Case, *, actor: Actor) -> list[Finding]:
    """The findings table: the same as list_allegations, named for what reports call it."""
    return list_allegations(case, actor=actor)


def reassess(case: Case, *, actor: Actor, allegation_id: int | None = None) -> list[Finding]:
    """Recompute and store findings, e.g. after linkage merged witnesses or sources were related."""
    require(actor, "records:write")
    with case.session() as session:
        record_audit(session, actor, "allegation.reassess", f"allegation:{allegation_id or '*'}")
        query = select(Allegation).order_by(Allegation.id)
        if allegation_id is not None:
            query = query.where(Allegation.id == get_allegation_row(session, allegation_id).id)
        return [record_assessment(session, a) for a in session.scalars(query).all()]


def get_standards(case: Case, *, actor: Actor) -> StandardSet:
    require(actor, "records:read")
    with case.session() as session:
        return read_standards(session)


def set_standards(case: Case, standards: StandardSet, *, actor: Actor) -> list[Finding]:
    """Replace the case's standards and reassess every allegation under them."""
    require(actor, "records:write")
    with case.session() as session:
        record_audit(session, actor, "standards.set", "case")
        for allegation in session.scalars(select(Allegation)):
            if allegation.standard is not None:
                standards.get(allegation.standard)  # refuse to orphan an allegation's standard
        write_standards(session, standards)
        session.flush()
        rows = session.scalars(select(Allegation).order_by(Allegation.id)).all()
        return [record_assessment(session, a) for a in rows]
