"""Place rows: one per gazetteer facility, one per described area, created on first use."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from docket.errors import BadInput
from docket.store.models import Place
from docket.vocab import facility_by_id


def find_or_create_place(
    session: Session,
    gazetteer_id: str | None,
    name: str,
    kind: str = "place",
    lat: float | None = None,
    lon: float | None = None,
) -> Place:
    """The Place for a gazetteer id, else for a free-text name (created with `kind` and the
    position given, if any).

    Facilities share one row so every record about a camp points at the same place; its name and
    position come from the gazetteer, never from the words that happened to cite it.
    """
    if gazetteer_id:
        facility = facility_by_id().get(gazetteer_id)
        if facility is None:
            raise BadInput(f"unknown gazetteer id {gazetteer_id!r}", where="place_id")
        place = session.scalar(select(Place).where(Place.gazetteer_id == gazetteer_id))
        if place is None:
            place = Place(
                gazetteer_id=gazetteer_id,
                name=facility.name,
                kind=facility.type,
                lat=facility.lat,
                lon=facility.lon,
            )
            session.add(place)
            session.flush()
        return place
    place = session.scalar(select(Place).where(Place.gazetteer_id.is_(None), Place.name == name))
    if place is None:
        place = Place(name=name, kind=kind, lat=lat, lon=lon)
        session.add(place)
        session.flush()
    return place
