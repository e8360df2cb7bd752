"""What a reader returns, and the registry readers declare themselves in."""

from __future__ import annotations

import re
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


_LETTER = re.compile(r"[^\W\d_]")


def guess_language(text: str) -> str:
    """'ko' when Hangul dominates the letters, else 'en': enough to route extraction."""
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return "und"
    return "ko" if len(_HANGUL.findall(sample)) / letters > 0.3 else "en"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffe\uffff]")


def _mostly_printable(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) <= max(1, len(sample) // 1000)


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
