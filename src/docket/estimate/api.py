"""The stage's public entry points: from a CSV, a frame of identities, or capture histories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from docket.errors import BadInput
from docket.estimate._auto import choose_method
from docket.estimate._histories import CaptureHistories
from docket.estimate._input import histories_from_identities, read_capture_csv
from docket.estimate._loglinear import loglinear_estimate
from docket.estimate._result import EstimateResult
from docket.estimate._strata import combine_strata

METHODS = ("auto", "loglinear", "lcmcr", "dga", "stepwise")


@dataclass(frozen=True)
class EstimateOptions:
    """Every knob of every method; a run's options are stored beside its result (rerunnable)."""

    method: str = "auto"
    seed: int = 0
    level: float = 0.95
    # log-linear
    criterion: str = "bic"
    max_order: int | None = None
    n_boot: int = 500
    # stepwise (Chan, Silverman & Vincent 2021)
    pthresh: float = 0.02
    # lcmcr
    K: int = 10
    burnin: int = 10_000
    samples: int = 1_000
    thin: int = 10
    chains: int = 4
    # dga
    max_n_factor: float = 20.0


def _run(ch: CaptureHistories, method: str, opts: EstimateOptions) -> EstimateResult:
    if method == "loglinear":
        return loglinear_estimate(
            ch,
            criterion=opts.criterion,
            max_order=opts.max_order,
            level=opts.level,
            n_boot=opts.n_boot,
            seed=opts.seed,
        )
    if method == "stepwise":
        from docket.estimate._stepwise import stepwise_bca_estimate

        return stepwise_bca_estimate(
            ch, pthresh=opts.pthresh, n_boot=opts.n_boot, seed=opts.seed, level=opts.level
        )
    if method == "lcmcr":
        from docket.estimate._lcmcr import lcmcr_estimate

        return lcmcr_estimate(
            ch,
            K=opts.K,
            burnin=opts.burnin,
            samples=opts.samples,
            thin=opts.thin,
            chains=opts.chains,
            seed=opts.seed,
            level=opts.level,
        )
    if method == "dga":
        from docket.estimate._dga import dga_estimate

        return dga_estimate(ch, level=opts.level, max_n_factor=opts.max_n_factor, seed=opts.seed)
    raise BadInput(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")


def estimate_histories(
    tables: dict[str | None, CaptureHistories], options: EstimateOptions | None = None
) -> EstimateResult:
    """Estimate one table, or each stratum and their total (interval from summed draws)."""
    opts = options or EstimateOptions()
    if opts.method not in METHODS:
        raise BadInput(f"unknown method {opts.method!r}; expected one of {', '.join(METHODS)}")
    keys = list(tables)
    # One method for every stratum, chosen on the pooled table, so the total is coherent.
    pooled = tables[keys[0]] if len(keys) == 1 else _pool(list(tables.values()))
    method, reason = (opts.method, "chosen by the user")
    if opts.method == "auto":
        method, reason = choose_method(pooled)
    results = []
    for i, key in enumerate(keys):
        res = _run(tables[key], method, replace(opts, seed=opts.seed + 1009 * i))
        res.stratum = key
        res.details["method_choice"] = reason
        res.details["options"] = _opts_dict(opts, method)
        results.append(res)
    if len(results) == 1 and keys[0] is None:
        return results[0]
    total = combine_strata(results, opts.level, lists=list(pooled.lists))
    total.details["method_choice"] = reason
    total.details["options"] = _opts_dict(opts, method)
    return total


def _opts_dict(opts: EstimateOptions, method: str) -> dict:
    d = {"method": method, "seed": opts.seed, "ci_level": opts.level}
    if method == "loglinear":
        d |= {"criterion": opts.criterion, "max_order": opts.max_order, "bootstrap": opts.n_boot}
    elif method == "stepwise":
        d |= {"pthresh": opts.pthresh, "bootstrap": opts.n_boot}
    elif method == "lcmcr":
        d |= {
            "K": opts.K,
            "burnin": opts.burnin,
            "samples": opts.samples,
            "thin": opts.thin,
            "chains": opts.chains,
        }
    return d


def _pool(parts: list[CaptureHistories]) -> CaptureHistories:
    from docket.estimate._histories import from_patterns

    # A stratum in which a list recorded nobody leaves that list out, so the pooled table
    # takes its lists from the widest stratum and adds any the others name.
    lists = list(max(parts, key=lambda p: len(p.lists)).lists)
    lists += [name for p in parts for name in p.lists if name not in lists]
    rows, counts = [], []
    for p in parts:
        idx = [lists.index(name) for name in p.lists]
        for cell, c in zip(p.cells, p.counts, strict=True):
            row = [0] * len(lists)
            for j, target in enumerate(idx):
                row[target] = int(cell >> j & 1)
            rows.append(row)
            counts.append(int(c))
    return from_patterns(lists, rows, counts, allow_empty_lists=True)


def estimate_file(
    path: str | Path, *, strata: Sequence[str] = (), options: EstimateOptions | None = None
) -> EstimateResult:
    """`docket estimate COUNTS.csv`: parse (exit 2 on bad input), then estimate."""
    return estimate_histories(read_capture_csv(path, strata), options)


def estimate_from_identities(
    df: pd.DataFrame,
    lists: Sequence[str],
    strata: Sequence[str] | None = None,
    method: str = "auto",
    seed: int = 0,
    **options: object,
) -> EstimateResult:
    """For `docket estimate --case`: one row per linked identity, a 0/1 column per list."""
    opts = EstimateOptions(method=method, seed=seed, **options)  # type: ignore[arg-type]
    return estimate_histories(histories_from_identities(df, lists, strata), opts)
