"""Log-linear MSE against closed forms, statsmodels, and the refusal cases."""

import numpy as np
import statsmodels.api as sm

from docket.estimate import EstimateOptions, estimate_histories, from_mapping, load_published
from docket.estimate._loglinear import loglinear_estimate
from docket.estimate._loglinear_fit import fit_models
from docket.estimate._models import design, hierarchical_models


def test_model_enumeration_counts():
    assert len(list(hierarchical_models(3))) == 8
    assert len(list(hierarchical_models(4))) == 113
    models5 = list(hierarchical_models(5))
    assert len(models5) == 6893
    assert len(set(models5)) == len(models5)
    assert len(list(hierarchical_models(5, max_order=2))) == 2**10
    # hierarchical: every 3-way term has all its pairs
    for m in models5:
        for t in m:
            if bin(t).count("1") == 3:
                assert all((t & ~(1 << j)) in m for j in range(5) if t >> j & 1)


def test_two_lists_is_lincoln_petersen():
    ch = from_mapping(["A", "B"], {"10": 60, "01": 30, "11": 20})
    res = loglinear_estimate(ch, n_boot=0)
    assert abs(res.estimate - (80 * 50 / 20)) < 1e-6
    assert res.ci_low < res.estimate < res.ci_high


def test_fits_agree_with_statsmodels():
    ch, _ = load_published("scotland_pwid_2006_4sources")
    model = (0b0101, 0b0110, 0b1010)
    ours = fit_models(ch, [model])[0]
    X = design(4, model)
    ref = sm.GLM(ch.full_table(), X, family=sm.families.Poisson()).fit()
    assert abs(ours.unobserved - np.exp(ref.params[0])) < 1e-4 * ours.unobserved
    assert abs(ours.loglik - ref.llf) < 1e-6


def test_bic_selection_and_intervals_on_western():
    ch, meta = load_published("us_western_site_sex_trafficking_5lists")
    res = loglinear_estimate(ch, n_boot=50, seed=1)
    assert res.details["models_fitted"] == 6893
    assert res.details["model"] == "A:E"
    assert round(res.estimate) == meta["published"]["estimate"]  # 2483, same model as published
    assert ch.observed < res.ci_low < res.estimate < res.ci_high
    ma = res.details["model_averaged"]
    assert ma["ci_low"] < ma["estimate"] < ma["ci_high"]


def test_no_overlap_is_not_estimable():
    ch = from_mapping(["A", "B", "C"], {"100": 10, "010": 12, "001": 9})
    res = loglinear_estimate(ch, n_boot=0)
    assert res.estimate is None
    assert "identifiable" in res.details["reason"]
    assert res.to_dict()["estimate"] is None


def test_same_seed_same_output():
    ch, _ = load_published("hiv_rome_4sources")
    opts = EstimateOptions(method="loglinear", n_boot=30, seed=7)
    a = estimate_histories({None: ch}, opts).to_json()
    b = estimate_histories({None: ch}, opts).to_json()
    assert a == b


def test_above_five_lists_a_stepwise_search_finds_a_planted_dependence():
    from docket.synth.captures import Scenario, simulate

    sc = Scenario(
        "six",
        3000,
        "SYNTHETIC 6 lists, B follows A",
        (1.0,),
        ((0.2, 0.1, 0.15, 0.2, 0.1, 0.15),),
        dependence=(0, 1, 0.7),
    )
    ch, N = simulate(sc, seed=4)
    res = loglinear_estimate(ch, n_boot=0)
    assert res.details["search"] == "stepwise"
    assert "A:B" in res.details["model"]
    assert res.ci_low < N < res.ci_high
