"""Bias and 95% interval coverage of each MSE method on SYNTHETIC tables with known N.

    PYTHONPATH=src python bench/estimate_coverage.py [--reps 200] [--methods loglinear,dga,lcmcr]
        [--scenarios independent,heterogeneous,...] [--lcmcr-iter 2000,500,4,2]

Prints a markdown table for docs/benchmarks.md. Long-running (not CI): 200 replications per
scenario and method. LCMCR runs use shorter chains than the CLI default (set by --lcmcr-iter as
burnin,samples,thin,chains) so the whole study fits in an afternoon; coverage is then slightly
conservative about the sampler, not about the model.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from docket.estimate._dga import dga_estimate
from docket.estimate._lcmcr import lcmcr_estimate
from docket.estimate._loglinear import loglinear_estimate
from docket.estimate._stepwise import stepwise_bca_estimate
from docket.synth.captures import SCENARIOS, simulate


def run_method(method: str, ch, seed: int, lcmcr_iter: tuple[int, int, int, int]):
    if method == "loglinear":
        return loglinear_estimate(ch, n_boot=0, seed=seed)
    if method == "dga":
        return dga_estimate(ch, seed=seed)
    if method == "lcmcr":
        b, s, t, c = lcmcr_iter
        return lcmcr_estimate(ch, burnin=b, samples=s, thin=t, chains=c, seed=seed)
    if method == "stepwise":
        return stepwise_bca_estimate(ch, n_boot=200, seed=seed)
    raise ValueError(method)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=200)
    ap.add_argument("--methods", default="loglinear,dga,lcmcr")
    ap.add_argument("--scenarios", default=",".join(SCENARIOS))
    ap.add_argument("--lcmcr-iter", default="2000,500,4,2")
    args = ap.parse_args()
    lcmcr_iter = tuple(int(x) for x in args.lcmcr_iter.split(","))
    print(
        f"{args.reps} SYNTHETIC replications per scenario; LCMCR burnin,samples,thin,chains = "
        f"{args.lcmcr_iter}\n"
    )
    print(
        "| scenario | method | true N | mean recorded | median estimate | relative bias "
        "(mean) | 95% coverage | median interval width | not estimable | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in args.scenarios.split(","):
        for method in args.methods.split(","):
            t = time.perf_counter()
            est, cover, width, refused, recorded = [], [], [], 0, []
            for rep in range(args.reps):
                ch, N = simulate(name, seed=rep)
                recorded.append(ch.observed)
                res = run_method(method, ch, rep, lcmcr_iter)
                if not res.ok:
                    refused += 1
                    continue
                est.append(res.estimate)
                hi = res.ci_high if res.ci_high is not None else np.inf
                cover.append(res.ci_low <= N <= hi)
                width.append(hi - res.ci_low)
            secs = time.perf_counter() - t
            N = SCENARIOS[name].N
            e = np.array(est)
            bias = f"{(e.mean() - N) / N:+.1%}" if e.size else "-"
            print(
                f"| {name} | {method} | {N} | {np.mean(recorded):.0f} | "
                f"{np.median(e) if e.size else float('nan'):,.0f} | {bias} | "
                f"{np.mean(cover) if cover else float('nan'):.1%} | "
                f"{np.median(width) if width else float('nan'):,.0f} | {refused} | {secs:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
