"""Preserve, hash and index files: one failure never sinks the batch, nothing is half-written.

Files go through in batches (up to BATCH_FILES files or BATCH_BYTES bytes). For a batch: read and
hash every file; drop those the case already holds (one query); parse the rest (all validation
happens here, before anything is written); write their blobs and make them durable together (one
concurrent round of fsyncs); then one database transaction adds every file's source, witness,
pages, list entries, search index row, custody entry and audit entry. If the database refuses any
file, the transaction is rolled back and the batch stored again with a savepoint per file, so only
the refused file fails. A process killed at any point leaves complete sources only, at worst with
orphan blobs that the next ingest of the same files reuses; re-running completes the batch.
Parsing batch n+1 overlaps with writing batch n (a writer thread), which never commits before
its blobs are durable.

Batching is what makes ingestion cheap next to extraction: per file, a transaction of its own cost
two blob fsyncs, a commit (an fsync of the write-ahead log on PostgreSQL) and a read of the audit
chain's head, together about as much as trafilatura's work on the page.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from docket import __version__
from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput, DocketError
from docket.ingest.base import ParsedSource, Reader, readers
from docket.ingest.frontmatter import split_front_matter
from docket.ingest.warc import warc_resource
from docket.security.audit import lock_chain as lock_audit_chain
from docket.security.audit import record as audit
from docket.security.policy import require
from docket.security.redact import WITHHELD
from docket.security.variants import NameMatcher
from docket.store.blobs import BlobBatch, sha256_hex
from docket.store.ids import reserve_ids
from docket.store.models import AuditEntry, CustodyEntry, Source, SourcePage, utcnow
from docket.store.records import add_list_rows, find_or_create_witness
from docket.store.search import dialect_for, index_body

MAX_FILE_BYTES = 512 * 1024 * 1024
BATCH_FILES = 32  # files per transaction; a killed batch is redone whole by the next run
BATCH_BYTES = 64 * 1024 * 1024  # and no more bytes than this held in memory at once


@dataclass
class IngestOutcome:
    path: str
    status: str  # ingested | present | failed
    source_id: int | None = None
    kind: str | None = None
    kind_guessed: bool = False
    reason: str | None = None


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, folders walked in sorted order; hidden files and folders skipped."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def guess_kind(path: Path, data: bytes) -> str:
    """From the front matter's `kind`, then the file type; text without a header is a document."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "list"
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return "document"
    if suffix in (".html", ".htm", ".xhtml"):
        return "article"
    if suffix in (".md", ".markdown", ".txt", ""):
        try:
            header, _ = split_front_matter(data[:65536].decode("utf-8-sig", "replace"), str(path))
        except BadInput:
            return "testimony"  # let the reader report the bad header
        kind = str(header.get("kind", "")).strip()
        if kind in readers():
            return kind
        if any(k.startswith("witness_") or k == "interviewer" for k in header):
            return "testimony"
        return "document" if not header else "testimony"
    raise BadInput(
        f"cannot tell the kind of a '{suffix}' file; pass --kind " + "|".join(readers()),
        where=str(path),
    )


class _PlainText(Reader):
    """Text documents without a testimony header: kept as documents."""

    kind = "document"

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        parsed = readers()["testimony"].read(data, path, lang=lang)
        parsed.kind = "document"
        parsed.witness = None
        return parsed


def _reader_for(kind: str, path: Path) -> Reader:
    if kind == "document" and path.suffix.lower() != ".pdf":
        return _PlainText()
    try:
        return readers()[kind]
    except KeyError:
        raise BadInput(
            f"unknown kind {kind!r}; expected one of " + "|".join(readers()), where=str(path)
        ) from None


def _protection(parsed: ParsedSource) -> tuple[bool, NameMatcher | None]:
    """Whether the original bytes must be sealed, and a matcher for the protected values that
    came with them (to keep them out of every plain column and the search index).

    Sealed: testimonies (their header names the witness), lists (names of persons) and anything
    marked sensitive."""
    seal = parsed.kind in ("testimony", "list") or parsed.sensitive or bool(parsed.persons)
    witness = parsed.witness
    values = [v for v in (witness.name, witness.contact, witness.family_details) if v] if witness \
        else []  # fmt: skip
    return seal, NameMatcher((v, WITHHELD) for v in values) if values else None


@dataclass
class _Item:
    """One file on its way through a batch; `outcome` is set once its fate is known."""

    path: Path
    data: bytes = b""
    digest: str = ""
    outcome: IngestOutcome | None = None
    parsed: ParsedSource | None = None
    guessed: bool = False
    seal: bool = False
    matcher: NameMatcher | None = None
    warc_digest: str | None = None

    def fail(self, exc: DocketError) -> None:
        self.outcome = IngestOutcome(str(self.path), "failed", reason=str(exc))

    @cached_property
    def resolved(self) -> Path:
        """The absolute path, resolved once (it is needed three times and costs a stat per
        component)."""
        return self.path.resolve()


def _read(path: Path) -> _Item:
    item = _Item(path)
    where = str(path)
    try:
        if not path.is_file():
            raise BadInput("no such file", where=where)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BadInput(f"larger than {MAX_FILE_BYTES // 2**20} MiB", where=where)
        item.data = path.read_bytes()
    except OSError as exc:
        item.fail(BadInput(f"cannot read the file ({exc.strerror})", where=where))
        return item
    except BadInput as exc:
        item.fail(exc)
        return item
    if not item.data:
        item.fail(BadInput("the file is empty", where=where))
    else:
        item.digest = sha256_hex(item.data)
    return item


def _batches(paths: Iterable[Path]) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    size = 0
    for path in expand_paths(paths):
        item = _read(path)
        batch.append(item)
        size += len(item.data)
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _mark_present(case: Case, items: list[_Item]) -> None:
    digests = {item.digest for item in items if item.outcome is None}
    if not digests:
        return
    with case.session() as session:
        rows = session.execute(
            select(Source.sha256, Source.id, Source.kind).where(Source.sha256.in_(digests))
        )
        held = {digest: (source_id, kind) for digest, source_id, kind in rows}
    for item in items:
        if item.outcome is None and item.digest in held:
            source_id, kind = held[item.digest]
            item.outcome = IngestOutcome(str(item.path), "present", source_id, kind)


def _parse(item: _Item, kind: str | None, lang: str | None) -> None:
    try:
        item.guessed = kind is None
        chosen = kind or guess_kind(item.path, item.data)
        item.parsed = _reader_for(chosen, item.path).read(item.data, item.path, lang=lang)
    except DocketError as exc:
        item.fail(exc)
        return
    item.seal, item.matcher = _protection(item.parsed)


def _write_blobs(batch: BlobBatch, item: _Item) -> None:
    """The original (and, for a web page, its WARC record), durable when the batch syncs."""
    parsed = item.parsed
    assert parsed is not None
    try:
        if parsed.media_type == "text/html":
            uri = parsed.origin_url or item.resolved.as_uri()
            warc = warc_resource(item.data, item.digest, uri, parsed.media_type)
            item.warc_digest = batch.put(warc, seal=item.seal)
        batch.put(item.data, item.digest, seal=item.seal)
    except DocketError as exc:
        item.fail(exc)


def _save_all(session: Session, items: list[_Item], actor: Actor) -> list[Source]:
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


def _save_each(case: Case, items: list[_Item], actor: Actor) -> None:
    """One savepoint per file: a file the database refuses is rolled back alone."""
    with case.session() as session:
        lock_audit_chain(session)  # also opens the transaction the savepoints nest in
        for item in items:
            where = str(item.path)
            try:
                with session.begin_nested():
                    [source] = _save_all(session, [item], actor)
                item.outcome = IngestOutcome(
                    where, "ingested", source.id, source.kind, item.guessed
                )
            except IntegrityError as exc:
                # the same bytes ingested concurrently (two uploads at once): the other one won
                existing = session.execute(
                    select(Source.id, Source.kind).where(Source.sha256 == item.digest)
                ).first()
                if existing is None:
                    item.fail(BadInput(f"the database refused it ({exc.orig})", where=where))
                else:
                    item.outcome = IngestOutcome(where, "present", existing.id, existing.kind)
            except DataError as exc:
                item.fail(BadInput(f"the database refused it ({exc.orig})", where=where))
            except DocketError as exc:
                item.fail(exc)


def _save_batch(case: Case, items: list[_Item], actor: Actor) -> None:
    """All files in one transaction; if the database refuses any of them, again file by file,
    so that only the refused ones fail (their blobs are durable already either way)."""
    try:
        with case.session() as session:
            lock_audit_chain(session)
            sources = _save_all(session, items, actor)
            saved = [(source.id, source.kind) for source in sources]
    except (IntegrityError, DataError, DocketError):
        _save_each(case, items, actor)
        return
    for item, (source_id, kind) in zip(items, saved, strict=True):
        item.outcome = IngestOutcome(str(item.path), "ingested", source_id, kind, item.guessed)


def _prepare(
    items: list[_Item], kind: str | None, lang: str | None, in_flight: set[str]
) -> tuple[list[_Item], list[_Item]]:
    """Parse the undecided files of a batch. Returns the files to store and those to decide
    later: repeats of bytes seen earlier in the batch or in the batch still being committed
    (`in_flight`), which are 'present' once that one commits."""
    todo: list[_Item] = []
    later: list[_Item] = []
    seen = set(in_flight)
    for item in items:
        if item.outcome is None:
            (later if item.digest in seen else todo).append(item)
            seen.add(item.digest)
    for item in todo:
        _parse(item, kind, lang)
    return [item for item in todo if item.outcome is None], later


def _commit(case: Case, todo: list[_Item], actor: Actor) -> None:
    """Blobs written and durable first, then the database: a source is never committed before
    its bytes are safe."""
    with case.blobs.batch() as blobs:
        for item in todo:
            _write_blobs(blobs, item)
    todo = [item for item in todo if item.outcome is None]
    if todo:
        _save_batch(case, todo, actor)


def _ingest_batch(
    case: Case, items: list[_Item], kind: str | None, lang: str | None, actor: Actor
) -> None:
    _mark_present(case, items)
    _ingest_new(case, items, kind, lang, actor)


def _ingest_new(
    case: Case, items: list[_Item], kind: str | None, lang: str | None, actor: Actor
) -> None:
    """Parse, preserve and store the files of a batch not yet decided (not failed, not held)."""
    todo, later = _prepare(items, kind, lang, set())
    _commit(case, todo, actor)
    if later:
        _ingest_batch(case, later, kind, lang, actor)


@dataclass
class _InFlight:
    """A batch being committed by the writer thread while the next one is parsed."""

    items: list[_Item]
    later: list[_Item]
    digests: set[str]
    done: Future[None]


def _plain(item: _Item, value: str | None) -> str | None:
    """A value for a plain column, with the file's protected values masked out."""
    return item.matcher.replace(value) if item.matcher and value else value


def _origin(item: _Item) -> tuple[str, str]:
    assert item.parsed is not None
    origin = item.parsed.origin_url or str(item.resolved)
    return _plain(item, origin) or origin, _plain(item, item.path.name) or item.path.name


def _new_source(session: Session, item: _Item, source_id: int) -> Source:
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
    item: _Item,
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
    origin, filename = _origin(item)
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


def ingest_paths(
    case: Case,
    paths: Iterable[Path],
    *,
    kind: str | None = None,
    lang: str | None = None,
    actor: Actor,
    progress: Callable[[IngestOutcome], None] | None = None,
) -> IngestReport:
    """Ingest every file; failures are reported, never half-written, and the batch goes on."""
    require(actor, "sources:write")
    case.keyring  # noqa: B018  a wrong or missing key stops the batch before anything is written
    if kind is not None and kind not in readers():
        raise BadInput(f"unknown kind {kind!r}; expected one of " + "|".join(readers()))
    report = IngestReport()

    def finish(batch: _InFlight) -> None:
        batch.done.result()
        if batch.later:
            _ingest_batch(case, batch.later, kind, lang, actor)
        for item in batch.items:
            assert item.outcome is not None
            report.outcomes.append(item.outcome)
            if progress:
                progress(item.outcome)

    # Two stages: this thread reads, hashes and parses batch n+1 (CPU) while a writer thread
    # writes batch n's blobs and waits for their fsyncs and for the database (I/O, GIL released).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="docket-ingest") as writer:
        previous: _InFlight | None = None
        for items in _batches(paths):
            _mark_present(case, items)
            todo, later = _prepare(items, kind, lang, previous.digests if previous else set())
            if previous is not None:
                finish(previous)
            done = writer.submit(_commit, case, todo, actor)
            previous = _InFlight(items, later, {item.digest for item in todo}, done)
        if previous is not None:
            finish(previous)
    return report
