"""Testimony transcripts: text or Markdown with an optional YAML header about the interview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docket.errors import BadInput
from docket.ingest.base import (
    ParsedSource,
    Reader,
    WitnessInfo,
    decode_text,
    guess_language,
    register,
)
from docket.ingest.frontmatter import split_front_matter
from docket.store.models import CONSENT_LEVELS

_KNOWN_KEYS = {
    "kind", "interviewer", "interview_date", "place", "language", "witness_name",
    "witness_pseudonym", "witness_contact", "witness_family", "consent", "sensitive", "title",
    "url",
}  # fmt: skip


def _text_field(header: dict[str, Any], key: str, where: str) -> str | None:
    value = header.get(key)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise BadInput(f"front-matter field '{key}' must be a single value", where=where)
    return str(value).strip() or None


def consent_from(header: dict[str, Any], where: str, default: str = "internal") -> str:
    consent = _text_field(header, "consent", where) or default
    if consent not in CONSENT_LEVELS:
        raise BadInput(
            f"front-matter field 'consent' is {consent!r}; expected one of "
            + "|".join(CONSENT_LEVELS),
            where=where,
        )
    return consent


def sensitive_from(header: dict[str, Any], where: str) -> bool:
    value = header.get("sensitive", False)
    if not isinstance(value, bool):
        raise BadInput("front-matter field 'sensitive' must be true or false", where=where)
    return value


@register
class TestimonyReader(Reader):
    kind = "testimony"
    suffixes = (".md", ".markdown", ".txt")
    description = "interview transcript; YAML header: interviewer, witness_*, consent, …"

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        where = str(path)
        header, body = split_front_matter(decode_text(data, where), where)
        if not body.strip():
            raise BadInput("the transcript has no text", where=where)
        witness = WitnessInfo(
            name=_text_field(header, "witness_name", where),
            pseudonym=_text_field(header, "witness_pseudonym", where),
            contact=_text_field(header, "witness_contact", where),
            family_details=_text_field(header, "witness_family", where),
        )
        has_witness = witness.name or witness.pseudonym or witness.contact
        interview_date = _text_field(header, "interview_date", where)
        return ParsedSource(
            kind=self.kind,
            media_type="text/markdown" if path.suffix in (".md", ".markdown") else "text/plain",
            text=body,
            title=_text_field(header, "title", where) or path.stem,
            language=lang or _text_field(header, "language", where) or guess_language(body),
            collected_at=interview_date,
            published_text=None,
            consent=consent_from(header, where),
            sensitive=sensitive_from(header, where),
            witness=witness if has_witness else None,
            interviewer=_text_field(header, "interviewer", where),
            interview_place=_text_field(header, "place", where),
            origin_url=_text_field(header, "url", where),
            meta={k: str(v) for k, v in header.items() if k not in _KNOWN_KEYS},
        )
