"""The Spark backend (local mode) runs the same model and finds the same clusters as DuckDB."""

from __future__ import annotations

import pytest

pytest.importorskip("pyspark")

from docket.link import link_records  # noqa: E402
from docket.link._backend import local_spark  # noqa: E402
from docket.synth.people import synthetic_records  # noqa: E402

# On a test-sized table Spark spends its time compiling each of Splink's many queries (Java
# code generation, then the JIT), not running them: interpret the plans and keep the JIT at
# its quick first tier. Same plans and results; about a quarter of the time here.
TEST_SIZED = {
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.codegen.factoryMode": "NO_CODEGEN",
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}


@pytest.fixture(scope="module")
def spark():
    return local_spark(TEST_SIZED)


@pytest.mark.spark
@pytest.mark.slow
def test_spark_gives_the_same_clusters_as_duckdb(spark) -> None:
    records = synthetic_records(120, seed=11)
    duck = link_records(records, seed=3)
    result = link_records(records, seed=3, backend="spark", spark_session=spark)
    a = duck.clusters.set_index("record_id")["cluster_id"]
    b = result.clusters.set_index("record_id")["cluster_id"].loc[a.index]
    assert (a == b).all()
    assert a.nunique() < len(a)  # there was something to link
    names = [c["output_column_name"] for c in result.settings["comparisons"]]
    assert names == [c["output_column_name"] for c in duck.settings["comparisons"]]
