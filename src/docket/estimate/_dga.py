"""Bayesian model averaging over decomposable graphical models (Madigan and York 1997).

Each decomposable graph on the lists is a log-linear model whose hyper-Dirichlet posterior has a
closed form (products over cliques divided by products over separators), so the joint posterior
of (graph, unrecorded count) can be computed exactly on a grid of counts, with no MCMC. The same
formulas as the R package dga: Dirichlet parameter delta per cell (default 2**-k, a prior worth
one observation), prior p(N) ~ 1/N (or any log prior passed in), uniform prior over graphs.
Besides the median and interval, the posterior mode and Madigan and York's Bayes estimate under
relative squared-error loss (E[1/N] / E[1/N^2]) are reported, overall and per top graph.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from itertools import combinations

import numpy as np
from scipy.special import gammaln, logsumexp

from docket.estimate._histories import CaptureHistories
from docket.estimate._result import EstimateResult, not_estimable

METHOD = "dga"
MAX_LISTS = 5
MAX_GRID = 20_000


def _maximal_cliques(k: int, edges: frozenset[tuple[int, int]]) -> list[int]:
    def complete(mask: int) -> bool:
        vs = [j for j in range(k) if mask >> j & 1]
        return all((a, b) in edges for a, b in combinations(vs, 2))

    comp = [m for m in range(1, 1 << k) if complete(m)]
    return [m for m in comp if not any(o != m and (o & m) == m for o in comp)]


@cache
def decomposable_graphs(
    k: int,
) -> tuple[tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...]], ...]:
    """(edges, cliques, separators) of every decomposable graph on k vertices (822 for k=5).

    A graph is decomposable (chordal) exactly when a maximum-weight spanning tree of its clique
    intersection graph is a junction tree: sum |C| - sum |S| = k. The tree's edges are the
    separators (empty ones join disconnected parts).
    """
    pairs = list(combinations(range(k), 2))
    out = []
    for r in range(1 << len(pairs)):
        edges = frozenset(p for i, p in enumerate(pairs) if r >> i & 1)
        cliques = _maximal_cliques(k, edges)
        # Prim's algorithm on intersection sizes
        in_tree = [cliques[0]]
        rest = cliques[1:]
        seps = []
        while rest:
            best = max(
                ((bin(a & b).count("1"), a & b, b) for a in in_tree for b in rest),
                key=lambda t: t[0],
            )
            seps.append(best[1])
            in_tree.append(best[2])
            rest.remove(best[2])
        size = sum(bin(c).count("1") for c in cliques) - sum(bin(s).count("1") for s in seps)
        if size == k:
            out.append((tuple(sorted(edges)), tuple(cliques), tuple(seps)))
    return tuple(out)


def _marginal_terms(ch: CaptureHistories, n0: np.ndarray, delta: float) -> dict[int, np.ndarray]:
    """For each vertex set T: sum over its marginal cells of lgamma(count + a_T) - lgamma(a_T),
    as a function of the unrecorded count (which only enters the all-absent marginal cell)."""
    k, pats, counts = ch.k, ch.patterns(), ch.counts
    out: dict[int, np.ndarray] = {}
    for T in range(1 << k):
        idx = [j for j in range(k) if T >> j & 1]
        a_T = delta * 2 ** (k - len(idx))
        codes = (
            (pats[:, idx] << np.arange(len(idx))).sum(axis=1) if idx else np.zeros(len(counts), int)
        )
        marg = np.bincount(codes, weights=counts, minlength=2 ** len(idx))
        fixed = float((gammaln(marg[1:] + a_T) - gammaln(a_T)).sum())
        out[T] = fixed + gammaln(marg[0] + n0 + a_T) - gammaln(a_T)
    return out


def negative_binomial_log_prior(a: float, b: float) -> Callable[[np.ndarray], np.ndarray]:
    """log p(N) for N ~ negative binomial with mean a*b (Madigan and York's informative prior)."""

    def log_prior(N: np.ndarray) -> np.ndarray:
        return N * np.log(b) - (N + a) * np.log1p(b) + gammaln(N + a) - gammaln(N + 1) - gammaln(a)

    return log_prior


def _summaries(N: np.ndarray, weights: np.ndarray) -> dict[str, float]:
    """Posterior mode and the Bayes estimate under relative squared-error loss."""
    return {
        "posterior_mode": float(N[int(np.argmax(weights))]),
        "bayes_relative_loss": float((weights / N).sum() / (weights / N**2).sum()),
    }


def dga_estimate(
    ch: CaptureHistories,
    *,
    level: float = 0.95,
    max_n_factor: float = 20.0,
    delta: float | None = None,
    seed: int = 0,
    n_draws: int = 4000,
    log_prior: Callable[[np.ndarray], np.ndarray] | None = None,
) -> EstimateResult:
    """Posterior median and credible interval for N, averaged over all decomposable graphs.

    ``log_prior(N)`` is log p(N) up to a constant (default -log N).
    """
    k, n = ch.k, ch.observed
    if k > MAX_LISTS:
        return not_estimable(
            METHOD,
            n,
            list(ch.lists),
            f"{k} lists: decomposable-graph averaging is limited to {MAX_LISTS} lists here",
        )
    delta = 2.0**-k if delta is None else delta
    top = int(max(max_n_factor * n, 100))
    step = max(1, top // MAX_GRID)
    n0 = np.arange(0, top + 1, step, dtype=np.float64)
    N = n + n0
    terms = _marginal_terms(ch, n0, delta)
    A = delta * 2**k
    D = gammaln(A) - gammaln(N + A)
    prior = -np.log(N) if log_prior is None else log_prior(N)
    common = D + gammaln(N + 1) - gammaln(n0 + 1) + prior
    graphs = decomposable_graphs(k)
    logw = np.empty((len(graphs), n0.size))
    for g, (_, cliques, seps) in enumerate(graphs):
        acc = common.copy()
        for c in cliques:
            acc += terms[c]
        for s in seps:
            acc -= terms[s]
        logw[g] = acc
    logw -= logsumexp(logw)
    post_n0 = np.exp(logsumexp(logw, axis=0))
    post_graph = np.exp(logsumexp(logw, axis=1))
    tail = post_n0[n0 >= 0.9 * top].sum()
    lists = list(ch.lists)
    order = np.argsort(-post_graph)[:5]
    details = {
        "graphs": len(graphs),
        "delta": delta,
        "prior": ("p(N) ~ 1/N" if log_prior is None else "p(N) supplied") + ", uniform over graphs",
        "grid_max_unrecorded": top,
        "grid_step": step,
        "top_graphs": [
            {
                "edges": [f"{lists[a]}-{lists[b]}" for a, b in graphs[i][0]] or ["none"],
                "posterior": float(post_graph[i]),
                **_summaries(N, np.exp(logw[i] - logw[i].max())),
            }
            for i in order
        ],
        "reference": "Madigan and York (1997), Biometrika 84:19; R package dga",
    }
    if tail > 1e-3:
        return not_estimable(
            METHOD,
            n,
            lists,
            f"the posterior of the unrecorded count does not vanish by {top:,} "
            f"({tail:.1%} of it lies in the last tenth of the range): the lists overlap too "
            "little to bound the estimate",
            **details,
        )
    cdf = np.cumsum(post_n0)
    a = (1 - level) / 2
    lo, med, hi = (n + n0[min(np.searchsorted(cdf, q), n0.size - 1)] for q in (a, 0.5, 1 - a))
    rng = np.random.default_rng(seed)
    draws = n + rng.choice(n0, size=n_draws, p=post_n0 / post_n0.sum())
    details["posterior_mean"] = float((N * post_n0).sum())
    details.update(_summaries(N, post_n0))
    details["point"] = "posterior median"
    return EstimateResult(
        method=METHOD,
        observed=n,
        estimate=float(med),
        ci_low=float(lo),
        ci_high=float(hi),
        lists=lists,
        ci_level=level,
        details=details,
        draws=draws,
    )
