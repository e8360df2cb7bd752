"""News and web pages saved as HTML: main text, metadata, and a WARC record of the original."""

from __future__ import annotations

from pathlib import Path

from docket.ingest.base import ParsedSource, Reader, guess_language, register
from docket.ingest.html import extract_page


@register
class ArticleReader(Reader):
    kind = "article"
    suffixes = (".html", ".htm", ".xhtml")
    description = "web page saved as HTML; original kept byte for byte and as a WARC record"

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        page = extract_page(data, str(path))
        return ParsedSource(
            kind=self.kind,
            media_type="text/html",
            text=page.text,
            title=page.title,
            author=page.author,
            outlet=page.outlet,
            language=lang or guess_language(page.text),
            published_text=page.published,
            origin_url=page.url,
            consent="public",
        )
