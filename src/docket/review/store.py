"""Storing an extraction (the `docket extract` contract's JSON) as suggestions of a source."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docket.errors import BadInput
from docket.store.models import Source, Suggestion

# contract key -> suggestion kind, and the field that labels each item
SUGGESTION_KINDS: dict[str, tuple[str, str]] = {
    "entities": ("entity", "label"),
    "quotes": ("quote", "speaker"),
    "dates": ("date", "earliest"),
    "figures": ("figure", "value"),
    "places": ("place", "place_id"),
    "acts": ("act", "type"),
}


def _label(item: dict[str, Any], field: str) -> str:
    value = item.get(field)
    return "" if value is None else str(value)[:60]


def store_suggestions(session: Session, source: Source, extraction: dict[str, Any]) -> int:
    """Add the extraction's spans as pending suggestions; returns how many were new.

    A suggestion already stored with the same kind, span and label (pending, decided or
    rejected) is not added again, so re-running extraction never duplicates or resurrects one.
    """
    rows = session.execute(
        select(Suggestion.kind, Suggestion.start, Suggestion.end, Suggestion.label).where(
            Suggestion.source_id == source.id
        )
    )
    existing = {tuple(row) for row in rows}
    added = 0
    for key, (kind, label_field) in SUGGESTION_KINDS.items():
        for item in extraction.get(key) or []:
            start, end = int(item["start"]), int(item["end"])
            if not 0 <= start <= end <= len(source.text):
                raise BadInput(
                    f"{key} span {start}-{end} lies outside the text ({len(source.text)} chars)",
                    where=f"source {source.id}",
                )
            label = _label(item, label_field)
            if (kind, start, end, label) in existing:
                continue
            existing.add((kind, start, end, label))
            session.add(
                Suggestion(
                    source_id=source.id,
                    kind=kind,
                    label=label,
                    start=start,
                    end=end,
                    text=source.text[start:end],
                    payload=dict(item),
                )
            )
            added += 1
    return added


def pending_ids(session: Session, source_id: int) -> list[int]:
    query = select(Suggestion.id).where(
        Suggestion.source_id == source_id, Suggestion.status == "pending"
    )
    return list(session.scalars(query.order_by(Suggestion.start, Suggestion.id)))


__all__ = ["SUGGESTION_KINDS", "pending_ids", "store_suggestions"]
