"""The audit chain: writes and protected reads are recorded; any edit to the trail is named."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from docket.security import get_witness, verify_audit
from docket.security.audit import check_chain
from docket.store.models import CHANGE_VERSION, AuditEntry, CaseSetting
from tests.security.plant import NAME, leaks_in_text


def _entries(case):
    with case.session() as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()


def test_writes_and_protected_reads_are_chained_without_protected_values(planted, admin):
    get_witness(planted, "W-0777", actor=admin)
    entries = _entries(planted)
    actions = [e.action for e in entries]
    assert actions[0] == "case.create"
    assert actions.count("source.ingest") == 4
    assert actions[-1] == "witness.read-protected"
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    report = verify_audit(planted, actor=admin)
    assert report.ok and report.checked == len(entries) and report.head == entries[-1].hash
    dumped = " ".join(f"{e.actor} {e.action} {e.target} {e.details}" for e in entries)
    assert not leaks_in_text(dumped) and NAME not in dumped


def _tamper(case, sql, **params):
    with case.engine.begin() as conn:
        conn.execute(text(sql), params)


def test_changing_one_byte_is_named(planted, admin):
    entry = _entries(planted)[2]
    details = entry.details | {"kind": "xestimony"}  # one byte of the stored row
    with planted.session() as s:
        s.get(AuditEntry, entry.id).details = details
    report = verify_audit(planted, actor=admin)
    assert [(p.seq, "modified" in p.message) for p in report.problems] == [(3, True)]


def test_changing_the_actor_is_named(planted, admin):
    _tamper(planted, "UPDATE audit_entries SET actor = 'mallory (admin)' WHERE seq = 2")
    report = verify_audit(planted, actor=admin)
    assert [p.seq for p in report.problems] == [2]


def test_deleting_an_entry_is_named(planted, admin):
    _tamper(planted, "DELETE FROM audit_entries WHERE seq = 3")
    report = verify_audit(planted, actor=admin)
    assert report.problems and report.problems[0].seq == 3
    assert "deleted" in report.problems[0].message


def test_deleting_the_last_entries_is_noticed(planted, admin):
    last = _entries(planted)[-1].seq
    _tamper(planted, "DELETE FROM audit_entries WHERE seq >= :s", s=last - 1)
    report = verify_audit(planted, actor=admin)
    assert [p.seq for p in report.problems] == [last]
    assert "cut off" in report.problems[0].message


def test_swapping_two_entries_is_named(planted, admin):
    _tamper(planted, "UPDATE audit_entries SET seq = -seq WHERE seq IN (2, 4)")
    _tamper(planted, "UPDATE audit_entries SET seq = 4 WHERE seq = -2")
    _tamper(planted, "UPDATE audit_entries SET seq = 2 WHERE seq = -4")
    report = verify_audit(planted, actor=admin)
    # entries 2 and 4 no longer match their hashes; 3 and 5 no longer follow what now stands
    # before them
    assert [(p.seq, p.message.split(":")[0]) for p in report.problems] == [
        (2, "modified or moved"),
        (3, "does not follow the entry before it"),
        (4, "modified or moved"),
        (5, "does not follow the entry before it"),
    ]


def test_inserting_a_forged_entry_is_named(planted, admin):
    entries = _entries(planted)
    forged = entries[1]
    # renumber the tail to make room, then slip a forged copy in as entry 3
    _tamper(planted, "UPDATE audit_entries SET seq = seq + 1000 WHERE seq >= 3")
    _tamper(planted, "UPDATE audit_entries SET seq = seq - 999 WHERE seq >= 1003")
    _tamper(
        planted,
        "INSERT INTO audit_entries (seq, at, actor, action, target, details, prev_hash, hash) "
        "SELECT 3, at, actor, 'source.delete', target, details, hash, hash FROM audit_entries "
        "WHERE id = :id",
        id=forged.id,
    )
    report = verify_audit(planted, actor=admin)
    assert report.problems and report.problems[0].seq == 3


@pytest.mark.parametrize(
    ("sql", "seq"),
    [
        ("UPDATE audit_entries SET action = 'source.ingesT' WHERE seq = 4", 4),
        ("DELETE FROM audit_entries WHERE seq = 2", 2),
    ],
)
def test_cli_audit_verify_exits_1_naming_the_entry(planted, cli, sql, seq):
    code, out, _ = cli("audit", "verify", "--case", str(planted.root))
    assert code == 0 and "intact" in out
    _tamper(planted, sql)
    code, out, _ = cli("audit", "verify", "--case", str(planted.root))
    assert code == 1
    assert f"audit entry {seq}:" in out and "BROKEN" in out


def test_cli_audit_log_shows_the_trail(planted, cli):
    code, out, _ = cli("audit", "log", "--case", str(planted.root))
    assert code == 0
    lines = out.strip().splitlines()
    assert "case.create" in lines[0] and "source.ingest" in lines[-1]


def test_chain_survives_a_check_of_an_empty_trail(sqlite_case):
    with sqlite_case.session() as s:
        s.execute(text("DELETE FROM audit_entries"))
        s.execute(text("DELETE FROM case_settings WHERE key = 'audit.head'"))
        report = check_chain(s)
    assert report.ok and report.checked == 0


def test_appends_in_one_transaction_and_rolled_back_savepoints_keep_the_chain(case, admin):
    """Several appends share one transaction (ingest batches); a savepoint rolled back after
    its append takes the entry with it, and the next append links to the entry before."""
    from docket.security.audit import record

    before = len(_entries(case))
    with case.session() as s:
        record(s, admin, "test.one", "t:1")
        with s.begin_nested():
            record(s, admin, "test.two", "t:2")
        savepoint = s.begin_nested()
        record(s, admin, "test.dropped", "t:3")
        savepoint.rollback()
        with s.begin_nested():
            record(s, admin, "test.three", "t:4")
        record(s, admin, "test.four", "t:5")
    entries = _entries(case)
    assert [e.action for e in entries[before:]] == [
        "test.one", "test.two", "test.three", "test.four",
    ]  # fmt: skip
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert verify_audit(case, actor=admin).ok
    with case.session() as s:  # a new transaction reads the head again
        record(s, admin, "test.five")
    assert verify_audit(case, actor=admin).ok
    assert _entries(case)[-1].seq == len(entries) + 1


def _setting(case, key):
    with case.session() as s:
        return s.get(CaseSetting, key).value


def test_append_many_chains_like_record_through_savepoints(case, admin):
    """Entries inserted by Core (ingest batches) hash and link exactly as `record`'s do, in any
    mix with it; a rolled-back savepoint takes its entries with it, a released one keeps them;
    and they are no change readers see (the case version stays)."""
    from docket.security.audit import append_many, record

    before = len(_entries(case))
    version = _setting(case, CHANGE_VERSION)
    with case.session() as s:
        append_many(s, admin, [("test.one", "t:1", {"n": 1}), ("test.two", "t:2", None)])
        record(s, admin, "test.three", "t:3", flush=False)
        savepoint = s.begin_nested()
        append_many(s, admin, [("test.dropped", "t:x", None)])
        savepoint.rollback()
        with s.begin_nested():
            append_many(s, admin, [("test.four", "t:4", {"at": "SYNTHETIC"})])
        append_many(s, admin, [("test.five", "t:5", None), ("test.six", None, None)])
        record(s, admin, "test.seven", "t:7")
    entries = _entries(case)
    assert [e.action for e in entries[before:]] == [
        "test.one", "test.two", "test.three", "test.four", "test.five", "test.six",
        "test.seven",
    ]  # fmt: skip
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    report = verify_audit(case, actor=admin)  # re-hashes every stored entry, checks the head
    assert report.ok and report.head == entries[-1].hash
    assert _setting(case, "audit.head") == f"{entries[-1].seq}:{entries[-1].hash}"
    assert _setting(case, CHANGE_VERSION) == version
