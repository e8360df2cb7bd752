import io
import json

import pytest
from sqlalchemy import func, select
from warcio.archiveiterator import ArchiveIterator

from docket.ingest import ingest_paths
from docket.store.blobs import sha256_hex
from docket.store.models import (
    CustodyEntry,
    DocList,
    ListEntry,
    PersonReport,
    Source,
    SourcePage,
    Witness,
)
from tests.ingest.samples import ARTICLE, write_samples


@pytest.fixture
def samples(tmp_path):
    return write_samples(tmp_path / "in")


def _sources(case):
    with case.session() as s:
        return {src.filename: src for src in s.scalars(select(Source))}


def test_each_kind_is_guessed_preserved_and_recorded(case, admin, samples):
    report = ingest_paths(case, [samples["testimony"].parent], actor=admin)
    assert report.count("ingested") == 5, [o.reason for o in report.failed]
    assert all(o.kind_guessed for o in report.outcomes)
    by_name = _sources(case)
    assert {n: s.kind for n, s in by_name.items()} == {
        "testimony.md": "testimony", "korean.md": "testimony", "article.html": "article",
        "list.csv": "list", "report.pdf": "document",
    }  # fmt: skip
    for name, source in by_name.items():
        original = samples_path(samples, name).read_bytes()
        assert source.sha256 == sha256_hex(original)
        assert case.blobs.get(source.sha256) == original  # byte for byte
    with case.session() as s:
        custody = s.scalars(select(CustodyEntry)).all()
        assert len(custody) == 5
        assert {c.action for c in custody} == {"ingested"}
        assert all(c.docket_version and c.actor == "test-admin" for c in custody)


def samples_path(samples, name):
    return next(p for p in samples.values() if p.name == name)


def test_testimony_header_goes_to_fields_and_body_is_the_text(case, admin, samples):
    ingest_paths(case, [samples["testimony"]], actor=admin)
    with case.session() as s:
        source = s.scalar(select(Source))
        assert source.text.startswith("SYNTHETIC testimony.")
        assert "witness_name" not in source.text
        assert source.consent == "anonymous"
        assert source.interviewer == "SYNTHETIC Interviewer"
        assert source.collected_at == "2015-03-02"
        witness = s.scalar(select(Witness))
        assert witness.pseudonym == "W-0042"
        assert source.witness_id == witness.id


def test_article_keeps_main_text_metadata_and_a_warc_record(case, admin, samples):
    ingest_paths(case, [samples["article"]], actor=admin)
    source = _sources(case)["article.html"]
    assert "forced labour in coal mines" in source.text
    assert "Related News" not in source.text and "Home" not in source.text
    assert source.title.startswith("SYNTHETIC")
    assert source.author == "Jane Roe"
    assert source.published_earliest == "2016-05-12"
    warc = case.blobs.get(source.warc_sha256)
    records = [
        (r.rec_headers.get_header("WARC-Payload-Digest"), r.content_stream().read())
        for r in ArchiveIterator(io.BytesIO(warc))
    ]
    assert records == [(f"sha256:{source.sha256}", samples["article"].read_bytes())]


def test_pdf_pages_are_kept_for_citations(case, admin, samples):
    ingest_paths(case, [samples["pdf"]], actor=admin)
    with case.session() as s:
        source = s.scalar(select(Source))
        pages = s.scalars(select(SourcePage).order_by(SourcePage.number)).all()
        assert [p.number for p in pages] == [1, 2]
        assert source.text[pages[0].start : pages[0].end] == "SYNTHETIC page one about Hoeryong"
        assert source.text[pages[1].start : pages[1].end] == "Page two text"


def test_list_rows_become_person_reports_and_list_entries(case, admin, samples):
    ingest_paths(case, [samples["list"]], actor=admin)
    with case.session() as s:
        lists = {doc.name: doc for doc in s.scalars(select(DocList))}
        assert set(lists) == {"UN", "NGO_A"}
        reports = {r.record_key: r for r in s.scalars(select(PersonReport))}
        assert reports["un-1"].facility_id == "KWN-15"
        assert reports["un-2"].facility_id == "KWN-15"  # 요덕
        assert (reports["un-1"].birth_year_earliest, reports["un-1"].birth_year_latest) == (
            1960,
            1964,
        )
        assert reports["un-1"].event_earliest == "1997-03-01"
        assert reports["un-1"].extra == {"note": "SYNTHETIC"}
        entries = s.scalars(select(ListEntry)).all()
        assert len(entries) == 3
        assert {e.line for e in entries} == {2, 3, 4}


def test_same_bytes_twice_changes_nothing(case, admin, samples):
    ingest_paths(case, [samples["testimony"]], actor=admin)
    again = ingest_paths(case, [samples["testimony"], samples["testimony"]], actor=admin)
    assert [o.status for o in again.outcomes] == ["present", "present"]
    with case.session() as s:
        assert s.scalar(select(func.count()).select_from(Source)) == 1
        assert s.scalar(select(func.count()).select_from(CustodyEntry)) == 1


def test_explicit_kind_overrides_the_guess(case, admin, samples):
    report = ingest_paths(case, [samples["article"]], kind="statement", actor=admin)
    assert report.outcomes[0].kind == "statement" and not report.outcomes[0].kind_guessed
    assert json.dumps(_sources(case)["article.html"].meta) == "{}"


_READER_COMMENTS = {
    "list of comments": '<div id="comments"><h3>2 Comments</h3><ol class="commentlist">'
    '<li class="comment"><p>SYNTHETIC READER one says the story about the camp is invented and '
    'nobody should believe it.</p></li><li class="comment"><p>SYNTHETIC READER two agrees '
    "with everything written above in this article today.</p></li></ol></div>",
    "disqus": '<div id="disqus_thread"><p>SYNTHETIC READER three writes a long comment about the '
    "report and the people in it.</p></div>",
    "reply section": '<section class="comments-area"><h2>Leave a reply</h2><div class='
    '"comment-content"><p>SYNTHETIC READER four replies at length about the camp and the '
    "guards.</p></div></section>",
    "user comments": '<div class="user-comments"><ul><li><p>SYNTHETIC READER five: I was there in '
    "1998 and saw the trucks arrive every week at dawn.</p></li></ul></div>",
}


@pytest.mark.parametrize("block", list(_READER_COMMENTS.values()), ids=list(_READER_COMMENTS))
@pytest.mark.parametrize("where", ["after the article", "inside the article"])
def test_reader_comments_stay_out_of_an_articles_text(block, where):
    from docket.ingest.html import extract_page

    html = ARTICLE.replace(
        "</article>", f"</article>{block}" if where == "after the article" else f"{block}</article>"
    )
    page = extract_page(html.encode(), "comments.html")
    assert "forced labour in coal mines" in page.text
    assert "SYNTHETIC READER" not in page.text
