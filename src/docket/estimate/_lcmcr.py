"""LCMCR estimate: several chains, pooled posterior, diagnostics with warnings."""

from __future__ import annotations

import numpy as np

from docket.errors import BadInput
from docket.estimate._diagnostics import (
    ESS_WARN,
    RHAT_WARN,
    effective_sample_size,
    split_rhat,
)
from docket.estimate._histories import CaptureHistories
from docket.estimate._lcmcr_sampler import prepare, run_chain
from docket.estimate._result import EstimateResult

METHOD = "lcmcr"
A_ALPHA = 0.25  # Gamma(a, b) prior on the stick-breaking concentration, as in the LCMCR package
B_ALPHA = 0.25


def lcmcr_draws(
    ch: CaptureHistories,
    *,
    K: int = 10,
    burnin: int = 10_000,
    samples: int = 1_000,
    thin: int = 10,
    chains: int = 4,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(N draws, alpha draws, occupied classes), each shaped (chains, samples)."""
    idx, n_cap = prepare(ch.patterns())
    counts = ch.counts.astype(np.int64)
    outs = [
        run_chain(
            idx,
            n_cap,
            counts,
            ch.k,
            K,
            burnin,
            samples,
            thin,
            A_ALPHA,
            B_ALPHA,
            seed * 7919 + c + 1,
        )
        for c in range(chains)
    ]
    return tuple(np.stack([o[i] for o in outs]) for i in range(3))  # type: ignore[return-value]


def lcmcr_estimate(
    ch: CaptureHistories,
    *,
    K: int = 10,
    burnin: int = 10_000,
    samples: int = 1_000,
    thin: int = 10,
    chains: int = 4,
    seed: int = 0,
    level: float = 0.95,
) -> EstimateResult:
    """Posterior median of N with an equal-tailed credible interval."""
    if K < 1 or samples < 1 or thin < 1 or burnin < 0 or chains < 1:
        raise BadInput("--K, --samples, --thin and --chains must be >= 1 and --burnin >= 0")
    N, alpha, occ = lcmcr_draws(
        ch, K=K, burnin=burnin, samples=samples, thin=thin, chains=chains, seed=seed
    )
    pooled = N.ravel()
    a = (1 - level) / 2
    lo, med, hi = np.quantile(pooled, [a, 0.5, 1 - a])
    rhat = split_rhat(N) if chains > 1 else float("nan")
    ess = effective_sample_size(N)
    warnings = []
    if chains > 1 and not rhat < RHAT_WARN:
        warnings.append(
            f"chains disagree (R-hat {rhat:.2f} >= {RHAT_WARN}): run longer (--burnin, --samples)"
        )
    elif chains == 1:
        warnings.append("one chain: R-hat cannot be computed; use --chains 4")
    if ess < ESS_WARN:
        warnings.append(
            f"effective sample size {ess:.0f} < {ESS_WARN}: interval ends are imprecise; "
            "increase --samples or --thin"
        )
    if occ.mean() > 0.9 * K and K > 1:
        warnings.append(f"almost all {K} latent classes are used: raise --K (truncation may bind)")
    details = {
        "point": "posterior median",
        "interval": "equal-tailed credible interval",
        "posterior_mean": float(pooled.mean()),
        "K": K,
        "burnin": burnin,
        "samples": samples,
        "thin": thin,
        "chains": chains,
        "prior": f"alpha ~ Gamma({A_ALPHA}, {B_ALPHA}), lambda ~ Beta(1, 1), p(N) ~ 1/N",
        "rhat": rhat,
        "ess": ess,
        "alpha_mean": float(alpha.mean()),
        "occupied_classes_mean": float(occ.mean()),
        "reference": "Manrique-Vallier (2016), Biometrics 72:1246",
    }
    return EstimateResult(
        method=METHOD,
        observed=ch.observed,
        estimate=float(med),
        ci_low=float(lo),
        ci_high=float(hi),
        lists=list(ch.lists),
        ci_level=level,
        details=details,
        warnings=warnings,
        draws=pooled,
    )
