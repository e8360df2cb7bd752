"""Reading capture histories: the contract's CSV, or a frame with one row per identity.

Validation happens here, row by row, so a bad value is reported with its line and column
(exit code 2) rather than surfacing later as a strange estimate.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from docket.errors import BadInput
from docket.estimate._histories import CaptureHistories, from_patterns

COUNT_COLUMN = "count"


def _parse_count(raw: str, where: str) -> int:
    text = raw.strip()
    if text == "":
        raise BadInput("count is empty; expected a whole number >= 0", where=where)
    try:
        value = float(text)
    except ValueError:
        raise BadInput(
            f"count {raw!r} is not a number; expected a whole number >= 0", where=where
        ) from None
    if not math.isfinite(value) or value != int(value):
        raise BadInput(f"count {raw!r} is not a whole number", where=where)
    if value < 0:
        raise BadInput(f"count {raw!r} is negative", where=where)
    return int(value)


def _parse_flag(raw: str, where: str) -> int:
    text = raw.strip()
    if text in ("0", "1"):
        return int(text)
    if text in ("0.0", "1.0"):
        return int(float(text))
    raise BadInput(f"value {raw!r} is not 0 or 1", where=where)


def read_capture_csv(
    path: str | Path, strata: Sequence[str] = ()
) -> dict[str | None, CaptureHistories]:
    """Parse COUNTS.csv into capture histories, one per stratum (key None when unstratified)."""
    path = Path(path)
    name = path.name
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror}", where=str(path)) from None
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise BadInput("file is empty; expected a header row", where=name) from None
        except csv.Error as exc:
            raise BadInput(f"not valid CSV: {exc}", where=f"{name}:line 1") from None
        header = [h.strip() for h in header]
        if len(set(header)) != len(header):
            dup = sorted({h for h in header if header.count(h) > 1})
            raise BadInput(f"duplicate column(s) {dup}", where=f"{name}:line 1")
        lower = [h.lower() for h in header]
        for s in strata:
            if s not in header:
                raise BadInput(
                    f"stratum column {s!r} not in header {header}", where=f"{name}:line 1"
                )
        count_idx = lower.index(COUNT_COLUMN) if COUNT_COLUMN in lower else None
        strata_idx = [header.index(s) for s in strata]
        list_idx = [i for i in range(len(header)) if i != count_idx and i not in strata_idx]
        lists = [header[i] for i in list_idx]
        if len(lists) < 2:
            raise BadInput(
                f"need at least two list columns besides 'count' and strata, found {lists}",
                where=f"{name}:line 1",
            )
        if any(h == "" for h in lists):
            raise BadInput("a list column has an empty name", where=f"{name}:line 1")
        rows: dict[str | None, tuple[list[list[int]], list[int]]] = {}
        line = 1
        try:
            for record in reader:
                line += 1
                if not record or all(v.strip() == "" for v in record):
                    continue
                if len(record) != len(header):
                    raise BadInput(
                        f"{len(record)} fields, header has {len(header)}",
                        where=f"{name}:line {line}",
                    )
                pattern = [
                    _parse_flag(record[i], f"{name}:line {line}, column {header[i]!r}")
                    for i in list_idx
                ]
                count = (
                    1
                    if count_idx is None
                    else _parse_count(record[count_idx], f"{name}:line {line}, column 'count'")
                )
                if not any(pattern):
                    raise BadInput(
                        "the all-zero pattern (recorded by no list) must not appear: "
                        "it is what is estimated",
                        where=f"{name}:line {line}",
                    )
                key = "|".join(record[i].strip() for i in strata_idx) if strata_idx else None
                pats, cnts = rows.setdefault(key, ([], []))
                pats.append(pattern)
                cnts.append(count)
        except csv.Error as exc:
            raise BadInput(f"not valid CSV: {exc}", where=f"{name}:line {line}") from None
    if not rows:
        raise BadInput("no data rows after the header", where=name)
    # Whole-file check first: a list nobody is on anywhere is an input error, not a stratum quirk.
    all_p = [p for pats, _ in rows.values() for p in pats]
    all_c = [c for _, cnts in rows.values() for c in cnts]
    try:
        from_patterns(lists, all_p, all_c)
    except BadInput as exc:
        raise BadInput(str(exc), where=name) from None
    out: dict[str | None, CaptureHistories] = {}
    for key in sorted(rows, key=lambda x: (x is None, x or "")):
        pats, cnts = rows[key]
        if sum(cnts) == 0:
            continue
        ch = from_patterns(lists, pats, cnts, label=key, allow_empty_lists=True)
        out[key] = ch.drop_empty_lists() if key is not None else ch
    return out


def histories_from_identities(
    df: pd.DataFrame, lists: Sequence[str], strata: Sequence[str] | None = None
) -> dict[str | None, CaptureHistories]:
    """One row per identity with 0/1 list columns (the store's Lists x Identities after linkage)."""
    lists = list(lists)
    strata = list(strata or [])
    missing = [c for c in [*lists, *strata] if c not in df.columns]
    if missing:
        raise BadInput(f"columns {missing} not in the identity table")
    values = df[lists]
    try:
        mat = values.to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise BadInput("list columns must hold 0 or 1") from None
    bad = ~np.isin(mat, (0.0, 1.0))
    if bad.any():
        r, c = np.argwhere(bad)[0]
        raise BadInput(
            f"value {values.iat[r, c]!r} is not 0 or 1", where=f"row {r}, column {lists[c]!r}"
        )
    mat = mat.astype(np.int64)
    recorded = mat.any(axis=1)
    if not recorded.any():
        raise BadInput("no identity is recorded on any list")
    # Identities on no list are not capture histories (they came from elsewhere); leave them out.
    mat = mat[recorded]
    frame = df.loc[recorded]
    from_patterns(lists, mat, np.ones(len(mat), dtype=np.int64))
    if not strata:
        return {None: from_patterns(lists, mat, np.ones(len(mat), dtype=np.int64))}
    keys = frame[strata].astype(str).agg("|".join, axis=1).to_numpy()
    out: dict[str | None, CaptureHistories] = {}
    for key in sorted(set(keys)):
        sel = keys == key
        ch = from_patterns(
            lists,
            mat[sel],
            np.ones(int(sel.sum()), dtype=np.int64),
            label=key,
            allow_empty_lists=True,
        )
        out[key] = ch.drop_empty_lists()
    return out
