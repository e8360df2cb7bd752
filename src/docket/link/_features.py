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

# Name keys, in the order _keys_of returns them. Every one goes to the backend as an integer
# code (equal codes = equal keys; tested for equality in blocking and in most levels, and
# integers hash and compare much faster than strings over tens of millions of pairs). The two
# compared with Jaro-Winkler also keep their text.
NAME_KEY_COLUMNS = [
    "hangul_key",
    "name_key",
    "name_key_alt",
    "surname_key",
    "given_key",
    "g1",
    "g2",
]
TEXT_COLUMNS = {"name_key": "name_key_text", "given_key": "given_key_text"}
# Codes shared between columns that are compared with each other.
_SAME_CODES = {"name_key_alt": "name_key"}
_SEX_CODE = {"M": 1, "F": 2}
FEATURE_COLUMNS = [
    "unique_id",
    *NAME_KEY_COLUMNS,
    *TEXT_COLUMNS.values(),
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


def _coded(key_lists: dict[str, list], codes: np.ndarray) -> dict[str, pa.Array]:
    """Each key column as int64 codes (None stays null), spread to rows. Columns named in
    _SAME_CODES share their partner's codes, so comparing them across columns still works."""
    out: dict[str, pa.Array] = {}
    groups: dict[str, list[str]] = {}
    for c in key_lists:
        groups.setdefault(_SAME_CODES.get(c, c), []).append(c)
    for members in groups.values():
        joined = pd.Series([v for c in members for v in key_lists[c]], dtype=object)
        ints, _ = pd.factorize(joined)  # -1 for None
        for c, part in zip(members, np.split(ints, len(members)), strict=True):
            out[c] = pa.array(part, mask=part < 0, type=pa.int64()).take(pa.array(codes))
    return out


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
    keys = {c: [r[i] for r in rows] for i, c in enumerate(NAME_KEY_COLUMNS)}
    cols.update(_coded(keys, codes))
    for c, text in TEXT_COLUMNS.items():
        cols[text] = _column(keys[c], codes, pa.string())
    codes, by = _per_distinct(col("birth_year"), birth_year_interval)
    cols["by_lo"] = _column([b[0] if b else None for b in by], codes, pa.int64())
    cols["by_hi"] = _column([b[1] if b else None for b in by], codes, pa.int64())
    sex = col("sex").str.strip().str.upper().str[:1].map(_SEX_CODE)
    cols["sex"] = pa.array(sex, from_pandas=True, type=pa.int64())
    codes, places = _per_distinct(col("birth_place"), place_key)
    cols.update(_coded({"place_key": places}, codes))
    codes, facs = _per_distinct(col("facility"), facility_key)
    cols.update(_coded({"facility_id": facs}, codes))
    codes, ev = _per_distinct(col("event_date"), event_month_interval)
    cols["ev_lo"] = _column([e[0] if e else None for e in ev], codes, pa.int64())
    cols["ev_hi"] = _column([e[1] if e else None for e in ev], codes, pa.int64())
    return pa.table([cols[c] for c in FEATURE_COLUMNS], names=FEATURE_COLUMNS)
