"""Log-linear model averaging with strata as covariates (King et al. 2013 style).

Instead of estimating each stratum alone, the stratum variables (region, sex, age group ...)
enter one log-linear model as factors, so strata borrow strength: a list's dependence on another
can be shared across strata, and a list can record one sex more often than the other. The model
space is every model with all main effects and any subset of two-factor interactions (lists and
covariates alike), as in the conting package's `(S1 + ... + Age)^2`. Models are weighted by BIC,
which approximates the Bayes factor under a unit-information prior (Kass and Wasserman 1995),
the prior conting uses; the well-supported models are found by an Occam's-window search from
the best model rather than by enumerating (2**21 models for 4 lists and 3 covariates).
"""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
from scipy import stats

from docket.estimate._glm import fit_poisson
from docket.estimate._histories import CaptureHistories
from docket.estimate._intervals import mixture_interval
from docket.estimate._result import EstimateResult

METHOD = "loglinear-covariates"


class _Space:
    """Cells = (capture pattern incl. all-zero) x (covariate combination); factor columns."""

    def __init__(self, tables: dict[str, CaptureHistories], sep: str = "|"):
        keys = list(tables)
        first = tables[keys[0]]
        self.lists = first.lists
        k = first.k
        parts = [key.split(sep) for key in keys]
        n_cov = len(parts[0])
        self.levels = [sorted({p[i] for p in parts}) for i in range(n_cov)]
        rows, y, observed = [], [], []
        for key, p in zip(keys, parts, strict=True):
            table = np.zeros(2**k)
            table[1:] = tables[key].full_table()
            for cell in range(2**k):
                rows.append((cell, [self.levels[i].index(p[i]) for i in range(n_cov)]))
                y.append(table[cell])
                observed.append(cell != 0)
        self.y = np.array(y)
        self.observed = np.array(observed)
        # factor blocks: each list (one column), each covariate (levels - 1 dummy columns)
        self.blocks: list[np.ndarray] = []
        cells = np.array([r[0] for r in rows])
        for j in range(k):
            self.blocks.append(((cells >> j) & 1)[:, None].astype(float))
        for i in range(n_cov):
            lv = np.array([r[1][i] for r in rows])
            self.blocks.append(
                np.stack([(lv == v).astype(float) for v in range(1, len(self.levels[i]))], 1)
            )
        self.names = list(self.lists) + [f"stratum{i + 1}" for i in range(n_cov)]
        self.pairs = list(combinations(range(len(self.blocks)), 2))
        self.cov_pairs = [p for p in self.pairs if p[0] >= k]
        self.k = k

    def design(self, included: tuple[int, ...]) -> np.ndarray:
        cols = [np.ones((len(self.y), 1))] + self.blocks
        for idx in included:
            a, b = self.pairs[idx]
            A, B = self.blocks[a], self.blocks[b]
            cols.append((A[:, :, None] * B[:, None, :]).reshape(len(self.y), -1))
        return np.concatenate(cols, axis=1)


def _fit_many(space: _Space, models: list[tuple[int, ...]]) -> list[tuple[float, float, float]]:
    """(BIC, unobserved total, se of its log) per model."""
    out = []
    n = space.y[space.observed].sum()
    by_p: dict[int, list[tuple[int, ...]]] = {}
    designs = {m: space.design(m) for m in models}
    for m in models:
        by_p.setdefault(designs[m].shape[1], []).append(m)
    res: dict[tuple[int, ...], tuple[float, float, float]] = {}
    for ms in by_p.values():
        X = np.stack([designs[m][space.observed] for m in ms])
        fit = fit_poisson(X, space.y[space.observed])
        for i, m in enumerate(ms):
            Xu = designs[m][~space.observed]
            mu_u = np.exp(Xu @ fit.beta[i])
            total = float(mu_u.sum())
            Xo, mu = X[i], fit.mu[i]
            info = Xo.T @ (mu[:, None] * Xo)
            g = (mu_u[:, None] * Xu).sum(axis=0) / total
            var = float(g @ np.linalg.pinv(info, rcond=1e-10) @ g)
            bic = -2 * float(fit.loglik[i]) + X.shape[2] * math.log(n)
            res[m] = (bic, total, math.sqrt(max(var, 0.0)))
    out = [res[m] for m in models]
    return out


def covariate_model_average(
    tables: dict[str, CaptureHistories], *, window: float = 10.0, level: float = 0.95
) -> EstimateResult:
    """BIC-weighted average over models within `window` BIC points of the best one found."""
    space = _Space(tables)
    n = int(space.y[space.observed].sum())
    seen: dict[tuple[int, ...], tuple[float, float, float]] = {}

    def evaluate(models: list[tuple[int, ...]]) -> None:
        new = [m for m in models if m not in seen]
        for m, r in zip(new, _fit_many(space, new), strict=True):
            seen[m] = r

    def neighbours(m: tuple[int, ...]) -> list[tuple[int, ...]]:
        s = set(m)
        return [tuple(sorted(s ^ {i})) for i in range(len(space.pairs))]

    # greedy descent to a good model, then grow the window around it
    current: tuple[int, ...] = tuple(range(len(space.pairs)))
    evaluate([current])
    while True:
        nb = neighbours(current)
        evaluate(nb)
        best = min(nb, key=lambda m: seen[m][0])
        if seen[best][0] >= seen[current][0]:
            break
        current = best
    frontier = [current]
    expanded: set[tuple[int, ...]] = set()
    while frontier:
        m = frontier.pop()
        if m in expanded:
            continue
        expanded.add(m)
        nb = neighbours(m)
        evaluate(nb)
        best_bic = min(v[0] for v in seen.values())
        frontier += [x for x in nb if seen[x][0] - best_bic < window and x not in expanded]
    best_bic = min(v[0] for v in seen.values())
    kept = [m for m in seen if seen[m][0] - best_bic < window]
    bic = np.array([seen[m][0] for m in kept])
    w = np.exp(-0.5 * (bic - bic.min()))
    w /= w.sum()
    n0 = np.array([seen[m][1] for m in kept])
    se = np.array([seen[m][2] for m in kept])
    est = n + float((w * n0).sum())
    lo, hi = mixture_interval(n, n0, se, w, level)
    order = np.argsort(-w)[:5]

    def name(m: tuple[int, ...]) -> str:
        return " + ".join(
            f"{space.names[space.pairs[i][0]]}:{space.names[space.pairs[i][1]]}" for i in m
        )

    details = {
        "models_fitted": len(seen),
        "models_in_window": len(kept),
        "window_bic": window,
        "covariates": [f"stratum{i + 1}: {'/'.join(lv)}" for i, lv in enumerate(space.levels)],
        "interval": "mixture of per-model log-normal approximations",
        "top_models": [
            {"model": name(kept[i]), "weight": float(w[i]), "estimate": n + float(n0[i])}
            for i in order
        ],
        "prior_approximation": "BIC ~ unit-information prior (Kass and Wasserman 1995)",
        "z": float(stats.norm.ppf(0.5 + level / 2)),
    }
    return EstimateResult(
        method=METHOD,
        observed=n,
        estimate=est,
        ci_low=lo,
        ci_high=hi,
        lists=list(space.lists),
        ci_level=level,
        details=details,
    )
