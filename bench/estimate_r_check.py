"""Compare docket's stepwise estimate on each of R's 1,000 resamples with an R implementation.

    PYTHONPATH=src python bench/estimate_r_check.py

Needs Rscript with lpSolve (not a docket dependency). Prints, per table, the largest difference
between docket's and R's (glm + lpSolve) estimates over the resamples, and how many replicates
chose a different model -- evidence that the BCa differences from the published intervals are
not in the fits.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np

from docket.estimate import load_published
from docket.estimate._stepwise import read_resamples, stepwise_fit

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "estimate" / "data"


def check(name: str, filename: str) -> None:
    ch, _ = load_published(name)
    path = DATA / filename
    header = next(x for x in path.read_text().splitlines() if x.startswith("# patterns:"))
    patterns = header.split(":")[1].split()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.txt"
        subprocess.run(
            [
                "Rscript",
                str(HERE / "estimate_stepwise_oracle.R"),
                ",".join(patterns),
                str(path),
                str(out),
            ],
            check=True,
        )
        theirs = [line.split() for line in out.read_text().splitlines()]
    draws = read_resamples(path, ch)
    y = ch.full_table()
    diffs, models = [], 0
    for row, (est_r, nterms_r, *_) in zip(draws, theirs, strict=True):
        yb = np.zeros_like(y)
        yb[ch.cells - 1] = row
        model, n0 = stepwise_fit(ch.k, yb)
        diffs.append(abs(ch.observed + n0 - float(est_r)))
        models += len(model) != int(nterms_r)
    print(f"| {name} | {len(draws)} | {max(diffs):.2g} | {models} |")


def main() -> None:
    print("| table | resamples | largest difference (people) | different number of terms |")
    print("|---|---|---|---|")
    check("new_orleans_trafficking_5lists_v2019", "r_resamples_new_orleans.txt")
    check("us_western_site_sex_trafficking_5lists", "r_resamples_western.txt")


if __name__ == "__main__":
    main()
