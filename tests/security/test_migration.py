"""Migration 0002 on a populated database: columns added, every existing row gets a uid."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from docket.store.db import current_revision, make_engine, upgrade


def test_0002_adds_uids_to_existing_rows_and_downgrades(tmp_path):
    from alembic import command

    from docket.store.db import _alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO witnesses (id, pseudonym, created_at) VALUES "
            "(1, 'W-0001', '2020-01-01'), (2, 'W-0002', '2020-01-01')"))  # fmt: skip
    upgrade(engine, "0002")
    assert current_revision(engine) == "0002"
    with engine.connect() as conn:
        uids = conn.execute(text("SELECT uid FROM witnesses")).scalars().all()
        flags = conn.execute(text("PRAGMA table_info(sources)")).all()
    assert len(set(uids)) == 2 and all(len(u) == 32 for u in uids)
    assert {"uid", "text_encrypted", "blob_sealed"} <= {row[1] for row in flags}
    command.downgrade(_alembic_config(engine), "0001")
    assert current_revision(engine) == "0001"
    engine.dispose()


_COLUMNS = (
    "sha256, kind, media_type, size, filename, origin, text, text_sha256, ingested_at, "
    "consent, sensitive, meta"
)
_STORAGE = text("SELECT attstorage FROM pg_attribute "
                "WHERE attrelid = 'source_search'::regclass AND attname = 'body'")  # fmt: skip


def _add_indexed_source(conn, source_id: int, body: str) -> None:
    conn.execute(
        text(f"INSERT INTO sources (id, {_COLUMNS}) VALUES (:id, repeat(:c, 64), 'article', "
             "'text/html', 1, 'a.html', 'a.html', 'SYNTHETIC', repeat('b', 64), now(), 'public', "
             "false, '{}')"),
        {"id": source_id, "c": str(source_id)},
    )  # fmt: skip
    conn.execute(text("INSERT INTO source_search (source_id, body) VALUES (:id, :b)"),
                 {"id": source_id, "b": body})  # fmt: skip


@pytest.mark.postgres
def test_0005_stores_the_search_body_uncompressed_and_keeps_what_is_indexed(pg_url):
    from alembic import command

    from docket.store.db import _alembic_config

    engine = make_engine(pg_url)
    upgrade(engine, "0004")
    body = "synthetic camp " * 400  # SYNTHETIC; compressible, so pglz would have compressed it
    with engine.begin() as conn:
        _add_indexed_source(conn, 1, body)
        assert conn.execute(_STORAGE).scalar() == "x"
    upgrade(engine, "0005")
    assert current_revision(engine) == "0005"
    with engine.begin() as conn:
        assert conn.execute(_STORAGE).scalar() == "e"
        _add_indexed_source(conn, 2, body)
        sizes = dict(
            conn.execute(text("SELECT source_id, pg_column_size(body) FROM source_search")).all()
        )
        query = "SELECT source_id FROM source_search WHERE tsv @@ to_tsquery('simple', 'camp')"
        found = sorted(conn.execute(text(query)).scalars())
    assert found == [1, 2]
    assert sizes[1] < len(body) <= sizes[2]  # the old row compressed and still read; the new not
    command.downgrade(_alembic_config(engine), "0004")
    with engine.connect() as conn:
        assert conn.execute(_STORAGE).scalar() == "x"
    engine.dispose()
