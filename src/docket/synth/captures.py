"""SYNTHETIC capture histories with a known population size, for testing MSE methods.

Each scenario breaks one assumption the way real documentation projects do: people differ in
how visible they are (heterogeneity), one list feeds another (dependence), or lists are small and
barely overlap (sparsity). Every table's label starts with SYNTHETIC.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from docket.estimate import CaptureHistories, from_patterns


@dataclass(frozen=True)
class Scenario:
    name: str
    N: int
    description: str
    class_weights: tuple[float, ...]  # latent classes of people
    capture: tuple[tuple[float, ...], ...]  # per class, per list capture probability
    dependence: tuple[int, int, float] | None = None  # (from list, to list, prob if on "from")


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in [
        Scenario(
            "independent",
            2000,
            "4 lists, same capture probability for all, independent",
            (1.0,),
            ((0.2, 0.25, 0.15, 0.3),),
        ),
        Scenario(
            "heterogeneous",
            2000,
            "4 lists; a visible third (capture 0.4-0.5) and a less visible rest (0.12-0.2)",
            (0.35, 0.65),
            ((0.5, 0.4, 0.45, 0.4), (0.15, 0.12, 0.2, 0.14)),
        ),
        Scenario(
            "hidden_majority",
            2000,
            "4 lists; a visible quarter (0.4-0.5) and a barely visible majority (0.05-0.1)",
            (0.25, 0.75),
            ((0.5, 0.4, 0.45, 0.4), (0.08, 0.05, 0.1, 0.06)),
        ),
        Scenario(
            "dependent",
            2000,
            "4 lists; list B records 60% of those on list A but 10% of others",
            (1.0,),
            ((0.25, 0.1, 0.2, 0.15),),
            dependence=(0, 1, 0.6),
        ),
        Scenario(
            "small_lists",
            2000,
            "5 small lists (capture 0.02-0.08), sparse overlaps",
            (1.0,),
            ((0.05, 0.08, 0.03, 0.02, 0.06),),
        ),
    ]
}


def simulate(
    scenario: Scenario | str, seed: int = 0, N: int | None = None
) -> tuple[CaptureHistories, int]:
    """(capture histories of those recorded, true N). Deterministic for a seed."""
    sc = SCENARIOS[scenario] if isinstance(scenario, str) else scenario
    N = sc.N if N is None else N
    rng = np.random.default_rng(seed)
    J = len(sc.capture[0])
    cls = rng.choice(len(sc.class_weights), size=N, p=np.asarray(sc.class_weights))
    probs = np.asarray(sc.capture)[cls]  # (N, J)
    caught = rng.random((N, J)) < probs
    if sc.dependence is not None:
        a, b, p_dep = sc.dependence
        on_a = caught[:, a]
        caught[on_a, b] = rng.random(int(on_a.sum())) < p_dep
    seen = caught.any(axis=1)
    lists = [chr(ord("A") + j) for j in range(J)]
    ch = from_patterns(
        lists,
        caught[seen].astype(np.int64),
        np.ones(int(seen.sum()), dtype=np.int64),
        label=f"SYNTHETIC {sc.name} seed={seed} N={N}",
        allow_empty_lists=True,
    )
    return ch.drop_empty_lists(), N


def simulate_many_lists(J: int, N: int = 2000, seed: int = 0) -> CaptureHistories:
    """SYNTHETIC table with J lists and two latent classes, for sampler speed tests."""
    rng = np.random.default_rng(seed)
    sc = Scenario(
        f"{J}_lists",
        N,
        f"{J} lists, two classes",
        (0.3, 0.7),
        (tuple(rng.uniform(0.1, 0.3, J)), tuple(rng.uniform(0.01, 0.08, J))),
    )
    return simulate(sc, seed)[0]
