"""Intervals for N under a chosen log-linear model: profile likelihood, parametric bootstrap,
and the model-averaged mixture.

Profile likelihood (Cormack 1992, as in Rcapture): treat N as the parameter of a multinomial over
all 2**k cells, fill the unobserved cell with N - n, refit, and keep every N whose likelihood is
within chi2(1) of the best. It is asymmetric like the uncertainty itself, and it can say "no upper
limit", which a Wald interval never does.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import optimize, stats
from scipy.special import gammaln

from docket.estimate._glm import facial_mask, fit_poisson, identifiable_zero_cell
from docket.estimate._histories import CaptureHistories
from docket.estimate._models import Model, design


def _profile_loglik(ch: CaptureHistories, model: Model):
    k, n = ch.k, ch.observed
    y_obs = ch.full_table().astype(np.float64)
    X = design(k, model, include_zero=True)

    def ell(N: float) -> float:
        y = np.concatenate([[max(N - n, 0.0)], y_obs])
        mu = fit_poisson(X, y).mu[0]
        with np.errstate(divide="ignore", invalid="ignore"):
            s = np.where(y > 0, y * np.log(np.maximum(mu, 1e-300) / N), 0.0).sum()
        return float(gammaln(N + 1) - gammaln(N - n + 1) + s)

    return ell


def profile_interval(
    ch: CaptureHistories, model: Model, estimate: float, level: float = 0.95
) -> tuple[float, float]:
    """(low, high) for N; high is inf when the likelihood never falls far enough (unbounded)."""
    n = ch.observed
    ell = _profile_loglik(ch, model)
    span = max(estimate - n, 1.0)
    opt = optimize.minimize_scalar(
        lambda N: -ell(N),
        bounds=(n, n + 6 * span + 10),
        method="bounded",
        options={"xatol": 1e-4 * span},
    )
    best = -opt.fun
    cut = stats.chi2.ppf(level, 1) / 2

    def gap(N: float) -> float:
        return best - ell(N) - cut

    at = float(opt.x)
    low = float(n) if gap(n) <= 0 else optimize.brentq(gap, n, at, xtol=1e-6 * span)
    hi = at + span
    limit = n + 1e6 * span
    while gap(hi) <= 0:
        if hi > limit:
            return low, math.inf
        hi = n + 2 * (hi - n)
    high = optimize.brentq(gap, at, hi, xtol=1e-6 * span)
    return low, high


def parametric_bootstrap(
    ch: CaptureHistories, model: Model, unobserved: float, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Draws of N-hat from tables simulated under the fitted model (inf where not identifiable)."""
    k, n = ch.k, ch.observed
    y = ch.full_table().astype(np.float64)
    X = design(k, model)
    mu_obs = fit_poisson(X, y).mu[0]
    total = n + unobserved
    probs = np.concatenate([[unobserved], mu_obs]) / (unobserved + mu_obs.sum())
    sims = rng.multinomial(int(round(total)), probs, size=n_boot)[:, 1:].astype(np.float64)
    fit = fit_poisson(X, sims)
    keep = facial_mask(sims, fit.mu)
    ident, _ = identifiable_zero_cell(X, keep)
    with np.errstate(over="ignore"):
        n0 = np.exp(fit.beta[:, 0])
    out = sims.sum(axis=1) + n0
    out[~ident | ~np.isfinite(out)] = math.inf
    return out


def percentile_interval(draws: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """Equal-tailed percentile interval; infinite draws (no finite estimate) count as +inf."""
    a = (1 - level) / 2
    big = 1e300
    d = np.where(np.isfinite(draws), draws, big)
    lo, hi = (float(q) for q in np.quantile(d, [a, 1 - a]))
    return (lo if lo < 1e200 else math.inf), (hi if hi < 1e200 else math.inf)


def mixture_interval(
    observed: int, unobserved: np.ndarray, se_log: np.ndarray, weights: np.ndarray, level: float
) -> tuple[float, float]:
    """Quantiles of a weighted mixture of log-normal distributions for the unobserved count."""
    ok = np.isfinite(se_log) & (se_log > 0) & (unobserved > 0)
    w = weights[ok] / weights[ok].sum()
    mu, sd = np.log(unobserved[ok]), se_log[ok]

    def cdf(x: float) -> float:
        return float((w * stats.norm.cdf((x - mu) / sd)).sum())

    a = (1 - level) / 2
    lo_b, hi_b = float((mu - 10 * sd).min()), float((mu + 10 * sd).max())
    q_lo = optimize.brentq(lambda x: cdf(x) - a, lo_b, hi_b)
    q_hi = optimize.brentq(lambda x: cdf(x) - (1 - a), lo_b, hi_b)
    return observed + math.exp(q_lo), observed + math.exp(q_hi)
