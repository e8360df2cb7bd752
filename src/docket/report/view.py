"""What one reader may see of a case, gathered once for every report and export.

This is the one place reports and exports read the case. Everything that leaves passes through
the reader's `Redactor` (docket.security): sources the reader may not see are left out, free
text is masked in every spelling docket knows, names become pseudonyms or are withheld, and
sensitive text is withheld. Exports and the report only format what `case_view` returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import func, select

import docket
from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.evidence import findings, get_standards
from docket.evidence.patterns import event_patterns
from docket.report.fingerprint import Fingerprint, case_fingerprint
from docket.security import Redactor, record_audit, require
from docket.security.redact import NAME_WITHHELD, SENSITIVE_WITHHELD
from docket.store.models import (
    CustodyEntry,
    DocList,
    EstimateRun,
    Event,
    Identity,
    LinkRun,
    ListEntry,
    Organization,
    PersonReport,
    Source,
    Witness,
)
from docket.vocab import acts, facility_by_id

NOT_SHOWN = "[evidence from a source not shown to this reader]"
WITNESS_WITHHELD = "[a witness]"
MAX_ESTIMATES = 5  # the most recent estimate runs a report shows
_HURIDOCS = re.compile(r"(\d{12})\s+([^;]+?)\s*(?=;|\.\s*$|$)")


@cache
def huridocs_codes() -> dict[str, tuple[tuple[str, str], ...]]:
    """docket act code -> ((HURIDOCS Types of Acts code, label), ...) from the vocabulary's
    descriptions, which cite micro-thesaurus 4 codes."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for act in acts():
        _, _, tail = act.description.partition("HURIDOCS Types of Acts")
        out[act.code] = tuple((m.group(1), m.group(2).strip()) for m in _HURIDOCS.finditer(tail))
    return out


@cache
def act_labels() -> dict[str, str]:
    return {a.code: a.label for a in acts()}


def is_synthetic(case: Case) -> bool:
    """The demo case (and any test case) says SYNTHETIC in its name; its outputs must say so."""
    return "synthetic" in case.config.name.lower()


@dataclass
class Provenance:
    case_id: str
    case_name: str
    fingerprint: Fingerprint
    docket_version: str
    generated_at: str
    generated_by: str
    role: str
    view: str
    synthetic: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "case_name": self.case_name,
            **self.fingerprint.to_dict(),
            "docket_version": self.docket_version,
            "generated_at": self.generated_at,
            "generated_by": self.generated_by,
            "role": self.role,
            "view": self.view,
            "synthetic": self.synthetic,
        }


@dataclass
class CaseView:
    """Everything a report or export may show to one reader, already redacted."""

    provenance: Provenance
    sources: list[dict[str, Any]]
    hidden_sources: int
    findings: list[dict[str, Any]]
    standards: list[dict[str, Any]]
    default_standard: str
    events: list[dict[str, Any]]
    persons: list[dict[str, Any]]
    organizations: list[dict[str, Any]]
    facilities: list[dict[str, Any]]
    patterns: dict[str, Any]
    linkage: dict[str, Any]
    lists: list[dict[str, Any]]
    estimates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def visible_ids(self) -> set[int]:
        return {s["id"] for s in self.sources}


def _walk_text(value: Any, red: Redactor) -> Any:
    """Every string inside nested lists and dicts masked as free text."""
    if isinstance(value, str):
        return red.text(value)
    if isinstance(value, list):
        return [_walk_text(v, red) for v in value]
    if isinstance(value, dict):
        return {k: _walk_text(v, red) for k, v in value.items()}
    return value


def _without_pseudonyms(value: Any, pattern: re.Pattern[str] | None) -> Any:
    """The public view carries no witness pseudonyms (docket.security: shared pseudonyms let
    readers pool one witness's statements); evidence reasoning names them, so mask them too."""
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub(WITNESS_WITHHELD, value)
    if isinstance(value, list):
        return [_without_pseudonyms(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _without_pseudonyms(v, pattern) for k, v in value.items()}
    return value


def redact_finding(data: dict[str, Any], red: Redactor, visible: dict[int, Source]) -> dict:
    """A finding's JSON for this reader: quotes from sources the reader may not see, or from
    sensitive sources, are withheld; every other string is masked."""
    out = _walk_text(data, red)
    for key in ("supporting", "contradicting"):
        for item in out[key]:
            ids = item.get("source_ids") or []
            if red.full:
                continue
            if any(i not in visible for i in ids):
                item["quote"] = NOT_SHOWN
                item["source_ids"] = [i for i in ids if i in visible]
            elif any(visible[i].sensitive for i in ids):
                item["quote"] = SENSITIVE_WITHHELD
    if not red.full:
        for cluster in out.get("clusters", []):
            cluster["source_ids"] = [i for i in cluster["source_ids"] if i in visible]
    return out


def _source_dict(source: Source, red: Redactor, custody: list[CustodyEntry]) -> dict[str, Any]:
    return {
        "id": source.id,
        "kind": source.kind,
        "title": red.text(source.title or "") or None,
        "filename": red.text(source.filename),
        "origin": red.text(source.origin),
        "author": red.text(source.author or "") or None,
        "outlet": source.outlet,
        "language": source.language,
        "media_type": source.media_type,
        "size": source.size,
        "published": source.published_text or source.published_earliest,
        "published_earliest": source.published_earliest,
        "published_latest": source.published_latest,
        "collected_at": source.collected_at,
        "ingested_at": _iso(source.ingested_at),
        "consent": source.consent,
        "sensitive": source.sensitive,
        "witness": (
            red.witness_label(source.witness) if red.full else red.witness_pseudonym(source.witness)
        ),
        "sha256": source.sha256,
        "text_sha256": source.text_sha256,
        "warc_sha256": source.warc_sha256,
        "blob_sealed": source.blob_sealed,
        "custody": [
            {
                "action": c.action,
                # staff names stay inside the organisation: the public view omits them
                "actor": None if red.view == "public" else red.text(c.actor),
                "at": _iso(c.at),
                "origin": red.text(c.origin),
                "sha256": c.sha256,
                "docket_version": c.docket_version,
            }
            for c in custody
        ],
    }


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds")


def facility_dict(facility_id: str) -> dict[str, Any] | None:
    fac = facility_by_id().get(facility_id)
    if fac is None:
        return None
    estimates = [
        {"population": pop, "year": fac.est_year[i] if i < len(fac.est_year) else "n.d."}
        for i, pop in enumerate(fac.est_population)
    ]
    return {
        "id": fac.id,
        "name": fac.name,
        "hangul": fac.hangul,
        "alt_names": list(fac.alt_names),
        "type": fac.type,
        "province": fac.province,
        "county": fac.county,
        "lat": fac.lat,
        "lon": fac.lon,
        "status": fac.status,
        "status_year": fac.status_year,
        "population_estimates": estimates,
        "source": fac.source,
    }


def _event_dict(event: Event, red: Redactor, persons: dict[int, PersonReport],
                orgs: dict[int, Organization]) -> dict[str, Any]:  # fmt: skip
    place = event.place
    gaz = facility_by_id().get(place.gazetteer_id or "") if place else None
    lat = place.lat if place and place.lat is not None else (gaz.lat if gaz else None)
    lon = place.lon if place and place.lon is not None else (gaz.lon if gaz else None)
    participants = []
    for p in event.participants:
        label = None
        if p.person_report_id and p.person_report_id in persons:
            label = red.person_name(persons[p.person_report_id]) or NAME_WITHHELD
        elif p.organization_id and p.organization_id in orgs:
            label = orgs[p.organization_id].name
        participants.append({
            "role": p.role,
            "person_report_id": None if red.view == "public" else p.person_report_id,
            "organization_id": p.organization_id,
            "label": label,
            "description": red.text(p.description or "") or None,
        })  # fmt: skip
    return {
        "id": event.id,
        "act_code": event.act_code,
        "act_label": act_labels().get(event.act_code),
        "huridocs": [
            {"code": c, "label": lbl} for c, lbl in huridocs_codes().get(event.act_code, ())
        ],
        "place": place.name if place else None,
        "facility_id": place.gazetteer_id if place else None,
        "lat": lat,
        "lon": lon,
        "time": event.time_text,
        "earliest": event.earliest,
        "latest": event.latest,
        "description": red.text(event.description or "") or None,
        "source_id": event.source_id,
        "participants": participants,
    }


def _person_dict(report: PersonReport, red: Redactor, identities: dict[int, str]) -> dict:
    return {
        "id": report.id,
        "name": red.person_name(report) or NAME_WITHHELD,
        "name_hangul": report.name_hangul if red.full else None,
        "role": report.role,
        "sex": report.sex,
        "birth_year": report.birth_year_text,
        "birth_place": red.text(report.birth_place or "") or None if red.full else None,
        "facility_id": report.facility_id,
        "facility": red.text(report.facility_text or "") or None,
        "event_date": report.event_date_text,
        "source_id": report.source_id,
        "identity": identities.get(report.identity_id or -1),
    }


def case_view(case: Case, *, actor: Actor, purpose: str) -> CaseView:
    """Gather the case for one reader. `purpose` ("report html", "export bag", …) goes into the
    audit entry that records the read (a full view reads protected data)."""
    require(actor, "reports:export")
    all_findings = findings(case, actor=actor)
    standards = get_standards(case, actor=actor)
    patterns = event_patterns(case, actor=actor)
    with case.session() as session:
        red = Redactor.for_actor(session, actor)
        fp = case_fingerprint(session, case.keyring, case.config.case_id)
        all_sources = list(session.scalars(select(Source).order_by(Source.id)))
        visible = {s.id: s for s in all_sources if red.can_see(s)}
        custody: dict[int, list[CustodyEntry]] = {}
        for entry in session.scalars(select(CustodyEntry).order_by(CustodyEntry.id)):
            if entry.source_id is not None:
                custody.setdefault(entry.source_id, []).append(entry)
        sources = [_source_dict(s, red, custody.get(s.id, [])) for s in visible.values()]
        identities = {i.id: i.label for i in session.scalars(select(Identity))}
        reports = {
            r.id: r
            for r in session.scalars(select(PersonReport).order_by(PersonReport.id))
            if r.source_id is None or r.source_id in visible
        }
        orgs = {o.id: o for o in session.scalars(select(Organization).order_by(Organization.id))}
        events = [
            _event_dict(e, red, reports, orgs)
            for e in session.scalars(select(Event).order_by(Event.id))
            if e.source_id is None or e.source_id in visible
        ]
        # The public view lists no persons: stable per-person ids across published material
        # let readers pool one person's records (as pseudonyms would; see docket.security).
        persons = (
            []
            if red.view == "public"
            else [_person_dict(r, red, identities) for r in reports.values()]
        )
        runs = list(session.scalars(select(LinkRun).order_by(LinkRun.id)))
        linkage = {
            "runs": [
                {
                    "id": r.id,
                    "at": _iso(r.at),
                    "backend": r.backend,
                    "threshold": r.threshold,
                    "summary": _walk_text(r.summary, red),
                }  # fmt: skip
                for r in runs
            ],
            "identities": len(identities),
            "person_reports": len(reports),
        }
        lists = [
            {
                "id": lst.id,
                "name": red.text(lst.name),
                "entries": session.scalar(
                    select(func.count()).select_from(ListEntry).where(ListEntry.list_id == lst.id)
                ),
                "source_id": lst.source_id,
            }
            for lst in session.scalars(select(DocList).order_by(DocList.id))
            if lst.source_id is None or lst.source_id in visible
        ]
        finding_dicts = [redact_finding(f.to_dict(), red, visible) for f in all_findings]
        pseudonyms = None
        if red.view == "public":
            known = sorted(session.scalars(select(Witness.pseudonym)), key=len, reverse=True)
            if known:
                pseudonyms = re.compile(r"\b(?:" + "|".join(map(re.escape, known)) + r")\b")
        finding_dicts = _without_pseudonyms(finding_dicts, pseudonyms)
        events = _without_pseudonyms(events, pseudonyms)
        estimates = [
            {
                "run_id": run.id,
                "at": _iso(run.at),
                "method": run.method,
                "lists": [red.text(name) for name in run.lists],
                "strata": list(run.strata),
                "spec": _walk_text(run.spec, red),
                "result": _walk_text(run.result, red),
            }
            for run in session.scalars(
                select(EstimateRun).order_by(EstimateRun.id.desc()).limit(MAX_ESTIMATES)
            )
        ]
        record_audit(session, actor, "report.read", purpose,
                     {"view": red.view, "fingerprint": fp.value,
                      "sources": len(visible)})  # fmt: skip
    facility_ids = {f["facility_id"] for f in finding_dicts if f.get("facility_id")}
    facility_ids |= {e["facility_id"] for e in events if e.get("facility_id")}
    facility_ids |= {p["facility_id"] for p in persons if p.get("facility_id")}
    facilities = [d for fid in sorted(facility_ids) if (d := facility_dict(fid))]
    provenance = Provenance(
        case_id=case.config.case_id,
        case_name=case.config.name,
        fingerprint=fp,
        docket_version=docket.__version__,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        generated_by=actor.name,
        role=actor.role,
        view=red.view,
        synthetic=is_synthetic(case),
    )
    return CaseView(
        provenance=provenance,
        sources=sources,
        hidden_sources=len(all_sources) - len(visible),
        findings=finding_dicts,
        standards=[
            {"key": s.key, "label": s.label, "rule": s.describe()} for s in standards.standards
        ],  # fmt: skip
        default_standard=standards.default,
        events=events,
        persons=persons,
        organizations=[
            {"id": o.id, "name": o.name, "name_hangul": o.name_hangul, "kind": o.kind}
            for o in orgs.values()
        ],  # fmt: skip
        facilities=facilities,
        patterns=_walk_text(patterns.to_dict(), red),
        linkage=linkage,
        lists=lists,
        estimates=estimates,
    )


def source_payloads(case: Case, view: CaseView, *, actor: Actor) -> list[dict[str, Any]]:
    """What an export may carry of each visible source: for the full view the original bytes
    (opened if sealed) and its WARC record; for every other view only the redacted text.
    Reading originals in full is audited."""
    require(actor, "reports:export")
    out: list[dict[str, Any]] = []
    with case.session() as session:
        red = Redactor.for_actor(session, actor)
        for source_id in sorted(view.visible_ids):
            source = session.get(Source, source_id)
            if source is None or not red.can_see(source):
                continue
            item: dict[str, Any] = {"id": source.id, "sha256": source.sha256,
                                    "media_type": source.media_type}  # fmt: skip
            if red.full:
                item["original"] = case.blobs.get(source.sha256)
                if source.warc_sha256:
                    item["warc_sha256"] = source.warc_sha256
                    item["warc"] = case.blobs.get(source.warc_sha256)
            else:
                item["text"] = red.source_text(source)
            out.append(item)
        if red.full:
            record_audit(session, actor, "export.originals", "sources",
                         {"sources": len(out)})  # fmt: skip
    return out


_BREADTH = {"full": 2, "pseudonymous": 1, "public": 0}


def reader_for(actor: Actor, role: str | None) -> Actor:
    """The actor to make a report or export as: `actor` itself, or the same person reading
    with a narrower role (an investigator preparing the public version). Widening is refused."""
    from docket.actor import ROLES
    from docket.security import PermissionDenied, view_of

    if role is None or role == actor.role:
        return actor
    if role not in ROLES:
        raise BadInput(f"unknown role {role!r}; expected one of {', '.join(ROLES)}",
                       where="--role")  # fmt: skip
    reader = Actor(actor.name, role)
    if _BREADTH[view_of(reader)] > _BREADTH[view_of(actor)]:
        raise PermissionDenied(
            f"{actor.name} ({actor.role}) may not make the {role} view: it shows more than "
            f"the {view_of(actor)} view"
        )
    return reader
