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

Here: the order of the work. The reader is chosen in `kinds`, a file's state is an `item.Item`,
the database rows are written by `rows.save_rows`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput, DocketError
from docket.ingest.base import readers
from docket.ingest.item import IngestOutcome, IngestReport, Item, protection
from docket.ingest.kinds import guess_kind, reader_for
from docket.ingest.rows import save_rows
from docket.ingest.warc import warc_resource
from docket.security.audit import lock_chain as lock_audit_chain
from docket.security.policy import require
from docket.store.blobs import BlobBatch, sha256_hex
from docket.store.models import Source

__all__ = ["IngestOutcome", "IngestReport", "expand_paths", "guess_kind", "ingest_paths"]

# Blob stores swept in this process: the sweep lists every blob folder, too much for each upload
# to a server; once per process is enough for what a killed process left.
_SWEPT: set[Path] = set()

MAX_FILE_BYTES = 512 * 1024 * 1024
BATCH_FILES = 32  # files per transaction; a killed batch is redone whole by the next run
BATCH_BYTES = 64 * 1024 * 1024  # and no more bytes than this held in memory at once


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


class _RealFolders:
    """Resolved folders of one ingest run: `os.path.realpath` costs a stat per component, once
    per folder instead of once per file (a file that is itself a link is resolved in full)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def real_path(self, path: Path, *, is_link: bool) -> str:
        if is_link:
            return os.path.realpath(path)
        head, name = os.path.split(path)
        folder = self._folders.get(head)
        if folder is None:
            folder = self._folders[head] = os.path.realpath(head or ".")
        return os.path.join(folder, name)


_NO_FILE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)  # as Path.is_file ignores


def _read(path: Path, folders: _RealFolders | None = None) -> Item:
    item = Item(path)
    folders = folders or _RealFolders()
    where = str(path)
    try:
        try:
            info = os.lstat(path)
            is_link = stat.S_ISLNK(info.st_mode)
            if is_link:
                info = os.stat(path)
        except OSError as exc:
            if exc.errno in _NO_FILE:
                raise BadInput("no such file", where=where) from None
            raise
        if not stat.S_ISREG(info.st_mode):
            raise BadInput("no such file", where=where)
        if info.st_size > MAX_FILE_BYTES:
            raise BadInput(f"larger than {MAX_FILE_BYTES // 2**20} MiB", where=where)
        item.real_path = folders.real_path(path, is_link=is_link)
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


def _batches(paths: Iterable[Path]) -> Iterator[list[Item]]:
    batch: list[Item] = []
    size = 0
    folders = _RealFolders()
    for path in expand_paths(paths):
        item = _read(path, folders)
        batch.append(item)
        size += len(item.data)
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _mark_present(case: Case, items: list[Item]) -> None:
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


def _parse(item: Item, kind: str | None, lang: str | None) -> None:
    try:
        item.guessed = kind is None
        chosen = kind or guess_kind(item.path, item.data)
        item.parsed = reader_for(chosen, item.path).read(item.data, item.path, lang=lang)
    except DocketError as exc:
        item.fail(exc)
        return
    item.seal, item.matcher = protection(item.parsed)


def _write_blobs(batch: BlobBatch, item: Item) -> None:
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


def _save_each(case: Case, items: list[Item], actor: Actor) -> None:
    """One savepoint per file: a file the database refuses is rolled back alone."""
    with case.session() as session:
        lock_audit_chain(session)  # also opens the transaction the savepoints nest in
        for item in items:
            where = str(item.path)
            try:
                with session.begin_nested():
                    [source] = save_rows(session, [item], actor)
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


def _save_batch(case: Case, items: list[Item], actor: Actor) -> None:
    """All files in one transaction; if the database refuses any of them, again file by file,
    so that only the refused ones fail (their blobs are durable already either way)."""
    try:
        with case.session() as session:
            lock_audit_chain(session)
            sources = save_rows(session, items, actor)
            saved = [(source.id, source.kind) for source in sources]
    except (IntegrityError, DataError, DocketError):
        _save_each(case, items, actor)
        return
    for item, (source_id, kind) in zip(items, saved, strict=True):
        item.outcome = IngestOutcome(str(item.path), "ingested", source_id, kind, item.guessed)


def _prepare(
    items: list[Item], kind: str | None, lang: str | None, in_flight: set[str]
) -> tuple[list[Item], list[Item]]:
    """Parse the undecided files of a batch. Returns the files to store and those to decide
    later: repeats of bytes seen earlier in the batch or in the batch still being committed
    (`in_flight`), which are 'present' once that one commits."""
    todo: list[Item] = []
    later: list[Item] = []
    seen = set(in_flight)
    for item in items:
        if item.outcome is None:
            (later if item.digest in seen else todo).append(item)
            seen.add(item.digest)
    for item in todo:
        _parse(item, kind, lang)
    return [item for item in todo if item.outcome is None], later


def _commit(case: Case, todo: list[Item], actor: Actor) -> None:
    """Blobs written and durable first, then the database: a source is never committed before
    its bytes are safe."""
    with case.blobs.batch() as blobs:
        for item in todo:
            _write_blobs(blobs, item)
    todo = [item for item in todo if item.outcome is None]
    if todo:
        _save_batch(case, todo, actor)


def _ingest_batch(
    case: Case, items: list[Item], kind: str | None, lang: str | None, actor: Actor
) -> None:
    _mark_present(case, items)
    _ingest_new(case, items, kind, lang, actor)


def _ingest_new(
    case: Case, items: list[Item], kind: str | None, lang: str | None, actor: Actor
) -> None:
    """Parse, preserve and store the files of a batch not yet decided (not failed, not held)."""
    todo, later = _prepare(items, kind, lang, set())
    _commit(case, todo, actor)
    if later:
        _ingest_batch(case, later, kind, lang, actor)


@dataclass
class _InFlight:
    """A batch being committed by the writer thread while the next one is parsed."""

    items: list[Item]
    later: list[Item]
    digests: set[str]
    done: Future[None]


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
    if case.blobs.root not in _SWEPT:  # partial writes of an earlier ingest that was killed
        _SWEPT.add(case.blobs.root)
        case.blobs.sweep_stale_temps()

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
