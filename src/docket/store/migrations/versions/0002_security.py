"""security: row uids for field encryption, blind index for list names, sealed-text flags

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 12:00:00

Adds only columns and indexes (no table rebuild), so it is safe on a populated SQLite file.
Existing rows get a random uid; values already stored stay as they were.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_UID_TABLES = ("witnesses", "sources", "person_reports")


def upgrade() -> None:
    for table in _UID_TABLES:
        op.add_column(table, sa.Column("uid", sa.String(length=32), nullable=True))
    op.add_column(
        "sources",
        sa.Column("text_encrypted", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "sources", sa.Column("blob_sealed", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("person_reports", sa.Column("name_index", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    for table in _UID_TABLES:
        ids = [row[0] for row in bind.execute(sa.text(f"SELECT id FROM {table}"))]
        for row_id in ids:
            bind.execute(
                sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
                {"uid": uuid.uuid4().hex, "id": row_id},
            )
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)
    op.create_index("ix_person_reports_name_index", "person_reports", ["name_index"])


def downgrade() -> None:
    op.drop_index("ix_person_reports_name_index", table_name="person_reports")
    for table in _UID_TABLES:
        op.drop_index(f"ix_{table}_uid", table_name=table)
    with op.batch_alter_table("person_reports") as batch:
        batch.drop_column("name_index")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("blob_sealed")
        batch.drop_column("text_encrypted")
    for table in _UID_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("uid")
