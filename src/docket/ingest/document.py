"""PDF documents: text per page, with the page spans kept for citations."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from docket.errors import BadInput
from docket.ingest.base import ParsedSource, Reader, guess_language, register

PAGE_BREAK = "\n\n"


def read_pdf_pages(data: bytes, where: str) -> tuple[str, list[tuple[int, int]], str | None]:
    """(text, page spans, title). Encrypted or broken PDFs are refused with the reason."""
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
    except BadInput:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise BadInput(f"not a readable PDF ({type(exc).__name__})", where=where) from None
    text = PAGE_BREAK.join(parts)
    if not text.strip():
        raise BadInput("the PDF has no extractable text (scanned? run OCR first)", where=where)
    return text, spans, title


@register
class DocumentReader(Reader):
    kind = "document"
    suffixes = (".pdf",)
    description = "PDF; text per page, page numbers kept for citations"

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        text, spans, title = read_pdf_pages(data, str(path))
        return ParsedSource(
            kind=self.kind,
            media_type="application/pdf",
            text=text,
            title=title or path.stem,
            language=lang or guess_language(text),
            pages=spans,
        )
