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


def clean_text(text: str) -> str:
    """Unify newlines, drop control characters, keep offsets stable afterwards."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def strip_furniture(text: str) -> str:
    """Remove whole lines such as 'Related News', 'Sign up for our newsletter', photo credits."""
    kept = [line for line in text.split("\n") if not _FURNITURE.match(line)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
