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
