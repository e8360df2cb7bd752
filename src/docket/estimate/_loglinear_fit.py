"""Fitting sets of log-linear models to one table, and searching the model space.

Exhaustive search fits every hierarchical model at once (grouped by size, one batched IRLS per
group). Above 5 lists the space explodes (millions of models), so a bidirectional stepwise
search by the same criterion is used: add any term that keeps the model hierarchical or drop any
term nothing else contains, whichever improves the criterion most, until nothing does.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from docket.estimate._glm import facial_mask, fit_poisson, identifiable_zero_cell
from docket.estimate._histories import CaptureHistories
from docket.estimate._models import (
    Model,
    addable_terms,
    cell_codes,
    hierarchical_models,
    model_name,
    removable_terms,
)

MAX_EXHAUSTIVE_LISTS = 5
MAX_LOGLINEAR_LISTS = 12


@dataclass
class ModelFit:
    model: Model
    lists: tuple[str, ...]
    loglik: float
    n_params: int  # every parameter of the model, including any the extended MLE sends to -inf
    effective_params: int  # rank of the design on the cells that stay positive
    aic: float
    bic: float
    unobserved: float  # estimated unrecorded count; nan when not identifiable
    identifiable: bool
    zero_cells: int  # cells the extended MLE sets to zero

    @property
    def name(self) -> str:
        return model_name(self.model, self.lists)

    @property
    def estimate(self) -> float:
        return math.nan if not self.identifiable else self.unobserved

    def criterion(self, which: str) -> float:
        return self.bic if which == "bic" else self.aic


def fit_models(ch: CaptureHistories, models: Iterable[Model]) -> list[ModelFit]:
    """Fit each model to the observed cells; batched by number of parameters."""
    k, y = ch.k, ch.full_table().astype(np.float64)
    logn = math.log(ch.observed)
    groups: dict[int, list[Model]] = {}
    for m in models:
        groups.setdefault(len(m), []).append(m)
    out: list[ModelFit] = []
    columns = _term_columns(k)
    for ms in groups.values():
        X = _designs(k, ms, columns)
        fit = fit_poisson(X, y)
        keep = facial_mask(y[None, :], fit.mu)
        # Only models with cells sent to zero can lose identifiability or rank; check those.
        ident = np.ones(len(ms), dtype=bool)
        rank = np.full(len(ms), X.shape[2])
        odd = np.flatnonzero(~keep.all(axis=1))
        if odd.size:
            ident[odd], rank[odd] = identifiable_zero_cell(X[odd], keep[odd])
        with np.errstate(over="ignore"):
            n0 = np.exp(fit.beta[:, 0])
        for i, m in enumerate(ms):
            ll = float(fit.loglik[i])
            # Penalise every parameter, as SparseMSE does: a term for two lists that share
            # nobody fits its empty cells perfectly (at -inf) and must not come for free.
            p = X.shape[2]
            ok = bool(ident[i]) and bool(np.isfinite(n0[i])) and n0[i] < 1e12
            out.append(
                ModelFit(
                    model=m,
                    lists=ch.lists,
                    loglik=ll,
                    n_params=p,
                    effective_params=int(rank[i]),
                    aic=-2 * ll + 2 * p,
                    bic=-2 * ll + p * logn,
                    unobserved=float(n0[i]) if ok else math.nan,
                    identifiable=ok,
                    zero_cells=int((~keep[i]).sum()),
                )
            )
    return out


@cache
def _term_columns(k: int) -> dict[int, np.ndarray]:
    """The 0/1 column of every possible term over the observed cells, computed once per k."""
    cells = cell_codes(k)
    return {t: ((cells & t) == t).astype(np.float64) for t in range(1, 2**k)}


def _designs(k: int, models: list[Model], columns: dict[int, np.ndarray]) -> np.ndarray:
    """Stack the designs of same-size models (intercept, main effects, terms) as (B, C, p)."""
    fixed = [0] + [1 << j for j in range(k)]  # 0 stands for the intercept
    full = np.stack([np.ones(2**k - 1)] + [columns[t] for t in range(1, 2**k)], axis=1)
    idx = np.array([fixed + list(m) for m in models], dtype=np.int64)  # (B, p)
    return np.ascontiguousarray(np.moveaxis(full[:, idx], 0, 1))


def se_log_unobserved(ch: CaptureHistories, models: Sequence[Model]) -> np.ndarray:
    """Standard error of log(unobserved) (= of the intercept) per model, from the Fisher
    information on the cells that stay positive; fitted in batches like the search."""
    k, y = ch.k, ch.full_table().astype(np.float64)
    out = np.full(len(models), math.nan)
    groups: dict[int, list[int]] = {}
    for i, m in enumerate(models):
        groups.setdefault(len(m), []).append(i)
    columns = _term_columns(k)
    for idx in groups.values():
        X = _designs(k, [models[i] for i in idx], columns)
        mu = fit_poisson(X, y).mu
        w = np.where(facial_mask(y[None, :], mu), mu, 0.0)
        info = np.einsum("bcp,bc,bcq->bpq", X, w, X)
        var = np.linalg.pinv(info, rcond=1e-10)[:, 0, 0]
        out[idx] = np.sqrt(np.where(var > 0, var, np.nan))
    return out


@cache
def _all_models(k: int, max_order: int | None) -> tuple[Model, ...]:
    return tuple(hierarchical_models(k, max_order))


def exhaustive_search(ch: CaptureHistories, max_order: int | None) -> list[ModelFit]:
    return fit_models(ch, _all_models(ch.k, max_order))


def stepwise_search(
    ch: CaptureHistories, criterion: str, max_order: int | None, start: Model = ()
) -> tuple[list[ModelFit], list[str]]:
    """Greedy bidirectional search; returns every model fitted and the path taken."""
    top = ch.k - 1 if max_order is None else min(max_order, ch.k - 1)
    seen: dict[Model, ModelFit] = {}

    def norm(m: Sequence[int]) -> Model:
        return tuple(sorted(m, key=lambda t: (bin(t).count("1"), t)))

    current = norm(start)
    for f in fit_models(ch, [current]):
        seen[f.model] = f
    path = [seen[current].name]
    for _ in range(500):
        cands = [norm((*current, t)) for t in addable_terms(ch.k, current, top)]
        cands += [norm(tuple(x for x in current if x != t)) for t in removable_terms(current)]
        new = [c for c in cands if c not in seen]
        for f in fit_models(ch, new):
            seen[f.model] = f
        best = min(
            (seen[c] for c in cands if seen[c].identifiable),
            key=lambda f: f.criterion(criterion),
            default=None,
        )
        if best is None or best.criterion(criterion) >= seen[current].criterion(criterion) - 1e-9:
            break
        current = best.model
        path.append(best.name)
    return list(seen.values()), path
