"""Content-addressed blob store: each original kept once, byte for byte, under its sha256.

Writes are atomic (temporary file, fsync, rename, fsync of the folder), so a killed process leaves
either the whole blob or nothing under the final name; an orphan blob is harmless and is reused on
re-ingest, and a partial write's temporary file is removed by the next ingest
(`sweep_stale_temps`). A batch makes many blobs durable at once: the fsyncs run concurrently, so
the file system commits them together (one journal commit and one disk flush for the lot instead
of one each, which cost about 5 ms per blob here).

Sealed blobs: originals that carry protected data (testimonies, lists of names, sources marked
sensitive) are stored AES-GCM encrypted, still under the sha256 of the plain original. `get` and
`check` open them with the case key and re-hash the plaintext, so verification is unchanged: a
blob is intact only if it opens and hashes to its name.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from docket.errors import IntegrityFailure
from docket.security.crypto import BLOB_MAGIC
from docket.security.errors import CorruptCiphertext

if TYPE_CHECKING:
    from docket.security.crypto import Keyring


_HEX64 = re.compile(r"[0-9a-f]{64}")
_TEMP_NAME = re.compile(r"\.tmp-[0-9a-f]{16}-(?P<pid>\d+)-\d+")  # see BlobBatch._create_temp
STALE_AFTER_S = 600.0


def _process_runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        pass
    return True


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

    def __init__(self, root: Path, keyring: Callable[[], Keyring] | None = None) -> None:
        self.root = root
        self._keyring = keyring

    def _keys(self) -> Keyring:
        if self._keyring is None:
            raise IntegrityFailure("this blob is sealed and no case key is available")
        return self._keyring()

    def path_for(self, sha256: str) -> Path:
        if _HEX64.fullmatch(sha256) is None:
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, data: bytes, sha256: str | None = None, *, seal: bool = False) -> str:
        """Store bytes (encrypted if `seal`) durably; returns their sha256. Intact blobs are
        kept."""
        with self.batch() as batch:
            return batch.put(data, sha256, seal=seal)

    @contextmanager
    def batch(self) -> Iterator[BlobBatch]:
        """Blobs put in the block are durable under their final names when it ends; if it
        fails, none of them is (their temporary files are removed)."""
        batch = BlobBatch(self)
        try:
            yield batch
            batch.sync()
        finally:
            batch.discard()

    def _intact(self, path: Path, digest: str, *, need_sealed: bool) -> bool:
        raw = path.read_bytes()
        if not raw.startswith(BLOB_MAGIC):
            return not need_sealed and sha256_hex(raw) == digest
        try:
            return sha256_hex(self._keys().open_blob(raw, digest)) == digest
        except CorruptCiphertext:
            return False

    def is_sealed(self, sha256: str) -> bool:
        path = self.path_for(sha256)
        with path.open("rb") as fh:
            return fh.read(len(BLOB_MAGIC)) == BLOB_MAGIC

    def get(self, sha256: str) -> bytes:
        """The original bytes (opened if sealed), checked against their hash."""
        path = self.path_for(sha256)
        if not path.is_file():
            raise IntegrityFailure(f"blob {sha256} is missing from the store")
        raw = path.read_bytes()
        if sha256_hex(raw) == sha256:
            return raw
        if raw.startswith(BLOB_MAGIC):
            try:
                data = self._keys().open_blob(raw, sha256)
            except CorruptCiphertext as exc:
                raise IntegrityFailure(str(exc)) from None
            if sha256_hex(data) == sha256:
                return data
        raise IntegrityFailure(f"blob {sha256} is altered (it no longer hashes to its name)")

    def check(self, sha256: str) -> str | None:
        """None if the blob is present and intact (sealed: opens and re-hashes), else what is
        wrong."""
        path = self.path_for(sha256)
        if not path.is_file():
            return "missing"
        with path.open("rb") as fh:
            sealed = fh.read(len(BLOB_MAGIC)) == BLOB_MAGIC
        if not sealed:
            actual = sha256_file(path)
            return None if actual == sha256 else f"altered (now hashes to {actual[:12]}…)"
        try:
            data = self._keys().open_blob(path.read_bytes(), sha256)
        except CorruptCiphertext:
            return "altered (sealed bytes do not open with the case key)"
        actual = sha256_hex(data)
        return None if actual == sha256 else f"altered (opens but hashes to {actual[:12]}…)"

    def sweep_stale_temps(self, older_than: float = STALE_AFTER_S) -> int:
        """Remove temporary files left by a writer that was killed mid-write (SIGKILL, power
        loss); returns how many. Only files whose writing process no longer runs on this host
        and that have not changed for `older_than` seconds: another process's blob in flight is
        never touched, even on a folder shared with another host (its age protects it)."""
        removed = 0
        now = time.time()
        for path in self.root.glob("??/.tmp-*"):
            match = _TEMP_NAME.fullmatch(path.name)
            if match is None or _process_runs(int(match["pid"])):
                continue
            with suppress(FileNotFoundError):
                if now - path.stat().st_mtime > older_than:
                    path.unlink()
                    removed += 1
        return removed

    def __iter__(self) -> Iterator[str]:
        for path in sorted(self.root.glob("??/*")):
            if path.is_file() and not path.name.startswith(".tmp-"):
                yield path.name


_FSYNC_POOL: ThreadPoolExecutor | None = None


def _fsync(target: str | int) -> None:
    """fsync an open file descriptor, or a path (a folder) opened for it."""
    if isinstance(target, int):
        os.fsync(target)
        return
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_all(targets: Iterable[str | int]) -> None:
    """fsync everything, concurrently: the kernel folds concurrent fsyncs into one journal
    commit, where one after the other each waits for a disk flush of its own."""
    global _FSYNC_POOL
    todo = list(targets)
    if len(todo) <= 1:
        for target in todo:
            _fsync(target)
        return
    if _FSYNC_POOL is None:
        _FSYNC_POOL = ThreadPoolExecutor(max_workers=16, thread_name_prefix="docket-fsync")
    for _ in _FSYNC_POOL.map(_fsync, todo):
        pass


_TEMP_NAMES = itertools.count()


class BlobBatch:
    """Blobs written to temporary files now and made durable together by `sync`: fsync of every
    file, rename to its final name, fsync of every folder that changed. Before `sync` returns
    nothing new is under a final name, so a reader never sees half a blob. Each temporary file
    stays open until then (a batch holds a few dozen).

    Paths are plain strings here: pathlib objects cost about a fifth of a put's own time."""

    def __init__(self, store: BlobStore) -> None:
        self.store = store
        self._root = str(store.root)
        self._pending: dict[str, tuple[str, int]] = {}  # final path -> (temporary file, fd)
        self._folders: set[str] = set()

    def put(self, data: bytes, sha256: str | None = None, *, seal: bool = False) -> str:
        """Write bytes (encrypted if `seal`) for the next `sync`; returns their sha256."""
        digest = sha256_hex(data)
        if sha256 is not None and sha256 != digest:
            raise IntegrityFailure("bytes changed between hashing and storing")
        folder = os.path.join(self._root, digest[:2])
        target = os.path.join(folder, digest)
        if target in self._pending:
            return digest
        if os.path.isfile(target) and self.store._intact(Path(target), digest, need_sealed=seal):
            return digest
        payload = self.store._keys().seal_blob(data, digest) if seal else data
        tmp, fd = self._create_temp(folder, digest)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
        except BaseException:
            os.close(fd)
            _unlink(tmp)
            raise
        self._pending[target] = (tmp, fd)
        self._folders.add(folder)
        return digest

    def _create_temp(self, folder: str, digest: str) -> tuple[str, int]:
        """A new read-only file in `folder` (created with its final mode: no chmod later)."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        while True:
            tmp = os.path.join(folder, f".tmp-{digest[:16]}-{os.getpid()}-{next(_TEMP_NAMES)}")
            try:
                return tmp, os.open(tmp, flags, 0o444)
            except FileExistsError:  # left by a killed process that had the same pid
                continue
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
                self._folders.add(self._root)  # the new folder's own entry

    def sync(self) -> None:
        """Make every blob put so far durable under its final name."""
        _fsync_all(fd for _, fd in self._pending.values())
        while self._pending:
            target, (tmp, fd) = self._pending.popitem()
            os.close(fd)
            os.replace(tmp, target)
        if os.name == "posix":  # a rename is durable once its folder is fsynced
            _fsync_all(sorted(self._folders))
        self._folders.clear()

    def discard(self) -> None:
        """Remove the temporary files of blobs not yet synced."""
        while self._pending:
            tmp, fd = self._pending.popitem()[1]
            os.close(fd)
            _unlink(tmp)


def _unlink(path: str) -> None:
    with suppress(FileNotFoundError):
        os.unlink(path)
