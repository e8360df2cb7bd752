"""Writing the records ingestion produces: witnesses and list rows as PersonReports."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from docket.fuzzytime import parse_fuzzy_date
from docket.ingest.base import PersonRow, WitnessInfo
from docket.store.models import DocList, ListEntry, PersonReport, Witness
from docket.vocab import facility_id_for

_CONTRACT_COLUMNS = {
    "record_id", "source", "name", "name_hangul", "sex", "birth_year", "birth_place",
    "facility", "event_date",
}  # fmt: skip


def next_pseudonym(session: Session) -> str:
    count = session.scalar(select(func.count()).select_from(Witness)) or 0
    return f"W-{count + 1:04d}"


def find_or_create_witness(session: Session, info: WitnessInfo) -> Witness:
    """One witness per pseudonym; a testimony without one gets the next free pseudonym."""
    if info.pseudonym:
        existing = session.scalar(select(Witness).where(Witness.pseudonym == info.pseudonym))
        if existing is not None:
            existing.name = existing.name or info.name
            existing.contact = existing.contact or info.contact
            existing.family_details = existing.family_details or info.family_details
            return existing
    witness = Witness(
        pseudonym=info.pseudonym or next_pseudonym(session),
        name=info.name,
        contact=info.contact,
        family_details=info.family_details,
    )
    session.add(witness)
    session.flush()
    return witness


def _list_named(session: Session, name: str, source_id: int, filename: str) -> DocList:
    found = session.scalar(select(DocList).where(DocList.name == name))
    if found is None:
        found = DocList(name=name, source_id=source_id, description=f"from {filename}")
        session.add(found)
        session.flush()
    return found


def add_list_rows(session: Session, source_id: int, filename: str, rows: list[PersonRow]) -> None:
    """The rows of the list file stored as source `source_id` (named `filename`)."""
    lists: dict[str, DocList] = {}
    reports: list[tuple[PersonRow, DocList, PersonReport]] = []
    for row in rows:
        fields = row.fields
        doc_list = lists.get(row.source) or _list_named(session, row.source, source_id, filename)
        lists[row.source] = doc_list
        birth = parse_fuzzy_date(fields.get("birth_year"))
        event = parse_fuzzy_date(fields.get("event_date"))
        report = PersonReport(
            source_id=source_id,
            record_key=row.record_id,
            role="victim",
            name=fields.get("name") or None,
            name_hangul=fields.get("name_hangul") or None,
            sex=(fields.get("sex") or "").upper() or None,
            birth_year_text=fields.get("birth_year") or None,
            birth_year_earliest=birth.earliest.year if birth else None,
            birth_year_latest=birth.latest.year if birth else None,
            birth_place=fields.get("birth_place") or None,
            facility_text=fields.get("facility") or None,
            facility_id=facility_id_for(fields.get("facility")),
            event_date_text=fields.get("event_date") or None,
            event_earliest=event.earliest_iso if event else None,
            event_latest=event.latest_iso if event else None,
            extra={k: v for k, v in fields.items() if k not in _CONTRACT_COLUMNS},
        )
        reports.append((row, doc_list, report))
    session.add_all([report for _, _, report in reports])
    session.flush()
    session.add_all(
        ListEntry(list_id=doc_list.id, person_report_id=report.id, line=row.line)
        for row, doc_list, report in reports
    )
