"""The database rows of an ingest batch: sources, pages, list rows, custody, audit, search index.

All in the caller's transaction, with statements shared by the batch: source ids are reserved
first (docket.store.ids), then sources, pages, custody entries, audit entries and index rows go
in as one Core executemany per table. No ORM object is made for them: building and flushing an
ORM object per source and per audit entry (instrumented attribute sets, the unit of work's
bookkeeping) cost about as much as the rest of the database work together. What the ORM's events
do on the way is done explicitly: field encryption and the redaction version by
`insert_sealed`, the audit chain's hashes and head by `append_many`. Witnesses and list rows,
rare and few, still go through the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from docket import __version__
from docket.actor import Actor
from docket.ingest.item import Item
from docket.security.audit import append_many
from docket.security.fields import insert_sealed
from docket.store.blobs import sha256_hex
from docket.store.ids import reserve_ids
from docket.store.models import CustodyEntry, Source, SourcePage, utcnow
from docket.store.records import add_list_rows, find_or_create_witness
from docket.store.search import dialect_for, index_body


@dataclass(frozen=True)
class SavedSource:
    """What the pipeline reports of a stored source."""

    id: int
    kind: str


def save_rows(session: Session, items: list[Item], actor: Actor) -> list[SavedSource]:
    """Store parsed files in the caller's transaction, statements shared across files: one
    insert of all sources, one of all index rows, one of all custody and audit entries."""
    ids = reserve_ids(session, Source.__table__, len(items))
    rows = [_source_row(session, item, id_) for item, id_ in zip(items, ids, strict=True)]
    # the index text and the audit details need the plain values: taken before encryption
    indexed = [_index_row(item, row) for item, row in zip(items, rows, strict=True)]
    audit = [_audit_entry(item, row) for item, row in zip(items, rows, strict=True)]
    custody = [_custody_row(item, row, actor) for item, row in zip(items, rows, strict=True)]
    saved = [SavedSource(row["id"], row["kind"]) for row in rows]
    insert_sealed(session, Source, rows)
    pages = [
        {"source_id": source_id, "number": number, "start": start, "end": end}
        for item, source_id in zip(items, ids, strict=True)
        for number, (start, end) in enumerate(_parsed(item).pages, start=1)
    ]
    if pages:
        session.execute(insert(SourcePage.__table__), pages)
    for item, row in zip(items, rows, strict=True):
        if _parsed(item).persons:
            add_list_rows(session, row["id"], row["filename"], _parsed(item).persons)
    session.execute(insert(CustodyEntry.__table__), custody)
    append_many(session, actor, audit)
    dialect_for(session).index_many(session, [row for row in indexed if row is not None])
    session.flush()
    return saved


def _parsed(item: Item) -> Any:
    assert item.parsed is not None
    return item.parsed


def _plain(item: Item, value: str | None) -> str | None:
    """A value for a plain column, with the file's protected values masked out."""
    return item.matcher.replace(value) if item.matcher and value else value


def _source_row(session: Session, item: Item, source_id: int) -> dict[str, Any]:
    """The `sources` row of a file, every column given (one executemany needs the same keys in
    every row), protected values still plain."""
    parsed = _parsed(item)
    origin = parsed.origin_url or str(item.resolved)
    filename = item.path.name
    names_in_text = bool(item.matcher and item.matcher.spans(parsed.text))
    earliest, latest = _published_interval(parsed.published_text)
    witness = find_or_create_witness(session, parsed.witness) if parsed.witness else None
    return {
        "id": source_id,
        "uid": None,  # insert_sealed draws it (the encrypted fields are bound to it)
        "sha256": item.digest,
        "kind": parsed.kind,
        "media_type": parsed.media_type,
        "size": len(item.data),
        "filename": _plain(item, filename) or filename,
        "origin": _plain(item, origin) or origin,
        "title": _plain(item, parsed.title),
        "author": parsed.author,
        "outlet": parsed.outlet,
        "language": parsed.language,
        "published_text": parsed.published_text,
        "published_earliest": earliest,
        "published_latest": latest,
        "collected_at": parsed.collected_at,
        "ingested_at": utcnow(),
        "consent": parsed.consent,
        "sensitive": parsed.sensitive,
        "witness_id": witness.id if witness is not None else None,
        "interviewer": parsed.interviewer,
        "interview_place": parsed.interview_place,
        "text": parsed.text,
        "text_encrypted": parsed.sensitive or names_in_text,
        "blob_sealed": item.seal,
        "text_sha256": sha256_hex(parsed.text.encode("utf-8")),
        "warc_sha256": item.warc_digest,
        "meta": {k: _plain(item, v) if isinstance(v, str) else v for k, v in parsed.meta.items()},
    }


def _custody_row(item: Item, row: dict[str, Any], actor: Actor) -> dict[str, Any]:
    """Custody rows have no encrypted fields: they go in by Core as they are."""
    return {
        "source_id": row["id"],
        "sha256": item.digest,
        "action": "ingested",
        "actor": actor.name,
        "at": utcnow(),
        "origin": row["origin"],
        "docket_version": __version__,
        "details": {
            "kind": row["kind"],
            "kind_guessed": item.guessed,
            "filename": row["filename"],
            "size": row["size"],
            "warc_sha256": item.warc_digest,
            "sealed": item.seal,
        },
    }


def _audit_entry(item: Item, row: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    details = {"sha256": item.digest, "kind": row["kind"], "sealed": item.seal,
               "text_encrypted": row["text_encrypted"]}  # fmt: skip
    return "source.ingest", f"source:{row['id']}", details


def _index_row(item: Item, row: dict[str, Any]) -> tuple[int, str] | None:
    """The search index row of a source, None for a sensitive one (it stays out of the index);
    text with protected names in it is indexed with the names masked."""
    if row["sensitive"]:
        return None
    text = row["text"]
    if row["text_encrypted"] and item.matcher is not None:
        text = item.matcher.replace(text)
    return row["id"], index_body(text)


def _published_interval(published_text: str | None) -> tuple[str | None, str | None]:
    from docket.fuzzytime import parse_timestamp

    when = parse_timestamp(published_text)
    return (when.earliest_iso, when.latest_iso) if when is not None else (None, None)
