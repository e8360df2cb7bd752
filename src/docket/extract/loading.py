"""Read a file into plain main text plus metadata, refusing what cannot be text.

Accepts plain text, Markdown (optional YAML front matter for title/published), HTML (main
content via trafilatura, page furniture dropped) and PDF (pypdf), each optionally gzip-compressed.
Every refusal is a BadInput naming the file and what was expected, so the CLI exits 2.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from docket.errors import BadInput
from docket.ingest.base import decode_text
from docket.ingest.document import read_pdf_pages
from docket.ingest.frontmatter import split_front_matter
from docket.ingest.html import extract_page
from docket.textclean import clean_text, strip_furniture

MAX_INPUT_BYTES = 20 * 1024 * 1024  # a 50 MB "article" is not an article
MAX_TEXT_CHARS = 1_000_000  # spaCy's own default limit; longer texts should be split first


@dataclass
class Document:
    text: str
    sha256: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None


def _read_limited(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BadInput(f"cannot read file ({exc.strerror})", where=str(path)) from None
    if path.is_dir():
        raise BadInput("is a folder, expected a file", where=str(path))
    if size > MAX_INPUT_BYTES:
        raise BadInput(
            f"file is {size / 2**20:.0f} MiB; extract takes files up to "
            f"{MAX_INPUT_BYTES / 2**20:.0f} MiB (split long documents first)",
            where=str(path),
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read file ({exc.strerror})", where=str(path)) from None


def _gunzip(data: bytes, where: str) -> bytes:
    """Decompress at most MAX_INPUT_BYTES so a gzip bomb is refused, not expanded."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise BadInput("not a valid gzip file", where=where) from None
    if len(out) > MAX_INPUT_BYTES:
        raise BadInput(
            f"decompressed content exceeds {MAX_INPUT_BYTES / 2**20:.0f} MiB", where=where
        )
    return out


def _sniff(name: str, data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if data.startswith(b"%PDF") or name.endswith(".pdf"):
        return "pdf"
    if name.endswith((".html", ".htm", ".xhtml")) or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if re.search(rb"<(html|body|head|article|p)[\s>]", head) and b"</" in data[:65536]:
        return "html"
    return "text"


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise BadInput("file is empty; expected text, HTML or PDF", where=where)
    return decode_text(data, where)


def _check_text(text: str, where: str) -> str:
    if not text.strip():
        raise BadInput("no text found (expected readable main text)", where=where)
    if len(text) > MAX_TEXT_CHARS:
        raise BadInput(
            f"text has {len(text):,} characters; extract takes up to {MAX_TEXT_CHARS:,} "
            "(split long documents first)",
            where=where,
        )
    printable = sum(1 for ch in text[:20000] if ch.isprintable() or ch in "\n\t\r")
    if printable / min(len(text), 20000) < 0.9:
        raise BadInput("content is mostly control characters; expected text", where=where)
    return text


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if m:
        return m.group(0)
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", value.strip())  # PDF date
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _from_html(data: bytes, where: str) -> Document:
    page = extract_page(data, where)
    return Document(
        text=page.text,
        sha256="",
        title=page.title or None,
        published=_iso(page.published),
        author=page.author or None,
        outlet=page.outlet or None,
    )


def _from_pdf(data: bytes, where: str) -> Document:
    pdf = read_pdf_pages(data, where)
    return Document(
        text=strip_furniture(clean_text(pdf.text)),
        sha256="",
        title=pdf.title,
        published=pdf.created,
    )


def _meta(header: dict, key: str) -> str | None:
    value = header.get(key)
    return str(value).strip() or None if value is not None else None


def load_bytes(data: bytes, name: str) -> Document:
    """Turn a file's bytes into a Document; `name` (a file name) hints the format."""
    digest = hashlib.sha256(data).hexdigest()
    lowered = name.lower()
    if lowered.endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name)
        lowered = lowered.removesuffix(".gz")
    if not data.strip():
        raise BadInput("file is empty; expected text, HTML or PDF", where=name)
    kind = _sniff(lowered, data)
    if kind == "pdf":
        doc = _from_pdf(data, name)
    elif kind == "html":
        doc = _from_html(data, name)
    else:
        meta, body = split_front_matter(_decode(data, name), name)
        doc = Document(
            text=strip_furniture(clean_text(body)),
            sha256="",
            title=_meta(meta, "title"),
            published=_iso(_meta(meta, "published") or _meta(meta, "date")),
            author=_meta(meta, "author"),
            outlet=_meta(meta, "outlet"),
        )
    doc.text = _check_text(doc.text, name)
    doc.sha256 = digest
    return doc


def load_file(path: str | Path) -> Document:
    """Read and convert one file; every failure is a BadInput naming the file."""
    p = Path(path)
    return load_bytes(_read_limited(p), str(p))
