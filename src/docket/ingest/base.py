"""What a reader returns, and the registry readers declare themselves in."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from docket.errors import BadInput

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass
class WitnessInfo:
    """Identifying details from a testimony's header; stored in protected fields only."""

    name: str | None = None
    pseudonym: str | None = None
    contact: str | None = None
    family_details: str | None = None


@dataclass
class PersonRow:
    """One row of a list in the person-records contract, with the line it came from."""

    line: int
    record_id: str
    source: str
    fields: dict[str, str]


@dataclass
class ParsedSource:
    kind: str
    media_type: str
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    published_text: str | None = None
    collected_at: str | None = None
    consent: str = "internal"
    sensitive: bool = False
    witness: WitnessInfo | None = None
    interviewer: str | None = None
    interview_place: str | None = None
    origin_url: str | None = None
    pages: list[tuple[int, int]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    warc: bytes | None = None
    persons: list[PersonRow] = field(default_factory=list)


class Reader:
    """Turns the bytes of one file into a ParsedSource, or raises BadInput saying why not."""

    kind: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        raise NotImplementedError


_REGISTRY: dict[str, Reader] = {}


def register(cls: type[Reader]) -> type[Reader]:
    _REGISTRY[cls.kind] = cls()
    return cls


def readers() -> dict[str, Reader]:
    """All readers by kind (importing the reader modules registers them)."""
    from docket.ingest import article, document, listcsv, statement, testimony  # noqa: F401

    return dict(_REGISTRY)


def guess_language(text: str) -> str:
    """'ko' when Hangul dominates the letters, else 'en': enough to route extraction."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return "und"
    hangul = sum(1 for c in letters if _HANGUL.match(c))
    return "ko" if hangul / len(letters) > 0.3 else "en"


def _mostly_printable(text: str) -> bool:
    controls = sum(1 for c in text[:65536] if unicodedata.category(c) in ("Cc", "Co", "Cn")
                   and c not in "\n\r\t\f")  # fmt: skip
    return controls <= max(1, len(text[:65536]) // 1000)


def decode_text(data: bytes, where: str) -> str:
    """UTF-8, UTF-16 with a BOM, or Korean legacy encodings (CP949/EUC-KR); anything else, or
    text full of control characters, is refused rather than guessed into mojibake."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        candidates = ["utf-16"]
    elif b"\x00" in data[:8192]:
        raise BadInput("looks like binary data, expected text", where=where)
    else:
        candidates = ["utf-8-sig", "cp949"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text):
            return text
    raise BadInput(
        "cannot decode the text (expected UTF-8, UTF-16 with BOM, or CP949/EUC-KR)", where=where
    )
