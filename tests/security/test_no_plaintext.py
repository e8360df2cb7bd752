"""The promise: a witness's name planted in a testimony header is nowhere on disk in the clear.

After ingest, search, show, listing, audit and backup, the raw bytes of the database (SQLite file,
WAL and shared memory; every PostgreSQL table, the search index included), the blob store, the
backup, the SQL log and every output a non-investigator gets hold no spelling of it.
"""

from __future__ import annotations

import json
import logging

import psycopg
import pytest
from sqlalchemy import text

from docket.case import Case
from tests.security.plant import FAMILY, GIVEN, NAME, leaks, leaks_in_text, write_plant


def _raw_postgres(case: Case) -> bytes:
    chunks = []
    with case.engine.connect() as conn:
        tables = conn.execute(text(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )).scalars().all()  # fmt: skip
        for table in tables:
            for (row,) in conn.execute(text(f'SELECT t::text FROM "{table}" t')):
                chunks.append(row)
    assert "sources" in tables and "source_search" in tables
    return "\n".join(chunks).encode("utf-8")


def _raw_case_files(case: Case) -> dict[str, bytes]:
    return {
        str(p.relative_to(case.root)): p.read_bytes() for p in case.root.rglob("*") if p.is_file()
    }


def test_planted_name_never_reaches_disk_logs_or_redacted_outputs(
    case, cli, caplog, tmp_path, backend
):
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # SQL and its parameters
    write_plant(tmp_path / "plant")
    root = str(case.root)
    code, out, err = cli("ingest", str(tmp_path / "plant"), "--case", root)
    assert code == 0, err
    users = {}
    for role in ("analyst", "reviewer", "public"):
        users[role] = f"u-{role}"
        code, _, err = cli("user", "add", users[role], "--role", role,
                           "--password-env", "DOCKET_PASSWORD", "--case", root)  # fmt: skip
        assert code == 0, err
    outputs: dict[str, str] = {}

    def run(label: str, *args: str, as_user: str | None = None) -> None:
        code, out, err = cli(*args, "--case", root, as_user=as_user)
        assert code == 0, (label, out, err)
        outputs[label] = out + err

    for role in ("analyst", "reviewer", "public"):
        user = users[role]
        run(f"{role} sources", "sources", "--json", as_user=user)
        for query in ("gypsum", "Yodok", "withheld"):
            run(f"{role} search {query}", "search", query, "--json", as_user=user)
        listed = json.loads(cli("sources", "--json", "--case", root, as_user=user)[1])
        for source in listed:
            run(f"{role} show {source['id']}", "show", str(source["id"]), "--json", as_user=user)
        run(f"{role} show text {listed[0]['id']}", "show", str(listed[0]["id"]), as_user=user)
    # the investigator's own listings carry no protected values either
    run("admin sources", "sources", "--json")
    run("admin search", "search", "gypsum", "--json")
    run("admin verify", "verify")
    run("admin audit", "audit", "log", "--json")
    run("admin audit verify", "audit", "verify")
    backup = tmp_path / "case.backup"
    run("admin backup", "backup", str(backup), "--case", root)
    # ... while the investigator can still read the name, so it really is stored
    code, out, _ = cli("witness", "show", "W-0777", "--case", root)
    assert code == 0 and NAME in out

    # reviewers and the public saw the consented-public testimony, and analysts more
    assert '"kind": "testimony"' in outputs["public sources"]
    assert "gypsum" in outputs["public search gypsum"]
    assert "W-0777" in outputs["analyst sources"]

    for label, output in outputs.items():
        assert not leaks_in_text(output), (label, leaks_in_text(output))
    assert not leaks_in_text(caplog.text), "SQL log"
    assert caplog.text.count("INSERT INTO witnesses") >= 1  # the log really was captured
    assert not leaks(backup.read_bytes()), "backup file"
    files = _raw_case_files(case)
    if backend == "sqlite":
        assert "docket.db" in files and "docket.db-wal" in files
        assert len(files["docket.db-wal"]) > 0
    else:
        files["postgres tables"] = _raw_postgres(case)
    assert any(name.startswith("blobs/") for name in files)
    for name, data in files.items():
        assert not leaks(data), (name, leaks(data))
    # the search index holds no names: even the investigator finds nothing by name
    # (exact-name lookups go through the blind index: `docket witness find`)
    code, out, _ = cli("search", GIVEN, "--json", "--case", root)
    assert code == 0 and json.loads(out) == []
    code, out, _ = cli("witness", "find", f"{GIVEN.lower()} {FAMILY}", "--case", root)
    assert code != 0 or "W-0777" not in out  # word order is part of an exact name
    code, out, _ = cli("witness", "find", f"{FAMILY.upper()}-{GIVEN}", "--json", "--case", root)
    assert json.loads(out) == {"witnesses": ["W-0777"], "person_reports": [1]}


def test_leak_detector_finds_a_planted_name(sqlite_case, tmp_path):
    """The check above could pass vacuously; this shows the same scan catches a plain copy."""
    (sqlite_case.root / "blobs" / "stray.txt").write_text(f"note about {GIVEN.lower()}")
    files = _raw_case_files(sqlite_case)
    assert leaks(files["blobs/stray.txt"]) == [GIVEN]


@pytest.mark.postgres
def test_postgres_raw_scan_sees_plain_rows(pg_url):
    """The PostgreSQL scan reads real row text (so an unencrypted name would show)."""
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE probe (v text)")
        conn.execute("INSERT INTO probe VALUES (%s)", (NAME,))
        rows = [r[0] for r in conn.execute("SELECT t::text FROM probe t")]
    assert leaks_in_text("\n".join(rows))
