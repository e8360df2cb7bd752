"""Text clean-up shared by ingestion and extraction: newlines, controls, furniture lines."""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"""^\s*(?:
        related\s+(?:news|stories|articles|coverage|content)\b.*
      | (?:read|see)\s+(?:more|also)\b.*
      | more\s+from\b.*
      | sign\s+up\b.*(?:newsletter|updates|email).*
      | subscribe\b.*(?:newsletter|updates|free|now).*
      | (?:share|follow\s+us)\s+(?:on|this)\b.*
      | advertisement\s*
      | (?:photo|image|picture|video)\s*(?:credit)?\s*[:/]\s*.*
      | (?:photo|image)\s+(?:by|courtesy\s+of)\b.*
      | (?:source|sources)\s*:\s*.*
      | copyright\b.*|©.*|all\s+rights\s+reserved.*
      | (?:getty|reuters|afp|ap)\s+(?:images|photo)\b.*
      | click\s+here\b.*
      | (?:관련\s*기사|사진\s*[:=]|\[사진\]|무단\s*전재).*
    )\s*$""",
    re.I | re.X,
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_RUN = re.compile(r"\n{3,}")

# Counted on the UTF-8 bytes, in C: C0 controls except tab, newline, form feed and carriage return,
# and DEL, by bytes.translate; C1, the private use area and the noncharacters U+FFFE/U+FFFF (all
# multi-byte) by a bytes pattern, only when the text is not ASCII. A str regex scan over every
# character cost about ten times as much (a tenth of trafilatura's time on a news page).
_C0_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_WIDE_CONTROL = re.compile(
    rb"\xc2[\x80-\x9f]|\xee[\x80-\xbf][\x80-\xbf]|\xef(?:[\x80-\xa3][\x80-\xbf]|\xbf[\xbe\xbf])"
)


def _c0_count(raw: bytes) -> int:
    return len(raw) - len(raw.translate(None, _C0_CONTROLS))


def count_controls(text: str) -> int:
    """Characters that do not belong in text: C0 (but tab, newline, form feed, carriage return),
    DEL, C1, private use, U+FFFE and U+FFFF. Decoding checks refuse text with many of them."""
    raw = text.encode("utf-8", "surrogatepass")
    count = _c0_count(raw)
    if not text.isascii():
        count += len(_WIDE_CONTROL.findall(raw))
    return count


def _collapse_blank_lines(text: str) -> str:
    return _BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text


def clean_text(text: str) -> str:
    """Unify newlines, drop control characters, keep offsets stable afterwards.

    Each substitution runs only when a cheap substring test says it can match (same result)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if "\x0c" in text or _c0_count(text.encode("utf-8", "surrogatepass")):
        text = _CONTROL.sub("", text)
    if " \n" in text or "\t\n" in text:
        text = _TRAILING_SPACE.sub("\n", text)
    return _collapse_blank_lines(text).strip()


def strip_furniture(text: str) -> str:
    """Remove whole lines such as 'Related News', 'Sign up for our newsletter', photo credits."""
    kept = [line for line in text.split("\n") if not _FURNITURE.match(line)]
    return _collapse_blank_lines("\n".join(kept)).strip()
