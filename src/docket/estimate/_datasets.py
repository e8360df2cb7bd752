"""Published capture-recapture tables shipped with docket (data/README.md cites each)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from docket.estimate._histories import CaptureHistories, from_mapping


@cache
def _raw(name: str) -> dict[str, Any]:
    text = resources.files("docket.estimate").joinpath(f"data/{name}.json").read_text("utf-8")
    return json.loads(text)


def published_names() -> list[str]:
    files = resources.files("docket.estimate").joinpath("data").iterdir()
    return sorted(f.name[:-5] for f in files if f.name.endswith(".json"))


def load_published(name: str, stratum: str | None = None) -> tuple[CaptureHistories, dict]:
    """(capture histories, metadata incl. 'published' figure and citation)."""
    raw = _raw(name)
    counts = raw["counts"] if stratum is None else raw["strata"][stratum]
    return from_mapping(raw["lists"], counts, label=stratum or name), raw
