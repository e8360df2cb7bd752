"""Published estimates reproduced with the method that produced them (see data/README.md).

Point estimates are deterministic and must agree to the published precision (whole people).
BCa intervals come from 1,000 random resamples in R; R's random stream cannot be replayed, so
interval ends are compared within the Monte Carlo spread measured in bench/estimate.py.
"""

import pytest

from docket.estimate import load_published
from docket.estimate._stepwise import stepwise_bca_estimate, stepwise_fit


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


def test_chan_silverman_vincent_bca_interval_western():
    ch, meta = load_published("us_western_site_sex_trafficking_5lists")
    res = stepwise_bca_estimate(ch, n_boot=300, seed=0)
    pub = meta["published"]
    assert round(res.estimate) == pub["estimate"]
    # Monte Carlo spread of BCa ends with 1,000 resamples is about +-10% (bench/estimate.py)
    assert abs(res.ci_low - pub["ci_low"]) / pub["ci_low"] < 0.2
    assert abs(res.ci_high - pub["ci_high"]) / pub["ci_high"] < 0.2


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
