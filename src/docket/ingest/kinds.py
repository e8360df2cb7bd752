"""Which reader a file goes to: the kind given, or one guessed from its name and header."""

from __future__ import annotations

from pathlib import Path

from docket.errors import BadInput
from docket.ingest.base import ParsedSource, Reader, readers
from docket.ingest.frontmatter import split_front_matter


def guess_kind(path: Path, data: bytes) -> str:
    """From the front matter's `kind`, then the file type; text without a header is a document."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "list"
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return "document"
    if suffix in (".html", ".htm", ".xhtml"):
        return "article"
    if suffix in (".md", ".markdown", ".txt", ""):
        try:
            header, _ = split_front_matter(data[:65536].decode("utf-8-sig", "replace"), str(path))
        except BadInput:
            return "testimony"  # let the reader report the bad header
        kind = str(header.get("kind", "")).strip()
        if kind in readers():
            return kind
        if any(k.startswith("witness_") or k == "interviewer" for k in header):
            return "testimony"
        return "document" if not header else "testimony"
    raise BadInput(
        f"cannot tell the kind of a '{suffix}' file; pass --kind " + "|".join(readers()),
        where=str(path),
    )


class PlainText(Reader):
    """Text documents without a testimony header: kept as documents."""

    kind = "document"

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        parsed = readers()["testimony"].read(data, path, lang=lang)
        parsed.kind = "document"
        parsed.witness = None
        return parsed


def reader_for(kind: str, path: Path) -> Reader:
    if kind == "document" and path.suffix.lower() != ".pdf":
        return PlainText()
    try:
        return readers()[kind]
    except KeyError:
        raise BadInput(
            f"unknown kind {kind!r}; expected one of " + "|".join(readers()), where=str(path)
        ) from None
