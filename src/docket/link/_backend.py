"""Backends: DuckDB in-process by default, Spark (local here, any cluster in production)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from typing import Any

from docket.errors import DocketError

BACKENDS = ("duckdb", "spark")


def make_db_api(backend: str, spark_session: Any = None) -> Any:
    if backend == "duckdb":
        import duckdb
        from splink.backends.duckdb import DuckDBAPI

        con = duckdb.connect()
        # Determinism and a modest footprint: fixed threads, insertion order kept, a memory
        # ceiling past which DuckDB spills instead of growing. It spills into a private
        # temporary directory (removed with the connection), not `.tmp` under the working
        # directory: spilled pages hold names.
        threads = int(os.environ.get("DOCKET_DUCKDB_THREADS", "2"))
        memory = os.environ.get("DOCKET_DUCKDB_MEMORY", "2.5GB")
        spill = tempfile.mkdtemp(prefix="docket-duckdb-")
        con.execute(f"SET threads TO {threads}")
        con.execute(f"SET memory_limit = '{memory}'")
        con.execute(f"SET temp_directory = '{spill}'")
        con.execute("SET preserve_insertion_order = true")
        api = DuckDBAPI(con)
        api.docket_spill_dir = spill
        return api
    if backend == "spark":
        try:
            from splink.backends.spark import SparkAPI
        except ImportError:  # pragma: no cover - depends on the install
            raise DocketError(
                "the spark backend needs pyspark: pip install 'docket[spark]'"
            ) from None
        return SparkAPI(
            spark_session=spark_session or local_spark(), break_lineage_method="persist"
        )
    raise DocketError(f"unknown backend {backend!r}; expected one of {', '.join(BACKENDS)}")


def close_db_api(db_api: Any, backend: str) -> None:
    """Free the backend's memory and spill files; a Spark session stays for reuse."""
    if backend == "duckdb":
        db_api._con.close()
        shutil.rmtree(db_api.docket_spill_dir, ignore_errors=True)


def backend_table(db_api: Any, backend: str, name: str, sql: str) -> Any:
    """Register the result of `sql` over registered tables, computed where the data lives."""
    if backend == "spark":
        return db_api.register(db_api.spark.sql(sql), table_name=name)
    db_api._con.execute(f"CREATE TABLE {name} AS {sql}")
    return db_api.register(name)


def local_spark(conf: Mapping[str, str] | None = None) -> Any:
    """A local-mode session for one machine; reused within a process.

    One shuffle partition and no adaptive execution: on one machine Spark's per-stage overhead,
    not the work, dominates, and Splink runs many small stages (each EM iteration is one).
    conf: further settings, applied when the session (and its JVM) is first made; the tests
    use it to skip code generation, which costs more than it saves on a few hundred rows.
    """
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError:
        raise DocketError("the spark backend needs pyspark: pip install 'docket[spark]'") from None
    builder = SparkSession.builder
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return (
        builder.master("local[2]")
        .config("spark.jars", similarity_jar_location())
        .appName("docket-link")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
