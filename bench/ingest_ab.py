"""Before/after for the ingest overhead: two source trees, alternated, in one session.

    python bench/ingest_ab.py --before /path/to/main/src --n 1000 --rounds 2

Each round runs `bench/ingest.py`'s interleaved measurement (trafilatura alone and docket ingest
over the same chunks of pages, ABBA) once with the `--before` tree and once with this one's
`src`, in alternating order, each in a fresh process on a fresh case. Load on a shared machine
moves by the minute; alternating the two trees lets both see the same load, and the ratio of
each to trafilatura in the same process cancels the rest. SYNTHETIC documents.

The CPU overhead is also split out as kernel time (creating, writing and fsyncing blob files):
on this machine's ext4 creating a file costs from 0.02 ms to over 1 ms of kernel time depending
on the folder's recent history (many deletions nearby make it dear), so that part moves with the
file system, not with docket's code. `--where` puts the documents and cases in another folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ingest import PG_URL, _fresh_pg_schema, keyed_corpus, system_points  # noqa: E402


def _run(src: Path, folder: Path, case_dir: Path, db: str | None) -> dict:
    args = [sys.executable, str(HERE / "ingest.py"), "--child", "interleaved", str(folder),
            str(case_dir), db or ""]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(args, capture_output=True, text=True, check=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def _drop_schema(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def _overhead(res: dict) -> str:
    return (f"wall {res['docket_s'] / res['ref_s'] - 1:+.0%}, CPU "
            f"{res['docket_cpu'] / res['ref_cpu'] - 1:+.0%} ({system_points(res):+.0%} of it "
            "kernel)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True, help="the other tree's src folder")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pages", choices=["flat", "news"], default="flat",
                        help="the page generator (bench/ingest.py --pages)")  # fmt: skip
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgres"])
    parser.add_argument("--where", type=Path, default=None, help="folder for the documents and "
                        "cases (default: the system's temporary folder)")  # fmt: skip
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": (HERE.parent / "src").resolve()}
    with tempfile.TemporaryDirectory(dir=args.where) as tmp:
        folder, _, _ = keyed_corpus(Path(tmp), args.n, args.pages)
        for backend in args.backend or ["sqlite", "postgres"]:
            keys = ("ref_s", "ref_cpu", "ref_sys", "docket_s", "docket_cpu", "docket_sys")
            sums = {name: dict.fromkeys(keys, 0.0) for name in trees}
            for number in range(args.rounds):
                order = list(trees) if number % 2 == 0 else list(trees)[::-1]
                for name in order:
                    run = f"ab_{name}_{number}"
                    db = _fresh_pg_schema(run) if backend == "postgres" else None
                    res = _run(trees[name], folder, Path(tmp) / f"{backend}-{run}", db)
                    if db:
                        _drop_schema(run)
                    for key in keys:
                        sums[name][key] += res[key]
                    print(f"[{backend}] round {number + 1} {name}: {_overhead(res)}; load "
                          f"{os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
            for name, total in sums.items():
                print(f"[{backend}] {name}, all rounds: {_overhead(total)}", flush=True)


if __name__ == "__main__":
    main()
