"""YAML front matter at the head of a text file: parsed safely, the body kept exactly."""

from __future__ import annotations

import re
from typing import Any

import yaml

from docket.errors import BadInput

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """(header, body). A header that is not a YAML mapping is bad input, not silently text."""
    match = _FENCE.match(text)
    if not match:
        return {}, text
    try:
        header = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 2}" if mark else "front matter"
        raise BadInput(f"front matter is not valid YAML ({line})", where=where) from None
    if not isinstance(header, dict):
        raise BadInput("front matter must be a YAML mapping of key: value", where=where)
    return {str(k): v for k, v in header.items()}, text[match.end() :]
