"""A long Korean text reads as its parts: the document-wide lookups (one Resolver per document,
bisection over entity starts, per-document caches) give each quote what the text around it
gives, wherever in a long text it stands."""

from __future__ import annotations

from pathlib import Path

from docket.extract import extract_text, load_file

EVAL = Path(__file__).parent / "eval"


def _quotes(text: str, shift: int = 0) -> list[tuple]:
    return [
        (
            q.text,
            q.speaker,
            q.kind,
            q.start - shift,
            q.end - shift,
            None if q.speaker_start is None else q.speaker_start - shift,
            None if q.speaker_end is None else q.speaker_end - shift,
        )
        for q in extract_text(text, lang="ko").quotes
    ]


def test_korean_document_repeated_has_its_quotes_repeated() -> None:
    for path in sorted((EVAL / "dev" / "ko").glob("*.md"))[:4]:
        text = load_file(path).text
        one = _quotes(text)
        assert one, path
        step, n = len(text) + 2, 3
        shifted = [
            (t, sp, kind, s + i * step, e + i * step)
            + tuple(None if x is None else x + i * step for x in (ss, se))
            for i in range(n)
            for t, sp, kind, s, e, ss, se in one
        ]
        assert _quotes("\n\n".join([text] * n)) == shifted, path
