"""Shared fixtures. Store tests run on SQLite and on a real PostgreSQL through one parametrisation.

PostgreSQL: DOCKET_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test). Each test gets a
schema of its own, dropped afterwards, so tests never see each other's rows.
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
