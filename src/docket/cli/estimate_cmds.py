"""`docket estimate COUNTS.csv`: multiple systems estimation (contract: capture-histories.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from docket.cli._app import JsonOption, app
from docket.errors import BadInput

if TYPE_CHECKING:
    from docket.estimate import EstimateOptions


@app.command("estimate")
def estimate_cmd(
    counts: Annotated[
        Path | None, typer.Argument(help="CSV: one 0/1 column per list, then 'count'.")
    ] = None,
    method: Annotated[
        str, typer.Option(help="auto | loglinear | lcmcr | dga | stepwise (SparseMSE-style).")
    ] = "auto",
    strata: Annotated[
        list[str] | None, typer.Option("--strata", help="Stratum column (repeatable).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed: same input + seed = same output.")] = 0,
    json_out: JsonOption = False,
    criterion: Annotated[str, typer.Option(help="loglinear: bic | aic.")] = "bic",
    max_order: Annotated[
        int | None, typer.Option("--max-order", help="loglinear: highest interaction order.")
    ] = None,
    bootstrap: Annotated[int, typer.Option(help="loglinear/stepwise: bootstrap replicates.")] = 500,
    K: Annotated[int, typer.Option("--K", help="lcmcr: number of latent classes K*.")] = 10,
    burnin: Annotated[int, typer.Option(help="lcmcr: burn-in iterations per chain.")] = 10_000,
    samples: Annotated[int, typer.Option(help="lcmcr: kept samples per chain.")] = 1_000,
    thin: Annotated[int, typer.Option(help="lcmcr: thinning.")] = 10,
    chains: Annotated[int, typer.Option(help="lcmcr: independent chains (for R-hat).")] = 4,
    summary: Annotated[bool, typer.Option(help="Also print a plain-language paragraph.")] = False,
    chart: Annotated[
        Path | None, typer.Option(help="Write a chart of estimates (.png or .svg).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Write the result here instead of stdout.")
    ] = None,
    case: Annotated[
        Path | None,
        typer.Option("--case", help="Estimate on this case's lists × linked identities."),
    ] = None,
) -> None:
    """Estimate how many people no list recorded (multiple systems estimation)."""
    # numpy, pandas, statsmodels, matplotlib: loaded only when estimating, not for every command
    from docket.estimate import (
        EstimateOptions,
        estimate_file,
        format_table,
        plain_language_summary,
        save_chart,
    )

    if bootstrap < 0:
        raise BadInput("--bootstrap must be >= 0")
    if criterion not in ("bic", "aic"):
        raise BadInput(f"--criterion must be bic or aic, not {criterion!r}")
    options = EstimateOptions(
        method=method,
        seed=seed,
        criterion=criterion,
        max_order=max_order,
        n_boot=bootstrap,
        K=K,
        burnin=burnin,
        samples=samples,
        thin=thin,
        chains=chains,
    )
    if case is not None:
        if counts is not None:
            raise BadInput("give a CSV of capture patterns or --case, not both")
        result = _estimate_case(case, strata or [], options)
    elif counts is None:
        raise BadInput("give a CSV of capture patterns, or --case PATH")
    else:
        result = estimate_file(counts, strata=strata or [], options=options)
    text = result.to_json() if json_out else format_table(result)
    if summary and not json_out:
        text += "\n\n" + plain_language_summary(result)
    if chart is not None:
        save_chart(result, chart)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    else:
        typer.echo(text)


def _estimate_case(path: Path, strata: list[str], options: EstimateOptions):  # noqa: ANN202
    from dataclasses import asdict

    from docket.cli._common import actor, case_from
    from docket.estimate.case import estimate_case

    settings = {k: v for k, v in asdict(options).items() if k not in ("method", "seed")}
    with case_from(path) as opened:
        run = estimate_case(opened, actor=actor(opened), strata=strata, method=options.method,
                            seed=options.seed, **settings)  # fmt: skip
    typer.echo(
        f"estimate run {run.run_id}: {run.identities} identities"
        + (f" ({run.unlinked_reports} reports not yet linked)" if run.unlinked_reports else ""),
        err=True,
    )
    return run.result
