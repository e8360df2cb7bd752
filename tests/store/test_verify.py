import os

from sqlalchemy import select, update

from docket.ingest import ingest_paths
from docket.store.models import Source
from docket.verify import verify_case
from tests.ingest.samples import write_samples


def _ingest(case, admin, tmp_path):
    ingest_paths(case, [write_samples(tmp_path / "in")["testimony"].parent], actor=admin)
    with case.session() as s:
        return {src.filename: src for src in s.scalars(select(Source))}


def test_intact_case_verifies(case, admin, tmp_path):
    _ingest(case, admin, tmp_path)
    report = verify_case(case, actor=admin)
    assert report.ok and report.checked == 5


def test_altered_and_missing_blobs_are_named(case, admin, tmp_path):
    sources = _ingest(case, admin, tmp_path)
    altered = case.blobs.path_for(sources["list.csv"].sha256)
    os.chmod(altered, 0o644)
    stored = bytearray(altered.read_bytes())
    stored[-1] ^= 0x01  # one bit, whether the blob is sealed or plain
    altered.write_bytes(bytes(stored))
    case.blobs.path_for(sources["report.pdf"].sha256).unlink()
    case.blobs.path_for(sources["article.html"].warc_sha256).unlink()
    report = verify_case(case, actor=admin)
    assert not report.ok
    text = "\n".join(report.problems)
    assert f"source {sources['list.csv'].id}: original" in text and "altered" in text
    assert f"source {sources['report.pdf'].id}: original" in text and "missing" in text
    assert f"source {sources['article.html'].id}: WARC record missing" in text
    assert len(report.problems) == 3


def test_text_edited_in_the_database_is_detected(case, admin, tmp_path):
    sources = _ingest(case, admin, tmp_path)
    with case.session() as s:
        s.execute(update(Source).where(Source.id == sources["article.html"].id).values(text="x"))
    report = verify_case(case, actor=admin)
    assert report.problems == [
        f"source {sources['article.html'].id}: extracted text altered in the database"
    ]
