"""Rows inserted by Core (`insert_sealed`, ingest batches) are stored as the ORM stores them:
protected values and encrypted texts as ciphertext bound to the row, read back in plain through
the ORM, and a new redaction version when a masked value is added."""

from __future__ import annotations

import hashlib

from sqlalchemy import select, text

from docket.security.crypto import FIELD_PREFIX
from docket.security.fields import insert_sealed, redaction_version
from docket.store.models import Source

PLACE = "SYNTHETIC Interview Place"
SECRET = "SYNTHETIC text naming SYNTHETIC Person"


def _row(number: int, *, place: str | None, encrypted: bool) -> dict:
    body = SECRET if encrypted else f"SYNTHETIC plain text {number}"
    return {
        "sha256": hashlib.sha256(f"SYNTHETIC {number}".encode()).hexdigest(),
        "kind": "testimony",
        "media_type": "text/markdown",
        "size": 10,
        "filename": f"t{number}.md",
        "origin": f"/SYNTHETIC/t{number}.md",
        "interview_place": place,
        "text": body,
        "text_encrypted": encrypted,
        "text_sha256": hashlib.sha256(body.encode()).hexdigest(),
        "meta": {},
    }


def _raw(case) -> dict:
    with case.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT filename, uid, interview_place, text FROM sources ORDER BY filename"
        ))  # fmt: skip
        return {row[0]: row[1:] for row in rows}


def test_protected_values_are_stored_encrypted_and_read_back_plain(case):
    with case.session() as s:
        version = redaction_version(s)
        insert_sealed(s, Source, [_row(1, place=PLACE, encrypted=True),
                                  _row(2, place=None, encrypted=False)])  # fmt: skip
    raw = _raw(case)
    uid, place, body = raw["t1.md"]
    assert len(uid) == 32
    assert place.startswith(FIELD_PREFIX) and body.startswith(FIELD_PREFIX)
    assert PLACE not in place and "Person" not in body
    assert raw["t2.md"][1:] == (None, "SYNTHETIC plain text 2")
    with case.session() as s:
        loaded = {src.filename: src for src in s.scalars(select(Source))}
        assert (loaded["t1.md"].interview_place, loaded["t1.md"].text) == (PLACE, SECRET)
        assert loaded["t2.md"].text == "SYNTHETIC plain text 2"
        assert redaction_version(s) != version  # a masked value was added


def test_no_masked_value_keeps_the_redaction_version(case):
    with case.session() as s:
        version = redaction_version(s)
        insert_sealed(s, Source, [_row(3, place=None, encrypted=True)])
    with case.session() as s:
        assert redaction_version(s) == version
        assert s.scalars(select(Source)).one().text == SECRET
