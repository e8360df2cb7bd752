from pathlib import Path

import pytest
from sqlalchemy import text

from docket.case import CONFIG_NAME, create_case, find_case_root, open_case
from docket.errors import BadInput, CaseNotFound
from docket.store.db import current_revision, head_revision


def test_init_creates_settings_database_and_blob_store(case):
    assert (case.root / CONFIG_NAME).is_file()
    assert (case.root / "blobs").is_dir()
    assert current_revision(case.engine) == head_revision(case.engine)
    assert case.setting("case_id") == case.config.case_id


def test_sqlite_case_uses_wal(sqlite_case):
    with sqlite_case.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert (sqlite_case.root / "docket.db").is_file()


def test_reopening_finds_the_same_case(case):
    reopened = open_case(case.root)
    try:
        assert reopened.config.case_id == case.config.case_id
        assert reopened.setting("case_id") == case.config.case_id
    finally:
        reopened.close()


def test_init_refuses_to_overwrite(case):
    with pytest.raises(BadInput, match="already exists"):
        create_case(case.root)


def test_case_is_found_from_a_subfolder(sqlite_case, monkeypatch):
    nested = sqlite_case.root / "notes" / "deeper"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert find_case_root() == sqlite_case.root


def test_no_case_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CaseNotFound, match="docket init"):
        find_case_root()


def test_postgres_database_holding_another_case_is_refused(tmp_path: Path, pg_url):
    first = create_case(tmp_path / "a", database_url=pg_url)
    first.close()
    with pytest.raises(BadInput, match="another case"):
        create_case(tmp_path / "b", database_url=pg_url)
