"""The case's working keys and the primitives built on them: sealed fields, sealed blobs, blind
indexes.

One random 256-bit data key per case; purpose-specific keys are derived from it with HKDF, so a
blind-index key never doubles as an encryption key. Fields are AES-256-GCM with associated data
naming table, column and the row's random uid: ciphertext moved to another row or column fails
to open instead of silently reading as someone else's name.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from docket.security.errors import CorruptCiphertext

FIELD_PREFIX = "enc1:"
BLOB_MAGIC = b"DOCKET-SEALED-BLOB-1\n"
_NONCE = 12


def derive(key: bytes, purpose: str, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=purpose.encode()).derive(
        key
    )


def field_context(table: str, column: str, row_uid: str) -> bytes:
    """Associated data binding a field's ciphertext to where it lives."""
    return f"docket-field:v1|{table}|{column}|{row_uid}".encode()


class Keyring:
    """Keys derived from one case data key. Holds secrets: never log or repr it."""

    __slots__ = ("__weakref__", "_blind", "_blob", "_field", "data_key")  # weakref: caches

    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != 32:
            raise ValueError("the data key must be 32 bytes")
        self.data_key = data_key
        self._field = AESGCM(derive(data_key, "docket field encryption v1"))
        self._blob = AESGCM(derive(data_key, "docket blob sealing v1"))
        self._blind = derive(data_key, "docket blind index v1")

    def __repr__(self) -> str:
        return "Keyring(<secret>)"

    # fields ---------------------------------------------------------------------------------
    def encrypt_field(self, plaintext: str, context: bytes) -> str:
        nonce = os.urandom(_NONCE)
        sealed = self._field.encrypt(nonce, plaintext.encode("utf-8"), context)
        return FIELD_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt_field(self, stored: str, context: bytes, where: str) -> str:
        if not stored.startswith(FIELD_PREFIX):
            raise CorruptCiphertext(f"{where}: expected an encrypted value, found plain text")
        try:
            raw = binascii.a2b_base64(stored[len(FIELD_PREFIX) :], strict_mode=True)
            return self._field.decrypt(raw[:_NONCE], raw[_NONCE:], context).decode("utf-8")
        except (InvalidTag, ValueError, UnicodeDecodeError, binascii.Error):
            raise CorruptCiphertext(
                f"{where}: the encrypted value does not open with this case's key "
                "(altered, moved from another row, or from another case)"
            ) from None

    # blobs ----------------------------------------------------------------------------------
    def seal_blob(self, data: bytes, sha256: str) -> bytes:
        """Ciphertext bound to the plaintext's sha256 (the blob's name in the store)."""
        nonce = os.urandom(_NONCE)
        return BLOB_MAGIC + nonce + self._blob.encrypt(nonce, data, sha256.encode("ascii"))

    def open_blob(self, sealed: bytes, sha256: str) -> bytes:
        if not sealed.startswith(BLOB_MAGIC):
            raise CorruptCiphertext(f"blob {sha256[:12]}…: not a sealed blob")
        body = sealed[len(BLOB_MAGIC) :]
        try:
            return self._blob.decrypt(body[:_NONCE], body[_NONCE:], sha256.encode("ascii"))
        except (InvalidTag, ValueError):
            raise CorruptCiphertext(
                f"blob {sha256[:12]}…: sealed bytes do not open with this case's key (altered?)"
            ) from None

    # blind indexes --------------------------------------------------------------------------
    def blind_index(self, purpose: str, value: str) -> str:
        """Keyed HMAC of the normalised value: equal names match, the index reveals nothing
        to someone without the key (beyond which rows share a value)."""
        message = f"{purpose}\x00{normalise_for_index(value)}".encode()
        # 128 bits: collisions stay negligible, the database index stays small
        return hmac.new(self._blind, message, hashlib.sha256).hexdigest()[:32]

    def subkey(self, purpose: str) -> bytes:
        """A key for another purpose (e.g. backups), independent of the others."""
        return derive(self.data_key, purpose)


_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.'’]+")


def normalise_for_index(value: str) -> str:
    """NFKC, case-folded, separators removed: 'Ri Yong-chol' and 'ri yongchol' index alike."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", value).casefold())


def sha256_bytes(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()
