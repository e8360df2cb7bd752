"""Reading the preserved sources: list, show, full-text search.

Every function checks the actor's permission first and passes what it returns through the
reader's Redactor: analysts see pseudonyms, reviewers and the public only consented-public
sources with names masked. Showing protected text in full is recorded in the audit trail, one
entry per read. Results are computed once per change version and reader's role
(docket.readcache); the audit entry is appended on every read, cached or not.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import defer, selectinload

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.readcache import cached
from docket.security.audit import record_read
from docket.security.policy import require
from docket.security.redact import Redactor
from docket.store.models import CustodyEntry, Source, Witness
from docket.store.search import (
    QueryTerm,
    SearchHit,
    dialect_for,
    find_hits,
    make_snippet,
    parse_query,
)

# What a summary needs of a source, in one query for the sources and one for their witnesses'
# pseudonyms: not the text or the interview place, nor the witnesses' protected fields, which
# would all be decrypted on load
SUMMARY_ONLY = (
    defer(Source.text),
    defer(Source.interview_place),
    selectinload(Source.witness).load_only(Witness.id, Witness.pseudonym),
)


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
    witness: str | None  # the pseudonym, never the name (none in the public view)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _summary(source: Source, red: Redactor) -> SourceSummary:
    return SourceSummary(
        id=source.id,
        kind=source.kind,
        title=red.text(source.title) if source.title else None,
        language=source.language,
        published=source.published_earliest or source.collected_at,
        sha256=source.sha256,
        filename=red.text(source.filename),
        consent=source.consent,
        witness=red.witness_pseudonym(source.witness),
    )


def list_sources(case: Case, *, actor: Actor, kind: str | None = None) -> list[SourceSummary]:
    require(actor, "sources:read")

    def compute() -> list[SourceSummary]:
        with case.session() as session:
            red = Redactor.for_actor(session, actor)
            query = select(Source).options(*SUMMARY_ONLY).order_by(Source.id)
            if kind:
                query = query.where(Source.kind == kind)
            return [_summary(s, red) for s in session.scalars(query) if red.can_see(s)]

    return cached(case, ("sources", actor.role, kind), compute)


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
    """One source in full for the reader's view; a source the view may not see is reported as
    absent, so its existence does not leak. Every read of protected text in full appends its own
    audit entry (committed before this returns)."""
    require(actor, "sources:read")
    detail, protected = cached(
        case, ("source", actor.role, source_id), lambda: _source_detail(case, source_id, actor)
    )
    if protected:
        record_read(case, actor, "source.read-protected", f"source:{source_id}",
                    {"fields": protected})  # fmt: skip
    return detail


def _source_detail(case: Case, source_id: int, actor: Actor) -> tuple[SourceDetail, list[str]]:
    """The detail, and the protected fields it shows in full (to be audited on each read)."""
    with case.session() as session:
        source = session.get(Source, source_id)
        red = Redactor.for_actor(session, actor)
        if source is None or not red.can_see(source):
            raise BadInput(f"no source with id {source_id}", where="SOURCE_ID")
        custody = session.scalars(
            select(CustodyEntry)
            .where(CustodyEntry.sha256 == source.sha256)
            .order_by(CustodyEntry.id)
        )
        detail = SourceDetail(
            summary=_summary(source, red),
            media_type=source.media_type,
            size=source.size,
            origin=red.text(source.origin),
            author=source.author,
            outlet=source.outlet,
            interviewer=red.text(source.interviewer) if source.interviewer else None,
            interview_place=source.interview_place if red.full else None,
            warc_sha256=source.warc_sha256,
            pages=[(p.start, p.end) for p in source.pages],
            custody=[
                {
                    "action": c.action,
                    "actor": c.actor,
                    "at": c.at.isoformat(),
                    "origin": red.text(c.origin),
                    "sha256": c.sha256,
                    "docket_version": c.docket_version,
                }
                for c in custody
            ],  # fmt: skip
            text=red.source_text(source),
        )
        protected = [
            f
            for f, on in (
                ("text", source.text_encrypted),
                ("interview_place", bool(source.interview_place)),
            )
            if on
        ]
        return detail, protected if red.full else []  # fmt: skip


def search_sources(
    case: Case, query: str, *, actor: Actor, limit: int = 20, kind: str | None = None
) -> list[SearchHit]:
    """Ranked sources whose text holds every word of the query, with hit offsets and snippets
    (protected names masked in snippets, for every role)."""
    require(actor, "sources:read")
    terms = parse_query(query)
    if not terms:
        raise BadInput("the query has no words to search for", where="query")
    return cached(case, ("search", actor.role, query, limit, kind),
                  lambda: _search(case, terms, actor, limit, kind))  # fmt: skip


def _search(case: Case, terms: list[QueryTerm], actor: Actor, limit: int, kind: str | None
            ) -> list[SearchHit]:  # fmt: skip
    with case.session() as session:
        red = Redactor.for_actor(session, actor)
        wide = limit if red.full and not kind else limit * 4
        ranked = dialect_for(session).ranked_ids(session, terms, wide)
        # one query for all ranked sources, kept here: the session's identity map holds clean
        # objects weakly, so a discarded prefetch would be freed and each get query again
        ids = [source_id for source_id, _ in ranked]
        query = select(Source).where(Source.id.in_(ids or [-1]))
        loaded = {source.id: source for source in session.scalars(query)}
        results: list[SearchHit] = []
        masked: Redactor | None = None
        for source_id, score in ranked:
            source = loaded.get(source_id)
            if source is None or (kind and source.kind != kind) or not red.can_see(source):
                continue
            # offsets and snippet from the text as this reader sees it; search never shows
            # protected text, even to investigators (`show` does, and audits it)
            if red.full and source.text_encrypted:
                masked = masked or Redactor.for_actor(session, Actor(actor.name, "analyst"))
                seen = masked.source_text(source)
            else:
                seen = red.source_text(source)
            hits = find_hits(seen, terms)
            results.append(
                SearchHit(
                    source_id=source.id,
                    score=score,
                    title=red.text(source.title) if source.title else None,
                    kind=source.kind,
                    hits=hits,
                    snippet=make_snippet(seen, hits),
                )
            )
            if len(results) >= limit:
                break
        return results
