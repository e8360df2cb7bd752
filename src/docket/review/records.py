"""Turning one accepted suggestion into the record it stands for, citing its excerpt."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from docket.errors import BadInput
from docket.fuzzytime import parse_fuzzy_date
from docket.store.blobs import sha256_hex
from docket.store.models import (
    Citation,
    Event,
    EventParticipant,
    Excerpt,
    Organization,
    PersonReport,
    Source,
    Suggestion,
)
from docket.store.places import find_or_create_place
from docket.vocab import acts, facility_id_for

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
PERSON_ROLES = ("victim", "witness", "perpetrator", "official", "mentioned")
# how far (characters) from an act to look for the place and time it happened
CONTEXT_WINDOW = 300


@dataclass
class SuggestionEdit:
    """What a reviewer changed before accepting; empty fields keep the suggestion's value."""

    start: int | None = None
    end: int | None = None
    label: str | None = None
    name: str | None = None
    role: str | None = None
    place_id: str | None = None
    time_text: str | None = None
    victims: list[int] = field(default_factory=list)
    perpetrators: list[int] = field(default_factory=list)

    def is_empty(self) -> bool:
        return self == SuggestionEdit()


def excerpt_for(session: Session, source: Source, start: int, end: int) -> Excerpt:
    """The excerpt for a span, created once; its hash pins the exact words it cites."""
    if not 0 <= start < end <= len(source.text):
        raise BadInput(f"span {start}-{end} is not inside the text", where=f"source {source.id}")
    found = session.scalar(
        select(Excerpt).where(
            Excerpt.source_id == source.id, Excerpt.start == start, Excerpt.end == end
        )
    )
    if found is None:
        words = source.text[start:end]
        found = Excerpt(
            source_id=source.id,
            start=start,
            end=end,
            text_sha256=sha256_hex(words.encode("utf-8")),
        )
        session.add(found)
        session.flush()
    return found


def cite(session: Session, record_type: str, record_id: int, excerpt: Excerpt) -> None:
    exists = session.scalar(
        select(Citation.id).where(
            Citation.record_type == record_type,
            Citation.record_id == record_id,
            Citation.excerpt_id == excerpt.id,
        )
    )
    if exists is None:
        session.add(Citation(record_type=record_type, record_id=record_id, excerpt_id=excerpt.id))


def _neighbour(session: Session, suggestion: Suggestion, kind: str) -> Suggestion | None:
    """The closest non-rejected suggestion of `kind` around an act, within CONTEXT_WINDOW."""
    candidates = session.scalars(
        select(Suggestion).where(
            Suggestion.source_id == suggestion.source_id,
            Suggestion.kind == kind,
            Suggestion.status != "rejected",
            Suggestion.end >= suggestion.start - CONTEXT_WINDOW,
            Suggestion.start <= suggestion.end + CONTEXT_WINDOW,
        )
    ).all()
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c.start - suggestion.start))


def make_person(
    session: Session, source: Source, s: Suggestion, edit: SuggestionEdit, excerpt: Excerpt
) -> tuple[str, int]:
    name = edit.name or s.text
    role = edit.role or "mentioned"
    if role not in PERSON_ROLES:
        raise BadInput(f"role {role!r}; expected one of {', '.join(PERSON_ROLES)}", where="role")
    hangul = bool(_HANGUL.search(name))
    report = PersonReport(
        source_id=source.id,
        excerpt_id=excerpt.id,
        role=role,
        name=None if hangul else name,
        name_hangul=name if hangul else None,
    )
    session.add(report)
    session.flush()
    cite(session, "person_report", report.id, excerpt)
    return "person_report", report.id


def make_organization(session: Session, s: Suggestion, edit: SuggestionEdit, excerpt: Excerpt):
    name = edit.name or s.text
    org = session.scalar(select(Organization).where(Organization.name == name))
    if org is None:
        org = Organization(name=name)
        session.add(org)
        session.flush()
    cite(session, "organization", org.id, excerpt)
    return "organization", org.id


def make_place(session: Session, s: Suggestion, edit: SuggestionEdit, excerpt: Excerpt):
    gazetteer_id = edit.place_id or s.payload.get("place_id") or facility_id_for(s.text)
    place = find_or_create_place(session, gazetteer_id, edit.name or s.text)
    cite(session, "place", place.id, excerpt)
    return "place", place.id


def make_event(
    session: Session, source: Source, s: Suggestion, edit: SuggestionEdit, excerpt: Excerpt, actor
):
    code = edit.label or s.label
    if code not in {a.code for a in acts()}:
        raise BadInput(f"unknown act type {code!r}; see the vocabulary", where="label")
    event = Event(act_code=code, source_id=source.id, created_by=actor.name)
    place_hint = _neighbour(session, s, "place")
    if edit.place_id:
        event.place = find_or_create_place(session, edit.place_id, edit.place_id)
    elif place_hint is not None:
        hint_id = place_hint.payload.get("place_id") or facility_id_for(place_hint.text)
        event.place = find_or_create_place(session, hint_id, place_hint.text)
    time_words = edit.time_text
    if time_words is None:
        date_hint = _neighbour(session, s, "date")
        if date_hint is not None:
            time_words = date_hint.text
            event.earliest = date_hint.payload.get("earliest")
            event.latest = date_hint.payload.get("latest")
    if time_words and not event.earliest:
        interval = parse_fuzzy_date(time_words)
        if interval is None:
            raise BadInput(f"cannot read {time_words!r} as a date or period", where="time")
        event.earliest, event.latest = interval.earliest_iso, interval.latest_iso
    event.time_text = time_words
    event.description = source.text[max(0, s.start - 120) : s.end + 120].strip()
    session.add(event)
    session.flush()
    for role, ids in (("victim", edit.victims), ("perpetrator", edit.perpetrators)):
        for person_id in ids:
            if session.get(PersonReport, person_id) is None:
                raise BadInput(f"no person report {person_id}", where=role)
            session.add(EventParticipant(event_id=event.id, role=role, person_report_id=person_id))
    cite(session, "event", event.id, excerpt)
    return "event", event.id
