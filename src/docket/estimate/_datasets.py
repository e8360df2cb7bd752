"""Published capture-recapture tables shipped with docket (data/README.md cites each)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from docket.estimate._histories import CaptureHistories, from_mapping
from docket.estimate._result import EstimateResult


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


def madigan_york_1997() -> tuple[EstimateResult, dict[str, Any]]:
    """The spina bifida example of Madigan & York (1997), estimated with the settings it was
    published with (decomposable-graph averaging; the variant's `settings`): docket's result
    and the published figures, for the test and the benchmark that compare them."""
    from docket.estimate._dga import dga_estimate, negative_binomial_log_prior

    variant = _raw("spina_bifida_upstate_ny_1969_1974_3lists")["variant_madigan_york_1997"]
    settings = variant["settings"]
    result = dga_estimate(
        from_mapping(variant["lists"], variant["counts"]),
        delta=settings["delta"],
        log_prior=negative_binomial_log_prior(*settings["negative_binomial_prior"]),
    )
    return result, variant["published"]
