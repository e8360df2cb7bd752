"""link_records on synthetic lists with known truth (DuckDB backend)."""

from __future__ import annotations

import math

import pandas as pd

from docket.link import link_records


def test_recovers_people_across_romanizations(small_records, small_result, pairs_by) -> None:
    truth = pairs_by(small_records, "person_id")
    pred = pairs_by(small_result.clusters, "cluster_id")
    tp = len(truth & pred)
    precision, recall = tp / len(pred), tp / len(truth)
    assert precision > 0.95 and recall > 0.85, (precision, recall)


def test_links_hangul_to_dprk_and_passport_spellings() -> None:
    base = {"sex": "M", "birth_place": "", "event_date": ""}
    rows = [
        ("a1", "un", "Ri Yong Chol", "", "1962", "Yodok"),
        ("a2", "ngo", "", "이영철", "c. 1962", "요덕"),
        ("a3", "press", "Young-chul Lee", "", "1960-1965", "Camp 15"),
        ("a4", "reg", "", "리영철", "1962", "Kwanliso 15"),
        ("b1", "un", "Kim Chol Su", "", "1975", "Kaechon"),
        ("b2", "ngo", "", "박명순", "1950", "Hwasong"),
        ("b3", "press", "Choe Myong Nam", "", "1944", "Camp 16"),
        ("b4", "reg", "", "정금순", "1931", "Chongori"),
    ]
    df = pd.DataFrame(
        [
            dict(
                zip(
                    ["record_id", "source", "name", "name_hangul", "birth_year", "facility"],
                    r,
                    strict=True,
                )
            )
            | base
            for r in rows
        ]
    )
    out = link_records(df).clusters.set_index("record_id")["cluster_id"]
    assert out["a1"] == out["a2"] == out["a3"] == out["a4"]
    assert len({out[x] for x in ["a1", "b1", "b2", "b3", "b4"]}) == 5


def test_output_contract_shape_and_determinism(small_records, small_result) -> None:
    c = small_result.clusters
    assert list(c.columns) == ["record_id", "cluster_id", "match_probability"]
    assert list(c["record_id"]) == list(small_records["record_id"])
    singletons = c[~c["cluster_id"].duplicated(keep=False)]
    assert singletons["match_probability"].map(math.isnan).all()
    again = link_records(small_records, seed=1)
    pd.testing.assert_frame_equal(c, again.clusters)
    pd.testing.assert_frame_equal(small_result.pairs, again.pairs)


def test_model_json_and_review_breakdown(small_result) -> None:
    model = small_result.settings
    names = [c["output_column_name"] for c in model["comparisons"]]
    assert names == ["name", "birth_year", "sex", "place_key", "facility_id", "event_date"]
    assert all(
        "m_probability" in lv
        for c in model["comparisons"]
        for lv in c["comparison_levels"]
        if not lv.get("is_null_level")
    )
    u = small_result.uncertain
    lo, hi = small_result.review_band
    assert len(u) and u["match_probability"].between(lo, hi).all()
    assert {"name_level", "name_weight", "birth_year_weight", "facility_id_level"} <= set(u)
    # the breakdown explains the score: prior + comparison weights = match weight
    prior = math.log2(
        model["probability_two_random_records_match"]
        / (1 - model["probability_two_random_records_match"])
    )
    weights = u[[c for c in u.columns if c.endswith("_weight") and c != "match_weight"]]
    assert ((weights.sum(axis=1) + prior - u["match_weight"]).abs() < 0.01).all()


def test_reviewed_decisions_are_respected(small_records, small_result) -> None:
    c = small_result.clusters
    sizes = c["cluster_id"].value_counts()
    big = sizes[sizes >= 2].index[0]
    a, b = sorted(c.loc[c["cluster_id"] == big, "record_id"])[:2]
    singles = list(sizes[sizes == 1].index[:2])
    res = link_records(small_records, seed=1, reviewed=[(a, b, False), (*singles, True)])
    out = res.clusters.set_index("record_id")["cluster_id"]
    assert out[a] != out[b]
    assert out[singles[0]] == out[singles[1]]
    assert res.clusters.set_index("record_id").loc[singles[1], "match_probability"] == 1.0
    # reviewed pairs leave the review queue
    queue = set(zip(res.uncertain["id_l"], res.uncertain["id_r"], strict=True))
    assert (a, b) not in queue and (b, a) not in queue
