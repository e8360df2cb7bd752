"""evidence: source relations (cites / republishes) and place/time details of evidence links

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("related_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("relation IN ('cites', 'republishes')", name="ck_source_relation"),
        sa.CheckConstraint("source_id <> related_id", name="ck_source_relation_self"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"]),
        sa.ForeignKeyConstraint(["related_id"], ["sources.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id", "related_id", "relation", name="uq_source_relation"),
    )
    with op.batch_alter_table("source_relations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_relations_source_id"), ["source_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_source_relations_related_id"), ["related_id"], unique=False
        )
    op.create_table(
        "evidence_details",
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("facility_id", sa.String(length=40), nullable=True),
        sa.Column("place_text", sa.Text(), nullable=True),
        sa.Column("time_text", sa.Text(), nullable=True),
        sa.Column("earliest", sa.String(length=10), nullable=True),
        sa.Column("latest", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(["link_id"], ["evidence_links.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("link_id"),
    )


def downgrade() -> None:
    op.drop_table("evidence_details")
    with op.batch_alter_table("source_relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_relations_related_id"))
        batch_op.drop_index(batch_op.f("ix_source_relations_source_id"))
    op.drop_table("source_relations")
