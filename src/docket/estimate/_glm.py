"""Poisson GLM by IRLS, vectorised over many models or many replicate tables at once.

An exhaustive search over thousands of log-linear models, or a bootstrap over thousands of
tables, is a stack of small problems of the same shape; solving the stack in one numpy call per
iteration is what makes the 5-list search take well under a second instead of half a minute.

Sparse tables often have no finite MLE: some fitted cells tend to zero as parameters run to
-infinity (the extended MLE). IRLS follows that path (the fitted value of such a cell drops by
about e per iteration), so we iterate until those cells are numerically zero and report them;
whether the unobserved cell is still identifiable is decided afterwards from the cells that stay
positive.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln

ZERO_FIT = 1e-7  # a fitted value below this (with count 0) is treated as an extended-MLE zero
_SETTLING_FLOOR = ZERO_FIT * 1e-2


@dataclass
class GLMFit:
    beta: np.ndarray  # (B, p)
    mu: np.ndarray  # (B, C)
    deviance: np.ndarray  # (B,)
    loglik: np.ndarray  # (B,)
    converged: np.ndarray  # (B,) bool
    iterations: np.ndarray  # (B,)


def poisson_loglik(y: np.ndarray, mu: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(y > 0, y * np.log(np.maximum(mu, 1e-300)), 0.0) - mu - gammaln(y + 1.0)
    if mask is not None:
        term = np.where(mask, term, 0.0)
    return term.sum(axis=-1)


def _deviance(y: np.ndarray, mu: np.ndarray, mask: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(y > 0, y * np.log(y / np.maximum(mu, 1e-300)), 0.0) - (y - mu)
    return 2.0 * np.where(mask, term, 0.0).sum(axis=-1)


def fit_poisson(
    X: np.ndarray,
    y: np.ndarray,
    mask: np.ndarray | None = None,
    *,
    max_iter: int = 100,
    tol: float = 1e-10,
) -> GLMFit:
    """Fit B Poisson log-linear models. X: (B, C, p) or (C, p); y: (B, C) or (C,).

    ``mask`` (B, C) marks cells that are part of each problem (others are structural zeros,
    e.g. cells removed for a non-overlapping pair). Works on the not-yet-converged subset only.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    B = max(X.shape[0] if X.ndim == 3 else 1, y.shape[0] if y.ndim == 2 else 1)
    C, p = X.shape[-2], X.shape[-1]
    Xb = np.broadcast_to(X, (B, C, p)) if X.ndim == 2 else X
    yb = np.broadcast_to(y, (B, C)) if y.ndim == 1 else y
    if Xb.shape[0] != B:
        Xb = np.broadcast_to(Xb, (B, C, p))
    if yb.shape[0] != B:
        yb = np.broadcast_to(yb, (B, C))
    m = np.ones((B, C), dtype=bool) if mask is None else np.broadcast_to(mask, (B, C)).copy()
    mf = m.astype(np.float64)

    mu = np.where(m, yb + 0.1, 0.0)
    eta = np.log(np.maximum(mu, 1e-300))
    beta = np.zeros((B, p))
    dev = np.full(B, np.inf)
    converged = np.zeros(B, dtype=bool)
    iters = np.zeros(B, dtype=np.int64)
    active = np.arange(B)
    ridge = 1e-10 * np.eye(p)
    for it in range(max_iter):
        if active.size == 0:
            break
        Xa, ya, ma, mua, etaa = Xb[active], yb[active], mf[active], mu[active], eta[active]
        w = mua * ma
        with np.errstate(divide="ignore", invalid="ignore"):
            z = np.where(ma > 0, etaa + (ya - mua) / np.maximum(mua, 1e-300), 0.0)
        XtW = np.swapaxes(Xa, 1, 2) * w[:, None, :]
        A = XtW @ Xa + ridge
        b = (XtW @ z[:, :, None])[:, :, 0]
        try:
            new_beta = np.linalg.solve(A, b[:, :, None])[:, :, 0]
        except np.linalg.LinAlgError:
            new_beta = np.stack(
                [np.linalg.lstsq(a, bb, rcond=None)[0] for a, bb in zip(A, b, strict=True)]
            )
        new_eta = np.clip((Xa @ new_beta[:, :, None])[:, :, 0], -700.0, 50.0)
        new_mu = np.where(ma > 0, np.exp(new_eta), 0.0)
        # A zero cell still falling geometrically after a few steps is on its way to an
        # extended-MLE zero: fix it at zero now and go on with the rest (the facial set)
        # instead of following it down one factor of e per iteration.
        jumped = np.zeros(len(active), dtype=bool)
        if it >= 4:
            falling = (ya == 0) & (ma > 0) & (new_mu < 0.5 * mua) & (new_mu < 1e-3)
            if falling.any():
                ma = np.where(falling, 0.0, ma)
                mf[active] = ma
                new_mu = np.where(falling, 0.0, new_mu)
                jumped = falling.any(axis=1)
        new_dev = _deviance(ya, new_mu, ma > 0)
        beta[active], eta[active], mu[active] = new_beta, new_eta, new_mu
        iters[active] = it + 1
        small = np.abs(new_dev - dev[active]) / (np.abs(new_dev) + 0.1) < tol
        settling = ((ya == 0) & (ma > 0) & (new_mu > _SETTLING_FLOOR) & (new_mu < 0.95 * mua)).any(
            axis=1
        )
        dev[active] = new_dev
        done = small & ~settling & ~jumped
        converged[active[done]] = True
        active = active[~done]
    loglik = poisson_loglik(yb, mu, mf > 0)
    return GLMFit(
        beta=beta, mu=mu, deviance=dev, loglik=loglik, converged=converged, iterations=iters
    )


def facial_mask(y: np.ndarray, mu: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """Cells whose fitted value stays positive (the facial set of the extended MLE)."""
    keep = (y > 0) | (mu > ZERO_FIT)
    return keep if mask is None else keep & mask


def identifiable_zero_cell(X: np.ndarray, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Is the all-zero cell's predictor (1, 0, ..., 0) in the row space of the kept rows?

    Returns (identifiable (B,), rank of kept rows (B,)), the rank being the effective number of
    parameters. Batched through SVD of the masked design.
    """
    Xb = X if X.ndim == 3 else X[None]
    keep = np.atleast_2d(keep)
    B = max(Xb.shape[0], keep.shape[0])
    Xm = np.broadcast_to(Xb, (B, *Xb.shape[1:])) * keep[:, :, None]
    # One SVD: the right singular vectors with non-zero singular values span the row space.
    _, sv, vt = np.linalg.svd(Xm, full_matrices=False)
    tol = sv.max(axis=1, keepdims=True) * max(Xm.shape[1:]) * 1e-10
    live = sv > tol
    rank = live.sum(axis=1)
    # projection of e0 = (1, 0, ..., 0) onto the row space: its squared length is sum v[i, 0]^2
    proj = (np.where(live, vt[:, :, 0], 0.0) ** 2).sum(axis=1)
    return proj > 1 - 1e-8, rank
