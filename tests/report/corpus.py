"""A small case for report and export tests: the security tests' planted witness (whose name
must never reach an analyst or public output), an allegation quoting the witness's words, and
an event whose description and participant name the witness."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.evidence import add_allegation, link_evidence
from docket.ingest import ingest_paths
from docket.store.models import Event, EventParticipant, PersonReport, Place, Source
from tests.security.plant import FAMILY, GIVEN, HANGUL, write_plant

ADMIN = Actor("test-admin", "admin")


def populate(case: Case, folder: Path) -> dict[str, int]:
    """Ingest the plant and code records that quote it; returns ids the tests use."""
    files = write_plant(folder)
    report = ingest_paths(case, [folder], actor=ADMIN)
    assert report.count("ingested") == len(files), [o.reason for o in report.failed]
    with case.session() as session:
        sources = {s.filename: s for s in session.scalars(select(Source))}
        testimony = next(s for s in sources.values() if s.filename.endswith("t1.md"))
        sensitive = next(s for s in sources.values() if s.filename.endswith("t2.md"))
        article = next(s for s in sources.values() if s.kind == "article")
        listed = session.scalar(select(PersonReport).where(PersonReport.record_key == "pl-1"))
        ids = {"testimony": testimony.id, "sensitive": sensitive.id, "article": article.id}
    allegation = add_allegation(
        case, actor=ADMIN, summary="SYNTHETIC: forced labour in the gypsum mine at Yodok",
        act_codes=["V-FORCEDLAB"], place="Yodok", time="1997",
    )  # fmt: skip
    link_evidence(case, allegation, actor=ADMIN, stance="supports", source_id=ids["testimony"],
                  quote=f"The guards called me {FAMILY} {GIVEN} in the camp", first_hand=True,
                  reliability="B", credibility=2)  # fmt: skip
    link_evidence(case, allegation, actor=ADMIN, stance="supports", source_id=ids["sensitive"],
                  quote="I met", reliability="C", credibility=3)  # fmt: skip
    link_evidence(case, allegation, actor=ADMIN, stance="supports", source_id=ids["article"],
                  quote="forced labour at Yodok", reliability="C", credibility=3)  # fmt: skip
    with case.session() as session:
        place = session.scalar(select(Place).where(Place.gazetteer_id == "KWN-15"))
        kaechon = Place(gazetteer_id="KWN-14", name="Kaechon political prison camp",
                        kind="kwanliso", lat=39.5715602, lon=126.0622053)  # fmt: skip
        session.add(kaechon)
        event = Event(act_code="CAH-F", place=kaechon, time_text="spring 1997",
                      earliest="1997-03-01", latest="1997-05-31",
                      description=f"SYNTHETIC: guards beat {GIVEN.upper()} {FAMILY} ({HANGUL})",
                      source_id=ids["testimony"], created_by=ADMIN.name)  # fmt: skip
        session.add(event)
        session.flush()
        session.add(EventParticipant(event_id=event.id, role="victim",
                                     person_report_id=listed.id if listed else None,
                                     description=f"{FAMILY} {GIVEN}, a prisoner"))  # fmt: skip
        ids["event"] = event.id
        ids["allegation"] = allegation
        ids["yodok_place"] = place.id if place else 0
    return ids
