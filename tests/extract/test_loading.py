"""Reading files into main text: formats, metadata, furniture, and refusals (exit 2)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from docket.errors import BadInput
from docket.extract import load_bytes, load_file
from docket.extract.loading import MAX_INPUT_BYTES


def _pdf(text: str) -> bytes:
    """A minimal one-page PDF with a text layer (no PDF library needed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_markdown_front_matter_gives_metadata_not_text() -> None:
    doc = load_bytes(
        b"---\ntitle: A title\npublished: 2016-05-12\n---\nPak Sun Hui spoke.\n", "a.md"
    )
    assert doc.title == "A title"
    assert doc.published == "2016-05-12"
    assert doc.text == "Pak Sun Hui spoke."
    assert len(doc.sha256) == 64


def test_html_main_text_without_furniture() -> None:
    html = b"""<html><head><title>Camp report</title>
    <meta property="article:published_time" content="2019-03-04"></head><body>
    <nav>Home | World | Sport</nav><article><h1>Camp report</h1>
    <p>Kim Chol-ho, a former prisoner at Yodok, said he was beaten every week.</p>
    <p>Related News</p><p>Photo: Reuters</p><p>SOURCE: Example Wire</p>
    <p>Sign up for our newsletter to get the latest updates</p>
    <p>The ministry said that conditions in the camps were humane.</p></article>
    <footer>Copyright 2019 Example</footer></body></html>"""
    doc = load_bytes(html, "page.html")
    assert "Kim Chol-ho" in doc.text and "conditions in the camps" in doc.text
    for junk in ("Related News", "Reuters", "SOURCE", "newsletter", "Home | World", "Copyright"):
        assert junk not in doc.text
    assert doc.title == "Camp report"
    assert doc.published == "2019-03-04"


def test_pdf_text_layer() -> None:
    doc = load_bytes(_pdf("Pak Sun Hui was held at Camp 15 in 1997."), "t.pdf")
    assert "Camp 15" in doc.text


def test_gzip_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"Ri Chun-hee spoke in Seoul."))
    assert load_file(path).text == "Ri Chun-hee spoke in Seoul."


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\n ", "blank.txt", "empty"),
        (b"\x00\x01\x02binary\x00" * 100, "junk.bin", "binary"),
        (bytes(range(128, 256)) * 40, "junk2.bin", "binary"),
        (b"<html><head><title>x</title></head></html>", "nobody.html", "no readable main text"),
        (b"%PDF-1.4 garbage", "broken.pdf", "PDF"),
        (b"\x1f\x8bnot really gzip", "bad.gz", "gzip"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(data: bytes, name: str, message: str) -> None:
    with pytest.raises(BadInput) as info:
        load_bytes(data, name)
    assert message in str(info.value)
    assert name in str(info.value)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:  # sparse: no need to write 20 MB
        fh.seek(MAX_INPUT_BYTES + 10)
        fh.write(b"x")
    with pytest.raises(BadInput, match="MiB"):
        load_file(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="cannot read"):
        load_file(tmp_path / "nope.txt")
    with pytest.raises(BadInput, match="folder"):
        load_file(tmp_path)
