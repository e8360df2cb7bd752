"""Encrypted backups: round trip (SQLite and PostgreSQL), and clean refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from docket.case import open_case
from docket.security import CorruptCiphertext, backup_case, get_witness, restore_case
from docket.security.audit import check_chain
from docket.sources import search_sources
from docket.store.models import PersonReport, Source
from docket.verify import verify_case
from tests.security.plant import NAME, leaks


def _counts(case):
    with case.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Source)),
            s.scalar(select(func.count()).select_from(PersonReport)),
        )


def test_backup_restores_everything_into_sqlite(planted, admin, tmp_path):
    backup = tmp_path / "case.bak"
    backup_case(planted, backup, actor=admin)
    data = backup.read_bytes()
    assert data.startswith(b"DOCKET-BACKUP-1\n") and not leaks(data)
    assert b"gypsum" not in data  # not even unprotected text is readable
    restored = restore_case(backup, tmp_path / "restored", actor=admin)
    try:
        assert restored.config.case_id == planted.config.case_id
        assert _counts(restored) == _counts(planted)
        assert get_witness(restored, "W-0777", actor=admin).name == NAME
        assert verify_case(restored, actor=admin).ok
        assert [h.source_id for h in search_sources(restored, "gypsum", actor=admin)]
        with restored.session() as s:
            report = check_chain(s)
        assert report.ok and report.checked > 0
    finally:
        restored.close()
    reopened = open_case(tmp_path / "restored")  # the restored folder is a complete case
    reopened.close()


@pytest.mark.postgres
def test_backup_restores_into_postgres(sqlite_case, admin, tmp_path, pg_url):
    from docket.ingest import ingest_paths
    from tests.security.plant import write_plant

    write_plant(tmp_path / "plant")
    ingest_paths(sqlite_case, [tmp_path / "plant"], actor=admin)
    backup = tmp_path / "case.bak"
    backup_case(sqlite_case, backup, actor=admin)
    restored = restore_case(backup, tmp_path / "pg", database_url=pg_url, actor=admin)
    try:
        assert restored.engine.dialect.name == "postgresql"
        assert _counts(restored) == _counts(sqlite_case)
        assert get_witness(restored, "W-0777", actor=admin).name == NAME
        assert verify_case(restored, actor=admin).ok
        assert search_sources(restored, "gypsum", actor=admin)
        with restored.session() as s:  # sequences continue after the restored ids
            s.add(Source(sha256="f" * 64, kind="document", media_type="text/plain", size=1,
                         filename="x", origin="x", text="x", text_sha256="0" * 64))  # fmt: skip
    finally:
        restored.close()


def test_wrong_passphrase_restore_fails_cleanly(planted, admin, tmp_path, cli, monkeypatch):
    backup = tmp_path / "case.bak"
    backup_case(planted, backup, actor=admin)
    other_key = tmp_path / "other.key"
    other_key.write_bytes(b"SYNTHETIC-another-key-" + bytes(range(70, 120)))
    monkeypatch.setenv("DOCKET_KEY_FILE", str(other_key))
    code, _, err = cli("restore", str(backup), "--into", str(tmp_path / "r"))
    assert code == 2 and "cannot open the backup" in err and "wrong key file" in err
    assert not (tmp_path / "r").exists()
    monkeypatch.delenv("DOCKET_KEY_FILE")
    code, _, err = cli("restore", str(backup), "--into", str(tmp_path / "r"))
    assert code == 2 and "DOCKET_KEY_FILE" in err and not (tmp_path / "r").exists()


@pytest.mark.parametrize("damage", ["flip", "truncate", "append"])
def test_damaged_backup_fails_cleanly(planted, admin, tmp_path, damage):
    backup = tmp_path / "case.bak"
    backup_case(planted, backup, actor=admin)
    data = bytearray(backup.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncate":
        data = data[: len(data) - 40]
    else:
        data += b"extra"
    backup.write_bytes(bytes(data))
    with pytest.raises(CorruptCiphertext):
        restore_case(backup, tmp_path / "r", actor=admin)
    assert not (tmp_path / "r").exists()


def test_backup_refuses_to_overwrite_and_restore_needs_an_empty_folder(planted, admin, tmp_path):
    backup = tmp_path / "case.bak"
    backup_case(planted, backup, actor=admin)
    with pytest.raises(Exception, match="refusing to overwrite"):
        backup_case(planted, backup, actor=admin)
    with pytest.raises(Exception, match="new or empty folder"):
        restore_case(backup, planted.root, actor=admin)


def test_cli_backup_and_restore(planted, cli, tmp_path):
    backup = tmp_path / "nightly.bak"
    code, out, err = cli("backup", str(backup), "--case", str(planted.root))
    assert code == 0 and "encrypted backup" in out, err
    code, out, err = cli("restore", str(backup), "--into", str(tmp_path / "back"))
    assert code == 0, err
    code, out, _ = cli("witness", "show", "W-0777", "--case", str(tmp_path / "back"))
    assert code == 0 and NAME in out
