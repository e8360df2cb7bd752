"""Transparent field encryption for every `protected_text` column, through the ORM.

How it works: just before a row is INSERTed or UPDATEd, each protected attribute that changed is
replaced by its AES-GCM ciphertext (associated data: table, column, the row's random `uid`); right
after, the plaintext is put back in memory. When a row is loaded, protected values are decrypted
in memory. So code using `case.session()` and ORM entities reads and writes plain values, and the
database only ever receives ciphertext. Blind indexes (`name_index`) are computed at the same
moment, from the plaintext.

Every flush that adds, changes or deletes a value the Redactor masks (witness names, contacts,
family details and pseudonyms; person names; interview places) also writes a new random
`redaction.version` into case_settings, in the same transaction: servers that cache the name
matcher (docket.security.redact) compare it on every request, in any process. Likewise every
transaction that writes anything a reader could see (any row but audit entries and these
versions; ORM flushes, Core DML through the session, `put_setting`) writes a new random
`case.version` just before it commits: per-process caches of read results (docket.readcache)
are valid for one value of it. Audit entries are left out so that audited reads (which append
one) do not invalidate every cache; views of the audit trail are not cached.

Limits, by design: Core statements (`select(Witness.name)`, `insert(...)`, bulk updates) bypass
the ORM and see or must supply ciphertext; use entities, or `decrypt_value` explicitly.
A session not made by `case.session()` has no key: loading leaves ciphertext in place and writing
a protected value is refused.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Mapper, Session, attributes, object_session

from docket.security.crypto import FIELD_PREFIX, Keyring, field_context
from docket.security.errors import CorruptCiphertext, KeyFailure
from docket.store.models import (
    CHANGE_VERSION,
    CHANGED,
    REDACTION_VERSION,
    UNVERSIONED_SETTINGS,
    AuditEntry,
    Base,
    CaseSetting,
    PersonReport,
    Source,
    Witness,
    put_setting,
)
from docket.store.types import MaskedAs, is_mask_label, is_protected, masked_as

KEYRING = "docket.keyring"  # session.info key: a zero-argument callable returning the Keyring
_PLAIN = "docket.plain"
_UNLOCKED = "docket.keyring.unlocked"

# (class, attribute) -> (blind index attribute, purpose). Witness and list names share a purpose,
# so an exact-name lookup finds a witness and the persons on lists alike.
BLIND_INDEXES: dict[tuple[type, str], tuple[str, str]] = {
    (Witness, "name"): ("name_index", "person-name"),
    (PersonReport, "name"): ("name_index", "person-name"),
}


# What the Redactor masks (every protected column, with how: store.types.masked_as) and what it
# labels by (pseudonym columns): derived from the models' marks, so a new protected column is
# masked and invalidates cached matchers without a second list to keep in step.
MASKED_VALUES: dict[type, dict[str, MaskedAs]] = {}  # class -> protected attribute -> how
MASKED_ATTRIBUTES: dict[type, tuple[str, ...]] = {}  # class -> what a change to invalidates
_MASKED_CHANGED = "docket.masked.changed"


def new_uid() -> str:
    return os.urandom(16).hex()


def protected_attributes(cls: type) -> list[str]:
    """Attribute names of the always-encrypted columns of a mapped class."""
    return [prop.key for prop, _ in _marked_columns(cls, is_protected)]


def _marked_columns(cls: type, mark: Callable[[Any], bool]) -> list[tuple[Any, Any]]:
    """(property, column) of each mapped column of `cls` that carries `mark`."""
    mapper = inspect(cls)
    return [(prop, col) for prop in mapper.column_attrs for col in prop.columns if mark(col)]


def _sealed_attributes(target: Any) -> list[str]:
    names = list(_PROTECTED.get(type(target), ()))
    if isinstance(target, Source) and target.text_encrypted:
        names.append("text")
    return names


_PROTECTED: dict[type, list[str]] = {}


def _keyring_of(session: Session | None, *, required: bool) -> Keyring | None:
    if session is not None and (cached := session.info.get(_UNLOCKED)) is not None:
        return cached  # type: ignore[no-any-return]
    provider: Callable[[], Keyring] | None = session.info.get(KEYRING) if session else None
    if provider is None:
        if required:
            raise KeyFailure(
                "writing a protected field needs an encrypting session: use case.session()"
            )
        return None
    keyring = provider()
    session.info[_UNLOCKED] = keyring  # type: ignore[union-attr]
    return keyring


def keyring_of(session: Session) -> Keyring | None:
    """The case keys of an encrypting session (None for a session without them)."""
    return _keyring_of(session, required=False)


def _where(target: Any, key: str) -> str:
    return f"{target.__tablename__}.{key} (row uid {getattr(target, 'uid', '?')})"


def decrypt_value(keyring: Keyring, table: str, column: str, row_uid: str, stored: str) -> str:
    """Open one stored value fetched with a Core query (ORM entities are decrypted already)."""
    return keyring.decrypt_field(
        stored, field_context(table, column, row_uid), f"{table}.{column} (row uid {row_uid})"
    )


def _stored_values(
    cls: type, uid: str, values: dict[str, str | None], keyring: Callable[[], Keyring]
) -> dict[str, str | None]:
    """What the database receives for the protected `values` of one `cls` row: ciphertext bound
    to (table, column, uid), and the blind index of each value that has one."""
    stored: dict[str, str | None] = {}
    for key, value in values.items():
        blind = BLIND_INDEXES.get((cls, key))
        if value is None:
            if blind:
                stored[blind[0]] = None
            continue
        ring = keyring()
        if blind:
            stored[blind[0]] = ring.blind_index(blind[1], value)
        stored[key] = ring.encrypt_field(value, field_context(cls.__tablename__, key, uid))
    return stored


def _seal(target: Any, *, inserting: bool) -> None:
    names = _sealed_attributes(target)
    if not names:
        return
    if not target.uid:
        target.uid = new_uid()
    flag_changed = (
        isinstance(target, Source)
        and attributes.get_history(target, "text_encrypted").has_changes()
    )
    values = {
        key: getattr(target, key)
        for key in names
        if inserting or flag_changed or attributes.get_history(target, key).has_changes()
    }
    session = object_session(target)
    stored = _stored_values(
        type(target), target.uid, values, lambda: _keyring_of(session, required=True)
    )
    # an INSERT takes every value from the instance dict; an UPDATE needs attribute history
    put = _put_dict if inserting else setattr
    for key, value in stored.items():
        put(target, key, value)
    plain = {key: value for key, value in values.items() if value is not None}
    if plain:
        assert session is not None
        session.info.setdefault(_PLAIN, []).append((target, plain))


def insert_sealed(session: Session, cls: type, rows: list[dict[str, Any]]) -> None:
    """INSERT plain `rows` of `cls` by one Core executemany, with what the ORM's before_insert
    would do to each: a `uid` if missing, protected values (and a Source's `text` when
    `text_encrypted`) encrypted, blind indexes; then a new redaction version if any masked value
    was added. For writers of many rows at once (ingest batches), without an ORM object each.
    Every row must have the same keys; the dicts are changed in place."""
    protected = _PROTECTED.get(cls, [])
    masked = MASKED_VALUES.get(cls, {})
    has_uid = "uid" in cls.__table__.c  # type: ignore[attr-defined]
    adds_masked = False
    for row in rows:
        if has_uid:
            row["uid"] = row.get("uid") or new_uid()
        names = [*protected, "text"] if cls is Source and row.get("text_encrypted") else protected
        if not names:
            continue
        adds_masked = adds_masked or any(row.get(key) is not None for key in masked)
        values = {key: row.get(key) for key in names}
        row.update(
            _stored_values(cls, row["uid"], values, lambda: _keyring_of(session, required=True))
        )
    session.execute(insert(cls.__table__), rows)  # type: ignore[attr-defined]
    if adds_masked:
        put_setting(session, REDACTION_VERSION, new_uid())


def _put_dict(target: Any, key: str, value: Any) -> None:
    target.__dict__[key] = value


def _restore(session: Session, _context: Any) -> None:
    """After the flush: put the plaintext back in memory (once per flush, not per row), as the
    committed value: the row in the database is its ciphertext."""
    for target, plain in session.info.pop(_PLAIN, ()):
        target.__dict__.update(plain)


def _open(target: Any, session: Session | None, only: set[str] | None = None) -> None:
    state_dict = target.__dict__
    keyring: Keyring | None = None
    for key in _sealed_attributes(target):
        if only is not None and key not in only:
            continue
        stored = state_dict.get(key)
        if stored is None:
            continue
        if not stored.startswith(FIELD_PREFIX):
            # a sealed column holding plain text was written around docket: refuse to trust it
            raise CorruptCiphertext(f"{_where(target, key)}: expected an encrypted value")
        keyring = keyring or _keyring_of(session, required=False)
        if keyring is None:
            return  # no key in this session: leave ciphertext, never guess
        # just loaded, unmodified: writing the dict directly keeps it the committed value
        state_dict[key] = decrypt_value(
            keyring, target.__tablename__, key, state_dict.get("uid") or "?", stored
        )


def _on_load(target: Any, context: Any) -> None:
    _open(target, context.session)


def _on_refresh(target: Any, context: Any, attrs: Any) -> None:
    _open(target, context.session, set(attrs) if attrs else None)


def _before_insert(_mapper: Mapper[Any], _conn: Any, target: Any) -> None:
    _seal(target, inserting=True)


def _before_update(_mapper: Mapper[Any], _conn: Any, target: Any) -> None:
    _seal(target, inserting=False)


def _note_masked(target: Any, *, whole_row: bool) -> None:
    """Before a row is written or deleted: does it change what the Redactor masks?"""
    keys = MASKED_ATTRIBUTES[type(target)]
    if whole_row:  # a row without masked values adds or removes nothing to mask
        changed = any(getattr(target, k) is not None for k in MASKED_VALUES[type(target)])
    else:
        changed = any(attributes.get_history(target, k).has_changes() for k in keys)
    session = object_session(target)
    if changed and session is not None:
        session.info[_MASKED_CHANGED] = True


def _bump_redaction_version(session: Session, _context: Any) -> None:
    """After a flush that changed masked values: a new version, in the same transaction. Any
    flushed row but audit entries and version settings marks the transaction as a change."""
    if session.info.pop(_MASKED_CHANGED, False):
        put_setting(session, REDACTION_VERSION, new_uid())
    if not session.info.get(CHANGED):
        for row in (*session.new, *session.dirty, *session.deleted):
            if not isinstance(row, AuditEntry) and not (
                isinstance(row, CaseSetting) and row.key in UNVERSIONED_SETTINGS
            ):
                session.info[CHANGED] = True
                break


def _note_dml(state: Any) -> None:
    """Core INSERT/UPDATE/DELETE through the session bypasses the flush: a change too (audit
    entries are only written through the ORM)."""
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[CHANGED] = True


def _bump_change_version(session: Session) -> None:
    """Just before the commit (late: on PostgreSQL the version's row stays locked until then):
    a new change version if the transaction wrote anything readers see."""
    session.flush()
    if session.info.pop(CHANGED, False):
        put_setting(session, CHANGE_VERSION, new_uid())


def redaction_version(session: Session) -> str:
    """The current version of the masked values (always read from the database)."""
    query = select(CaseSetting.value).where(CaseSetting.key == REDACTION_VERSION)
    return session.execute(query).scalar() or ""


def _forget_on_rollback(session: Session) -> None:
    for key in (_PLAIN, _MASKED_CHANGED, CHANGED):
        session.info.pop(key, None)


def _register() -> None:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        marked = _marked_columns(cls, is_protected)
        if not marked and cls is not Source:
            continue
        if "uid" not in mapper.column_attrs:
            raise RuntimeError(f"{cls.__name__} has protected columns but no uid column")
        _PROTECTED[cls] = [prop.key for prop, _ in marked]
        if marked:
            MASKED_VALUES[cls] = {prop.key: masked_as(col) for prop, col in marked}
            labels = tuple(prop.key for prop, _ in _marked_columns(cls, is_mask_label))
            MASKED_ATTRIBUTES[cls] = (*MASKED_VALUES[cls], *labels)
        event.listen(cls, "load", _on_load)
        event.listen(cls, "refresh", _on_refresh)
        event.listen(cls, "before_insert", _before_insert)
        event.listen(cls, "before_update", _before_update)
    for cls in MASKED_ATTRIBUTES:  # after the sealing listeners of the same events
        event.listen(cls, "before_insert", lambda _m, _c, t: _note_masked(t, whole_row=True))
        event.listen(cls, "before_delete", lambda _m, _c, t: _note_masked(t, whole_row=True))
        event.listen(cls, "before_update", lambda _m, _c, t: _note_masked(t, whole_row=False))
    event.listen(Session, "after_flush", _bump_redaction_version)
    event.listen(Session, "do_orm_execute", _note_dml)
    event.listen(Session, "before_commit", _bump_change_version)
    event.listen(Session, "after_flush_postexec", _restore)
    event.listen(Session, "after_rollback", _forget_on_rollback)


_register()
