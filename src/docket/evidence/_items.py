"""Evidence links read into plain objects: which sources stand behind each, and what it states.

An excerpt stands on its one source. An event stands on its own source and on every excerpt
that cites it, so an event coded from three articles carries all three into independence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, configure_mappers, selectinload

from docket.store.models import Citation, Event, EvidenceLink, Excerpt, Source


@dataclass
class EvidenceItem:
    link_id: int
    stance: str
    first_hand: bool
    reliability: str | None
    credibility: int | None
    excerpt_id: int | None
    event_id: int | None
    source_ids: tuple[int, ...]
    quote: str
    note: str | None = None
    facility_id: str | None = None
    place_text: str | None = None
    time_text: str | None = None
    earliest: str | None = None
    latest: str | None = None
    # filled by assessment
    cluster: int | None = None
    counts: bool | None = None
    why: list[str] = field(default_factory=list)

    @property
    def grade(self) -> str:
        return f"{self.reliability or '?'}{self.credibility or '?'}"

    def interval(self) -> tuple[date, date] | None:
        return _interval(self.earliest, self.latest)

    def to_dict(self) -> dict[str, object]:
        return {
            "link_id": self.link_id,
            "stance": self.stance,
            "first_hand": self.first_hand,
            "reliability": self.reliability,
            "credibility": self.credibility,
            "excerpt_id": self.excerpt_id,
            "event_id": self.event_id,
            "source_ids": list(self.source_ids),
            "quote": self.quote,
            "note": self.note,
            "place": self.facility_id or self.place_text,
            "time": self.time_text,
            "earliest": self.earliest,
            "latest": self.latest,
            "cluster": self.cluster,
            "counts": self.counts,
            "why": self.why,
        }


def _interval(earliest: str | None, latest: str | None) -> tuple[date, date] | None:
    if not earliest and not latest:
        return None
    lo = date.fromisoformat(earliest) if earliest else date.min
    hi = date.fromisoformat(latest) if latest else date.max
    return lo, hi


def excerpt_text(source: Source, excerpt: Excerpt) -> str:
    return source.text[excerpt.start : excerpt.end]


def load_items(session: Session, allegation_id: int) -> list[EvidenceItem]:
    configure_mappers()  # EvidenceLink.detail is a backref: it exists once mappers are set up
    links = session.scalars(
        select(EvidenceLink)
        .where(EvidenceLink.allegation_id == allegation_id)
        .order_by(EvidenceLink.id)
        .options(selectinload(EvidenceLink.detail))  # type: ignore[attr-defined]
    ).all()
    wanted = [link.excerpt_id for link in links if link.excerpt_id is not None]
    # every excerpt with its source in two queries, not two per link (kept referenced: the
    # session's identity map holds objects weakly)
    excerpts = {e.id: e for e in session.scalars(
        select(Excerpt).where(Excerpt.id.in_(wanted)).options(selectinload(Excerpt.source))
    )}  # fmt: skip
    return [_item(session, link, excerpts) for link in links]


def _item(session: Session, link: EvidenceLink, excerpts: dict[int, Excerpt]) -> EvidenceItem:
    item = EvidenceItem(
        link_id=link.id,
        stance=link.stance,
        first_hand=bool(link.first_hand),
        reliability=link.reliability,
        credibility=link.credibility,
        excerpt_id=link.excerpt_id,
        event_id=link.event_id,
        source_ids=(),
        quote="",
        note=link.note,
    )
    if link.excerpt_id is not None:
        excerpt = excerpts.get(link.excerpt_id)
        if excerpt is not None:
            item.source_ids = (excerpt.source_id,)
            item.quote = excerpt_text(excerpt.source, excerpt)
    elif link.event_id is not None:
        event = session.get(Event, link.event_id)
        if event is not None:
            cited = session.scalars(
                select(Excerpt.source_id)
                .join(Citation, Citation.excerpt_id == Excerpt.id)
                .where(Citation.record_type == "event", Citation.record_id == event.id)
            ).all()
            ids = {*cited, *([event.source_id] if event.source_id else [])}
            item.source_ids = tuple(sorted(ids))
            item.quote = event.description or f"event {event.id} ({event.act_code})"
            if event.place is not None:
                item.facility_id = event.place.gazetteer_id
                item.place_text = event.place.name
            item.time_text, item.earliest, item.latest = (
                event.time_text,
                event.earliest,
                event.latest,
            )
    detail = getattr(link, "detail", None)
    if detail is not None:  # what the coder recorded overrides what the event says
        item.facility_id = detail.facility_id or item.facility_id
        item.place_text = detail.place_text or item.place_text
        if detail.earliest or detail.latest:
            item.time_text, item.earliest, item.latest = (
                detail.time_text,
                detail.earliest,
                detail.latest,
            )
    return item
