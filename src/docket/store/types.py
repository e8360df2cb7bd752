"""Column types shared by the tables: fuzzy time and protected (witness-identifying) fields.

A protected column is marked with ``info={"protected": True, "masked_as": ...}`` so that one
mechanism (the security stage) can find, encrypt and mask every such field without redesigning
tables: the mark is the single list of what identifies a witness. ``masked_as`` says how the
Redactor replaces the value in free text: "person" by the pseudonym of the row it belongs to,
"withheld" by a plain withheld marker.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from sqlalchemy import Column, String, Text
from sqlalchemy.orm import mapped_column

MaskedAs = Literal["person", "withheld"]


def protected_text(*, masked_as: MaskedAs = "withheld", **kwargs: Any) -> Any:
    """A text column holding witness-identifying data; stored as ciphertext once keys exist."""
    return mapped_column(Text, info={"protected": True, "masked_as": masked_as}, **kwargs)


def is_protected(column: Column[Any]) -> bool:
    return bool(column.info.get("protected"))


def masked_as(column: Column[Any]) -> MaskedAs:
    """How the Redactor masks a protected column's values in free text."""
    return column.info["masked_as"]


def pseudonym_column(**kwargs: Any) -> Any:
    """The column a protected row's "person" values are masked with: changing it relabels text."""
    return mapped_column(String(40), info={"mask_label": True}, **kwargs)


def is_mask_label(column: Column[Any]) -> bool:
    return bool(column.info.get("mask_label"))


def row_uid() -> Any:
    """A random id fixed at insert: encrypted fields are bound to it (not to the autoincrement
    id, which is unknown before the INSERT and reassigned when data moves between databases)."""
    return mapped_column(
        String(32), index=True, unique=True, nullable=True, default=lambda: os.urandom(16).hex()
    )
