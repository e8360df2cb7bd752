"""The per-case data key and how it is wrapped: by a passphrase (Argon2id) or a key file (HKDF).

The data key itself never changes and never touches disk in the clear; only its wrapped form is
kept, in the case's own `case_settings` table (so a backup of the database carries it, and the
passphrase opens both). `rotate` re-wraps it under a new passphrase or key file.

Servers and scripts supply the secret through the environment: DOCKET_PASSPHRASE, or
DOCKET_KEY_FILE (a path to a file of at least 32 random bytes, e.g. from `docket key new-file`).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from docket.security.crypto import Keyring, derive
from docket.security.errors import KeyFailure
from docket.store.models import CaseSetting, put_setting

SETTING = "key.wrapped"
PASSPHRASE_ENV = "DOCKET_PASSPHRASE"
KEY_FILE_ENV = "DOCKET_KEY_FILE"
MIN_PASSPHRASE = 8
MIN_KEY_FILE_BYTES = 32
# RFC 9106's second recommended option (64 MiB, 3 passes); stored with each wrap so it can change.
ARGON2 = {"t": 3, "m": 65536, "p": 4}


@dataclass(frozen=True)
class KeySource:
    """A secret that unwraps the case key. `where` names it in messages; the secret never is."""

    method: str  # "passphrase" | "keyfile"
    secret: bytes = field(repr=False)
    where: str = ""

    @classmethod
    def passphrase(cls, value: str, where: str = "the passphrase") -> KeySource:
        if len(value) < MIN_PASSPHRASE:
            raise KeyFailure(f"{where}: a passphrase needs at least {MIN_PASSPHRASE} characters")
        return cls("passphrase", value.encode("utf-8"), where)

    @classmethod
    def key_file(cls, path: Path | str) -> KeySource:
        where = f"key file {path}"
        try:
            secret = Path(path).read_bytes().strip()
        except FileNotFoundError:
            raise KeyFailure(f"{where}: no such file") from None
        except OSError as exc:
            raise KeyFailure(f"{where}: cannot read it ({exc.strerror})") from None
        if len(secret) < MIN_KEY_FILE_BYTES:
            raise KeyFailure(
                f"{where}: holds {len(secret)} bytes, expected at least {MIN_KEY_FILE_BYTES} "
                "random bytes (make one with `docket key new-file`)"
            )
        return cls("keyfile", secret, where)

    @classmethod
    def from_env(
        cls, method: str | None = None, environ: Mapping[str, str] | None = None
    ) -> KeySource | None:
        """The secret the environment offers for `method` (either, key file first, if None)."""
        env = os.environ if environ is None else environ
        if method in (None, "keyfile") and env.get(KEY_FILE_ENV):
            return cls.key_file(env[KEY_FILE_ENV])
        if method in (None, "passphrase") and env.get(PASSPHRASE_ENV):
            return cls.passphrase(env[PASSPHRASE_ENV], where=PASSPHRASE_ENV)
        return None


def new_key_file(path: Path) -> None:
    """Write 32 random bytes (base64) readable by the owner only; refuses to overwrite."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyFailure(f"key file {path}: already exists; refusing to overwrite") from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(base64.b64encode(os.urandom(32)) + b"\n")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _wrapping_key(source: KeySource, record: Mapping[str, Any]) -> bytes:
    salt = base64.b64decode(str(record["salt"]))
    if record["kdf"] == "argon2id":
        return hash_secret_raw(
            source.secret, salt, time_cost=int(record["t"]), memory_cost=int(record["m"]),
            parallelism=int(record["p"]), hash_len=32, type=Type.ID,
        )  # fmt: skip
    if record["kdf"] == "hkdf-sha256":
        return derive(source.secret + salt, "docket key-file wrapping v1")
    raise KeyFailure(f"unknown key derivation {record['kdf']!r} in the case settings")


def _context(case_id: str, method: str) -> bytes:
    return f"docket-key-wrap:v1|{case_id}|{method}".encode()


def wrap(data_key: bytes, source: KeySource, case_id: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "v": 1,
        "method": source.method,
        "salt": _b64(os.urandom(16)),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    record.update({"kdf": "argon2id", **ARGON2} if source.method == "passphrase" else
                  {"kdf": "hkdf-sha256"})  # fmt: skip
    nonce = os.urandom(12)
    sealed = AESGCM(_wrapping_key(source, record)).encrypt(
        nonce, data_key, _context(case_id, source.method)
    )
    record.update(nonce=_b64(nonce), wrapped=_b64(sealed))
    return record


def unwrap(record: Mapping[str, Any], source: KeySource, case_id: str) -> bytes:
    if source.method != record["method"]:
        raise KeyFailure(_needs(str(record["method"])))
    try:
        return AESGCM(_wrapping_key(source, record)).decrypt(
            base64.b64decode(str(record["nonce"])),
            base64.b64decode(str(record["wrapped"])),
            _context(case_id, source.method),
        )
    except InvalidTag:
        what = "wrong passphrase" if source.method == "passphrase" else "wrong key file"
        raise KeyFailure(f"{source.where}: {what}; the case key does not unlock") from None


def _needs(method: str) -> str:
    if method == "passphrase":
        return f"this case is unlocked with a passphrase: set {PASSPHRASE_ENV} (or type it)"
    return f"this case is unlocked with a key file: set {KEY_FILE_ENV} to its path"


def read_record(session: Session) -> dict[str, Any] | None:
    row = session.get(CaseSetting, SETTING)
    return json.loads(row.value) if row else None


def write_record(session: Session, record: Mapping[str, Any]) -> None:
    put_setting(session, SETTING, json.dumps(record, sort_keys=True))


def create_data_key(session: Session, case_id: str, source: KeySource) -> Keyring:
    """A fresh random data key for a new case, stored wrapped. Refuses if one exists."""
    if read_record(session) is not None:
        raise KeyFailure("this case already has a key; use `docket key rotate` to re-wrap it")
    data_key = os.urandom(32)
    write_record(session, wrap(data_key, source, case_id))
    return Keyring(data_key)


def unlock_record(
    record: Mapping[str, Any] | None, case_id: str, source: KeySource | None
) -> Keyring:
    """Open the data key with `source`, or with what the environment offers for its method."""
    if record is None:
        raise KeyFailure("this case has no key (created before encryption?); re-create it")
    source = source or KeySource.from_env(str(record["method"]))
    if source is None:
        raise KeyFailure(_needs(str(record["method"])))
    return Keyring(unwrap(record, source, case_id))
