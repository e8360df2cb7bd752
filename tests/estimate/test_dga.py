"""Decomposable-graph model averaging: graph enumeration, closed-form posterior, refusals."""

import numpy as np
from scipy.special import gammaln

from docket.estimate import from_mapping, load_published
from docket.estimate._dga import _marginal_terms, decomposable_graphs, dga_estimate


def test_counts_of_decomposable_graphs():
    # labelled chordal graphs on 2..5 vertices (OEIS A058862)
    assert [len(decomposable_graphs(k)) for k in (2, 3, 4, 5)] == [2, 8, 61, 822]
    # the 4-cycle is not decomposable
    cycle = ((0, 1), (0, 2), (1, 3), (2, 3))
    assert cycle not in [g[0] for g in decomposable_graphs(4)]


def test_saturated_clique_term_is_the_dirichlet_multinomial():
    ch = from_mapping(["A", "B"], {"10": 5, "01": 7, "11": 3})
    n0 = np.array([0.0, 4.0])
    full = _marginal_terms(ch, n0, delta=0.25)[0b11]
    cells = np.array([[0, 5, 7, 3], [4, 5, 7, 3]], dtype=float)
    expected = (gammaln(cells + 0.25) - gammaln(0.25)).sum(axis=1)
    assert np.allclose(full, expected)


def test_spina_bifida_posterior_is_sensible_and_favours_s2_s3():
    raw = load_published("spina_bifida_upstate_ny_1969_1974_3lists")[1]
    v = raw["variant_madigan_york_1997"]
    res = dga_estimate(from_mapping(v["lists"], v["counts"]))
    assert 626 < res.ci_low < res.estimate < res.ci_high < 1000
    assert res.details["top_graphs"][0]["edges"] == ["S2-S3"]
    assert res.draws.shape == (4000,)


def test_lists_without_overlap_are_not_estimable():
    ch = from_mapping(["A", "B", "C"], {"100": 10, "010": 12, "001": 9})
    res = dga_estimate(ch)
    assert res.estimate is None
    assert "overlap too little" in res.details["reason"]
