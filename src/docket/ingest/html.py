"""Main text and metadata of a saved web page, without its furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from docket.errors import BadInput
from docket.ingest.base import decode_text

# Lines that main-content extractors let through although they are page furniture.
_FURNITURE = re.compile(
    r"^\s*(related (news|stories|articles)|read more|sign up for (our|the) newsletter.*|"
    r"subscribe to our newsletter.*|(photo|image) (credit|courtesy)s?:.*|source:.*|"
    r"advertisement|share this (article|story)|follow us on.*|all rights reserved.*)\s*$",
    re.I,
)


@dataclass
class PageText:
    text: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    url: str | None


def strip_furniture(text: str) -> str:
    kept = [line for line in text.splitlines() if not _FURNITURE.match(line)]
    return "\n".join(kept).strip()


def extract_page(data: bytes, where: str) -> PageText:
    html = decode_text(data, where)
    if "<" not in html:
        raise BadInput("not HTML (no markup found)", where=where)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    text = strip_furniture(getattr(doc, "text", None) or "") if doc is not None else ""
    if not text:
        raise BadInput("the page has no main text to extract", where=where)
    return PageText(
        text=text,
        title=getattr(doc, "title", None),
        author=getattr(doc, "author", None),
        outlet=getattr(doc, "sitename", None),
        published=getattr(doc, "date", None),
        url=getattr(doc, "url", None),
    )
