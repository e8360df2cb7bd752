"""The Spark backend (local mode) runs the same model and finds the same clusters as DuckDB."""

from __future__ import annotations

import pytest

pytest.importorskip("pyspark")

from docket.link import link_records  # noqa: E402
from docket.synth.people import synthetic_records  # noqa: E402


@pytest.mark.spark
@pytest.mark.slow
def test_spark_gives_the_same_clusters_as_duckdb() -> None:
    records = synthetic_records(120, seed=11)
    duck = link_records(records, seed=3)
    spark = link_records(records, seed=3, backend="spark")
    a = duck.clusters.set_index("record_id")["cluster_id"]
    b = spark.clusters.set_index("record_id")["cluster_id"].loc[a.index]
    assert (a == b).all()
    assert a.nunique() < len(a)  # there was something to link
    names = [c["output_column_name"] for c in spark.settings["comparisons"]]
    assert names == [c["output_column_name"] for c in duck.settings["comparisons"]]
