"""Batches: many files per transaction, yet each file is stored whole or not at all."""

import io

from sqlalchemy import func, select
from warcio.archiveiterator import ArchiveIterator

from docket.ingest import ingest_paths
from docket.ingest.pipeline import BATCH_FILES, _ingest_new, _read
from docket.security.audit import check_chain
from docket.sources import search_sources
from docket.store.models import AuditEntry, CustodyEntry, Source
from docket.verify import verify_case
from tests.ingest.samples import ARTICLE, TESTIMONY


def _pages(folder, count, start=0):
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"page{i:03d}.html"
        path.write_text(ARTICLE.replace("3,000 inmates", f"{3000 + i} inmates"), encoding="utf-8")
        paths.append(path)
    return paths


def _count(case, model):
    with case.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_several_batches_each_file_once_with_custody_audit_and_index(case, admin, tmp_path):
    paths = _pages(tmp_path / "in", BATCH_FILES * 2 + 5)
    repeat = tmp_path / "in" / "zz-same-bytes.html"  # same bytes as page000, same batch
    repeat.write_bytes(paths[0].read_bytes())
    testimony = tmp_path / "in" / "zz-testimony.md"
    testimony.write_text(TESTIMONY, encoding="utf-8")
    audit_before = _count(case, AuditEntry)
    report = ingest_paths(case, [tmp_path / "in"], actor=admin)
    assert report.count("failed") == 0
    assert report.count("ingested") == len(paths) + 1
    [present] = [o for o in report.outcomes if o.status == "present"]
    assert present.path == str(repeat) and present.source_id == report.outcomes[0].source_id
    assert [o.path for o in report.outcomes] == sorted(o.path for o in report.outcomes)
    assert _count(case, Source) == _count(case, CustodyEntry) == len(paths) + 1
    assert _count(case, AuditEntry) == audit_before + len(paths) + 1
    with case.session() as s:
        assert check_chain(s).ok
    assert verify_case(case, actor=admin).ok
    hits = search_sources(case, "3066", actor=admin)
    assert [h.source_id for h in hits] == [report.outcomes[66].source_id]  # in the third batch
    again = ingest_paths(case, [tmp_path / "in"], actor=admin)
    assert again.count("present") == len(paths) + 2 and _count(case, Source) == len(paths) + 1


def test_a_file_the_database_refuses_fails_alone(case, admin, tmp_path):
    """Another process stores one of the files between our check and our insert (two uploads
    at once): the batch is redone file by file; that file is 'present', the others ingested."""
    paths = _pages(tmp_path / "in", 5)
    items = [_read(path) for path in paths]
    ingest_paths(case, [paths[2]], actor=admin)  # the other process wins the race for page 2
    with case.session() as s:
        winner = s.scalar(select(Source.id).where(Source.sha256 == items[2].digest))
    _ingest_new(case, items, None, None, admin)  # as if checked before the other one won
    assert [i.outcome.status for i in items] == ["ingested"] * 2 + ["present"] + ["ingested"] * 2
    assert items[2].outcome.source_id == winner
    assert _count(case, Source) == _count(case, CustodyEntry) == 5
    with case.session() as s:
        assert check_chain(s).ok
        ingests = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "source.ingest")
        )
    assert ingests == 5
    assert verify_case(case, actor=admin).ok


def test_origins_are_resolved_through_linked_folders_and_linked_files(case, admin, tmp_path):
    """A folder resolved once serves all its files; a file that is itself a link is resolved to
    its target, as Path.resolve does."""
    real = tmp_path / "real"
    pages = _pages(real, 3)
    (tmp_path / "via").symlink_to(real, target_is_directory=True)
    other = tmp_path / "elsewhere"
    other.mkdir()
    linked = other / "linked.md"
    linked.symlink_to(tmp_path / "testimony.md")
    (tmp_path / "testimony.md").write_text(TESTIMONY, encoding="utf-8")
    inputs = [tmp_path / "via" / p.name for p in pages] + [linked]
    report = ingest_paths(case, inputs, actor=admin)
    assert report.count("ingested") == 4
    with case.session() as s:
        origins = dict(s.execute(select(Source.filename, Source.origin)).all())
        uris = {p.name: _warc_uri(case, s, p.name) for p in pages}
    assert origins["linked.md"] == str((tmp_path / "testimony.md").resolve())
    for page in pages:
        assert uris[page.name] == page.resolve().as_uri()


def _warc_uri(case, session, filename):
    source = session.scalar(select(Source).where(Source.filename == filename))
    warc = case.blobs.get(source.warc_sha256)
    return next(ArchiveIterator(io.BytesIO(warc))).rec_headers.get_header("WARC-Target-URI")
