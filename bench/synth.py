"""Time and size of the synthetic demo sources.

    python bench/synth.py --seeds 5

Writes the demo documents for several seeds into temporary folders and reports the seconds per
run, the files and bytes written, and how many distinct texts the seeds produce (a check that
different seeds really vary the documents).
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

from docket.synth.corpus import write_demo_sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    times, digests = [], set()
    files = size = 0
    for seed in range(2014, 2014 + args.seeds):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            corpus = write_demo_sources(Path(tmp), seed=seed)
            times.append(time.perf_counter() - start)
            paths = corpus.all_files()
            files = len(paths)
            size = sum(p.stat().st_size for p in paths)
            digests.update(hashlib.sha256(p.read_bytes()).hexdigest() for p in paths)
    print(f"seeds: {args.seeds}; files per run: {files}; bytes per run (last): {size:,}")
    print(f"seconds per run: min {min(times):.3f}, max {max(times):.3f}")
    print(f"distinct files over all seeds: {len(digests)} of {files * args.seeds}")


if __name__ == "__main__":
    main()
