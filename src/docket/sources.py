"""Reading the preserved sources: list, show, full-text search."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.store.models import CustodyEntry, Source
from docket.store.search import SearchHit, dialect_for, find_hits, make_snippet, parse_query


@dataclass
class SourceSummary:
    id: int
    kind: str
    title: str | None
    language: str | None
    published: str | None
    sha256: str
    filename: str
    consent: str
    witness: str | None  # the pseudonym, never the name

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _summary(source: Source) -> SourceSummary:
    return SourceSummary(
        id=source.id,
        kind=source.kind,
        title=source.title,
        language=source.language,
        published=source.published_earliest or source.collected_at,
        sha256=source.sha256,
        filename=source.filename,
        consent=source.consent,
        witness=source.witness.pseudonym if source.witness else None,
    )


def list_sources(case: Case, *, actor: Actor, kind: str | None = None) -> list[SourceSummary]:
    with case.session() as session:
        query = select(Source).order_by(Source.id)
        if kind:
            query = query.where(Source.kind == kind)
        return [_summary(s) for s in session.scalars(query)]


@dataclass
class SourceDetail:
    summary: SourceSummary
    media_type: str
    size: int
    origin: str
    author: str | None
    outlet: str | None
    interviewer: str | None
    interview_place: str | None
    warc_sha256: str | None
    pages: list[tuple[int, int]]
    custody: list[dict[str, Any]]
    text: str

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(data.pop("summary"))
        return data


def get_source(case: Case, source_id: int, *, actor: Actor) -> SourceDetail:
    with case.session() as session:
        source = session.get(Source, source_id)
        if source is None:
            raise BadInput(f"no source with id {source_id}", where="SOURCE_ID")
        custody = session.scalars(
            select(CustodyEntry)
            .where(CustodyEntry.sha256 == source.sha256)
            .order_by(CustodyEntry.id)
        )
        return SourceDetail(
            summary=_summary(source),
            media_type=source.media_type,
            size=source.size,
            origin=source.origin,
            author=source.author,
            outlet=source.outlet,
            interviewer=source.interviewer,
            interview_place=source.interview_place,
            warc_sha256=source.warc_sha256,
            pages=[(p.start, p.end) for p in source.pages],
            custody=[
                {
                    "action": c.action,
                    "actor": c.actor,
                    "at": c.at.isoformat(),
                    "origin": c.origin,
                    "sha256": c.sha256,
                    "docket_version": c.docket_version,
                }
                for c in custody
            ],  # fmt: skip
            text=source.text,
        )


def search_sources(
    case: Case, query: str, *, actor: Actor, limit: int = 20, kind: str | None = None
) -> list[SearchHit]:
    """Ranked sources whose text holds every word of the query, with hit offsets and snippets."""
    terms = parse_query(query)
    if not terms:
        raise BadInput("the query has no words to search for", where="query")
    with case.session() as session:
        ranked = dialect_for(session).ranked_ids(session, terms, limit * 4 if kind else limit)
        results: list[SearchHit] = []
        for source_id, score in ranked:
            source = session.get(Source, source_id)
            if source is None or (kind and source.kind != kind):
                continue
            hits = find_hits(source.text, terms)
            results.append(
                SearchHit(
                    source_id=source.id,
                    score=score,
                    title=source.title,
                    kind=source.kind,
                    hits=hits,
                    snippet=make_snippet(source.text, hits),
                )
            )
            if len(results) >= limit:
                break
        return results
