"""How long `docket --help` takes and how much memory it needs: every CLI command pays this
start-up before its own work, and so does every test that runs the CLI in a subprocess.

    PYTHONPATH=src python bench/cli_startup.py [--runs 5] [--src OTHER_CHECKOUT/src]

`--src` times another checkout's code the same way, alternating with this one (ABAB), so both
see the same load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def once(src: Path) -> float:
    """Wall seconds of one `python -m docket --help` from `src`."""
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-m", "docket", "--help"], check=True, env=env,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", type=Path, help="another checkout's src folder, timed alongside")
    args = parser.parse_args()
    trees = {"this": Path(__file__).resolve().parent.parent / "src"}
    if args.src:
        trees = {"other": args.src.resolve(), **trees}
    times: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(args.runs):
        for name, src in trees.items():
            times[name].append(once(src))
    peaks = {name: _peak_alone(src) for name, src in trees.items()}
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name in trees:
        t = times[name]
        print(f"{name} ({trees[name]}): median {statistics.median(t):.2f} s (min {min(t):.2f}, "
              f"max {max(t):.2f}, {len(t)} runs), peak RSS {peaks[name]:.0f} MiB")  # fmt: skip


def _peak_alone(src: Path) -> float:
    """Peak RSS (MiB) of one run, from a process of its own (ru_maxrss of children is the
    largest child so far)."""
    code = (
        "import resource, subprocess, sys; subprocess.run([sys.executable, '-m', 'docket', "
        "'--help'], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(src)},
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return int(out.strip()) / 1024


if __name__ == "__main__":
    main()
