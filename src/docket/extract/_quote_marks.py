"""Find the spans between quotation marks, tolerant of bad marks.

Paragraph-aware: a quote left open at the end of a paragraph continues only if the next paragraph
opens with a quotation mark (the convention for quotes that run across paragraphs); otherwise
it is closed at the paragraph's end, so one stray mark never swallows the rest of the document.
"""

from __future__ import annotations

import re

_OPEN = "“„«"
_CLOSE = "”»"
_BOTH = '"'
# Korean and CJK brackets used as quotation marks.
_KO_OPEN = "「『"
_KO_CLOSE = "」』"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in re.finditer(r"\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n":
        s += 1
    while e > s and text[e - 1] in " \t\n,":
        e -= 1
    return s, e


_INNER_ATTRIBUTION = re.compile(
    r",\s+(?:he|she|they|it|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s+"
    r"(?:said|says|added|recalled|told|explained|continued)\b"
)


def _attribution_cut(text: str, start: int, end: int) -> int:
    """An unclosed quote ends where its attribution begins ('..., he said, ...')."""
    m = _INNER_ATTRIBUTION.search(text, start, end)
    return m.start() if m else end


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quote's words, marks excluded; a quote over several paragraphs is one
    span from its first word to its last."""
    paras = _paragraphs(text)
    spans: list[tuple[int, int]] = []
    open_at: int | None = None  # where the current quote's words start
    for i, (ps, pe) in enumerate(paras):
        pos = ps
        if open_at is not None:
            # continuation paragraph: it must open with a mark (already known true)
            pos = ps + 1
        while pos < pe:
            ch = text[pos]
            if ch in _OPEN or ch in _KO_OPEN:
                if open_at is not None:
                    # an opening mark while open: the earlier quote was never closed
                    spans.append(_trim(text, open_at, pos))
                open_at = pos + 1
            elif ch in _CLOSE or ch in _KO_CLOSE:
                if open_at is not None:
                    spans.append(_trim(text, open_at, pos))
                    open_at = None
            elif ch == _BOTH:
                if open_at is None:
                    open_at = pos + 1
                else:
                    spans.append(_trim(text, open_at, pos))
                    open_at = None
            pos += 1
        if open_at is not None:
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            if nxt and text[nxt[0]] in _OPEN + _BOTH + _KO_OPEN:
                continue  # the quote runs on into the next paragraph
            spans.append(_trim(text, open_at, _attribution_cut(text, open_at, pe)))
            open_at = None
    return sorted({s for s in spans if s[1] - s[0] >= 2})


def is_multi_paragraph(text: str, span: tuple[int, int]) -> bool:
    return "\n" in text[span[0] : span[1]]


# a quote inside a quote in single marks: it opens after a space, comma, colon or the outer
# mark and starts a sentence (capital letter) or Korean words; it closes before a space,
# punctuation, the outer mark or a Korean particle ("'…'고 소리쳤어요"). Lower-case words in
# single marks ("any 'political prison camp'") are scare quotes, and "don't" is no mark.
_INNER = re.compile(
    r"(?:(?<=[\s,:“\"(])|^)['‘](?P<w>[A-Z\uac00-\ud7a3][^\n]*?)['’]"
    r"(?=[\s,.;:!?\"”)]|$|[\uac00-\ud7a3])"
)


def inner_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the words of each quote nested in one of `spans` ('He told me, 'Lie
    once more …''), marks and a closing comma or full stop excluded."""
    out = []
    for s, e in spans:
        for m in _INNER.finditer(text[s:e]):
            a, b = _trim(text, s + m.start("w"), s + m.end("w"))
            while b > a and text[b - 1] in ".,":
                b -= 1
            if b - a >= 2:
                out.append((a, b))
    return out
