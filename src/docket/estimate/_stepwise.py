"""Stepwise log-linear MSE for sparse lists with a BCa bootstrap interval.

This is the method of Chan, Silverman and Vincent (2021, JASA 116:1297), written from its
description and the SparseMSE documentation so that its published estimates can be reproduced:

* start from main effects; at each step, for every two-list term not yet in, compare the number
  of people on both lists with its Poisson distribution under the current model (one-sided
  p-value, the smaller tail); add the term with the smallest p if p < pthresh (0.02), unless the
  enlarged model fails the existence (Fienberg-Rinaldo linear program) or identifiability (rank)
  checks;
* a term for two lists that share nobody is fitted at -inf by removing every cell containing both;
* interval: nonparametric bootstrap (multinomial resampling of the observed patterns, the whole
  selection rerun each time), bias-corrected and accelerated with a jackknife acceleration.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import numpy as np
from scipy import optimize, stats

from docket.errors import BadInput
from docket.estimate._glm import fit_poisson
from docket.estimate._histories import CaptureHistories
from docket.estimate._result import EstimateResult, not_estimable

METHOD = "stepwise"


def _pairs(k: int) -> list[tuple[int, int]]:
    return [(i, j) for i in range(k) for j in range(i + 1, k)]


class _Table:
    """One table's cells and the per-model design (with non-overlapping pairs' cells removed)."""

    def __init__(self, k: int, y: np.ndarray):
        self.k = k
        self.y = y.astype(np.float64)
        self.cells = np.arange(1, 2**k, dtype=np.int64)
        self.bits = ((self.cells[:, None] >> np.arange(k)) & 1).astype(np.float64)

    def overlap(self, pair: tuple[int, int]) -> float:
        i, j = pair
        return float((self.bits[:, i] * self.bits[:, j] * self.y).sum())

    def build(self, model: tuple[tuple[int, int], ...]) -> tuple[np.ndarray, np.ndarray]:
        keep = np.ones(len(self.cells), dtype=bool)
        cols = [np.ones(len(self.cells))] + [self.bits[:, j] for j in range(self.k)]
        for i, j in model:
            both = self.bits[:, i] * self.bits[:, j]
            if self.overlap((i, j)) == 0:
                keep &= both == 0
            else:
                cols.append(both)
        return np.stack(cols, axis=1)[keep], keep


@cache
def _lp_exists(A_bytes: bytes, shape: tuple[int, int], positive: bytes) -> bool:
    """Fienberg-Rinaldo: the MLE exists iff some strictly positive table has the same margins.

    Depends only on the design and which cells are positive, so results are cached across
    bootstrap replicates (which mostly share zero patterns).
    """
    A = np.frombuffer(A_bytes).reshape(shape)  # (cells, params)
    pos = np.frombuffer(positive, dtype=bool)
    t = A.T @ pos.astype(np.float64)  # margins of any table with this support, scaled
    n = A.shape[0]
    # variables: x (n), s; maximise s subject to A^T x = t, x_i >= s, x >= 0
    c = np.zeros(n + 1)
    c[-1] = -1.0
    A_eq = np.hstack([A.T, np.zeros((A.shape[1], 1))])
    A_ub = np.hstack([-np.eye(n), np.ones((n, 1))])
    res = optimize.linprog(
        c,
        A_ub=A_ub,
        b_ub=np.zeros(n),
        A_eq=A_eq,
        b_eq=t,
        bounds=[(0, None)] * (n + 1),
        method="highs",
    )
    return bool(res.status == 0 and -res.fun > 1e-9)


def _check(table: _Table, model: tuple[tuple[int, int], ...]) -> bool:
    X, keep = table.build(model)
    if np.linalg.matrix_rank(X) < X.shape[1]:
        return False
    pos = table.y[keep] > 0
    return _lp_exists(np.ascontiguousarray(X).tobytes(), X.shape, pos.tobytes())


def _fit(table: _Table, model: tuple[tuple[int, int], ...]) -> tuple[float, np.ndarray, np.ndarray]:
    X, keep = table.build(model)
    fit = fit_poisson(X, table.y[keep])
    return float(math.exp(fit.beta[0, 0])), fit.mu[0], keep


def stepwise_fit(
    k: int, y: np.ndarray, pthresh: float = 0.02
) -> tuple[tuple[tuple[int, int], ...], float]:
    """(chosen two-list terms, estimated unrecorded count) for the full table y (2**k - 1)."""
    table = _Table(k, y)
    model: tuple[tuple[int, int], ...] = ()
    n0, mu, keep = _fit(table, model)
    pairs = _pairs(k)
    nstar = [table.overlap(p) for p in pairs]
    for _ in pairs:
        pvals = np.ones(len(pairs))
        bits = table.bits[keep]
        for idx, (i, j) in enumerate(pairs):
            if (i, j) in model:
                continue
            lam = float((mu * bits[:, i] * bits[:, j]).sum())
            ns = nstar[idx]
            p = min(stats.poisson.cdf(ns, lam), stats.poisson.sf(ns - 1, lam))
            if p < pthresh and not _check(table, (*model, (i, j))):
                p = 1.0
            pvals[idx] = p
        best = int(np.argmin(pvals))
        if pvals[best] >= pthresh:
            break
        model = (*model, pairs[best])
        n0, mu, keep = _fit(table, model)
    return model, n0


def _bca(boot: np.ndarray, est: float, ahat: float, alpha: np.ndarray) -> np.ndarray:
    z0 = stats.norm.ppf(np.mean(boot < est))
    za = stats.norm.ppf(alpha)
    zq = stats.norm.cdf(z0 + (za + z0) / (1 - ahat * (za + z0)))
    return np.quantile(boot, zq, method="median_unbiased")  # R's quantile type 8


def read_resamples(path: str | Path, ch: CaptureHistories) -> np.ndarray:
    """Resamples saved as text (a '# patterns: 10000 01000 ...' line naming the columns, then
    one replicate per row), reordered to ``ch.cells`` for ``stepwise_bca_estimate``."""
    path = Path(path)
    lines = path.read_text().splitlines()  # read once: the header, then the numbers
    header = [line for line in lines if line.startswith("# patterns:")]
    if not header:
        raise BadInput(f"{path}: no '# patterns:' line naming the columns")
    codes = [sum(int(b) << j for j, b in enumerate(p)) for p in header[0].split(":")[1].split()]
    missing = [int(c) for c in ch.cells if int(c) not in codes]
    if missing:
        raise BadInput(f"{path}: no column for observed pattern code(s) {missing}")
    draws = np.loadtxt(lines, dtype=np.int64, comments="#", ndmin=2)
    return draws[:, [codes.index(int(c)) for c in ch.cells]]


def _checked_resamples(resamples: np.ndarray, n_patterns: int, n: int) -> np.ndarray:
    draws = np.asarray(resamples)
    if draws.ndim != 2 or draws.shape[1] != n_patterns:
        raise BadInput(f"resamples: expected replicates x {n_patterns} patterns, got {draws.shape}")
    if (draws < 0).any() or (draws != np.round(draws)).any() or (draws.sum(axis=1) != n).any():
        raise BadInput(f"resamples: every replicate must be non-negative counts summing to {n}")
    return draws.astype(np.int64)


def stepwise_bca_estimate(
    ch: CaptureHistories,
    *,
    pthresh: float = 0.02,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    resamples: np.ndarray | None = None,
) -> EstimateResult:
    """Point estimate by stepwise selection; BCa interval from a bootstrap rerunning it.

    ``resamples`` (replicates x observed patterns, columns in ``ch.cells`` order, each row
    summing to the recorded count) replaces the multinomial draws, so that a published run can
    be replayed on the resamples its software drew (R's generator cannot be reproduced here).
    """
    if ch.k > 12:
        return not_estimable(METHOD, ch.observed, list(ch.lists), "too many lists for a full table")
    k, n = ch.k, ch.observed
    y = ch.full_table()
    model, n0 = stepwise_fit(k, y, pthresh)
    est = n + n0
    rows, counts = ch.cells - 1, ch.counts
    if resamples is None:
        draws = np.random.default_rng(seed).multinomial(n, counts / n, size=n_boot)
    else:
        draws = _checked_resamples(resamples, len(rows), n)
        n_boot = len(draws)
    boot = np.empty(n_boot)
    for b in range(n_boot):
        yb = np.zeros_like(y)
        yb[rows] = draws[b]
        boot[b] = n + stepwise_fit(k, yb, pthresh)[1]
    jack = np.zeros(len(rows))
    for r in range(len(rows)):
        yj = y.copy()
        yj[rows[r]] -= 1
        jack[r] = n - 1 + stepwise_fit(k, yj, pthresh)[1]
    jr = (counts * jack).sum() / counts.sum() - jack
    ahat = float((counts * jr**3).sum() / (6 * (counts * jr**2).sum() ** 1.5))
    a = (1 - level) / 2
    lo, hi = _bca(boot, est, ahat, np.array([a, 1 - a])) if n_boot else (math.nan, math.nan)
    names = [f"{ch.lists[i]}:{ch.lists[j]}" for i, j in model]
    details = {
        "model": " + ".join(names) if names else "main effects (independence)",
        "pthresh": pthresh,
        "interval": "BCa bootstrap (selection rerun per replicate)",
        "bootstrap_replicates": n_boot,
        "resamples": "multinomial, numpy seed" if resamples is None else "supplied by caller",
        "acceleration": ahat,
        "reference": "Chan, Silverman and Vincent (2021), JASA 116:1297; SparseMSE",
    }
    return EstimateResult(
        method=METHOD,
        observed=n,
        estimate=est,
        ci_low=float(lo),
        ci_high=float(hi),
        lists=list(ch.lists),
        ci_level=level,
        details=details,
        draws=boot,
    )
