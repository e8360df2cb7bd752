"""`docket extract --case`: run extraction over a case's sources and store the suggestions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.review.store import store_suggestions
from docket.security import record_audit, require
from docket.store.models import Source

# source kinds extraction reads, and the kind it is told (documents: let it decide)
_EXTRACT_KIND = {"testimony": "testimony", "article": "article", "statement": "statement",
                 "document": "auto"}  # fmt: skip


@dataclass
class ExtractReport:
    sources: int = 0
    added: int = 0
    already_known: int = 0


def extract_case(
    case: Case,
    *,
    actor: Actor,
    source_ids: list[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExtractReport:
    """Suggestions for every text source (or those named); running it again adds nothing new.

    Each source is its own transaction, so an interrupted run keeps what it finished.
    """
    from docket.extract import extract_text

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
    for number, source_id in enumerate(ids, start=1):
        with case.session() as session:
            source = session.get(Source, source_id)
            extraction = extract_text(
                source.text,
                lang=source.language if source.language in ("en", "ko") else "auto",
                kind=_EXTRACT_KIND[source.kind],
                published=source.published_earliest,
                title=source.title,
            ).to_dict()
            total = sum(len(extraction.get(k) or []) for k in
                        ("entities", "quotes", "dates", "figures", "places", "acts"))  # fmt: skip
            added = store_suggestions(session, source, extraction)
            record_audit(session, actor, "source.extract", f"source:{source_id}",
                         {"added": added})  # fmt: skip
        report.sources += 1
        report.added += added
        report.already_known += total - added
        if progress:
            progress(number, len(ids))
    return report
