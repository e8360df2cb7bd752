"""Content-addressed blob store: each original kept once, byte for byte, under its sha256.

Writes are atomic (temporary file, fsync, rename), so a killed process leaves either the whole
blob or nothing under the final name; an orphan blob is harmless and is reused on re-ingest.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from docket.errors import IntegrityFailure


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


class BlobStore:
    """Files under root/ab/<sha256> (one level of fan-out, as git does); read-only once written."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes, sha256: str | None = None) -> str:
        """Store bytes; returns their sha256. Existing intact blobs are not rewritten."""
        digest = sha256_hex(data)
        if sha256 is not None and sha256 != digest:
            raise IntegrityFailure("bytes changed between hashing and storing")
        target = self.path_for(digest)
        if target.is_file() and sha256_file(target) == digest:
            return digest
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def get(self, sha256: str) -> bytes:
        path = self.path_for(sha256)
        if not path.is_file():
            raise IntegrityFailure(f"blob {sha256} is missing from the store")
        return path.read_bytes()

    def check(self, sha256: str) -> str | None:
        """None if the blob is present and intact, else what is wrong."""
        path = self.path_for(sha256)
        if not path.is_file():
            return "missing"
        actual = sha256_file(path)
        return None if actual == sha256 else f"altered (now hashes to {actual[:12]}…)"

    def __iter__(self) -> Iterator[str]:
        for path in sorted(self.root.glob("??/*")):
            if path.is_file() and not path.name.startswith(".tmp-"):
                yield path.name
