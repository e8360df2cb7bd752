"""Keys and failures: wrong passphrase, missing key file, corrupted ciphertext give a clear error,
exit 2, and change nothing; rotation re-wraps; sealed data keeps its integrity checks."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select, text

from docket.case import create_case, open_case
from docket.ingest import ingest_paths
from docket.security import KeyFailure, KeySource, get_witness
from docket.security.errors import CorruptCiphertext
from docket.store.models import AuditEntry, Source, Witness
from docket.verify import verify_case
from tests.ingest.samples import write_samples
from tests.security.plant import NAME, leaks_in_text, write_plant

PASS = "SYNTHETIC correct horse"


def _state(case) -> tuple[int, int, int, str]:
    """What 'nothing changed' compares: row counts and a digest of every blob."""
    with case.session() as s:
        sources = s.scalar(select(func.count()).select_from(Source))
        audit = s.scalar(select(func.count()).select_from(AuditEntry))
    blobs = hashlib.sha256()
    for path in sorted((case.root / "blobs").rglob("*")):
        if path.is_file():
            blobs.update(path.name.encode() + path.read_bytes())
    return sources, audit, len(list(case.blobs)), blobs.hexdigest()


@pytest.fixture
def pass_case(tmp_path, monkeypatch, admin):
    """A passphrase-wrapped case (Argon2id), with the planted sources."""
    monkeypatch.delenv("DOCKET_KEY_FILE")
    case = create_case(tmp_path / "pcase", key=KeySource.passphrase(PASS))
    write_plant(tmp_path / "plant")
    ingest_paths(case, [tmp_path / "plant"], actor=admin)
    yield case
    case.close()


def test_wrong_passphrase_is_refused_and_changes_nothing(pass_case, cli, monkeypatch, tmp_path):
    before = _state(pass_case)
    samples = write_samples(tmp_path / "more")
    monkeypatch.setenv("DOCKET_PASSPHRASE", "SYNTHETIC wrong horse")
    for args in (["ingest", str(samples["article"])], ["sources"], ["witness", "show", "W-0777"],
                 ["audit", "log"], ["backup", str(tmp_path / "b.bak")]):  # fmt: skip
        code, out, err = cli(*args, "--case", str(pass_case.root))
        assert code == 2, (args, out, err)
        assert "wrong passphrase" in err and "Traceback" not in err
    assert not (tmp_path / "b.bak").exists()
    monkeypatch.setenv("DOCKET_PASSPHRASE", PASS)
    assert _state(pass_case) == before
    code, out, _ = cli("witness", "show", "W-0777", "--case", str(pass_case.root))
    assert code == 0 and NAME in out


def test_missing_passphrase_is_a_clear_error(pass_case, cli, monkeypatch):
    monkeypatch.delenv("DOCKET_PASSPHRASE", raising=False)
    code, _, err = cli("sources", "--case", str(pass_case.root))
    assert code == 2 and "DOCKET_PASSPHRASE" in err


def test_missing_key_file_is_a_clear_error(sqlite_case, cli, monkeypatch):
    monkeypatch.setenv("DOCKET_KEY_FILE", "/nonexistent/case.key")
    code, _, err = cli("sources", "--case", str(sqlite_case.root))
    assert code == 2 and "/nonexistent/case.key: no such file" in err


def test_short_key_file_and_short_passphrase_are_refused(tmp_path, cli, monkeypatch):
    short = tmp_path / "short.key"
    short.write_bytes(b"too short")
    with pytest.raises(KeyFailure, match="at least 32"):
        KeySource.key_file(short)
    monkeypatch.delenv("DOCKET_KEY_FILE")
    monkeypatch.setenv("SHORT", "abc")
    code, _, err = cli("init", str(tmp_path / "c"), "--passphrase-env", "SHORT")
    assert code == 2 and "at least 8 characters" in err
    assert not (tmp_path / "c").exists()


def test_a_case_cannot_be_created_without_a_key(tmp_path, cli, monkeypatch):
    monkeypatch.delenv("DOCKET_KEY_FILE")
    with pytest.raises(KeyFailure, match="needs a key"):
        create_case(tmp_path / "nokey")
    code, _, err = cli("init", str(tmp_path / "nokey2"))
    assert code == 2 and "needs a key" in err and not (tmp_path / "nokey2").exists()


def test_init_with_passphrase_env_and_new_key_file(tmp_path, cli, monkeypatch):
    monkeypatch.delenv("DOCKET_KEY_FILE")
    monkeypatch.setenv("MY_PASS", PASS)
    code, _, err = cli("init", str(tmp_path / "a"), "--passphrase-env", "MY_PASS")
    assert code == 0, err
    keyfile = tmp_path / "k.key"
    assert cli("key", "new-file", str(keyfile))[0] == 0
    assert keyfile.stat().st_mode & 0o077 == 0
    assert cli("key", "new-file", str(keyfile))[0] == 2  # never overwritten
    code, _, err = cli("init", str(tmp_path / "b"), "--key-file", str(keyfile))
    assert code == 0, err
    monkeypatch.setenv("DOCKET_KEY_FILE", str(keyfile))
    assert cli("sources", "--case", str(tmp_path / "b"))[0] == 0
    monkeypatch.setenv("DOCKET_PASSPHRASE", PASS)
    assert cli("sources", "--case", str(tmp_path / "a"))[0] == 0


def test_corrupted_ciphertext_is_a_clear_error_without_plaintext(planted, cli):
    before = _state(planted)
    with planted.engine.begin() as conn:
        query = text("SELECT name FROM witnesses WHERE pseudonym = 'W-0777'")
        stored = conn.execute(query).scalar()
        flipped = stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]
        conn.execute(text("UPDATE witnesses SET name = :v WHERE pseudonym = 'W-0777'"),
                     {"v": flipped})  # fmt: skip
    code, out, err = cli("witness", "show", "W-0777", "--case", str(planted.root))
    assert code == 2
    assert "witnesses.name" in err and "does not open" in err
    assert not leaks_in_text(out + err)
    assert _state(planted)[0] == before[0]


def test_ciphertext_moved_to_another_row_does_not_open(planted, admin):
    with planted.engine.begin() as conn:
        conn.execute(text(
            "UPDATE witnesses SET name = (SELECT name FROM witnesses WHERE pseudonym = 'W-0777') "
            "WHERE pseudonym = 'W-0778'"))  # fmt: skip
    with pytest.raises(CorruptCiphertext, match="does not open"):
        get_witness(planted, "W-0778", actor=admin)


def test_plain_text_written_around_docket_is_refused(planted, admin):
    with planted.engine.begin() as conn:
        conn.execute(text("UPDATE witnesses SET contact = 'plain' WHERE pseudonym = 'W-0777'"))
    with pytest.raises(CorruptCiphertext, match="expected an encrypted value"):
        get_witness(planted, "W-0777", actor=admin)


def test_protected_columns_hold_ciphertext_and_blind_index(planted, admin):
    with planted.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT name, contact, family_details, name_index, uid FROM witnesses "
            "WHERE pseudonym = 'W-0777'")).one()  # fmt: skip
    assert all(v.startswith("enc1:") for v in row[:3])
    assert len(row.name_index) == 32 and len(row.uid) == 32
    assert row.name_index == planted.keyring.blind_index("person-name", NAME.lower())
    with planted.session() as s:
        witness = s.scalar(select(Witness).where(Witness.pseudonym == "W-0777"))
        assert witness.name == NAME
        witness.contact = "SYNTHETIC new contact"  # an update is encrypted too
    with planted.engine.connect() as conn:
        contact = conn.execute(text(
            "SELECT contact FROM witnesses WHERE pseudonym = 'W-0777'")).scalar()  # fmt: skip
    assert contact.startswith("enc1:") and "new contact" not in contact
    assert get_witness(planted, "W-0777", actor=admin).contact == "SYNTHETIC new contact"


def test_rotation_rewraps_old_secret_stops_working(pass_case, cli, monkeypatch):
    root = str(pass_case.root)
    monkeypatch.setenv("DOCKET_PASSPHRASE", PASS)
    monkeypatch.setenv("NEW_PASS", "SYNTHETIC battery staple")
    code, out, err = cli("key", "rotate", "--passphrase-env", "NEW_PASS", "--case", root)
    assert code == 0, err
    code, _, err = cli("sources", "--case", root)
    assert code == 2 and "wrong passphrase" in err
    monkeypatch.setenv("DOCKET_PASSPHRASE", "SYNTHETIC battery staple")
    code, out, _ = cli("witness", "show", "W-0777", "--case", root)
    assert code == 0 and NAME in out
    code, out, _ = cli("audit", "log", "--action", "key.", "--case", root)
    assert "key.rotate" in out


def test_verify_opens_sealed_blobs_and_detects_alteration(planted, admin):
    assert verify_case(planted, actor=admin).ok
    with planted.session() as s:
        testimony = s.scalar(select(Source).where(Source.filename == "t1.md"))
        text_source = s.scalar(select(Source).where(Source.filename == "t2.md"))
    assert testimony.blob_sealed and planted.blobs.is_sealed(testimony.sha256)
    path = planted.blobs.path_for(testimony.sha256)
    sealed = bytearray(path.read_bytes())
    sealed[-3] ^= 1
    path.chmod(0o644)
    path.write_bytes(bytes(sealed))
    planted.blobs.path_for(text_source.sha256).unlink()
    with planted.engine.begin() as conn:
        conn.execute(text("UPDATE sources SET text = 'enc1:AAAA' WHERE filename = 't2.md'"))
    problems = verify_case(planted, actor=admin).problems
    assert any(f"source {testimony.id}: original" in p and "altered" in p for p in problems)
    assert any(f"source {text_source.id}: original" in p and "missing" in p for p in problems)
    assert any(f"source {text_source.id}: encrypted text altered" in p for p in problems)


def test_reopened_case_reads_with_the_key_from_the_environment(planted):
    reopened = open_case(planted.root)
    try:
        with reopened.session() as s:
            assert s.scalar(select(Witness).where(Witness.pseudonym == "W-0777")).name == NAME
    finally:
        reopened.close()
