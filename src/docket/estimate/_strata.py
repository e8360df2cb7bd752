"""Totals over strata, with intervals from draws rather than sums of interval ends.

Adding the lower ends of stratum intervals gives a total interval that is far too wide (every
stratum at its 2.5% point at once is much rarer than 2.5%). The strata are estimated
independently, so summing one draw from each stratum gives a draw of the total.
"""

from __future__ import annotations

import numpy as np

from docket.estimate._intervals import percentile_interval
from docket.estimate._result import EstimateResult


def combine_strata(
    parts: list[EstimateResult], level: float = 0.95, lists: list[str] | None = None
) -> EstimateResult:
    """The total of independently estimated strata; not estimable if any stratum is not."""
    if lists is None:  # strata may have dropped lists that recorded nobody there
        lists = list(dict.fromkeys(name for p in parts for name in p.lists))
    observed = sum(p.observed for p in parts)
    methods = sorted({p.method for p in parts})
    method = methods[0] if len(methods) == 1 else "mixed"
    bad = [p.stratum for p in parts if not p.ok]
    details: dict = {"strata": len(parts), "total_of": "strata estimated independently"}
    if bad:
        names = ", ".join(str(b) for b in bad)
        reason = f"stratum(s) {names} cannot be estimated, so neither can the total"
        return EstimateResult(
            method=method,
            observed=observed,
            estimate=None,
            ci_low=None,
            ci_high=None,
            lists=lists,
            ci_level=level,
            details={**details, "status": "not estimable", "reason": reason},
            warnings=[reason],
            strata=parts,
        )
    estimate = float(sum(p.estimate or 0.0 for p in parts))
    draws = [p.draws for p in parts]
    warnings = [f"{p.stratum}: {w}" for p in parts for w in p.warnings]
    if any(d is None for d in draws):
        details["interval"] = "not available: a stratum has no draws"
        return EstimateResult(
            method=method,
            observed=observed,
            estimate=estimate,
            ci_low=None,
            ci_high=None,
            lists=lists,
            ci_level=level,
            details=details,
            warnings=warnings,
            strata=parts,
        )
    n = min(len(d) for d in draws)  # type: ignore[arg-type]
    total = np.sum([np.asarray(d)[:n] for d in draws], axis=0)
    lo, hi = percentile_interval(total, level)
    details["interval"] = f"percentiles of {n} summed draws (bootstrap or posterior) per stratum"
    return EstimateResult(
        method=method,
        observed=observed,
        estimate=estimate,
        ci_low=lo,
        ci_high=None if not np.isfinite(hi) else hi,
        lists=lists,
        ci_level=level,
        details=details,
        warnings=warnings,
        draws=total,
        strata=parts,
    )
