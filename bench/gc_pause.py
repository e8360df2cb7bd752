"""How long a full garbage collection takes in a web worker holding a case's name matchers,
before and after `gc.freeze()` (what each `docket serve` worker does once warm). Every request in
flight on a worker waits for such a collection.

    DOCKET_KEY_FILE=DEMO/demo.key PYTHONPATH=src python bench/gc_pause.py DEMO [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from docket.case import open_case
from docket.security.redact import warm_matchers


def full_collection_ms(repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        gc.collect()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("case", type=Path, help="a demo case (docket demo --no-serve DIR)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import docket.web.app  # noqa: F401  the worker's modules, loaded as a worker has them

    warm_matchers(open_case(args.case))  # what a worker builds at start (docket.web.app)
    tracked = len(gc.get_objects())
    before = full_collection_ms(args.repeat)
    gc.freeze()  # what the worker then does
    after = full_collection_ms(args.repeat)
    print(f"objects tracked by the collector in the warm worker: {tracked:,}")
    print(f"full collection, warm worker: median {statistics.median(before):.1f} ms "
          f"({min(before):.1f}-{max(before):.1f}); after gc.freeze(): median "
          f"{statistics.median(after):.3f} ms ({gc.get_freeze_count():,} frozen)")  # fmt: skip


if __name__ == "__main__":
    main()
