"""`docket extract --case`: run extraction over a case's sources and store the suggestions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.review.store import store_suggestions
from docket.security import record_audit, require
from docket.store.models import Source

if TYPE_CHECKING:
    from docket.extract import Request

# source kinds extraction reads, and the kind it is told (documents: let it decide)
_EXTRACT_KIND = {"testimony": "testimony", "article": "article", "statement": "statement",
                 "document": "auto"}  # fmt: skip


@dataclass
class ExtractReport:
    sources: int = 0
    added: int = 0
    already_known: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)  # (source id, why)


def extract_case(
    case: Case,
    *,
    actor: Actor,
    source_ids: list[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExtractReport:
    """Suggestions for every text source (or those named); running it again adds nothing new.

    Each source is its own transaction, so an interrupted run keeps what it finished; a source
    with nothing to extract from (an empty text, an unsupported script) is reported in `failed`
    and the others go on.
    """
    from docket.extract import extract_texts

    require(actor, "records:write")
    with case.session() as session:
        query = select(Source.id).where(Source.kind.in_(_EXTRACT_KIND)).order_by(Source.id)
        if source_ids:
            query = query.where(Source.id.in_(source_ids))
        ids = list(session.scalars(query))
    if source_ids and len(ids) != len(set(source_ids)):
        missing = sorted(set(source_ids) - set(ids))
        raise BadInput(f"no text source with id {', '.join(map(str, missing))}", where="--source")
    report = ExtractReport()
    # extract_texts reads a batch of sources ahead and parses them together
    results = extract_texts(_request(case, i) for i in ids)
    for number, (source_id, extraction) in enumerate(zip(ids, results, strict=True), start=1):
        if isinstance(extraction, BadInput):
            report.failed.append((source_id, str(extraction)))
        else:
            added, total = _store(case, actor, source_id, extraction.to_dict())
            report.sources += 1
            report.added += added
            report.already_known += total - added
        if progress:
            progress(number, len(ids))
    return report


def _request(case: Case, source_id: int) -> Request:
    from docket.extract import Request

    with case.session() as session:
        source = session.get(Source, source_id)
        return Request(
            source.text or "",
            lang=source.language if source.language in ("en", "ko") else "auto",
            kind=_EXTRACT_KIND[source.kind],
            published=source.published_earliest,
            title=source.title,
        )


def _store(case: Case, actor: Actor, source_id: int, data: dict) -> tuple[int, int]:
    """One source's suggestions in their own transaction: (how many were new, how many in all)."""
    kinds = ("entities", "quotes", "dates", "figures", "places", "acts")
    with case.session() as session:
        added = store_suggestions(session, session.get(Source, source_id), data)
        record_audit(session, actor, "source.extract", f"source:{source_id}", {"added": added})
    return added, sum(len(data.get(k) or []) for k in kinds)
