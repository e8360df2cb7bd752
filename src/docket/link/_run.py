"""link_records: features -> Splink model (EM, reviewed labels) -> scored pairs -> clusters."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from splink import Linker

from docket.link._backend import make_db_api
from docket.link._cluster import cluster_pairs
from docket.link._features import build_features
from docket.link._review import breakdown
from docket.link._settings import DETERMINISTIC, DETERMINISTIC_RECALL, EM_PASSES, settings

Reviewed = tuple[str, str, bool]

DEFAULT_THRESHOLD = 0.9
DEFAULT_REVIEW_BAND = (0.3, 0.9)


@dataclass
class LinkResult:
    """Everything a run decided and why.

    clusters: record_id, cluster_id, match_probability (contract columns, input order).
    pairs: id_l, id_r, match_probability, match_weight for every scored pair at or above the
      review band's lower edge.
    uncertain: pairs inside the review band with, per comparison, the level it fell in and
      its match weight (Splink's breakdown), for a reviewer to accept or reject.
    settings: the trained Splink model as JSON-ready dict; store it beside the results.
    """

    clusters: pd.DataFrame
    pairs: pd.DataFrame
    uncertain: pd.DataFrame
    settings: dict[str, Any]
    backend: str
    threshold: float
    review_band: tuple[float, float]
    reviewed: list[Reviewed] = field(default_factory=list)


def _quiet() -> None:
    for name in ("splink", "py4j", "pyspark"):
        logging.getLogger(name).setLevel(logging.WARNING)


def link_records(
    records: pd.DataFrame,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    backend: str = "duckdb",
    reviewed: Iterable[Reviewed] = (),
    seed: int = 42,
    review_band: tuple[float, float] = DEFAULT_REVIEW_BAND,
    spark_session: Any = None,
    max_pairs_u: float = 2e6,
    max_pairs_em: float = 5e6,
) -> LinkResult:
    """Cluster person records into identities.

    records: columns per person-records.md (record_id, source, name and/or name_hangul, and
    optional sex, birth_year, birth_place, facility, event_date), strings, "" for missing.
    reviewed: (id_a, id_b, is_match) decisions; accepted pairs train m-probabilities and are
    always joined, rejected pairs are never in one cluster.
    """
    _quiet()
    reviewed = [(str(a), str(b), bool(m)) for a, b, m in reviewed]
    feats = build_features(records)
    db_api = make_db_api(backend, spark_session)
    sdf = db_api.register(_for_backend(feats, backend), table_name="docket_people")
    linker = Linker(sdf, settings(), log_level=logging.WARNING)
    logging.getLogger("splink").setLevel(logging.ERROR)

    n = len(feats)
    linker.training.estimate_probability_two_random_records_match(
        DETERMINISTIC, recall=DETERMINISTIC_RECALL
    )
    linker.training.estimate_u_using_random_sampling(
        max_pairs=min(max_pairs_u, max(n * n / 4, 1e4)), seed=seed
    )
    for rule in EM_PASSES:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule,
            max_pairs=max_pairs_em,
        )
    accepted = [(a, b) for a, b, m in reviewed if m]
    if accepted:
        labels = pd.DataFrame(
            {
                "unique_id_l": [a for a, _ in accepted],
                "unique_id_r": [b for _, b in accepted],
                "clerical_match_score": 1.0,
            }
        )
        linker.training.estimate_m_from_pairwise_labels(
            db_api.register(_for_backend(labels, backend), table_name="docket_labels")
        )

    low = min(review_band[0], threshold)
    scored = linker.inference.predict(threshold_match_probability=low).as_pandas_dataframe()
    pairs = _tidy(scored)
    clusters = cluster_pairs(
        feats["unique_id"],
        pairs[["id_l", "id_r", "match_probability"]],
        threshold,
        accepted=accepted,
        rejected=[(a, b) for a, b, m in reviewed if not m],
    )
    model = linker.misc.save_model_to_json()
    uncertain = breakdown(scored, model, review_band, reviewed)
    _drop_backend(db_api, backend)
    return LinkResult(
        clusters=clusters,
        pairs=pairs[["id_l", "id_r", "match_probability", "match_weight"]],
        uncertain=uncertain,
        settings=model,
        backend=backend,
        threshold=threshold,
        review_band=review_band,
        reviewed=reviewed,
    )


def _for_backend(df: pd.DataFrame, backend: str) -> Any:
    if backend != "spark":
        return df
    from docket.link._backend import local_spark

    spark = local_spark()
    clean = df.astype(object).where(df.notna(), None)
    return spark.createDataFrame(clean.to_dict("records"), schema=_spark_schema(df))


def _spark_schema(df: pd.DataFrame) -> Any:
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType(
        [
            StructField(c, LongType() if str(df[c].dtype) in ("Int64", "int64") else StringType())
            for c in df.columns
        ]
    )


def _drop_backend(db_api: Any, backend: str) -> None:
    if backend == "duckdb":
        db_api._con.close()


def _tidy(scored: pd.DataFrame) -> pd.DataFrame:
    """Order each pair (smaller id left), round away float noise, sort: stable output."""
    a = scored["unique_id_l"].astype(str).to_numpy()
    b = scored["unique_id_r"].astype(str).to_numpy()
    swap = a > b
    out = pd.DataFrame(
        {
            "id_l": np.where(swap, b, a),
            "id_r": np.where(swap, a, b),
            "match_probability": scored["match_probability"].astype(float).round(6).to_numpy(),
            "match_weight": scored["match_weight"].astype(float).round(4).to_numpy(),
        }
    )
    return out.sort_values(["id_l", "id_r"], kind="stable").reset_index(drop=True)


def ids_in_order(result: LinkResult) -> Sequence[str]:
    return list(result.clusters["record_id"])
