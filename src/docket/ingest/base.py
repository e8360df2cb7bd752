"""What a reader returns, and the registry readers declare themselves in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from docket.errors import BadInput
from docket.textclean import count_controls


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


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")


def guess_language(text: str) -> str:
    """'ko' when Hangul dominates the letters, else 'en': enough to route extraction.

    Counts runs, not single characters, and skips counting when there is no Hangul at all: a
    regex scan per letter cost more than a tenth of trafilatura's time on an English page."""
    sample = text[:20000]
    hangul = 0 if sample.isascii() else sum(map(len, _HANGUL_RUN.findall(sample)))
    if not hangul:
        return "en" if _LETTER_RUN.search(sample) else "und"
    letters = sum(map(len, _LETTER_RUN.findall(sample)))
    return "ko" if hangul / letters > 0.3 else "en"


def _mostly_printable(text: str) -> bool:
    sample = text[:65536]
    return count_controls(sample) <= max(1, len(sample) // 1000)


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
        "binary or undecodable content (expected UTF-8, UTF-16 with BOM, or CP949/EUC-KR text)",
        where=where,
    )
