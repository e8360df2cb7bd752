from __future__ import annotations

from pathlib import Path

import pytest

from docket.actor import Actor
from docket.case import Case
from tests.evidence.corpus import ingest_corpus


@pytest.fixture
def corpus(case: Case, tmp_path: Path, admin: Actor) -> dict[str, int]:
    return ingest_corpus(case, tmp_path / "files", admin)


@pytest.fixture
def sqlite_corpus(sqlite_case: Case, tmp_path: Path, admin: Actor) -> dict[str, int]:
    return ingest_corpus(sqlite_case, tmp_path / "files", admin)
