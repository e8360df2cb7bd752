"""Preserve, hash and index files: each file one transaction, one failure never sinks the batch.

Order of work for one file: read and hash the bytes; stop if the case already holds them; parse
(all validation happens here, before anything is written); write the blob(s) atomically; then one
database transaction adds the source, its witness, pages, list entries, search index and custody
entry. A process killed at any point leaves either a complete source or, at worst, an orphan blob
that the next ingest of the same file reuses.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from docket import __version__
from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput, DocketError
from docket.ingest.base import ParsedSource, Reader, readers
from docket.ingest.frontmatter import split_front_matter
from docket.ingest.warc import warc_resource
from docket.security.audit import record as audit
from docket.security.policy import require
from docket.security.redact import WITHHELD
from docket.security.variants import NameMatcher
from docket.store.blobs import sha256_hex
from docket.store.models import CustodyEntry, Source, SourcePage
from docket.store.records import add_list_rows, find_or_create_witness
from docket.store.search import dialect_for, index_body

MAX_FILE_BYTES = 512 * 1024 * 1024


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


def _store(
    session: Session,
    case: Case,
    parsed: ParsedSource,
    data: bytes,
    digest: str,
    path: Path,
    actor: Actor,
    guessed: bool,
) -> Source:
    seal, matcher = _protection(parsed)

    def plain(value: str | None) -> str | None:  # protected values masked out of a plain column
        return matcher.replace(value) if matcher and value else value

    origin = parsed.origin_url or str(path.resolve())
    warc_digest = None
    if parsed.media_type == "text/html":
        uri = parsed.origin_url or path.resolve().as_uri()
        warc = warc_resource(data, digest, uri, parsed.media_type)
        warc_digest = case.blobs.put(warc, seal=seal)
    case.blobs.put(data, digest, seal=seal)
    origin, filename = plain(origin) or origin, plain(path.name) or path.name
    names_in_text = bool(matcher and matcher.spans(parsed.text))
    source = Source(
        sha256=digest,
        kind=parsed.kind,
        media_type=parsed.media_type,
        size=len(data),
        filename=filename,
        origin=origin,
        title=plain(parsed.title),
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
        warc_sha256=warc_digest,
        meta={k: plain(v) if isinstance(v, str) else v for k, v in parsed.meta.items()},
        text_encrypted=parsed.sensitive or names_in_text,
        blob_sealed=seal,
    )
    _set_published_interval(source)
    if parsed.witness is not None:
        source.witness = find_or_create_witness(session, parsed.witness)
    session.add(source)
    session.flush()
    for number, (start, end) in enumerate(parsed.pages, start=1):
        session.add(SourcePage(source_id=source.id, number=number, start=start, end=end))
    if parsed.persons:
        add_list_rows(session, source, parsed.persons)
    if not source.sensitive:
        indexed = matcher.replace(parsed.text) if names_in_text and matcher else parsed.text
        dialect_for(session).index(session, source.id, index_body(indexed))
    session.add(
        CustodyEntry(
            source_id=source.id,
            sha256=digest,
            action="ingested",
            actor=actor.name,
            origin=origin,
            docket_version=__version__,
            details={
                "kind": parsed.kind,
                "kind_guessed": guessed,
                "filename": filename,
                "size": len(data),
                "warc_sha256": warc_digest,
                "sealed": seal,
            },
        )
    )
    audit(session, actor, "source.ingest", f"source:{source.id}",
          {"sha256": digest, "kind": parsed.kind, "sealed": seal,
           "text_encrypted": source.text_encrypted})  # fmt: skip
    return source


def _set_published_interval(source: Source) -> None:
    from docket.fuzzytime import parse_timestamp

    when = parse_timestamp(source.published_text)
    if when is not None:
        source.published_earliest, source.published_latest = when.earliest_iso, when.latest_iso


def ingest_file(
    case: Case, path: Path, *, kind: str | None, lang: str | None, actor: Actor
) -> IngestOutcome:
    where = str(path)
    try:
        if not path.is_file():
            raise BadInput("no such file", where=where)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BadInput(f"larger than {MAX_FILE_BYTES // 2**20} MiB", where=where)
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read the file ({exc.strerror})", where=where) from None
    if not data:
        raise BadInput("the file is empty", where=where)
    digest = sha256_hex(data)
    with case.session() as session:
        existing = session.scalar(select(Source).where(Source.sha256 == digest))
        if existing is not None:
            return IngestOutcome(where, "present", existing.id, existing.kind)
    guessed = kind is None
    chosen = kind or guess_kind(path, data)
    parsed = _reader_for(chosen, path).read(data, path, lang=lang)
    try:
        with case.session() as session:
            source = _store(session, case, parsed, data, digest, path, actor, guessed)
            return IngestOutcome(where, "ingested", source.id, source.kind, guessed)
    except IntegrityError:
        # the same bytes ingested concurrently (two uploads at once): the other one won
        with case.session() as session:
            existing = session.scalar(select(Source).where(Source.sha256 == digest))
            if existing is None:
                raise
            return IngestOutcome(where, "present", existing.id, existing.kind)


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
    for path in expand_paths(paths):
        try:
            outcome = ingest_file(case, path, kind=kind, lang=lang, actor=actor)
        except DocketError as exc:
            outcome = IngestOutcome(str(path), "failed", reason=str(exc))
        report.outcomes.append(outcome)
        if progress:
            progress(outcome)
    return report
