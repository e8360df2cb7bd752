"""Blob batches: nothing under a final name before the batch syncs, nothing left if it fails."""

import pytest

from docket.store.blobs import BlobStore, sha256_hex


def _files(root):
    return sorted(p.name for p in root.rglob("*") if p.is_file())


def test_batch_blobs_appear_whole_when_the_batch_ends(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    payloads = [f"SYNTHETIC blob {i}".encode() * (i + 1) for i in range(5)]
    with store.batch() as batch:
        digests = [batch.put(p) for p in payloads]
        assert batch.put(payloads[0]) == digests[0]  # twice in one batch: written once
        assert list(store) == []  # only temporary files so far
        assert len(_files(tmp_path)) == 5 and all(n.startswith(".tmp-") for n in _files(tmp_path))
    assert sorted(store) == sorted(digests) == sorted(_files(tmp_path))
    assert [store.get(d) for d in digests] == payloads
    assert store.put(payloads[1]) == digests[1] and sorted(store) == sorted(digests)


def test_a_failed_batch_leaves_no_blob_and_no_temporary_file(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    with pytest.raises(RuntimeError), store.batch() as batch:
        batch.put(b"SYNTHETIC never stored")
        raise RuntimeError("the caller failed before the batch synced")
    assert list(store) == [] and _files(tmp_path) == []
    assert not store.exists(sha256_hex(b"SYNTHETIC never stored"))


def _temp_file(store: BlobStore, pid: int, n: int, age_s: float):
    """A temporary file as BlobBatch names them, last changed `age_s` seconds ago."""
    import os
    import time

    folder = store.root / "ab"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f".tmp-{'ab' * 8}-{pid}-{n}"
    path.write_bytes(b"partial SYNTHETIC bytes")
    then = time.time() - age_s
    os.utime(path, (then, then))
    return path


def test_partial_writes_of_a_killed_writer_are_swept_and_live_ones_kept(tmp_path):
    """A SIGKILL between write and rename leaves a temporary file; the next ingest removes it
    once its writer is gone and it has not changed for ten minutes. A writer still running (this
    process) or a recent file (maybe another host's, in flight) is left alone."""
    import os
    import subprocess

    store = BlobStore(tmp_path / "blobs")
    ended = subprocess.Popen(["true"])  # noqa: S607 - a pid that no longer runs
    ended.wait()
    stale = _temp_file(store, ended.pid, 0, age_s=3600)
    recent = _temp_file(store, ended.pid, 1, age_s=5)
    live = _temp_file(store, os.getpid(), 2, age_s=3600)
    assert store.sweep_stale_temps() == 1
    assert not stale.exists() and recent.exists() and live.exists()
    assert list(store) == []  # temporary files are never blobs


def test_an_ingest_sweeps_what_a_killed_ingest_left(case, admin, tmp_path):
    import subprocess

    from docket.ingest import ingest_paths
    from tests.ingest.samples import write_samples

    ended = subprocess.Popen(["true"])  # noqa: S607
    ended.wait()
    stale = _temp_file(case.blobs, ended.pid, 0, age_s=3600)
    samples = write_samples(tmp_path / "in")
    ingest_paths(case, [samples["article"]], actor=admin)
    assert not stale.exists()
