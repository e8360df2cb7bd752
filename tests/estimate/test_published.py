"""Published estimates reproduced with the method that produced them (see data/README.md).

Point estimates are deterministic and must agree to the published precision (whole people).
The BCa intervals of Chan, Silverman & Vincent (2021) come from 1,000 resamples drawn by R's
generator (SparseMSE: set.seed(1234), one rmultinom per replicate over the data frame's rows);
tests/estimate/data/r_resamples_*.txt hold exactly those draws (made by
bench/estimate_r_resamples.R), and docket's own stepwise fits and BCa run on them.
"""

from pathlib import Path

import numpy as np
import pytest

from docket.errors import BadInput
from docket.estimate import load_published
from docket.estimate._datasets import madigan_york_1997
from docket.estimate._stepwise import read_resamples, stepwise_bca_estimate, stepwise_fit

DATA = Path(__file__).parent / "data"


def r_resamples(ch, filename: str) -> np.ndarray:
    return read_resamples(DATA / filename, ch)


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("new_orleans_trafficking_5lists_v2019", ()),
        ("us_western_site_sex_trafficking_5lists", ((0, 4),)),  # published: "selected AE"
    ],
)
def test_chan_silverman_vincent_point_estimates(name, model):
    ch, meta = load_published(name)
    chosen, n0 = stepwise_fit(ch.k, ch.full_table(), pthresh=0.02)
    assert chosen == model
    assert round(ch.observed + n0) == meta["published"]["estimate"]


@pytest.mark.parametrize(
    ("name", "filename", "our_high"),
    [
        ("new_orleans_trafficking_5lists_v2019", "r_resamples_new_orleans.txt", 1704),
        ("us_western_site_sex_trafficking_5lists", "r_resamples_western.txt", 3672),
    ],
)
def test_chan_silverman_vincent_bca_on_the_resamples_r_drew(name, filename, our_high):
    """On R's own resamples the lower ends agree exactly (589, 1,293: both are the smallest
    resampled estimate, which pins the resamples as the published ones). The upper ends come out
    1 and 2 people above the published 1,703 and 3,670, a difference we could not trace
    (docs/estimate.md); the test pins ours so that any change shows."""
    ch, meta = load_published(name)
    pub = meta["published"]
    res = stepwise_bca_estimate(ch, resamples=r_resamples(ch, filename))
    assert res.details["bootstrap_replicates"] == 1000
    assert round(res.estimate) == pub["estimate"]
    assert round(res.ci_low) == pub["ci_low"]
    assert res.ci_low == pytest.approx(res.draws.min())
    assert round(res.ci_high) == our_high
    assert 0 < our_high - pub["ci_high"] <= 2


def test_resamples_that_do_not_fit_the_table_are_refused():
    ch, _ = load_published("us_western_site_sex_trafficking_5lists")
    good = r_resamples(ch, "r_resamples_western.txt")[:3]
    with pytest.raises(BadInput, match="patterns"):
        stepwise_bca_estimate(ch, resamples=good[:, :-1])
    bad = good.copy()
    bad[0, 0] += 1
    with pytest.raises(BadInput, match="summing to 345"):
        stepwise_bca_estimate(ch, resamples=bad)
    other, _ = load_published("new_orleans_trafficking_5lists_v2019")
    with pytest.raises(BadInput, match="no column for observed pattern"):
        read_resamples(DATA / "r_resamples_western.txt", other)


def test_madigan_york_1997_spina_bifida_decomposable_graph_averaging():
    """Madigan & York (1997): 3 lists, delta = 1, negative binomial prior on N; top graph
    (death certificates - rehabilitation) posterior 0.37, Bayes estimate 731, mode 729;
    averaged over graphs, Bayes estimate 731, mode 728. The posterior is exact here (no MCMC)."""
    res, pub = madigan_york_1997()
    assert res.observed == 626
    top = res.details["top_graphs"][0]
    assert top["edges"] == ["S2-S3"]
    assert round(top["posterior"], 2) == pub["top_graph_posterior"]
    assert round(top["bayes_relative_loss"]) == pub["top_graph_bayes_estimate"]
    assert top["posterior_mode"] == pub["top_graph_posterior_mode"]
    assert round(res.details["bayes_relative_loss"]) == pub["model_averaged_bayes_estimate"]
    assert res.details["posterior_mode"] == pub["model_averaged_posterior_mode"]


def test_king_2013_scotland_approximately():
    """King et al. (2013): 31,700 (24,800-38,700) by RJMCMC model averaging under a
    unit-information prior. We average by BIC (the large-sample form of that prior) over an
    Occam's window and get 30,350 (25,350-37,900): not the published figure to its precision,
    and docs/estimate.md says why. The test pins our figure within 5% of theirs."""
    from docket.estimate._covariates import covariate_model_average

    _, raw = load_published("scotland_pwid_2006_4sources")
    tables = {k: load_published("scotland_pwid_2006_4sources", k)[0] for k in raw["strata"]}
    res = covariate_model_average(tables)
    pub = raw["published"]
    assert res.observed == 5670
    for ours, theirs in (
        (res.estimate, pub["estimate"]),
        (res.ci_low, pub["ci_low"]),
        (res.ci_high, pub["ci_high"]),
    ):
        assert abs(ours - theirs) / theirs < 0.05


def test_bca_without_bias_or_acceleration_is_the_percentile_interval():
    import numpy as np

    from docket.estimate._stepwise import _bca

    boot = np.arange(1.0, 1001.0)  # exactly half the draws below the estimate 500.5
    lo, hi = _bca(boot, 500.5, 0.0, np.array([0.025, 0.975]))
    assert np.allclose(
        [lo, hi], np.quantile(boot, [0.025, 0.975], method="median_unbiased"), rtol=1e-3
    )
    # a positive acceleration pushes both ends up
    lo2, hi2 = _bca(boot, 500.5, 0.1, np.array([0.025, 0.975]))
    assert lo2 > lo and hi2 > hi
