"""link_records: features -> Splink model (EM, reviewed labels) -> scored pairs -> clusters."""

from __future__ import annotations

import contextlib
import copy
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from splink import Linker
from splink.internals.exceptions import EMTrainingException

from docket.link._backend import backend_table, close_db_api, make_db_api
from docket.link._cluster import cluster_pairs
from docket.link._features import build_features
from docket.link._review import breakdown
from docket.link._settings import DETERMINISTIC, DETERMINISTIC_RECALL, EM_PASSES, settings

Reviewed = tuple[str, str, bool]

DEFAULT_THRESHOLD = 0.3
DEFAULT_REVIEW_BAND = (0.1, 0.7)
DEFAULT_AVOID_BELOW = 0.01


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
    timings: dict[str, float] = field(default_factory=dict)


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
    max_pairs_em: float = 1.5e6,
    avoid_below: float = DEFAULT_AVOID_BELOW,
) -> LinkResult:
    """Cluster person records into identities.

    records: columns per person-records.md (record_id, source, name and/or name_hangul, and
    optional sex, birth_year, birth_place, facility, event_date), strings, "" for missing.
    reviewed: (id_a, id_b, is_match) decisions; accepted pairs train m-probabilities and are
    always joined, rejected pairs are never in one cluster.
    avoid_below: two records the model scored below this are not put in one cluster through
    a chain of stronger links (A-B and B-C strong, A-C clearly different).
    """
    _quiet()
    timings: dict[str, float] = {}
    clock = [time.perf_counter()]

    def lap(step: str) -> None:
        now = time.perf_counter()
        timings[step] = round(now - clock[0], 2)
        clock[0] = now

    reviewed = [(str(a), str(b), bool(m)) for a, b, m in reviewed]
    # Splink sees row positions as unique_id; record ids come back through this array.
    ids = records["record_id"].astype(str).to_numpy(dtype=object)
    feats = build_features(records)
    lap("features")
    if len(feats) < 2:
        return _singletons(ids, backend, threshold, review_band, reviewed)
    db_api = make_db_api(backend, spark_session)
    try:
        return _link(db_api, backend, feats, ids, reviewed, lap, threshold=threshold, seed=seed,
                     review_band=review_band, max_pairs_u=max_pairs_u,
                     max_pairs_em=max_pairs_em, avoid_below=avoid_below,
                     timings=timings)  # fmt: skip
    finally:
        close_db_api(db_api, backend)  # also on error: DuckDB's spill files hold names


def _link(
    db_api: Any,
    backend: str,
    feats: pa.Table,
    ids: np.ndarray,
    reviewed: list[Reviewed],
    lap: Callable[[str], None],
    *,
    threshold: float,
    seed: int,
    review_band: tuple[float, float],
    max_pairs_u: float,
    max_pairs_em: float,
    avoid_below: float,
    timings: dict[str, float],
) -> LinkResult:
    """The model run proper, on a backend the caller closes."""
    sdf = db_api.register(_for_backend(feats, backend), table_name="docket_people")
    linker = Linker(sdf, settings(), log_level=logging.WARNING)
    logging.getLogger("splink").setLevel(logging.ERROR)
    lap("register")

    n = len(ids)
    linker.training.estimate_probability_two_random_records_match(
        DETERMINISTIC, recall=DETERMINISTIC_RECALL
    )
    lap("train_prior")
    total_pairs = max(n * (n - 1) / 2, 1.0)
    prior = linker._settings_obj._probability_two_random_records_match
    if not 0 < prior < 1:
        # No sure pairs (a small or very clean file): assume about one match in the file.
        linker._settings_obj._probability_two_random_records_match = min(0.5, 1 / total_pairs)
    linker.training.estimate_u_using_random_sampling(
        max_pairs=min(max_pairs_u, max(n * n / 4, 1e4)), seed=seed, num_chunks=1
    )
    lap("train_u")
    for i, rule in enumerate(EM_PASSES, 1):
        # Too few pairs to learn from (a small file): keep the starting m-probabilities.
        with contextlib.suppress(EMTrainingException):
            # EM iterates on counts of comparison patterns, not on every pair; term
            # frequencies still adjust the scores at prediction.
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, max_pairs=max_pairs_em, estimate_without_term_frequencies=True
            )
        lap(f"train_em{i}")
    accepted = [(a, b) for a, b, m in reviewed if m]
    position = pd.Index(ids)
    known = [(a, b) for a, b in accepted if a in position and b in position]
    if known:
        labels = pd.DataFrame(
            {
                "unique_id_l": position.get_indexer([a for a, _ in known]).astype("int64"),
                "unique_id_r": position.get_indexer([b for _, b in known]).astype("int64"),
                "clerical_match_score": 1.0,
            }
        )
        linker.training.estimate_m_from_pairwise_labels(
            db_api.register(_for_backend(labels, backend), table_name="docket_labels")
        )

    low = min(review_band[0], threshold)
    # Only pairs at or above the review band leave the backend: at a million records the
    # blocked pairs are far too many to hold.
    scored = linker.inference.predict(threshold_match_probability=low).as_pandas_dataframe()
    for side in ("unique_id_l", "unique_id_r"):
        scored[side] = ids[scored[side].to_numpy(dtype=np.int64)]
    pairs = _tidy(scored)
    lap("predict")
    rejected = [(a, b) for a, b, m in reviewed if not m]
    strong = pairs[["id_l", "id_r", "match_probability"]]
    record_ids = pd.Series(ids)
    first = cluster_pairs(record_ids, strong, threshold, accepted, rejected)
    model = linker.misc.save_model_to_json()
    avoid = _clear_non_matches(db_api, ids, first, model, avoid_below, backend)
    clusters = (
        cluster_pairs(record_ids, strong, threshold, accepted, rejected, avoid) if avoid else first
    )
    lap("cluster")
    uncertain = breakdown(scored, model, review_band, reviewed)
    lap("review")
    return LinkResult(
        clusters=clusters,
        pairs=pairs[["id_l", "id_r", "match_probability", "match_weight"]],
        uncertain=uncertain,
        settings=model,
        backend=backend,
        threshold=threshold,
        review_band=review_band,
        reviewed=reviewed,
        timings=timings,
    )


def _singletons(ids, backend, threshold, review_band, reviewed) -> LinkResult:
    """Fewer than two records: nothing to link, and nothing to train on."""
    empty = pd.DataFrame(columns=["id_l", "id_r", "match_probability", "match_weight"])
    clusters = pd.DataFrame({"record_id": ids, "cluster_id": ids, "match_probability": np.nan})
    spec = settings().create_settings_dict("duckdb")
    return LinkResult(
        clusters, empty, empty.copy(), spec, backend, threshold, review_band, list(reviewed)
    )


def _clear_non_matches(
    db_api: Any,
    ids: np.ndarray,
    clusters: pd.DataFrame,
    model: dict[str, Any],
    below: float,
    backend: str,
) -> list[tuple[str, str]]:
    """Pairs inside a threshold cluster that the model scores below `below`.

    Scores every pair within each multi-record cluster (few: clusters are small) with the
    trained model, by blocking on the cluster. The cluster column is joined to the table the
    backend already holds; singletons keep it empty, so term frequencies are computed over
    all records, as in the main run.
    """
    multi = clusters["cluster_id"].duplicated(keep=False).to_numpy()
    if not multi.any() or below <= 0:
        return []
    members = pd.DataFrame(
        {
            "docket_row": np.flatnonzero(multi).astype("int64"),
            "docket_cluster": clusters["cluster_id"].to_numpy()[multi].astype(str),
        }
    )
    db_api.register(_for_backend(members, backend), table_name="docket_cluster_members")
    sdf = backend_table(
        db_api,
        backend,
        "docket_people_in_clusters",
        "SELECT p.*, c.docket_cluster FROM docket_people p "
        "LEFT JOIN docket_cluster_members c ON p.unique_id = c.docket_row",
    )
    spec = copy.deepcopy(model)
    spec["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": "l.docket_cluster = r.docket_cluster"}
    ]
    spec["linker_uid"] = None
    spec.pop("sql_dialect", None)
    inner = Linker(sdf, spec, log_level=logging.WARNING)
    scored = inner.inference.predict(threshold_match_probability=None)
    weak = scored.as_pandas_dataframe()
    weak = weak[weak["match_probability"] < below]
    left = ids[weak["unique_id_l"].to_numpy(dtype=np.int64)]
    right = ids[weak["unique_id_r"].to_numpy(dtype=np.int64)]
    return sorted(zip(left, right, strict=True))


def _for_backend(df: pd.DataFrame | pa.Table, backend: str) -> Any:
    if backend != "spark":
        return df
    from docket.link._backend import local_spark

    spark = local_spark()
    if isinstance(df, pa.Table):
        df = df.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
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
