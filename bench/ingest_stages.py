"""Thread CPU per ingest stage: where docket's own time goes, next to trafilatura's, per page.

    PYTHONPATH=src python bench/ingest_stages.py --n 1280 [--db postgresql://...]

Ingests the N/2 SYNTHETIC pages of `bench/ingest.py`'s generator in chunks of 160 (as the
interleaved measurement does) with each stage wrapped in a clock of the calling thread's CPU
time (`time.thread_time`): unlike a sampling profiler's counts, time a thread spends waiting (for
the GIL, an fsync, the database) is not counted. Stages nest (`_commit` holds `_write_blobs`,
which holds `put`; `_commit` also holds `save_rows`), and the clocks add a little of their own.
Run it with PYTHONPATH set to each tree to compare; the per-page figures move with the machine's
load, so alternate the trees.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ingest import keyed_corpus  # noqa: E402

_STATS: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])


def _clocked(owner: Any, name: str) -> None:
    if not hasattr(owner, name):  # a stage the tree does not have
        return
    inner = getattr(owner, name)

    @functools.wraps(inner)
    def clocked(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return inner(*args, **kwargs)
        finally:
            entry = _STATS[name]
            entry[0] += 1
            entry[1] += time.thread_time() - start

    setattr(owner, name, clocked)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1280)
    parser.add_argument("--db", default=None, help="a database URL (default: SQLite in the case)")
    args = parser.parse_args()

    import docket.ingest.html as html
    import docket.ingest.pipeline as pipeline
    import docket.store.blobs as blobs
    from docket.actor import Actor
    from docket.case import create_case
    from docket.ingest import ingest_paths, readers

    for owner, names in (
        (html.trafilatura, ["bare_extraction"]),
        (html, ["decode_text", "clean_text", "strip_furniture"]),
        (pipeline, ["_read", "_mark_present", "_commit", "_write_blobs", "warc_resource",
                    "save_rows"]),
        (blobs.BlobBatch, ["put", "_create_temp", "sync"]),
    ):  # fmt: skip
        for name in names:
            _clocked(owner, name)
    readers()
    with tempfile.TemporaryDirectory() as tmp:
        _, pages, _ = keyed_corpus(Path(tmp), args.n)
        case = create_case(Path(tmp) / "case", database_url=args.db)
        cpu = time.process_time()
        for start in range(0, len(pages), 160):
            part = pages[start : start + 160]
            report = ingest_paths(case, part, actor=Actor("bench"))
            assert report.count("ingested") == len(part), report.failed[:3]
        cpu = time.process_time() - cpu
        case.close()
    extraction = _STATS["bare_extraction"][1]
    print(f"{len(pages)} pages; process CPU {cpu:.2f} s, trafilatura {extraction:.2f} s: "
          f"docket's own work +{(cpu - extraction) / extraction:.0%}; load "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    for name, (calls, seconds) in sorted(_STATS.items(), key=lambda kv: -kv[1][1]):
        print(f"  {name:18s} {seconds / len(pages) * 1e3:6.3f} ms a page ({int(calls)} calls)")


if __name__ == "__main__":
    main()
