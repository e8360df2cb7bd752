"""Gibbs sampler for the LCMCR model (Manrique-Vallier 2016), compiled with numba.

Model: each person belongs to one of K* latent classes (stick-breaking prior with concentration
alpha ~ Gamma(a, b)); within class k, list j records them independently with probability
lambda[j, k] ~ Beta(1, 1). The unrecorded count n0 is augmented with prior p(N) ~ 1/N, which
makes n0 | rest negative binomial.

People with the same capture pattern are exchangeable, so their class labels given everything
else are a multinomial split of the pattern's count: we draw that split directly (sequential
binomials; one categorical draw when the count is 1). This is the same Markov chain as labelling
people one by one, at a cost that grows with distinct patterns rather than people.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _categorical(logp: np.ndarray, probs: np.ndarray) -> None:
    m = logp.max()
    s = 0.0
    for k in range(logp.shape[0]):
        probs[k] = np.exp(logp[k] - m)
        s += probs[k]
    for k in range(logp.shape[0]):
        probs[k] /= s


@njit(cache=True)
def _multinomial_into(n: int, probs: np.ndarray, out: np.ndarray) -> None:
    K = probs.shape[0]
    for k in range(K):
        out[k] = 0
    if n == 0:
        return
    if n == 1:
        u = np.random.random()
        acc = 0.0
        for k in range(K):
            acc += probs[k]
            if u < acc:
                out[k] = 1
                return
        out[K - 1] = 1
        return
    left = n
    rest = 1.0
    for k in range(K - 1):
        if left == 0:
            return
        p = probs[k] / rest if rest > 0 else 0.0
        if p >= 1.0:
            out[k] = left
            return
        if p > 0.0:
            x = np.random.binomial(left, p)
            out[k] = x
            left -= x
        rest -= probs[k]
    out[K - 1] = left


@njit(cache=True)
def run_chain(
    captured_idx: np.ndarray,  # (m, maxc) list indices recorded in each pattern, -1 padded
    n_captured: np.ndarray,  # (m,)
    counts: np.ndarray,  # (m,)
    J: int,
    K: int,
    burnin: int,
    samples: int,
    thin: int,
    a_alpha: float,
    b_alpha: float,
    seed: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Returns (N draws, alpha draws, occupied-class counts), one per kept sample."""
    np.random.seed(seed)
    m = counts.shape[0]
    n = 0
    for i in range(m):
        n += counts[i]
    lam = np.empty((J, K))
    for j in range(J):
        for k in range(K):
            lam[j, k] = np.random.beta(1.0, 1.0)
    alpha = 1.0
    V = np.empty(K)
    pi = np.empty(K)
    rem = 1.0
    for k in range(K - 1):
        V[k] = np.random.beta(1.0, alpha)
        pi[k] = V[k] * rem
        rem *= 1.0 - V[k]
    V[K - 1] = 1.0
    pi[K - 1] = rem

    loglam_diff = np.empty((J, K))
    base = np.empty(K)
    logp = np.empty(K)
    probs = np.empty(K)
    alloc = np.empty(K, dtype=np.int64)
    nk = np.empty(K, dtype=np.int64)
    s = np.empty((J, K), dtype=np.int64)
    base_lin = np.empty(K)
    odds = np.empty((J, K))
    # lambda is kept in [1e-10, 1 - 1e-10] below, so each factor is >= 1e-10: 30 lists at most
    # multiply to 1e-300, still a normal double.
    linear = J <= 30

    total = burnin + samples * thin
    out_n = np.empty(samples)
    out_alpha = np.empty(samples)
    out_occ = np.empty(samples)
    kept = 0
    for it in range(total):
        # log-probabilities shared by all patterns
        for k in range(K):
            acc = np.log(max(pi[k], 1e-300))
            for j in range(J):
                l1 = min(max(lam[j, k], 1e-10), 1.0 - 1e-10)
                l0 = 1.0 - l1
                lo = np.log(l0)
                acc += lo
                loglam_diff[j, k] = np.log(l1) - lo
            base[k] = acc
        for k in range(K):
            nk[k] = 0
            for j in range(J):
                s[j, k] = 0
        # class split of each observed pattern. In linear space (products of odds, no exp)
        # when there are few enough lists that no product can underflow; else in logs.
        if linear:
            for k in range(K):
                base_lin[k] = np.exp(base[k])
                for j in range(J):
                    odds[j, k] = np.exp(loglam_diff[j, k])
        for i in range(m):
            tot = 0.0
            if linear:
                for k in range(K):
                    v = base_lin[k]
                    for c in range(n_captured[i]):
                        v *= odds[captured_idx[i, c], k]
                    probs[k] = v
                    tot += v
            if tot > 1e-300 and tot < 1e300:
                for k in range(K):
                    probs[k] /= tot
            else:  # log space: many lists, or a product out of range
                for k in range(K):
                    v = base[k]
                    for c in range(n_captured[i]):
                        v += loglam_diff[captured_idx[i, c], k]
                    logp[k] = v
                _categorical(logp, probs)
            _multinomial_into(counts[i], probs, alloc)
            for k in range(K):
                a = alloc[k]
                if a > 0:
                    nk[k] += a
                    for c in range(n_captured[i]):
                        s[captured_idx[i, c], k] += a
        # unrecorded count, then its class split
        mx = base.max()
        p0s = 0.0
        for k in range(K):
            probs[k] = np.exp(base[k] - mx)
            p0s += probs[k]
        p0 = min(np.exp(mx) * p0s, 1.0 - 1e-12)
        for k in range(K):
            probs[k] /= p0s
        # n0 ~ NegBin(n, 1 - p0): a gamma-Poisson mixture
        n0 = np.random.poisson(np.random.gamma(n, p0 / (1.0 - p0))) if p0 > 0 else 0
        _multinomial_into(n0, probs, alloc)
        for k in range(K):
            nk[k] += alloc[k]
        # capture probabilities
        for j in range(J):
            for k in range(K):
                lam[j, k] = np.random.beta(1.0 + s[j, k], 1.0 + nk[k] - s[j, k])
        # stick-breaking weights
        tail = 0
        for k in range(K):
            tail += nk[k]
        rem = 1.0
        sum_log1mv = 0.0
        for k in range(K - 1):
            tail -= nk[k]
            V[k] = np.random.beta(1.0 + nk[k], alpha + tail)
            v1 = min(V[k], 1.0 - 1e-12)
            sum_log1mv += np.log(1.0 - v1)
            pi[k] = V[k] * rem
            rem *= 1.0 - V[k]
        pi[K - 1] = rem
        alpha = np.random.gamma(a_alpha + K - 1, 1.0 / (b_alpha - sum_log1mv))
        if it >= burnin and (it - burnin) % thin == thin - 1:
            out_n[kept] = n + n0
            out_alpha[kept] = alpha
            occ = 0
            for k in range(K):
                if nk[k] > 0:
                    occ += 1
            out_occ[kept] = occ
            kept += 1
    return out_n, out_alpha, out_occ


def prepare(patterns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pattern, the indices of lists that recorded it (padded with -1)."""
    n_cap = patterns.sum(axis=1).astype(np.int64)
    width = max(int(n_cap.max()), 1)
    idx = np.full((patterns.shape[0], width), -1, dtype=np.int64)
    for i, row in enumerate(patterns):
        where = np.flatnonzero(row)
        idx[i, : len(where)] = where
    return idx, n_cap
