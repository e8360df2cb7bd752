"""Model input: one row per record with the Korean name keys and interval columns.

Names are parsed once per distinct spelling (lists repeat names a lot), so a million rows cost
what their distinct names cost.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from docket.link._fuzzy import birth_year_interval, event_month_interval
from docket.link._places import facility_key, place_key
from docket.names import (
    ParsedName,
    canonical_hangul_key,
    given_codes,
    parse_name,
    phonetic_keys,
    surname_key,
)

NAME_KEY_COLUMNS = [
    "hangul_key",
    "name_key",
    "name_key_alt",
    "surname_key",
    "given_key",
    "g1",
    "g2",
]
FEATURE_COLUMNS = [
    "unique_id",
    *NAME_KEY_COLUMNS,
    "by_lo",
    "by_hi",
    "sex",
    "place_key",
    "facility_id",
    "ev_lo",
    "ev_hi",
]


def _name_features(text: str) -> tuple:
    return _keys_of(parse_name(text))


def _keys_of(p: ParsedName) -> tuple:
    keys = phonetic_keys(p)
    codes = given_codes(p)
    return (
        canonical_hangul_key(p),
        keys[0] if keys else None,
        keys[1] if len(keys) > 1 else None,
        surname_key(p),
        "-".join(codes) if codes else None,
        codes[0] if codes else None,
        codes[1] if len(codes) > 1 else None,
    )


def _per_distinct(values: pd.Series, fn: Callable[[str], Any]) -> tuple[np.ndarray, list]:
    """fn of each distinct value once: (row -> distinct position, results)."""
    codes, uniq = pd.factorize(values.fillna(""))
    return codes, [fn(v) for v in uniq.tolist()]


def _column(values: list, codes: np.ndarray, kind: pa.DataType) -> pa.Array:
    """Per-distinct results spread to rows in Arrow (C++), not in a Python loop."""
    return pa.array(values, type=kind).take(pa.array(codes))


_PARALLEL_MIN = 40_000  # distinct names; below this a second process costs more than it saves


def _name_table(uniq: list[str]) -> list:
    """Name features of each distinct name, on two processes when many."""
    with _gc_paused():
        if len(uniq) < _PARALLEL_MIN or (os.cpu_count() or 1) < 2:
            feats = [_name_features(v) for v in uniq]
        else:
            ctx = multiprocessing.get_context("fork")  # forked workers inherit the paused GC
            with ctx.Pool(2) as pool:
                feats = pool.map(_name_features, uniq, chunksize=2_000)
    return feats


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Parsing makes millions of small tuples that all survive (caches, results) and form no
    cycles: the cyclic collector would rescan them again and again, about half the time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build_features(records: pd.DataFrame) -> pa.Table:
    """records: validated input (all str, empty for missing). Hangul wins over romanized
    when a row has both, because it is the less ambiguous writing.

    unique_id is the row position: integer ids make Splink's joins and pair tables cheaper
    than record-id strings; callers map positions back to record ids.
    """
    n = len(records)

    def col(c: str) -> pd.Series:
        return records[c] if c in records.columns else pd.Series("", index=records.index)

    name, hangul = col("name"), col("name_hangul")
    best = hangul.where(hangul.str.strip() != "", name)
    codes, names = _per_distinct(best, lambda v: v)
    rows = _name_table(names)
    cols: dict[str, pa.Array] = {"unique_id": pa.array(np.arange(n, dtype=np.int64))}
    for i, c in enumerate(NAME_KEY_COLUMNS):
        cols[c] = _column([r[i] for r in rows], codes, pa.string())
    codes, by = _per_distinct(col("birth_year"), birth_year_interval)
    cols["by_lo"] = _column([b[0] if b else None for b in by], codes, pa.int64())
    cols["by_hi"] = _column([b[1] if b else None for b in by], codes, pa.int64())
    sex = col("sex").str.strip().str.upper().str[:1]
    cols["sex"] = pa.array(sex.where(sex.isin(["M", "F"]), None), type=pa.string())
    codes, places = _per_distinct(col("birth_place"), place_key)
    cols["place_key"] = _column(places, codes, pa.string())
    codes, facs = _per_distinct(col("facility"), facility_key)
    cols["facility_id"] = _column(facs, codes, pa.string())
    codes, ev = _per_distinct(col("event_date"), event_month_interval)
    cols["ev_lo"] = _column([e[0] if e else None for e in ev], codes, pa.int64())
    cols["ev_hi"] = _column([e[1] if e else None for e in ev], codes, pa.int64())
    return pa.table([cols[c] for c in FEATURE_COLUMNS], names=FEATURE_COLUMNS)
