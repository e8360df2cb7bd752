"""Column types shared by the tables: fuzzy time and protected (witness-identifying) fields.

A protected column is marked with ``info={"protected": True}`` so that one mechanism (the security
stage) can find and encrypt every such field without redesigning tables; `protected_columns()`
lists them.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Column, String, Text
from sqlalchemy.orm import mapped_column

PROTECTED = {"protected": True}


def protected_text(**kwargs: Any) -> Any:
    """A text column holding witness-identifying data; stored as ciphertext once keys exist."""
    return mapped_column(Text, info=dict(PROTECTED), **kwargs)


def is_protected(column: Column[Any]) -> bool:
    return bool(column.info.get("protected"))


def row_uid() -> Any:
    """A random id fixed at insert: encrypted fields are bound to it (not to the autoincrement
    id, which is unknown before the INSERT and reassigned when data moves between databases)."""
    return mapped_column(
        String(32), index=True, unique=True, nullable=True, default=lambda: os.urandom(16).hex()
    )
