"""Shared fixtures. Store tests run on SQLite and on a real PostgreSQL through one parametrisation.

PostgreSQL: DOCKET_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test). Each test gets a
schema of its own, dropped afterwards, so tests never see each other's rows.

Every case is encrypted: tests get a key file through DOCKET_KEY_FILE (fast to unlock; the
Argon2id passphrase path is tested in tests/security).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from docket.actor import Actor
from docket.case import Case, create_case


@pytest.fixture(scope="session")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "case.key"
    path.write_bytes(b"SYNTHETIC-test-key-" + bytes(range(48, 96)))
    return path


@pytest.fixture(autouse=True)
def case_key_env(key_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Cases unlock from DOCKET_KEY_FILE; no passphrase in the environment unless set by a test."""
    monkeypatch.setenv("DOCKET_KEY_FILE", str(key_file))
    monkeypatch.delenv("DOCKET_PASSPHRASE", raising=False)
    return key_file


PG_URL = os.environ.get("DOCKET_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    """None means the default SQLite file inside the case folder."""
    if backend == "sqlite":
        return None
    return request.getfixturevalue("pg_url")


@pytest.fixture
def case(tmp_path: Path, db_url: str | None) -> Iterator[Case]:
    opened = create_case(tmp_path / "case", database_url=db_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_case(tmp_path: Path) -> Iterator[Case]:
    opened = create_case(tmp_path / "case")
    yield opened
    opened.close()


@pytest.fixture
def admin() -> Actor:
    return Actor("test-admin", "admin")
