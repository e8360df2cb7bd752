"""search index body stored uncompressed on PostgreSQL

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 21:00:00

`source_search.body` holds the prepared index text only so that the generated `tsv` column can be
computed from it (and a backup can carry it). PostgreSQL compressed it with pglz on every insert,
on top of the same compression of `sources.text`: about a sixth of the server's CPU time per
ingested page, for a column that is read only by backups. STORAGE EXTERNAL keeps it out of line
but uncompressed (more disk: the index text is about the size of the source's text).

Rows stored before the upgrade stay compressed (PostgreSQL reads both); nothing is rewritten.
SQLite (FTS5) is unchanged.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE source_search ALTER COLUMN body SET STORAGE EXTERNAL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE source_search ALTER COLUMN body SET STORAGE EXTENDED")
