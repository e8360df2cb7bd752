"""PDF documents: text per page, with the page spans kept for citations."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from docket.errors import BadInput
from docket.ingest.base import ParsedSource, Reader, guess_language, register

PAGE_BREAK = "\n\n"


@dataclass
class PdfText:
    text: str
    pages: list[tuple[int, int]]
    title: str | None
    created: str | None  # ISO date from the PDF's CreationDate, when it has one


def _pdf_date(value: object) -> str | None:
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", str(value or ""))
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None


def read_pdf_pages(data: bytes, where: str) -> PdfText:
    """Text with page spans and metadata. Encrypted or broken PDFs are refused with the reason."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise BadInput("the PDF is encrypted; decrypt it before ingesting", where=where)
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        cursor = 0
        for page in reader.pages:
            page_text = (page.extract_text() or "").strip()
            spans.append((cursor, cursor + len(page_text)))
            parts.append(page_text)
            cursor += len(page_text) + len(PAGE_BREAK)
        title = reader.metadata.title if reader.metadata else None
        created = _pdf_date(reader.metadata.get("/CreationDate")) if reader.metadata else None
    except BadInput:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise BadInput(f"not a readable PDF ({type(exc).__name__})", where=where) from None
    text = PAGE_BREAK.join(parts)
    if not text.strip():
        raise BadInput("the PDF has no extractable text (scanned? run OCR first)", where=where)
    return PdfText(text, spans, title, created)


@register
class DocumentReader(Reader):
    kind = "document"
    suffixes = (".pdf",)
    description = "PDF; text per page, page numbers kept for citations"

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        pdf = read_pdf_pages(data, str(path))
        return ParsedSource(
            kind=self.kind,
            media_type="application/pdf",
            text=pdf.text,
            title=pdf.title or path.stem,
            language=lang or guess_language(pdf.text),
            published_text=pdf.created,
            pages=pdf.pages,
        )
