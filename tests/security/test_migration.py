"""Migration 0002 on a populated database: columns added, every existing row gets a uid."""

from __future__ import annotations

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
