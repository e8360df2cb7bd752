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


def guess_language(text: str) -> str:
    """'ko' when Hangul dominates the letters, else 'en': enough to route extraction."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return "und"
    hangul = sum(1 for c in letters if _HANGUL.match(c))
    return "ko" if hangul / len(letters) > 0.3 else "en"


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM) first; otherwise a detected encoding, or a clear refusal."""
    if b"\x00" in data[:8192]:
        raise BadInput("looks like binary data, expected text", where=where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        raise BadInput(
            "cannot decode the text (not UTF-8, and no other encoding fits)", where=where
        )
    return str(best)
