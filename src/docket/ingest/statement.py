"""Official statements, in any format the other readers take; their stance is coded later."""

from __future__ import annotations

from pathlib import Path

from docket.ingest.article import ArticleReader
from docket.ingest.base import ParsedSource, Reader, register
from docket.ingest.document import DocumentReader
from docket.ingest.testimony import TestimonyReader


@register
class StatementReader(Reader):
    kind = "statement"
    suffixes = ()
    description = "official statement (HTML, PDF, text); stance coded later"

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        suffix = path.suffix.lower()
        if suffix in DocumentReader.suffixes:
            parsed = DocumentReader().read(data, path, lang=lang)
        elif suffix in ArticleReader.suffixes:
            parsed = ArticleReader().read(data, path, lang=lang)
        else:
            parsed = TestimonyReader().read(data, path, lang=lang)
            parsed.witness = None  # a statement has an author, not a witness to protect
            parsed.consent = "public"
        parsed.kind = self.kind
        return parsed
