"""Clusters from scored pairs, honouring reviewed decisions.

An accepted pair is always in one cluster; a rejected pair never is, not even through a chain
of other links (A-C-B). Without rejections this is plain connected components at the
threshold; components holding a rejected pair are rebuilt greedily, strongest link first,
refusing any merge that would join a rejected pair.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from docket.errors import DocketError

Pair = tuple[str, str]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        return min(ra, rb)


def cluster_pairs(
    ids: pd.Series,
    pairs: pd.DataFrame,
    threshold: float,
    accepted: Iterable[Pair] = (),
    rejected: Iterable[Pair] = (),
    avoid: Iterable[Pair] = (),
) -> pd.DataFrame:
    """ids: record ids in input order; pairs: id_l, id_r, match_probability.

    avoid: pairs the model scored as clear non-matches; like rejected pairs they are not put
    in one cluster through a chain of other links, but a reviewer's acceptance overrides them.

    Returns record_id, cluster_id (smallest record id in the cluster), match_probability
    (highest link that holds the record in its cluster; NaN for singletons).
    """
    ids_arr = np.asarray(ids.astype(str), dtype=object)
    index = pd.Index(ids_arr, dtype=object)
    n = len(ids_arr)
    acc = [(a, b) for a, b in accepted if a in index and b in index]
    rej = {frozenset((a, b)) for a, b in rejected if a in index and b in index}
    soft = {frozenset((a, b)) for a, b in avoid if a in index and b in index} - rej
    for a, b in acc:
        if frozenset((a, b)) in rej:
            raise DocketError(f"reviewed decisions contradict: {a} and {b} accepted and rejected")

    strong = pairs[pairs["match_probability"] >= threshold]
    edges = pd.DataFrame(
        {
            "l": _positions(index, strong["id_l"]),
            "r": _positions(index, strong["id_r"]),
            "p": strong["match_probability"].to_numpy(dtype=float),
        }
    )
    edges = edges[(edges["l"] >= 0) & (edges["r"] >= 0)]
    if acc:
        edges = pd.concat(
            [
                edges,
                pd.DataFrame(
                    {
                        "l": [index.get_loc(a) for a, _ in acc],
                        "r": [index.get_loc(b) for _, b in acc],
                        "p": 1.0,
                        "must": True,
                    }
                ),
            ],
            ignore_index=True,
        )
    edges["must"] = edges.get("must", False)
    edges["must"] = edges["must"].fillna(False).astype(bool)
    if rej:
        key = [
            frozenset((ids_arr[a], ids_arr[b])) for a, b in zip(edges["l"], edges["r"], strict=True)
        ]
        edges = edges[[k not in rej for k in key]].reset_index(drop=True)

    graph = coo_matrix((np.ones(len(edges)), (edges["l"], edges["r"])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    if rej or soft:
        labels = _split_rejected(ids_arr, index, labels, edges, rej, soft)

    return _finish(ids_arr, labels, edges)


def _positions(index: pd.Index, values: pd.Series) -> np.ndarray:
    return index.get_indexer(np.asarray(values.astype(str), dtype=object))


def _split_rejected(ids, index, labels, edges, rej, soft) -> np.ndarray:
    labels = labels.copy()
    pos = {p: tuple(index.get_loc(x) for x in sorted(p)) for p in rej | soft}
    # only components that hold both ends of a forbidden pair need rebuilding
    bad = {labels[a] for a, b in pos.values() if labels[a] == labels[b]}
    if not bad:
        return labels
    uf = _UnionFind(len(ids))
    forbid: dict[int, set[int]] = {}
    hard: set[tuple[int, int]] = set()
    for pair, (a, b) in pos.items():
        if labels[a] not in bad:
            continue
        forbid.setdefault(a, set()).add(b)
        forbid.setdefault(b, set()).add(a)
        if pair in rej:
            hard |= {(a, b), (b, a)}
    members = np.isin(labels, list(bad))
    sub = edges[members[edges["l"]] & members[edges["r"]]].copy()
    sub["kl"] = ids[sub["l"].to_numpy()]
    sub["kr"] = ids[sub["r"].to_numpy()]
    sub = sub.sort_values(["must", "p", "kl", "kr"], ascending=[False, False, True, True])
    for left, right, must in zip(sub["l"], sub["r"], sub["must"], strict=True):
        ra, rb = uf.find(left), uf.find(right)
        if ra == rb:
            continue
        blockers = [x for x in forbid.get(ra, ()) if uf.find(x) == rb]
        if blockers and must:
            a_side = [y for y in range(len(ids)) if uf.find(y) == ra]
            if any((y, x) in hard for x in blockers for y in a_side):
                raise DocketError(
                    f"reviewed decisions contradict: accepting {ids[left]}-{ids[right]} "
                    "would join a rejected pair"
                )
        elif blockers:
            continue
        root = uf.union(ra, rb)
        forbid[root] = forbid.get(ra, set()) | forbid.get(rb, set())
    next_label = labels.max() + 1
    for i in np.flatnonzero(members):
        labels[i] = next_label + uf.find(int(i))
    return labels


def _finish(ids: np.ndarray, labels: np.ndarray, edges: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({"record_id": ids, "label": labels})
    out["cluster_id"] = out.groupby("label")["record_id"].transform("min")
    inside = edges[labels[edges["l"].to_numpy()] == labels[edges["r"].to_numpy()]]
    best = (
        pd.concat(
            [
                inside[["l", "p"]].rename(columns={"l": "i"}),
                inside[["r", "p"]].rename(columns={"r": "i"}),
            ]
        )
        .groupby("i")["p"]
        .max()
    )
    out["match_probability"] = np.nan
    out.loc[best.index.to_numpy(), "match_probability"] = best.to_numpy()
    return out[["record_id", "cluster_id", "match_probability"]]
