"""The case fingerprint changes when the case does, and only then (SQLite and PostgreSQL)."""

from __future__ import annotations

from docket.evidence import add_allegation
from docket.report import build_report, case_fingerprint
from docket.report.fingerprint import sources_digest
from docket.security.redact import Redactor  # noqa: F401  (the one redaction step)
from docket.store.models import Witness


def _fp(case):
    with case.session() as session:
        return case_fingerprint(session, case.keyring, case.config.case_id)


def test_fingerprint_is_stable_across_reports_and_moves_with_the_data(case, admin):
    first = _fp(case)
    build_report(case, actor=admin)  # appends to the audit chain, which is not case state
    assert _fp(case) == first
    add_allegation(case, actor=admin, summary="SYNTHETIC test", act_codes=["CAH-F"])
    second = _fp(case)
    assert second.value != first.value and second.sources_digest == first.sources_digest
    with case.session() as session:  # a protected value: its plaintext is what counts
        session.add(Witness(pseudonym="W-0001", name="SYNTHETIC Ri Sol"))
    third = _fp(case)
    assert third.database_digest != second.database_digest
    with case.session() as session:  # rewriting the same plaintext (new ciphertext): no change
        witness = session.query(Witness).one()
        witness.name = "SYNTHETIC Ri Sol "[:-1] + " "
        witness.name = "SYNTHETIC Ri Sol"
    assert _fp(case).value == third.value


def test_sources_digest_is_order_free_and_defined():
    triples = [("b" * 64, "c" * 64, None), ("a" * 64, "d" * 64, "e" * 64)]
    assert sources_digest(triples) == sources_digest(list(reversed(triples)))
    import hashlib

    expected = hashlib.sha256(
        f"{'a' * 64} {'d' * 64} {'e' * 64}\n{'b' * 64} {'c' * 64} -\n".encode()
    ).hexdigest()
    assert sources_digest(triples) == expected


def test_a_restored_backup_has_the_same_fingerprint(filled, tmp_path, admin, key_file):
    from docket.security import backup_case, restore_case
    from docket.security.keys import KeySource

    backup_case(filled, tmp_path / "case.bak", actor=admin)
    restored = restore_case(tmp_path / "case.bak", tmp_path / "restored", actor=admin,
                            key=KeySource.key_file(key_file))  # fmt: skip
    try:
        assert _fp(restored) == _fp(filled)
    finally:
        restored.close()
