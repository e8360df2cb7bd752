"""MCMC convergence diagnostics: split R-hat and effective sample size (Gelman et al., BDA3 ch. 11;
the multi-chain autocorrelation estimator with Geyer's initial monotone sequence, as in Stan).
"""

from __future__ import annotations

import numpy as np

RHAT_WARN = 1.05
ESS_WARN = 400


def _split(draws: np.ndarray) -> np.ndarray:
    draws = np.atleast_2d(np.asarray(draws, dtype=np.float64))
    half = draws.shape[1] // 2
    return np.concatenate([draws[:, :half], draws[:, half : 2 * half]], axis=0)


def split_rhat(draws: np.ndarray) -> float:
    """draws: (chains, samples). Near 1 when chains (and their halves) agree."""
    x = _split(draws)
    m, n = x.shape
    if n < 2:
        return float("nan")
    means = x.mean(axis=1)
    W = x.var(axis=1, ddof=1).mean()
    B = n * means.var(ddof=1)
    if W == 0:
        return 1.0 if B == 0 else float("inf")
    var_plus = (n - 1) / n * W + B / n
    return float(np.sqrt(var_plus / W))


def _autocov(x: np.ndarray) -> np.ndarray:
    n = x.shape[-1]
    size = 1 << (2 * n - 1).bit_length()
    f = np.fft.rfft(x - x.mean(axis=-1, keepdims=True), size, axis=-1)
    ac = np.fft.irfft(f * np.conj(f), size, axis=-1)[..., :n]
    return ac / n


def effective_sample_size(draws: np.ndarray) -> float:
    """Effective number of independent draws across all chains."""
    x = _split(draws)
    m, n = x.shape
    if n < 4:
        return float(m * n)
    acov = _autocov(x)
    W = x.var(axis=1, ddof=1).mean()
    var_plus = (n - 1) / n * W + x.mean(axis=1).var(ddof=1) if m > 1 else W
    if var_plus <= 0:
        return float(m * n)
    rho = 1.0 - (W - acov.mean(axis=0)) / var_plus
    rho[0] = 1.0
    # Geyer: sum pairs while positive, forcing them monotone non-increasing
    total, prev = 0.0, np.inf
    t = 0
    while t + 1 < n:
        pair = rho[t] + rho[t + 1]
        if pair <= 0:
            break
        pair = min(pair, prev)
        total += pair
        prev = pair
        t += 2
    tau = -1.0 + 2.0 * total
    return float(m * n / max(tau, 1.0 / np.log10(m * n + 10)))
