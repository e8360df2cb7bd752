"""`--method auto`: pick a method from the shape of the table, and say why in words."""

from __future__ import annotations

from itertools import combinations

from docket.estimate._histories import CaptureHistories
from docket.estimate._loglinear_fit import MAX_EXHAUSTIVE_LISTS


def sparsity(ch: CaptureHistories) -> dict[str, float | int]:
    """Share of empty cells and of list pairs sharing nobody (SparseMSE's warning signs)."""
    cells = 2**ch.k - 1 if ch.k <= 20 else None
    pats = ch.patterns()
    empty_pairs = 0
    for a, b in combinations(range(ch.k), 2):
        if int((pats[:, a] * pats[:, b] * ch.counts).sum()) == 0:
            empty_pairs += 1
    out: dict[str, float | int] = {
        "pairs_without_overlap": empty_pairs,
        "pairs": ch.k * (ch.k - 1) // 2,
    }
    if cells is not None:
        out["empty_cell_share"] = 1 - len(ch.cells) / cells
    return out


def choose_method(ch: CaptureHistories) -> tuple[str, str]:
    """(method, reason). Log-linear where all models can be compared and the table is dense
    enough for them; the latent-class model where lists are many or overlaps few, since its
    prior keeps estimates stable where log-linear fits become non-identifiable."""
    s = sparsity(ch)
    if ch.k == 2:
        return "loglinear", (
            "two lists allow only the independence model (Lincoln-Petersen); its assumption "
            "that the lists are independent cannot be checked from the data"
        )
    if ch.k > MAX_EXHAUSTIVE_LISTS:
        return "lcmcr", (
            f"{ch.k} lists: too many for an exhaustive log-linear search; the latent-class model "
            "(LCMCR) handles many lists and heterogeneous capture"
        )
    if s["pairs_without_overlap"] > 0 or s.get("empty_cell_share", 0) > 0.5:
        return "lcmcr", (
            f"sparse table ({s['pairs_without_overlap']} of {s['pairs']} pairs of lists share "
            f"nobody, {s.get('empty_cell_share', 0):.0%} of patterns empty): log-linear "
            "estimates are unstable here, the latent-class model is regularised by its prior"
        )
    return "loglinear", (
        f"{ch.k} lists with overlapping records: every hierarchical log-linear model can be "
        "compared (BIC), with profile-likelihood interval"
    )
