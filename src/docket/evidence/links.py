"""Linking evidence to allegations, and recording that one source cites or republishes another.

Each function is the single place its write happens, in one transaction, and ends by
recomputing the findings it affects, so a status is never older than its evidence.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.evidence._coding import check_grade, parse_time, place_for, resolve_facility
from docket.evidence.allegations import Finding, get_allegation_row, record_assessment
from docket.security import record_audit, require
from docket.store.blobs import sha256_hex
from docket.store.models import (
    SOURCE_RELATIONS,
    Allegation,
    Event,
    EvidenceDetail,
    EvidenceLink,
    Excerpt,
    Source,
    SourceRelation,
)

STANCES = ("supports", "contradicts")


def excerpt_in(session: Session, source_id: int, start: int, end: int) -> Excerpt:
    """The excerpt for a span of a source's text, created on first use with the words' hash."""
    source = session.get(Source, source_id)
    if source is None:
        raise BadInput(f"no source with id {source_id}", where="source")
    if not 0 <= start < end <= len(source.text):
        raise BadInput(
            f"span {start}-{end} is not inside the text of source {source_id} "
            f"(0-{len(source.text)}) or is empty",
            where="span",
        )
    found = session.scalar(
        select(Excerpt).where(
            Excerpt.source_id == source_id, Excerpt.start == start, Excerpt.end == end
        )
    )
    if found is not None:
        return found
    excerpt = Excerpt(
        source_id=source_id,
        start=start,
        end=end,
        text_sha256=sha256_hex(source.text[start:end].encode("utf-8")),
    )
    session.add(excerpt)
    session.flush()
    return excerpt


def find_span(session: Session, source_id: int, quote: str) -> tuple[int, int]:
    """Where the quoted words first stand in the source's text (exact match)."""
    source = session.get(Source, source_id)
    if source is None:
        raise BadInput(f"no source with id {source_id}", where="source")
    words = quote.strip()
    at = source.text.find(words) if words else -1
    if at < 0:
        raise BadInput(f"the quoted words are not in the text of source {source_id}", where="quote")
    return at, at + len(words)


def create_excerpt(case: Case, source_id: int, start: int, end: int, *, actor: Actor) -> int:
    require(actor, "records:write")
    with case.session() as session:
        excerpt = excerpt_in(session, source_id, start, end)
        record_audit(session, actor, "excerpt.add", f"excerpt:{excerpt.id}")
        return excerpt.id


def link_evidence(
    case: Case,
    allegation_id: int,
    *,
    actor: Actor,
    stance: str,
    excerpt_id: int | None = None,
    event_id: int | None = None,
    source_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    first_hand: bool = False,
    reliability: str | None = None,
    credibility: int | None = None,
    place: str | None = None,
    time: str | None = None,
    note: str | None = None,
) -> Finding:
    """Link an excerpt (by id, by source + span, or by source + quoted words) or an event.

    `place` and `time` record where and when this piece of evidence says the act happened; they
    are what the standards' place/time consistency tests read.
    """
    require(actor, "records:write")
    if stance not in STANCES:
        raise BadInput(
            f"stance must be 'supports' or 'contradicts', not {stance!r}", where="stance"
        )
    reliability, credibility = check_grade(reliability, credibility)
    time_text, earliest, latest = parse_time(time)
    with case.session() as session:
        allegation = get_allegation_row(session, allegation_id)
        excerpt_id, event_id = _target(session, excerpt_id, event_id, source_id, start, end, quote)
        _refuse_duplicate(session, allegation, excerpt_id, event_id)
        link = EvidenceLink(
            allegation_id=allegation.id,
            excerpt_id=excerpt_id,
            event_id=event_id,
            stance=stance,
            first_hand=first_hand,
            reliability=reliability,
            credibility=credibility,
            note=note,
            created_by=actor.name,
        )
        session.add(link)
        session.flush()
        if place or time_text:
            area = None if resolve_facility(place) else place_for(session, place)
            session.add(
                EvidenceDetail(
                    link_id=link.id,
                    facility_id=resolve_facility(place),
                    place_text=area.name if area else place,
                    time_text=time_text,
                    earliest=earliest,
                    latest=latest,
                )
            )
        record_audit(session, actor, "evidence.link", f"evidence_link:{link.id}",
                     {"allegation": allegation.id, "stance": stance})  # fmt: skip
        return record_assessment(session, allegation)


def _target(
    session: Session,
    excerpt_id: int | None,
    event_id: int | None,
    source_id: int | None,
    start: int | None,
    end: int | None,
    quote: str | None,
) -> tuple[int | None, int | None]:
    given = sum(x is not None for x in (excerpt_id, event_id, source_id))
    if given != 1:
        raise BadInput(
            "give exactly one of an excerpt id, an event id or a source (with a span "
            "or quoted words)",
            where="evidence",
        )
    if event_id is not None:
        if session.get(Event, event_id) is None:
            raise BadInput(f"no event with id {event_id}", where="event")
        return None, event_id
    if excerpt_id is not None:
        if session.get(Excerpt, excerpt_id) is None:
            raise BadInput(f"no excerpt with id {excerpt_id}", where="excerpt")
        return excerpt_id, None
    assert source_id is not None
    if quote is not None:
        start, end = find_span(session, source_id, quote)
    if start is None or end is None:
        raise BadInput("a source needs a span (start and end) or quoted words", where="span")
    return excerpt_in(session, source_id, start, end).id, None


def _refuse_duplicate(
    session: Session, allegation: Allegation, excerpt_id: int | None, event_id: int | None
) -> None:
    existing = session.scalar(
        select(EvidenceLink).where(
            EvidenceLink.allegation_id == allegation.id,
            EvidenceLink.excerpt_id == excerpt_id
            if excerpt_id
            else EvidenceLink.event_id == event_id,
        )
    )
    if existing is not None:
        what = f"excerpt {excerpt_id}" if excerpt_id else f"event {event_id}"
        raise BadInput(
            f"{what} is already linked to allegation {allegation.id} as link {existing.id}",
            where="evidence",
        )


def unlink_evidence(case: Case, link_id: int, *, actor: Actor) -> Finding:
    """Remove one evidence link; the allegation's status is recomputed at once."""
    require(actor, "records:write")
    with case.session() as session:
        record_audit(session, actor, "evidence.unlink", f"evidence_link:{link_id}")
        link = session.get(EvidenceLink, link_id)
        if link is None:
            raise BadInput(f"no evidence link with id {link_id}", where="LINK_ID")
        allegation = link.allegation
        session.delete(link)
        return record_assessment(session, allegation)


def relate_sources(
    case: Case,
    source_id: int,
    related_id: int,
    *,
    actor: Actor,
    relation: str = "cites",
    note: str | None = None,
) -> int:
    """Record that `source_id` cites or republishes `related_id`; findings are recomputed."""
    require(actor, "records:write")
    if relation not in SOURCE_RELATIONS:
        raise BadInput(
            f"relation must be one of {', '.join(SOURCE_RELATIONS)}, not {relation!r}",
            where="relation",
        )
    if source_id == related_id:
        raise BadInput("a source cannot cite itself", where="source")
    with case.session() as session:
        for sid in (source_id, related_id):
            if session.get(Source, sid) is None:
                raise BadInput(f"no source with id {sid}", where="source")
        existing = session.scalar(
            select(SourceRelation).where(
                SourceRelation.source_id == source_id,
                SourceRelation.related_id == related_id,
                SourceRelation.relation == relation,
            )
        )
        if existing is not None:
            return existing.id
        row = SourceRelation(
            source_id=source_id,
            related_id=related_id,
            relation=relation,
            note=note,
            created_by=actor.name,
        )
        session.add(row)
        session.flush()
        record_audit(session, actor, "source.relate", f"source_relation:{row.id}",
                     {"relation": relation})  # fmt: skip
        for allegation in session.scalars(select(Allegation).order_by(Allegation.id)).all():
            record_assessment(session, allegation)
        return row.id
