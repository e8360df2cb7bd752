"""Speed and reproduction benchmarks for `docket estimate` (not run in CI).

    PYTHONPATH=src python bench/estimate.py [--quick]

Prints markdown for docs/benchmarks.md: exhaustive log-linear search time on 5 lists, LCMCR
Gibbs iterations per second (K*=10, one core) for 4, 6, 10 and 20 lists, the published figures
next to ours by the same method (BCa replayed on R's own resamples), and the Monte Carlo spread
of bootstrap interval ends over numpy seeds.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from docket.estimate import load_published  # noqa: E402
from docket.estimate._covariates import covariate_model_average  # noqa: E402
from docket.estimate._datasets import madigan_york_1997  # noqa: E402
from docket.estimate._dga import dga_estimate  # noqa: E402
from docket.estimate._lcmcr_sampler import prepare, run_chain  # noqa: E402
from docket.estimate._loglinear import loglinear_estimate  # noqa: E402
from docket.estimate._loglinear_fit import exhaustive_search  # noqa: E402
from docket.estimate._stepwise import read_resamples, stepwise_bca_estimate  # noqa: E402
from docket.synth.captures import simulate_many_lists  # noqa: E402

R_RESAMPLES = Path(__file__).resolve().parent.parent / "tests" / "estimate" / "data"


def best_of(fn, repeats: int = 3) -> float:
    """Best CPU seconds of a few runs: the machine is shared, wall time measures neighbours."""
    times = []
    for _ in range(repeats):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def loglinear_speed() -> None:
    print("### Exhaustive BIC search over all hierarchical models, 5 lists (6,893 models)\n")
    print("| table | models | CPU seconds (best of 3) |\n|---|---|---|")
    for name in ("new_orleans_trafficking_5lists_v2019", "us_western_site_sex_trafficking_5lists"):
        ch, _ = load_published(name)
        secs = best_of(lambda ch=ch: exhaustive_search(ch, None))
        print(f"| {name} | 6,893 | {secs:.2f} |")
    ch = simulate_many_lists(5, N=3000, seed=1)
    secs = best_of(lambda: exhaustive_search(ch, None))
    print(f"| SYNTHETIC 5 lists, {ch.observed} recorded | 6,893 | {secs:.2f} |\n")


def lcmcr_speed(iterations: int) -> None:
    print(f"### LCMCR Gibbs sampler, K*=10, one chain, one core, {iterations:,} iterations\n")
    print(
        "| lists | recorded | distinct patterns | iterations/s | CPU seconds |\n"
        "|---|---|---|---|---|"
    )
    tables = [("4 (Scotland PWID)", load_published("scotland_pwid_2006_4sources")[0])]
    tables += [(str(J), simulate_many_lists(J, N=2000, seed=J)) for J in (4, 6, 10, 20)]
    for label, ch in tables:
        idx, ncap = prepare(ch.patterns())
        counts = ch.counts.astype(np.int64)
        run_chain(idx, ncap, counts, ch.k, 10, 10, 10, 1, 0.25, 0.25, 1)  # compile
        t = time.process_time()
        run_chain(idx, ncap, counts, ch.k, 10, iterations // 2, iterations // 20, 10, 0.25, 0.25, 1)
        secs = time.process_time() - t
        print(
            f"| {label} | {ch.observed} | {len(ch.cells)} | {iterations / secs:,.0f} | {secs:.2f} |"
        )
    print()


def reproduction(seeds: int, n_boot: int) -> None:
    print(
        f"### Published estimates with numpy's generator (BCa: {n_boot} resamples, {seeds} seeds)\n"
    )
    print(
        "| data | published | ours (point) | our BCa interval, seed 0 | "
        "BCa ends over seeds (min-max) |\n|---|---|---|---|---|"
    )
    for name in ("new_orleans_trafficking_5lists_v2019", "us_western_site_sex_trafficking_5lists"):
        ch, meta = load_published(name)
        pub = meta["published"]
        res = [stepwise_bca_estimate(ch, n_boot=n_boot, seed=s) for s in range(seeds)]
        lows = [r.ci_low for r in res]
        highs = [r.ci_high for r in res]
        print(
            f"| {name} | {pub['estimate']:,} ({pub['ci_low']:,}-{pub['ci_high']:,}) | "
            f"{res[0].estimate:,.0f} ({res[0].details['model']}) | "
            f"{res[0].ci_low:,.0f}-{res[0].ci_high:,.0f} | "
            f"low {min(lows):,.0f}-{max(lows):,.0f}, high {min(highs):,.0f}-{max(highs):,.0f} |"
        )
    scotland()


def published() -> None:
    """Each published figure next to ours by the same method: the verdict table."""
    print("### Published figures against docket, same method\n")
    print("| data | published | docket | verdict |\n|---|---|---|---|")
    for name, fname in (
        ("new_orleans_trafficking_5lists_v2019", "r_resamples_new_orleans.txt"),
        ("us_western_site_sex_trafficking_5lists", "r_resamples_western.txt"),
    ):
        ch, meta = load_published(name)
        pub = meta["published"]
        t = time.process_time()
        res = stepwise_bca_estimate(ch, resamples=read_resamples(R_RESAMPLES / fname, ch))
        secs = time.process_time() - t
        print(
            f"| {name} | {pub['estimate']:,} ({pub['ci_low']:,}-{pub['ci_high']:,}) | "
            f"{res.estimate:,.0f} ({res.ci_low:,.0f}-{res.ci_high:,.0f}), "
            f"{res.details['model']}, on R's 1,000 resamples ({secs:.0f} CPU s) | "
            f"point {'exact' if round(res.estimate) == pub['estimate'] else 'differs'}, "
            f"low {'exact' if round(res.ci_low) == pub['ci_low'] else 'differs'}, "
            f"high {round(res.ci_high) - pub['ci_high']:+d} |"
        )
    res, pub = madigan_york_1997()
    top = res.details["top_graphs"][0]
    ours = (
        round(top["posterior"], 2),
        round(top["bayes_relative_loss"]),
        round(top["posterior_mode"]),
        round(res.details["bayes_relative_loss"]),
        round(res.details["posterior_mode"]),
    )
    theirs = (
        pub["top_graph_posterior"],
        pub["top_graph_bayes_estimate"],
        pub["top_graph_posterior_mode"],
        pub["model_averaged_bayes_estimate"],
        pub["model_averaged_posterior_mode"],
    )
    print(
        "| spina bifida (Madigan & York 1997), top graph posterior / Bayes / mode, averaged "
        f"Bayes / mode | {' / '.join(map(str, theirs))} | {' / '.join(map(str, ours))} "
        f"({top['edges'][0]}) | {'all exact' if ours == theirs else 'differs'} |"
    )
    print()


def scotland() -> None:
    """King et al. (2013): strata as covariates with BIC averaging, and pooled alternatives."""
    ch, meta = load_published("scotland_pwid_2006_4sources")
    pub = meta["published"]
    tables = {k: load_published("scotland_pwid_2006_4sources", k)[0] for k in meta["strata"]}
    cov = covariate_model_average(tables)
    ll = loglinear_estimate(ch, n_boot=0)
    ma = ll.details["model_averaged"]
    dg = dga_estimate(ch)
    print(
        f"| scotland_pwid_2006_4sources | {pub['estimate']:,} ({pub['ci_low']:,}-"
        f"{pub['ci_high']:,}) | strata as covariates, BIC-averaged {cov.estimate:,.0f} "
        f"({cov.ci_low:,.0f}-{cov.ci_high:,.0f}); pooled: BIC-averaged {ma['estimate']:,.0f} "
        f"({ma['ci_low']:,.0f}-{ma['ci_high']:,.0f}), dga {dg.estimate:,.0f} ({dg.ci_low:,.0f}-"
        f"{dg.ci_high:,.0f}), BIC-best {ll.estimate:,.0f} ({ll.ci_low:,.0f}-{ll.ci_high:,.0f}) "
        "| | |"
    )
    print()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer iterations and seeds")
    ap.add_argument(
        "--section",
        choices=["all", "loglinear", "lcmcr", "reproduction", "published", "scotland"],
        default="all",
    )
    args = ap.parse_args()
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores "
        f"(shared), Python {platform.python_version()}\n"
    )
    if args.section in ("all", "loglinear"):
        loglinear_speed()
    if args.section in ("all", "lcmcr"):
        lcmcr_speed(20_000 if args.quick else 110_000)
    if args.section in ("all", "published"):
        published()
    if args.section in ("all", "reproduction"):
        reproduction(2 if args.quick else 10, 300 if args.quick else 1000)
    if args.section == "scotland":
        scotland()


if __name__ == "__main__":
    main()
