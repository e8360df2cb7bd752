from __future__ import annotations

import itertools

import pandas as pd
import pytest

from docket.link import link_records
from docket.synth.people import synthetic_records


def _pairs(df: pd.DataFrame, by: str) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for _, g in df.groupby(by):
        out.update(itertools.combinations(sorted(g["record_id"]), 2))
    return out


@pytest.fixture(scope="session")
def pairs_by():
    """pairs_by(df, column): all record pairs sharing a value of column (truth or cluster)."""
    return _pairs


@pytest.fixture(scope="session")
def small_records() -> pd.DataFrame:
    return synthetic_records(500, seed=11)


@pytest.fixture(scope="session")
def small_result(small_records):
    return link_records(small_records, seed=1)
