"""`docket dedupe`: link person records in CSV files (contract: person-records.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from docket.cli._app import app
from docket.errors import BadInput


@app.command("dedupe")
def dedupe_cmd(
    inputs: Annotated[list[Path], typer.Argument(help="Person-record CSV files.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write clusters CSV here (default: stdout).")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", help="Match probability at which two records are joined."),
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", help="duckdb (in-process) or spark (local or cluster).")
    ] = "duckdb",
    seed: Annotated[int, typer.Option("--seed", help="Seed for the random u-sampling.")] = 42,
) -> None:
    """Cluster records that refer to the same person; one output row per input record."""
    from docket.link import DEFAULT_THRESHOLD, dedupe

    if backend not in ("duckdb", "spark"):
        raise BadInput(f"unknown backend {backend!r}; expected duckdb or spark", where="--backend")
    p = DEFAULT_THRESHOLD if threshold is None else threshold
    if not 0.0 < p < 1.0:
        raise BadInput(f"{p} is not a probability strictly between 0 and 1", where="--threshold")
    text, result = dedupe(inputs, out, threshold=p, backend=backend, seed=seed)
    if text is not None:
        typer.echo(text, nl=False)
    else:
        n = result.clusters["cluster_id"].nunique()
        typer.echo(f"{len(result.clusters)} records -> {n} clusters: {out}", err=True)
