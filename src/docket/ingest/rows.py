"""The database rows of an ingest batch: sources, pages, list rows, custody, audit, search index.

All in the caller's transaction, with statements shared by the batch: ids are reserved first
(docket.store.ids), so that sources and audit entries go in as one executemany each instead of
an INSERT … RETURNING over many rows; custody rows, which have no encrypted fields, go in by Core.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from docket import __version__
from docket.actor import Actor
from docket.ingest.item import Item
from docket.security.audit import record as audit
from docket.store.blobs import sha256_hex
from docket.store.ids import reserve_ids
from docket.store.models import AuditEntry, CustodyEntry, Source, SourcePage, utcnow
from docket.store.records import add_list_rows, find_or_create_witness
from docket.store.search import dialect_for, index_body


def save_rows(session: Session, items: list[Item], actor: Actor) -> list[Source]:
    """Store parsed files in the caller's transaction, statements shared across files: one
    insert of all sources, one of all index rows, one of all custody and audit entries."""
    ids = reserve_ids(session, Source.__table__, len(items))
    sources = [_new_source(session, item, id_) for item, id_ in zip(items, ids, strict=True)]
    session.flush()
    audit_ids = iter(reserve_ids(session, AuditEntry.__table__, len(items)))
    custody: list[dict[str, Any]] = []
    indexed = [
        _records(session, item, source, actor, next(audit_ids), custody)
        for item, source in zip(items, sources, strict=True)
    ]
    # custody rows have no encrypted fields and no ORM events: a Core executemany skips the
    # unit of work's per-object bookkeeping
    if custody:
        session.execute(insert(CustodyEntry.__table__), custody)
    dialect_for(session).index_many(session, [row for row in indexed if row is not None])
    session.flush()
    return sources


def _plain(item: Item, value: str | None) -> str | None:
    """A value for a plain column, with the file's protected values masked out."""
    return item.matcher.replace(value) if item.matcher and value else value


def _origin(item: Item) -> tuple[str, str]:
    assert item.parsed is not None
    origin = item.parsed.origin_url or str(item.resolved)
    return _plain(item, origin) or origin, _plain(item, item.path.name) or item.path.name


def _new_source(session: Session, item: Item, source_id: int) -> Source:
    parsed = item.parsed
    assert parsed is not None
    origin, filename = _origin(item)
    names_in_text = bool(item.matcher and item.matcher.spans(parsed.text))
    source = Source(
        id=source_id,
        sha256=item.digest,
        kind=parsed.kind,
        media_type=parsed.media_type,
        size=len(item.data),
        filename=filename,
        origin=origin,
        title=_plain(item, parsed.title),
        author=parsed.author,
        outlet=parsed.outlet,
        language=parsed.language,
        published_text=parsed.published_text,
        collected_at=parsed.collected_at,
        consent=parsed.consent,
        sensitive=parsed.sensitive,
        interviewer=parsed.interviewer,
        interview_place=parsed.interview_place,
        text=parsed.text,
        text_sha256=sha256_hex(parsed.text.encode("utf-8")),
        warc_sha256=item.warc_digest,
        meta={k: _plain(item, v) if isinstance(v, str) else v for k, v in parsed.meta.items()},
        text_encrypted=parsed.sensitive or names_in_text,
        blob_sealed=item.seal,
    )
    _set_published_interval(source)
    if parsed.witness is not None:
        source.witness = find_or_create_witness(session, parsed.witness)
    session.add(source)
    return source


def _records(
    session: Session,
    item: Item,
    source: Source,
    actor: Actor,
    audit_id: int,
    custody: list[dict[str, Any]],
) -> tuple[int, str] | None:
    """Pages, list rows and audit entry (under `audit_id`) of a flushed source, its custody row
    appended to `custody`; returns its search index row (None for a sensitive source, which stays
    out of the index)."""
    parsed = item.parsed
    assert parsed is not None
    origin, filename = source.origin, source.filename  # as _new_source wrote them
    for number, (start, end) in enumerate(parsed.pages, start=1):
        session.add(SourcePage(source_id=source.id, number=number, start=start, end=end))
    if parsed.persons:
        add_list_rows(session, source, parsed.persons)
    custody.append(
        {
            "source_id": source.id,
            "sha256": item.digest,
            "action": "ingested",
            "actor": actor.name,
            "at": utcnow(),
            "origin": origin,
            "docket_version": __version__,
            "details": {
                "kind": parsed.kind,
                "kind_guessed": item.guessed,
                "filename": filename,
                "size": len(item.data),
                "warc_sha256": item.warc_digest,
                "sealed": item.seal,
            },
        }
    )
    entry = audit(session, actor, "source.ingest", f"source:{source.id}",
                  {"sha256": item.digest, "kind": parsed.kind, "sealed": item.seal,
                   "text_encrypted": source.text_encrypted}, flush=False)  # fmt: skip
    entry.id = audit_id
    if source.sensitive:
        return None
    names_in_text = source.text_encrypted and item.matcher is not None  # not sensitive: names
    indexed = item.matcher.replace(parsed.text) if names_in_text and item.matcher else parsed.text
    return source.id, index_body(indexed)


def _set_published_interval(source: Source) -> None:
    from docket.fuzzytime import parse_timestamp

    when = parse_timestamp(source.published_text)
    if when is not None:
        source.published_earliest, source.published_latest = when.earliest_iso, when.latest_iso
