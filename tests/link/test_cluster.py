from __future__ import annotations

import math

import pandas as pd
import pytest

from docket.errors import DocketError
from docket.link._cluster import cluster_pairs

IDS = pd.Series(["a", "b", "c", "d", "e"])
PAIRS = pd.DataFrame(
    {
        "id_l": ["a", "b", "a", "d"],
        "id_r": ["b", "c", "c", "e"],
        "match_probability": [0.99, 0.95, 0.6, 0.4],
    }
)


def _clusters(df: pd.DataFrame) -> set[frozenset[str]]:
    return {frozenset(g["record_id"]) for _, g in df.groupby("cluster_id")}


def test_connected_components_at_threshold() -> None:
    out = cluster_pairs(IDS, PAIRS, 0.9)
    assert _clusters(out) == {frozenset("abc"), frozenset("d"), frozenset("e")}
    row = out.set_index("record_id")
    assert row.loc["a", "cluster_id"] == "a" and row.loc["c", "match_probability"] == 0.95
    assert math.isnan(row.loc["d", "match_probability"])


def test_rejected_pair_is_split_even_through_a_chain() -> None:
    out = cluster_pairs(IDS, PAIRS, 0.5, rejected=[("a", "c")])
    groups = _clusters(out)
    assert not any({"a", "c"} <= g for g in groups)
    assert frozenset("ab") in groups  # strongest link kept


def test_accepted_pair_always_joins() -> None:
    out = cluster_pairs(IDS, PAIRS, 0.9, accepted=[("d", "e")])
    assert frozenset("de") in _clusters(out)
    assert out.set_index("record_id").loc["e", "match_probability"] == 1.0


def test_contradictory_reviews_fail_loudly() -> None:
    with pytest.raises(DocketError):
        cluster_pairs(IDS, PAIRS, 0.9, accepted=[("a", "b"), ("b", "c")], rejected=[("a", "c")])
