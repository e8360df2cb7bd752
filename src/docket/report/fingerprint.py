"""The case fingerprint: one hash a reader can quote to say which state of a case a report shows.

Definition (version 1), documented in docs/report.md:

    sources_digest  = sha256 over the lines "<sha256> <text_sha256> <warc_sha256 or ->" of every
                      source, sorted by the original's sha256
    database_digest = sha256 over, for each case table in name order, the line "table <name>"
                      followed by one canonical JSON line per row (primary-key order): every
                      column except `sources.text` (covered by text_sha256), with protected
                      columns replaced by the sha256 of their plaintext (ciphertext changes on
                      every write and on key rotation; the plaintext does not)
    fingerprint     = sha256("docket-case-fingerprint/1\n<case_id>\n<sources_digest>\n
                      <database_digest>\n")

Left out on purpose: users, API tokens and the audit chain (who may read the case and who did;
making a report appends to the audit chain and must not change what the report describes), and
case settings other than the case id and the standards of proof (key material changes on
rotation). Timestamps count, normalised to UTC ISO 8601. A recipient of a bag can recompute
`sources_digest` from the originals alone (see docket.export.bag).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docket.security.crypto import Keyring
from docket.security.fields import decrypt_value
from docket.store.models import Base, Source
from docket.store.types import is_protected

VERSION = "docket-case-fingerprint/1"
SKIPPED_TABLES = frozenset({"users", "api_tokens", "audit_entries"})
KEPT_SETTINGS = frozenset({"case_id", "evidence.standards"})


@dataclass(frozen=True)
class Fingerprint:
    value: str
    sources_digest: str
    database_digest: str
    sources: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "fingerprint": self.value,
            "version": VERSION,
            "sources_digest": self.sources_digest,
            "database_digest": self.database_digest,
            "sources": self.sources,
        }


def sources_digest(triples: list[tuple[str, str | None, str | None]]) -> str:
    """sha256 over sorted "<sha256> <text_sha256> <warc_sha256 or ->" lines."""
    digest = hashlib.sha256()
    for sha, text_sha, warc in sorted(triples):
        digest.update(f"{sha} {text_sha or '-'} {warc or '-'}\n".encode())
    return digest.hexdigest()


def _canon(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    return value


def _database_digest(session: Session, keyring: Keyring) -> str:
    digest = hashlib.sha256()
    for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
        if table.name in SKIPPED_TABLES:
            continue
        digest.update(f"table {table.name}\n".encode())
        columns = [c for c in table.columns if not (table.name == "sources" and c.name == "text")]
        query = select(*columns).order_by(*table.primary_key.columns)
        if table.name == "case_settings":
            query = query.where(table.c.key.in_(sorted(KEPT_SETTINGS)))
        for row in session.execute(query):
            record: dict[str, Any] = {}
            mapping = row._mapping
            for column in columns:
                value = mapping[column]
                if is_protected(column) and value is not None:
                    plain = decrypt_value(keyring, table.name, column.name, mapping["uid"], value)
                    value = "sha256:" + hashlib.sha256(plain.encode("utf-8")).hexdigest()
                record[column.name] = _canon(value)
            line = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
            digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def case_fingerprint(session: Session, keyring: Keyring, case_id: str) -> Fingerprint:
    """The fingerprint of the case as this session sees it (call inside the report's session)."""
    triples = [
        (sha, text_sha, warc)
        for sha, text_sha, warc in session.execute(
            select(Source.sha256, Source.text_sha256, Source.warc_sha256)
        )
    ]
    src = sources_digest(triples)
    db = _database_digest(session, keyring)
    value = hashlib.sha256(f"{VERSION}\n{case_id}\n{src}\n{db}\n".encode()).hexdigest()
    return Fingerprint(value, src, db, len(triples))
