"""Log-linear MSE: choose a hierarchical model by AIC/BIC, estimate N with a profile-likelihood
interval, and report the model-averaged and bootstrap results beside it.

Refusing is part of the method: when no model in the search has an identifiable unrecorded
count, or the chosen one has no upper limit, the result says so instead of printing a number.
"""

from __future__ import annotations

import math

import numpy as np

from docket.estimate._histories import CaptureHistories
from docket.estimate._intervals import (
    mixture_interval,
    parametric_bootstrap,
    percentile_interval,
    profile_interval,
)
from docket.estimate._loglinear_fit import (
    MAX_EXHAUSTIVE_LISTS,
    MAX_LOGLINEAR_LISTS,
    ModelFit,
    exhaustive_search,
    se_log_unobserved,
    stepwise_search,
)
from docket.estimate._result import EstimateResult, not_estimable

METHOD = "loglinear"


def _averaged(ch: CaptureHistories, fits: list[ModelFit], criterion: str, level: float) -> dict:
    ok = [f for f in fits if f.identifiable]
    crit = np.array([f.criterion(criterion) for f in ok])
    w = np.exp(-0.5 * (crit - crit.min()))
    w /= w.sum()
    order = np.argsort(-w)
    # Models with negligible weight cannot move the mixture; skip their standard errors.
    top = [i for i in order if w[i] > 1e-4][:200]
    wt = w[top] / w[top].sum()
    n0 = np.array([ok[i].unobserved for i in top])
    se = se_log_unobserved(ch, [ok[i].model for i in top])
    est = ch.observed + float((wt * n0).sum())
    try:
        lo, hi = mixture_interval(ch.observed, n0, se, wt, level)
    except ValueError:
        lo, hi = math.nan, math.nan
    return {
        "estimate": est,
        "ci_low": lo,
        "ci_high": hi,
        "models_with_weight": len(top),
        "interval": "mixture of per-model log-normal approximations (Buckland et al. 1997 style)",
        "top_models": [
            {"model": ok[i].name, "weight": float(w[i]), "estimate": ch.observed + ok[i].unobserved}
            for i in order[:5]
        ],
    }


def loglinear_estimate(
    ch: CaptureHistories,
    *,
    criterion: str = "bic",
    max_order: int | None = None,
    level: float = 0.95,
    n_boot: int = 500,
    seed: int = 0,
    search: str = "auto",
) -> EstimateResult:
    """Select a hierarchical log-linear model by `criterion` and estimate N with intervals."""
    if criterion not in ("aic", "bic"):
        raise ValueError(f"criterion must be 'aic' or 'bic', not {criterion!r}")
    lists, n = list(ch.lists), ch.observed
    if ch.k > MAX_LOGLINEAR_LISTS:
        return not_estimable(
            METHOD,
            n,
            lists,
            f"{ch.k} lists: log-linear models need all 2**{ch.k} cells; use the latent-class "
            "model (lcmcr) for this many lists",
        )
    if search == "auto":
        search = "exhaustive" if ch.k <= MAX_EXHAUSTIVE_LISTS else "stepwise"
    path: list[str] | None = None
    if search == "exhaustive":
        fits = exhaustive_search(ch, max_order)
    else:
        fits, path = stepwise_search(ch, criterion, max_order)
    ranked = sorted(fits, key=lambda f: f.criterion(criterion))
    usable = [f for f in ranked if f.identifiable]
    details: dict = {
        "criterion": criterion,
        "search": search,
        "models_fitted": len(fits),
        "models_not_identifiable": len(fits) - len(usable),
        "max_order": ch.k - 1 if max_order is None else max_order,
    }
    if path is not None:
        details["stepwise_path"] = path
    if not usable:
        return not_estimable(
            METHOD,
            n,
            lists,
            "no log-linear model gives an identifiable estimate: the lists overlap too little "
            "(sparse table) to say how many no list recorded",
            **details,
        )
    warnings: list[str] = []
    best = usable[0]
    skipped = ranked.index(best)
    if skipped:
        warnings.append(
            f"{skipped} model(s) fitting better by {criterion.upper()} cannot estimate the "
            "unrecorded count (sparse table); the best identifiable model is reported"
        )
    estimate = n + best.unobserved
    low, high = profile_interval(ch, best.model, estimate, level)
    rng = np.random.default_rng(seed)
    boot = parametric_bootstrap(ch, best.model, best.unobserved, n_boot, rng) if n_boot else None
    details.update(
        {
            "model": best.name,
            "model_terms": [int(t) for t in best.model],
            "n_parameters": best.n_params,
            "n_parameters_effective": best.effective_params,
            "loglik": best.loglik,
            criterion: best.criterion(criterion),
            "cells_set_to_zero_by_extended_mle": best.zero_cells,
            "interval": "profile likelihood",
            "ranking": [
                {
                    "model": f.name,
                    criterion: f.criterion(criterion),
                    "estimate": n + f.unobserved if f.identifiable else None,
                }
                for f in ranked[:10]
            ],
            "model_averaged": _averaged(ch, fits, criterion, level),
        }
    )
    if boot is not None:
        b_lo, b_hi = percentile_interval(boot, level)
        details["bootstrap"] = {
            "kind": "parametric, selected model fixed",
            "replicates": int(n_boot),
            "ci_low": b_lo,
            "ci_high": b_hi,
            "median": float(np.median(boot)),
            "share_not_identifiable": float((~np.isfinite(boot)).mean()),
        }
        if (~np.isfinite(boot)).mean() > 0.01:
            warnings.append(
                f"{(~np.isfinite(boot)).mean():.0%} of bootstrap tables give no finite estimate: "
                "the estimate is unstable"
            )
    close = [f for f in usable if f.criterion(criterion) - best.criterion(criterion) < 2]
    ests = [n + f.unobserved for f in close]
    if len(ests) > 1 and max(ests) > 1.5 * min(ests):
        warnings.append(
            f"{len(close)} models are about as well supported (within 2 {criterion.upper()} "
            f"points) and give estimates from {min(ests):,.0f} to {max(ests):,.0f}; "
            "model choice matters here, see details.model_averaged"
        )
    if math.isinf(high):
        warnings.append(
            "the profile likelihood has no upper limit: the data are consistent with an "
            "arbitrarily large unrecorded population under this model"
        )
    if best.unobserved > 50 * n:
        warnings.append("the estimate is more than 50 times the number recorded: extrapolation")
    return EstimateResult(
        method=METHOD,
        observed=n,
        estimate=estimate,
        ci_low=low,
        ci_high=None if math.isinf(high) else high,
        lists=lists,
        ci_level=level,
        details=details,
        warnings=warnings,
        draws=boot,
    )
