"""Encrypted backups of a whole case (database rows, search index, blobs) and their restore.

File layout: magic line, 4-byte header length, JSON header (case id, the wrapped key record as it
stood at backup time, a random salt), then a stream of AES-256-GCM chunks of a gzipped tar. Each
chunk's nonce carries its index and a last-chunk flag and every chunk authenticates the header,
so a reordered, truncated, spliced or altered backup fails to open. The backup key is derived
from the case data key and the salt, so the passphrase (or key file) that opened the case when
the backup was made opens the backup; a wrong one fails before anything is written.

The database is dumped logically (every table through SQLAlchemy), so a backup restores into
SQLite or PostgreSQL alike. Protected fields stay ciphertext inside the dump; sealed blobs stay
sealed.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import tarfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import DateTime, func, select, text
from sqlalchemy.orm import Session

from docket.actor import Actor
from docket.errors import BadInput
from docket.security.audit import record
from docket.security.crypto import Keyring, derive, sha256_bytes
from docket.security.errors import CorruptCiphertext, KeyFailure
from docket.security.keys import KeySource, read_record, unlock_record
from docket.security.policy import require
from docket.store.models import Base, CaseSetting
from docket.store.search import dialect_for

if TYPE_CHECKING:
    from docket.case import Case

MAGIC = b"DOCKET-BACKUP-1\n"
CHUNK = 1 << 20


def _backup_key(keyring: Keyring, salt: bytes) -> AESGCM:
    return AESGCM(derive(keyring.data_key, "docket backup v1|" + salt.hex()))


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


class _EncryptingWriter(io.RawIOBase):
    """A write-only stream that emits length-prefixed AES-GCM chunks."""

    def __init__(self, out: IO[bytes], aead: AESGCM, prefix: bytes, context: bytes) -> None:
        self._out, self._aead, self._prefix, self._context = out, aead, prefix, context
        self._buffer = bytearray()
        self._index = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._buffer += bytes(data)
        while len(self._buffer) > CHUNK:
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _emit(self, block: bytes, *, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._prefix, self._index, last), block, self._context)
        self._out.write(struct.pack(">I", len(sealed)) + sealed)
        self._index += 1

    def finish(self) -> None:
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()


def _chunks(fh: IO[bytes], aead: AESGCM, prefix: bytes, context: bytes) -> Iterator[bytes]:
    index = 0
    while True:
        raw_len = fh.read(4)
        if len(raw_len) < 4:
            raise CorruptCiphertext("the backup is truncated (its last part is missing)")
        sealed = fh.read(struct.unpack(">I", raw_len)[0])
        for last in (False, True):
            try:
                block = aead.decrypt(_nonce(prefix, index, last), sealed, context)
            except InvalidTag:
                continue
            yield block
            if last:
                if fh.read(1):
                    raise CorruptCiphertext("the backup has data after its last part")
                return
            break
        else:
            raise CorruptCiphertext(f"the backup is altered or corrupted (part {index})")
        index += 1


class _ChunkReader(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._buffer = chunks, b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            block = next(self._chunks, None)
            if block is None:
                return 0
            self._buffer = block
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def _jsonable(value: Any) -> Any:
    return {"$dt": value.isoformat()} if isinstance(value, datetime) else value


def _dump_tables(session: Session) -> Iterator[tuple[str, bytes]]:
    for table in Base.metadata.sorted_tables:
        rows = session.execute(table.select()).mappings()
        lines = [json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False)
                 for row in rows]  # fmt: skip
        yield f"tables/{table.name}.jsonl", "\n".join(lines).encode("utf-8")
    dialect = session.get_bind().dialect.name
    query = ("SELECT rowid, body FROM source_fts" if dialect == "sqlite"
             else "SELECT source_id, body FROM source_search")  # fmt: skip
    index = [json.dumps([r[0], r[1]], ensure_ascii=False) for r in session.execute(text(query))]
    yield "search.jsonl", "\n".join(index).encode("utf-8")


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def backup_case(case: Case, target: Path, *, actor: Actor) -> int:
    """Write an encrypted backup of the whole case to `target`; returns its size in bytes."""
    require(actor, "case:backup")
    target = Path(target)
    if target.exists():
        raise BadInput("exists already; refusing to overwrite a file", where=str(target))
    keyring = case.keyring
    with case.session() as session:
        record(session, actor, "case.backup", "case", {"file": target.name})
    salt, prefix = os.urandom(16), os.urandom(7)
    with case.session() as session:
        header = json.dumps({
            "case_id": case.config.case_id, "name": case.config.name,
            "created": case.config.created, "key": read_record(session),
            "salt": salt.hex(), "nonce_prefix": prefix.hex(),
        }).encode("utf-8")  # fmt: skip
        tmp = target.with_name(f".{target.name}.part")
        try:
            with tmp.open("wb") as out:
                out.write(MAGIC + struct.pack(">I", len(header)) + header)
                writer = _EncryptingWriter(out, _backup_key(keyring, salt), prefix,
                                           sha256_bytes(header))  # fmt: skip
                with tarfile.open(fileobj=writer, mode="w|gz") as tar:
                    for name, data in _dump_tables(session):
                        _add(tar, name, data)
                    for digest in case.blobs:
                        _add(tar, f"blobs/{digest}", case.blobs.path_for(digest).read_bytes())
                writer.finish()
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return target.stat().st_size


def _read_header(fh: IO[bytes], where: str) -> tuple[bytes, dict[str, Any]]:
    if fh.read(len(MAGIC)) != MAGIC:
        raise BadInput("not a docket backup", where=where)
    try:
        (size,) = struct.unpack(">I", fh.read(4))
        raw = fh.read(size)
        return raw, json.loads(raw)
    except (struct.error, ValueError):
        raise CorruptCiphertext(f"{where}: the backup header is damaged") from None


def _open_stream(path: Path, key: KeySource | None) -> tuple[dict[str, Any], Iterator[bytes]]:
    fh = path.open("rb")
    raw, header = _read_header(fh, str(path))
    try:
        keyring = unlock_record(header["key"], header["case_id"], key)
    except KeyFailure as exc:
        fh.close()
        raise KeyFailure(f"{path}: cannot open the backup: {exc}") from None
    aead = _backup_key(keyring, bytes.fromhex(header["salt"]))

    def chunks() -> Iterator[bytes]:
        with fh:
            yield from _chunks(fh, aead, bytes.fromhex(header["nonce_prefix"]), sha256_bytes(raw))

    return header, chunks()


def _load_row(table: Any, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if isinstance(value, dict) and set(value) == {"$dt"}:
            value = datetime.fromisoformat(value["$dt"])
        elif isinstance(table.c[key].type, DateTime) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        out[key] = value
    return out


def restore_case(
    source: Path, target: Path, *, database_url: str | None = None, key: KeySource | None = None,
    actor: Actor,
) -> Case:  # fmt: skip
    """Restore a backup into a new case folder (and an empty database). The whole backup is
    authenticated before anything is written; a wrong passphrase or a damaged file changes
    nothing."""
    require(actor, "case:restore")
    from docket.case import CONFIG_NAME, Case, CaseConfig
    from docket.store.db import make_engine, upgrade

    source, target = Path(source), Path(target).resolve()
    if not source.is_file():
        raise BadInput("no such backup file", where=str(source))
    if (target / CONFIG_NAME).exists() or (target.exists() and any(target.iterdir())):
        raise BadInput("restore into a new or empty folder", where=str(target))
    header, chunks = _open_stream(source, key)
    for _ in chunks:  # pass 1: authenticate every chunk, write nothing
        pass
    created_folder = not target.exists()
    target.mkdir(parents=True, exist_ok=True)
    config = CaseConfig(header["case_id"], header["name"], header["created"], database_url)
    engine = make_engine(database_url or f"sqlite:///{target / 'docket.db'}")
    try:
        with engine.connect() as conn:
            tables = set(engine.dialect.get_table_names(conn))
        if "case_settings" in tables:
            with Session(engine) as check:
                if check.scalar(select(func.count()).select_from(CaseSetting)):
                    raise BadInput("that database already holds a case", where=database_url)
        upgrade(engine)
        _, chunks = _open_stream(source, key)
        case = Case(target, config, engine)
        case.key_source = key
        with case.session() as session, tarfile.open(
            fileobj=_ChunkReader(chunks), mode="r|gz"
        ) as tar:  # fmt: skip
            _restore_members(session, case, tar)
            _reset_sequences(session)
            record(session, actor, "case.restore", "case", {"file": source.name})
        (target / CONFIG_NAME).write_text(config.to_toml(), encoding="utf-8")
        return case
    except BaseException:
        engine.dispose()
        if created_folder:
            shutil.rmtree(target, ignore_errors=True)
        else:
            for child in target.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        raise


def _restore_members(session: Session, case: Case, tar: tarfile.TarFile) -> None:
    session.execute(CaseSetting.__table__.delete())
    (case.root / "blobs").mkdir(exist_ok=True)
    for member in tar:
        data = tar.extractfile(member).read() if member.isfile() else b""  # type: ignore[union-attr]
        if member.name.startswith("tables/"):
            table = Base.metadata.tables[member.name[len("tables/") : -len(".jsonl")]]
            rows = [_load_row(table, json.loads(line)) for line in data.decode().splitlines()]
            if rows:
                session.execute(table.insert(), rows)
        elif member.name == "search.jsonl":
            dialect = dialect_for(session)
            for line in data.decode().splitlines():
                source_id, body = json.loads(line)
                dialect.index(session, source_id, body)
        elif member.name.startswith("blobs/"):
            path = case.blobs.path_for(member.name[len("blobs/") :])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            path.chmod(0o444)


def _reset_sequences(session: Session) -> None:
    """PostgreSQL: continue each id sequence after the restored rows."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key:
            session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"))  # fmt: skip
