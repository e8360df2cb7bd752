"""`docket dedupe`: contract CSVs in, one cluster row per record out (person-records.md)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docket.link._input import read_person_records
from docket.link._run import DEFAULT_THRESHOLD, LinkResult, link_records


def dedupe(
    inputs: list[str | Path],
    out: str | Path | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    backend: str = "duckdb",
    seed: int = 42,
) -> tuple[str | None, LinkResult]:
    """Validate every input first (bad rows stop the run before any model work), link, write.

    Returns the CSV text when out is None (for stdout), else None, plus the full result.
    """
    records = read_person_records(list(inputs))
    result = link_records(records, threshold=threshold, backend=backend, seed=seed)
    buf = io.StringIO()
    frame = result.clusters.copy()
    frame["match_probability"] = frame["match_probability"].map(
        lambda p: "" if p != p else f"{p:.6f}"
    )
    frame.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    if out is None:
        return buf.getvalue(), result
    Path(out).write_text(buf.getvalue(), encoding="utf-8")
    return None, result
