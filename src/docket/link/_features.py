"""Model input: one row per record with the Korean name keys and interval columns.

Names are parsed once per distinct spelling (lists repeat names a lot), so a million rows cost
what their distinct names cost.
"""

from __future__ import annotations

import multiprocessing
import os

import numpy as np
import pandas as pd

from docket.link._fuzzy import birth_year_interval, event_month_interval
from docket.link._places import facility_key, place_key
from docket.names import (
    canonical_hangul_key,
    given_codes,
    parse_name,
    phonetic_keys,
    surname_key,
)

FEATURE_COLUMNS = [
    "unique_id",
    "source",
    "hangul_key",
    "name_key",
    "name_key_alt",
    "surname_key",
    "given_key",
    "g1",
    "g2",
    "by_lo",
    "by_hi",
    "sex",
    "place_key",
    "facility_id",
    "ev_lo",
    "ev_hi",
]


def _name_features(text: str) -> tuple:
    p = parse_name(text)
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


def _map_unique(series: pd.Series, fn) -> list:
    uniq = {v: fn(v) for v in pd.unique(series)}
    return [uniq[v] for v in series]


_PARALLEL_MIN = 40_000  # distinct names; below this a second process costs more than it saves


def _name_table(names: pd.Series) -> list:
    """Name features per row; distinct names are parsed once, on two processes when many."""
    uniq = list(pd.unique(names))
    if len(uniq) < _PARALLEL_MIN or (os.cpu_count() or 1) < 2:
        feats = [_name_features(v) for v in uniq]
    else:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(2) as pool:
            feats = pool.map(_name_features, uniq, chunksize=2_000)
    lookup = dict(zip(uniq, feats, strict=True))
    return [lookup[v] for v in names]


def build_features(records: pd.DataFrame) -> pd.DataFrame:
    """records: validated input (all str, empty for missing). Hangul wins over romanized
    when a row has both, because it is the less ambiguous writing."""
    name = records.get("name", pd.Series("", index=records.index))
    hangul = records.get("name_hangul", pd.Series("", index=records.index))
    best = np.where(hangul.str.strip() != "", hangul, name)
    nf = pd.DataFrame(
        _name_table(pd.Series(best)),
        columns=["hangul_key", "name_key", "name_key_alt", "surname_key", "given_key", "g1", "g2"],
    )
    out = pd.DataFrame(
        {"unique_id": records["record_id"].to_numpy(), "source": records["source"].to_numpy()}
    )
    for col in nf.columns:
        out[col] = nf[col].to_numpy()

    def col(c: str) -> pd.Series:
        return records[c] if c in records.columns else pd.Series("", index=records.index)

    by = _map_unique(col("birth_year"), birth_year_interval)
    out["by_lo"] = pd.array([b[0] if b else None for b in by], dtype="Int64")
    out["by_hi"] = pd.array([b[1] if b else None for b in by], dtype="Int64")
    sex = col("sex").str.strip().str.upper().str[:1]
    out["sex"] = sex.where(sex.isin(["M", "F"]), None).to_numpy()
    out["place_key"] = _map_unique(col("birth_place"), place_key)
    out["facility_id"] = _map_unique(col("facility"), facility_key)
    ev = _map_unique(col("event_date"), event_month_interval)
    out["ev_lo"] = pd.array([e[0] if e else None for e in ev], dtype="Int64")
    out["ev_hi"] = pd.array([e[1] if e else None for e in ev], dtype="Int64")
    for c in (
        "hangul_key",
        "name_key",
        "name_key_alt",
        "surname_key",
        "given_key",
        "g1",
        "g2",
        "sex",
        "place_key",
        "facility_id",
    ):
        out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out[FEATURE_COLUMNS]
