"""Hierarchical log-linear models over k lists: enumeration and design matrices.

A model is a tuple of interaction terms, each a bitmask of >= 2 lists; main effects and the
intercept are always in. Hierarchical means every sub-interaction of a term is in too. The
k-way term is never allowed: with the all-zero cell unobserved it would make N unidentifiable.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

import numpy as np

Model = tuple[int, ...]


def bits(mask: int) -> list[int]:
    return [j for j in range(mask.bit_length()) if mask >> j & 1]


def term_name(mask: int, lists: Sequence[str]) -> str:
    return ":".join(lists[j] for j in bits(mask))


def model_name(model: Model, lists: Sequence[str]) -> str:
    """Rcapture-style name, e.g. '[A:B][C]'-like but simpler: main effects + terms."""
    if not model:
        return "main effects (independence)"
    return " + ".join(term_name(t, lists) for t in model)


def _terms(k: int, size: int) -> list[int]:
    return [sum(1 << j for j in c) for c in combinations(range(k), size)]


def _parents_present(term: int, chosen: set[int]) -> bool:
    if bin(term).count("1") == 2:
        return True
    return all((term & ~(1 << j)) in chosen for j in bits(term))


def hierarchical_models(k: int, max_order: int | None = None) -> Iterator[Model]:
    """Every hierarchical model with all main effects and interactions up to max_order (<= k-1).

    Level by level: at each order only terms whose sub-terms are all present can be chosen, so
    the enumeration visits exactly the valid models (6,893 of them for 5 lists, 3-way and 4-way
    interactions included) without filtering a larger set.
    """
    top = k - 1 if max_order is None else min(max_order, k - 1)

    def rec(order: int, chosen: list[int]) -> Iterator[Model]:
        if order > top:
            yield tuple(chosen)
            return
        chosen_set = set(chosen)
        eligible = [t for t in _terms(k, order) if _parents_present(t, chosen_set)]
        if not eligible:
            yield tuple(chosen)
            return
        for r in range(1 << len(eligible)):
            picked = [t for i, t in enumerate(eligible) if r >> i & 1]
            if not picked:
                yield tuple(chosen)
            else:
                yield from rec(order + 1, chosen + picked)

    yield from rec(2, [])


def cell_codes(k: int, *, include_zero: bool = False) -> np.ndarray:
    start = 0 if include_zero else 1
    return np.arange(start, 2**k, dtype=np.int64)


def design(k: int, model: Model, *, include_zero: bool = False) -> np.ndarray:
    """Columns: intercept, k main effects, one per term; rows: cells (0/1 corner-point coding).

    With this coding the all-zero cell's linear predictor is the intercept alone, so the
    estimate of the unobserved count is exp(intercept).
    """
    cells = cell_codes(k, include_zero=include_zero)
    cols = [np.ones_like(cells)]
    cols += [(cells >> j) & 1 for j in range(k)]
    cols += [((cells & t) == t).astype(np.int64) for t in model]
    return np.stack(cols, axis=1).astype(np.float64)


def addable_terms(k: int, model: Model, max_order: int) -> list[int]:
    """Terms that keep the model hierarchical when added (used by the stepwise search)."""
    present = set(model)
    out = []
    for size in range(2, min(max_order, k - 1) + 1):
        for t in _terms(k, size):
            if t not in present and _parents_present(t, present):
                out.append(t)
    return out


def removable_terms(model: Model) -> list[int]:
    """Terms no other term in the model contains."""
    return [t for t in model if not any(o != t and (o & t) == t for o in model)]
