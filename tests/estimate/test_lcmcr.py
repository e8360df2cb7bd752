"""LCMCR sampler: deterministic by seed, recovers a known N, and its diagnostics warn."""

import numpy as np

from docket.estimate import EstimateOptions, estimate_histories
from docket.estimate._diagnostics import effective_sample_size, split_rhat
from docket.estimate._lcmcr import lcmcr_estimate
from docket.estimate._loglinear_fit import fit_models
from docket.synth.captures import simulate

SMALL = {"burnin": 500, "samples": 300, "thin": 3, "chains": 2}


def test_same_seed_same_draws_different_seed_different_draws():
    ch, _ = simulate("independent", seed=2)
    a = lcmcr_estimate(ch, seed=5, **SMALL)
    b = lcmcr_estimate(ch, seed=5, **SMALL)
    c = lcmcr_estimate(ch, seed=6, **SMALL)
    assert np.array_equal(a.draws, b.draws)
    assert not np.array_equal(a.draws, c.draws)


def test_recovers_known_population_when_lists_are_independent():
    ch, N = simulate("independent", seed=11)
    res = lcmcr_estimate(ch, seed=1, burnin=2000, samples=500, thin=4, chains=2)
    assert res.ci_low < N < res.ci_high
    assert res.ci_low >= ch.observed


def test_heterogeneity_is_less_biased_than_the_independence_model():
    ch, N = simulate("heterogeneous", seed=11)
    res = lcmcr_estimate(ch, seed=1, burnin=2000, samples=500, thin=4, chains=2)
    independence = fit_models(ch, [()])[0]
    assert abs(res.estimate - N) < abs(ch.observed + independence.unobserved - N)


def test_diagnostics_detect_disagreeing_chains():
    rng = np.random.default_rng(0)
    good = rng.normal(size=(4, 500))
    bad = good.copy()
    bad[0] += 4.0
    assert split_rhat(good) < 1.01
    assert split_rhat(bad) > 1.5
    assert effective_sample_size(good) > 1500
    assert effective_sample_size(bad) < 100


def test_too_short_run_warns():
    ch, _ = simulate("dependent", seed=3)
    res = lcmcr_estimate(ch, seed=2, burnin=0, samples=20, thin=1, chains=2)
    assert any("effective sample size" in w for w in res.warnings)


def test_stratified_total_interval_from_draws():
    a, _ = simulate("independent", seed=1, N=800)
    b, _ = simulate("independent", seed=2, N=1200)
    opts = EstimateOptions(method="lcmcr", seed=3, **SMALL)
    total = estimate_histories({"a": a, "b": b}, opts)
    parts = total.strata
    assert [p.stratum for p in parts] == ["a", "b"]
    assert abs(total.estimate - sum(p.estimate for p in parts)) < 1e-9
    # the total's interval is narrower than adding interval ends
    assert total.ci_low > parts[0].ci_low + parts[1].ci_low
    assert total.ci_high < parts[0].ci_high + parts[1].ci_high
    d = total.to_dict()
    assert d["strata"][0]["stratum"] == "a" and d["observed"] == a.observed + b.observed


def test_one_class_matches_the_exact_posterior_of_model_mt():
    """With K*=1 LCMCR is model Mt; its posterior of N under Beta(1,1) priors and p(N) ~ 1/N
    has a closed form, computed here on a grid, which the sampler must reproduce."""
    from scipy.special import betaln, gammaln

    from docket.estimate import load_published

    ch, _ = load_published("hiv_rome_4sources")
    n, nj = ch.observed, np.array(list(ch.list_totals().values()))
    grid = np.arange(n, 40_000)
    logp = -np.log(grid) + gammaln(grid + 1) - gammaln(grid - n + 1)
    logp += sum(betaln(x + 1, grid - x + 1) for x in nj)
    cdf = np.cumsum(np.exp(logp - logp.max()))
    cdf /= cdf[-1]
    exact = [grid[np.searchsorted(cdf, q)] for q in (0.025, 0.5, 0.975)]
    res = lcmcr_estimate(ch, K=1, burnin=500, samples=2000, thin=2, chains=2, seed=1)
    for ours, truth in zip((res.ci_low, res.estimate, res.ci_high), exact, strict=True):
        assert abs(ours - truth) / truth < 0.02
