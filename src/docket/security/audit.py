"""The tamper-evident audit trail: each entry's hash covers the previous entry's hash.

hash(n) = sha256(hash(n-1) + "\\n" + canonical JSON of entry n's seq, time, actor, action,
target and details). Editing an entry breaks its own hash; deleting one leaves a gap in `seq`
and a broken link; inserting or reordering breaks the links around it. Anyone with write access
can still rebuild the whole chain from the first changed entry onwards: publish or keep the head
hash elsewhere (`docket audit verify` prints it) to catch that. The head is also kept in
`case_settings` so that cutting entries off the end is noticed.

Entries are appended inside the caller's transaction, so an operation and its audit entry commit
or roll back together. Reads that must be audited (protected text shown in full) change nothing
to commit with: `record_read` appends their entries by group commit, one transaction (one chain
lock, one commit) for all the reads waiting at that moment in this process, each still with an
entry of its own, and returns only once the entry is committed. Details must hold ids, counts,
hashes and pseudonyms, never protected values.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session, SessionTransaction

from docket.actor import Actor
from docket.readcache import PerObject
from docket.security.policy import require
from docket.store.models import AuditEntry, CaseSetting

if TYPE_CHECKING:
    from docket.case import Case

GENESIS = "0" * 64
HEAD_SETTING = "audit.head"
_PG_LOCK = 7_310_021_117  # arbitrary constant: serialises appends to the chain on PostgreSQL


def _utc(at: datetime) -> datetime:
    return at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)


@dataclass
class _Row:
    """An entry's column values, hashed as an AuditEntry would be (`append_many` inserts these
    by Core, without an ORM object each)."""

    seq: int
    at: datetime
    actor: str
    action: str
    target: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str = ""


def canonical(entry: AuditEntry | _Row) -> str:
    return json.dumps(
        {
            "seq": entry.seq,
            "at": _utc(entry.at).isoformat(timespec="microseconds"),
            "actor": entry.actor,
            "action": entry.action,
            "target": entry.target,
            "details": entry.details,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def entry_hash(prev_hash: str, entry: AuditEntry | _Row) -> str:
    return hashlib.sha256(f"{prev_hash}\n{canonical(entry)}".encode()).hexdigest()


@dataclass(frozen=True)
class _Head:
    """The chain's last link: what the next entry's seq and prev_hash follow."""

    seq: int
    hash: str


def _next_row(
    head: _Head | None,
    actor: Actor,
    action: str,
    target: str | None,
    details: dict[str, Any] | None,
) -> _Row:
    row = _Row(
        seq=(head.seq + 1) if head else 1,
        at=datetime.now(UTC),
        actor=f"{actor.name} ({actor.role})",
        action=action,
        target=target,
        details=json.loads(json.dumps(details or {}, default=str)),
        prev_hash=head.hash if head else GENESIS,
    )
    row.hash = entry_hash(row.prev_hash, row)
    return row


_HEAD_CACHE = "docket.audit.head"


def _holds(session: Session, transaction: SessionTransaction) -> bool:
    """Whether `transaction` (where the lock was taken) is the current one or encloses it: a
    lock taken inside a savepoint that was rolled back is released with it."""
    current = session.get_nested_transaction() or session.get_transaction()
    while current is not None:
        if current is transaction:
            return True
        current = current.parent
    return False


def _written_still(session: Session, written: AuditEntry | SessionTransaction | None) -> bool:
    """Whether the last append is still part of this transaction: an ORM entry stays in the
    session until a savepoint that added it is rolled back (which expunges it); entries inserted
    by Core are trusted while the (sub)transaction they were inserted in is still open."""
    if written is None:
        return True
    if isinstance(written, AuditEntry):
        return written in session
    return _holds(session, written)


def _chain_head(session: Session) -> tuple[_Head | None, CaseSetting | None]:
    """The last link and the head setting, with the chain locked for this transaction.

    The first append of a transaction takes the lock and reads both; later appends in the same
    transaction reuse what the previous one wrote (the lock is still held, so nobody else can
    have appended). The reads run without autoflush: flushing the caller's pending rows there,
    once per append, made the audit entry cost a page ingest as much as everything else."""
    cached = session.info.get(_HEAD_CACHE)
    if cached is not None:
        locked_in, head, setting, written = cached
        if _holds(session, locked_in) and _written_still(session, written):
            return head, setting
    dialect = session.get_bind().dialect.name
    with session.no_autoflush:
        if dialect == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        elif dialect == "sqlite":
            # take SQLite's write lock before reading the last entry: two concurrent requests
            # that only read (and audit the read) would otherwise both read seq N and both write
            # N + 1
            session.execute(text("UPDATE case_settings SET value = value WHERE key = :k"),
                            {"k": HEAD_SETTING})  # fmt: skip
        last = session.execute(
            select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).first()
        setting = session.get(CaseSetting, HEAD_SETTING)
    head = _Head(last.seq, last.hash) if last else None
    locked_in = session.get_nested_transaction() or session.get_transaction()
    session.info[_HEAD_CACHE] = (locked_in, head, setting, None)
    return head, setting


def _move_head(
    session: Session,
    setting: CaseSetting | None,
    head: _Head,
    written: AuditEntry | SessionTransaction | None,
) -> None:
    """Record the new last link in the head setting and in this transaction's cache."""
    value = f"{head.seq}:{head.hash}"
    if setting is None:
        setting = CaseSetting(key=HEAD_SETTING, value=value)
        session.add(setting)
    else:
        setting.value = value
    session.info[_HEAD_CACHE] = (session.info[_HEAD_CACHE][0], head, setting, written)


def lock_chain(session: Session) -> None:
    """Take the chain's lock now (SQLite: the database write lock), before a long transaction
    that will append: it then never waits for the lock halfway through."""
    _chain_head(session)


def record(
    session: Session,
    actor: Actor,
    action: str,
    target: str | None = None,
    details: dict[str, Any] | None = None,
    *,
    flush: bool = True,
) -> AuditEntry:
    """Append one entry to the chain, in the caller's transaction. `flush=False` leaves the
    entry pending, for callers that append many and flush once (ingest batches)."""
    head, setting = _chain_head(session)
    entry = AuditEntry(**vars(_next_row(head, actor, action, target, details)))
    session.add(entry)
    _move_head(session, setting, _Head(entry.seq, entry.hash), entry)
    if flush:
        session.flush()
    return entry


def append_many(
    session: Session,
    actor: Actor,
    entries: Sequence[tuple[str, str | None, dict[str, Any] | None]],
) -> None:
    """Append (action, target, details) entries in the caller's transaction, inserted at once by
    one Core executemany: the same chain, seqs and hashes as as many `record` calls, without an
    ORM object and its unit-of-work bookkeeping for each (an ingest batch appends one per file).
    Sent on the session's connection directly, so that, like ORM audit entries, they do not
    count as a change readers see (docket.security.fields)."""
    if not entries:
        return
    head, setting = _chain_head(session)
    rows: list[dict[str, Any]] = []
    for action, target, details in entries:
        row = _next_row(head, actor, action, target, details)
        rows.append(vars(row))
        head = _Head(row.seq, row.hash)
    session.connection().execute(insert(AuditEntry.__table__), rows)
    assert head is not None
    written = session.get_nested_transaction() or session.get_transaction()
    _move_head(session, setting, head, written)


@dataclass(eq=False)
class _Read:
    actor: Actor
    action: str
    target: str | None
    details: dict[str, Any] | None
    done: bool = False
    error: BaseException | None = None


@dataclass(eq=False)
class _GroupCommit:
    """The audited reads of one case in this process waiting for their entries' commit."""

    cond: threading.Condition = field(default_factory=threading.Condition)
    pending: list[_Read] = field(default_factory=list)
    busy: bool = False  # a thread is committing a batch


_group_of: PerObject[Case, _GroupCommit] = PerObject(_GroupCommit)


def record_read(
    case: Case, actor: Actor, action: str, target: str | None, details: dict[str, Any]
) -> None:
    """Append one entry for a read, committed before this returns (so a reader never sees what
    is not yet on the record). Threads arriving while a batch commits queue up; the first to
    find no commit running takes every queued entry (its own among them) and commits them in one
    transaction, then wakes the others: under load one chain lock and one commit (the WAL flush)
    serve many reads instead of one each."""
    group = _group_of(case)
    mine = _Read(actor, action, target, details)
    with group.cond:
        group.pending.append(mine)
        while not mine.done:
            if group.busy:
                group.cond.wait()
                continue
            group.busy, batch, group.pending = True, group.pending, []
            error: BaseException | None = None
            group.cond.release()
            try:
                with case.session() as session:
                    for read in batch:
                        record(session, read.actor, read.action, read.target, read.details,
                               flush=False)  # fmt: skip
            except BaseException as exc:  # every read of the batch fails with it
                error = exc
            finally:
                group.cond.acquire()
                group.busy = False
                for read in batch:
                    read.done, read.error = True, error
                group.cond.notify_all()
    if mine.error is not None:
        raise mine.error


@dataclass
class AuditProblem:
    seq: int
    message: str

    def __str__(self) -> str:
        return f"audit entry {self.seq}: {self.message}"


@dataclass
class AuditReport:
    checked: int
    head: str
    problems: list[AuditProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


_MODIFIED = "modified or moved: its contents no longer match its hash"
_UNLINKED = "does not follow the entry before it: inserted or reordered"


def check_chain(session: Session) -> AuditReport:
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    problems: list[AuditProblem] = []
    expected_prev, expected_seq = GENESIS, 1
    for entry in entries:
        if entry.seq > expected_seq:
            missing = (f"{expected_seq}" if entry.seq == expected_seq + 1
                       else f"{expected_seq}–{entry.seq - 1}")  # fmt: skip
            problems.append(AuditProblem(expected_seq, f"missing: entry {missing} was deleted"))
        elif entry.seq < expected_seq:
            problems.append(AuditProblem(entry.seq, "out of sequence: inserted"))
        if entry_hash(entry.prev_hash, entry) != entry.hash:
            problems.append(AuditProblem(entry.seq, _MODIFIED))
        elif entry.prev_hash != expected_prev and entry.seq <= expected_seq:
            problems.append(AuditProblem(entry.seq, _UNLINKED))
        expected_prev, expected_seq = entry.hash, max(expected_seq, entry.seq) + 1
    head = session.get(CaseSetting, HEAD_SETTING)
    last = entries[-1] if entries else None
    if head is not None:
        head_seq, head_hash = head.value.split(":", 1)
        if last is None or last.seq < int(head_seq):
            problems.append(AuditProblem(
                int(head_seq), f"missing: the chain was last written at entry {head_seq} but "
                f"ends at {last.seq if last else 0} (entries cut off the end)"))  # fmt: skip
        elif last.seq == int(head_seq) and last.hash != head_hash:
            problems.append(AuditProblem(last.seq, "the last entry differs from the recorded head"))
    return AuditReport(len(entries), last.hash if last else GENESIS, problems)


def verify_audit(case: Case, *, actor: Actor) -> AuditReport:
    """Walk the whole chain; every problem names the entry (seq) where it shows."""
    require(actor, "audit:read")
    with case.session() as session:
        return check_chain(session)


@dataclass
class AuditView:
    seq: int
    at: str
    actor: str
    action: str
    target: str | None
    details: dict[str, Any]
    hash: str


def audit_log(
    case: Case, *, actor: Actor, limit: int = 100, action: str | None = None
) -> list[AuditView]:
    """The newest `limit` entries (optionally one action prefix), oldest first."""
    require(actor, "audit:read")
    with case.session() as session:
        query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
        if action:
            query = query.where(AuditEntry.action.startswith(action))
        rows = list(session.scalars(query))
        return [
            AuditView(
                e.seq,
                _utc(e.at).isoformat(timespec="seconds"),
                e.actor,
                e.action,
                e.target,
                e.details,
                e.hash,
            )  # fmt: skip
            for e in reversed(rows)
        ]


def count_entries(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0
