"""Uncertain pairs with Splink's match-weight breakdown, for a reviewer to decide."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd


def _level_weights(model: dict[str, Any]) -> dict[str, list[tuple[float, str]]]:
    """Per comparison: (log2 m/u, label) of each trained level; null levels weigh 0."""
    out: dict[str, list[tuple[float, str]]] = {}
    for comp in model["comparisons"]:
        levels = []
        for lv in comp["comparison_levels"]:
            label = lv.get("label_for_charts", lv["sql_condition"])
            m, u = lv.get("m_probability"), lv.get("u_probability")
            if lv.get("is_null_level"):
                levels.append((0.0, label))
            elif m and u:
                levels.append((math.log2(m / u), label))
        out[comp["output_column_name"]] = levels
    return out


def _level_of(weight: float, levels: list[tuple[float, str]]) -> str:
    """Splink 5 keeps each comparison's weight, not its level: find the level with that weight."""
    if not levels or weight != weight:
        return ""
    return min(levels, key=lambda wl: abs(wl[0] - weight))[1]


def breakdown(
    scored: pd.DataFrame,
    model: dict[str, Any],
    band: tuple[float, float],
    reviewed: list[tuple[str, str, bool]],
) -> pd.DataFrame:
    """Pairs with band[0] <= p < band[1], not yet reviewed, strongest first.

    Columns: id_l, id_r, match_probability, match_weight, and for each comparison
    `<name>_level` (the level's label) and `<name>_weight` (match weight, log2 Bayes factor,
    incl. term-frequency adjustment): the reasons for the score; with the prior they sum
    to match_weight.
    """
    p = scored["match_probability"].astype(float)
    sub = scored[(p >= band[0]) & (p < band[1])]
    done = {frozenset((a, b)) for a, b, _ in reviewed}
    if done:
        keep = [
            frozenset((str(a), str(b))) not in done
            for a, b in zip(sub["unique_id_l"], sub["unique_id_r"], strict=True)
        ]
        sub = sub[keep]
    levels = _level_weights(model)
    out = pd.DataFrame(
        {
            "id_l": sub["unique_id_l"].astype(str).to_numpy(),
            "id_r": sub["unique_id_r"].astype(str).to_numpy(),
            "match_probability": sub["match_probability"].astype(float).round(6).to_numpy(),
            "match_weight": sub["match_weight"].astype(float).round(4).to_numpy(),
        }
    )
    for name, lv in levels.items():
        mw = sub[f"mw_{name}"].astype(float).to_numpy()
        # a comparison has a handful of distinct weights: find each one's level once
        weights, which = np.unique(mw, return_inverse=True)
        labels = np.array([_level_of(w, lv) for w in weights], dtype=object)
        out[f"{name}_level"] = labels[which.reshape(-1)]
        tf_col = f"mw_tf_adj_{name}"
        if tf_col in sub.columns:
            mw = mw + sub[tf_col].astype(float).fillna(0.0).to_numpy()
        out[f"{name}_weight"] = np.round(mw, 3)
    out = out.sort_values(["match_probability", "id_l", "id_r"], ascending=[False, True, True])
    return out.reset_index(drop=True)


def prior_weight(model: dict[str, Any]) -> float:
    prob = model["probability_two_random_records_match"]
    return math.log2(prob / (1 - prob))
