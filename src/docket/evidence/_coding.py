"""Turning what a person types (act codes, a place, fuzzy time, a grade) into checked values."""

from __future__ import annotations

from sqlalchemy.orm import Session

from docket.errors import BadInput
from docket.fuzzytime import parse_fuzzy_date
from docket.store.models import Place
from docket.store.places import find_or_create_place
from docket.vocab import acts, facility_by_id, facility_id_for

RELIABILITY_GRADES = "ABCDEF"


def check_act_codes(codes: list[str] | tuple[str, ...], where: str = "act") -> list[str]:
    known = {a.code for a in acts()}
    cleaned = [c.strip().upper() for c in codes if c.strip()]
    for code in cleaned:
        if code not in known:
            raise BadInput(
                f"unknown act code {code!r}; see the vocabulary (e.g. "
                f"{', '.join(sorted(known)[:4])}, ...)",
                where=where,
            )
    return list(dict.fromkeys(cleaned))


def resolve_facility(words: str | None) -> str | None:
    """A gazetteer id for an id or any of a facility's names; None when not in the gazetteer."""
    if not words or not words.strip():
        return None
    if words.strip().upper() in facility_by_id():
        return words.strip().upper()
    return facility_id_for(words)


def place_for(session: Session, words: str | None) -> Place | None:
    """The Place for a gazetteer facility or, failing that, for the area the words describe."""
    if not words or not words.strip():
        return None
    return find_or_create_place(session, resolve_facility(words), words.strip(), kind="area")


def parse_time(words: str | None, where: str = "time") -> tuple[str | None, str | None, str | None]:
    """(words, earliest, latest); a form docket does not know is bad input, not a guess."""
    if not words or not words.strip():
        return None, None, None
    when = parse_fuzzy_date(words)
    if when is None:
        raise BadInput(
            f"cannot read {words!r} as a date or period (e.g. 1997, spring 1997, "
            "1995-1999, the early 1990s, 1997년 봄)",
            where=where,
        )
    return when.text, when.earliest_iso, when.latest_iso


def check_grade(reliability: str | None, credibility: int | None) -> tuple[str | None, int | None]:
    """Admiralty grading: reliability A–F, credibility 1–6; either may be left ungraded."""
    if reliability is not None:
        reliability = reliability.strip().upper()
        if len(reliability) != 1 or reliability not in RELIABILITY_GRADES:
            raise BadInput(
                f"reliability must be one of A B C D E F, not {reliability!r}", where="reliability"
            )
    if credibility is not None and not 1 <= credibility <= 6:
        raise BadInput(f"credibility must be 1 to 6, not {credibility}", where="credibility")
    return reliability, credibility
