"""Small synthetic inputs for ingest tests, written by code so every byte is known."""

from __future__ import annotations

import io
from pathlib import Path

TESTIMONY = """---
interviewer: SYNTHETIC Interviewer
interview_date: 2015-03-02
place: Seoul
language: en
witness_name: Zyxwv Qorpl
witness_pseudonym: W-0042
consent: anonymous
---
SYNTHETIC testimony. I was held at Yodŏk (Camp 15) from spring 1997.
The guards beat us every day and we were forced to work in the gypsum mine.
"""

KOREAN = """---
witness_pseudonym: W-0043
consent: internal
language: ko
---
합성 증언 (SYNTHETIC). 나는 요덕수용소에 1997년 봄부터 갇혀 있었다고 말했다.
"""

ARTICLE = """<!DOCTYPE html><html><head><title>SYNTHETIC: Former prisoners describe Camp 14</title>
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="Synthetic Times">
<meta property="article:published_time" content="2016-05-12T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/asia">Asia</a></nav>
<article><h1>SYNTHETIC: Former prisoners describe Camp 14</h1>
<p>Former prisoners of the Kaechon camp describe forced labour in coal mines, where about
3,000 inmates worked in shifts of fourteen hours.</p>
<p>"We were starving and nobody was allowed to rest," said one former prisoner, who asked not
to be named. This article is SYNTHETIC and was generated for tests.</p></article>
<aside><h3>Related News</h3><ul><li><a href="/x">Other story</a></li></ul></aside>
<footer>All rights reserved</footer></body></html>
"""

LIST_CSV = (
    "record_id,source,name,name_hangul,sex,birth_year,facility,event_date,note\n"
    "un-1,UN,Ri Yong Chol,,M,c. 1962,Yodok,spring 1997,SYNTHETIC\n"
    "un-2,UN,,이영철,M,1960-1965,요덕,1997,SYNTHETIC\n"
    "ngo-1,NGO_A,Pak Sun Hui,박순희,F,1970,Camp 14,,SYNTHETIC\n"
)


def pdf_bytes(pages: list[str]) -> bytes:
    """A minimal valid PDF with one line of Helvetica text per page (offsets computed)."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for i, text in enumerate(pages):
        content_id = 4 + 2 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def encrypted_pdf_bytes() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_bytes(["SYNTHETIC secret"]))).pages:
        writer.add_page(page)
    writer.encrypt("pw")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_samples(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "testimony": folder / "testimony.md",
        "korean": folder / "korean.md",
        "article": folder / "article.html",
        "list": folder / "list.csv",
        "pdf": folder / "report.pdf",
    }
    files["testimony"].write_text(TESTIMONY, encoding="utf-8")
    files["korean"].write_text(KOREAN, encoding="utf-8")
    files["article"].write_text(ARTICLE, encoding="utf-8")
    files["list"].write_text(LIST_CSV, encoding="utf-8")
    files["pdf"].write_bytes(pdf_bytes(["SYNTHETIC page one about Hoeryong", "Page two text"]))
    return files
