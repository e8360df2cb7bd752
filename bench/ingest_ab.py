"""Before/after for the ingest overhead: two source trees, alternated, in one session.

    python bench/ingest_ab.py --before /path/to/main/src --n 1000 --rounds 2

Each round runs `bench/ingest.py`'s interleaved measurement (trafilatura alone and docket ingest
over the same chunks of pages, ABBA) once with the `--before` tree and once with this one's
`src`, in alternating order, each in a fresh process on a fresh case. Load on a shared machine
moves by the minute; alternating the two trees lets both see the same load, and the ratio of
each to trafilatura in the same process cancels the rest. SYNTHETIC documents.
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

from ingest import PG_URL, _fresh_pg_schema, keyed_corpus  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True, help="the other tree's src folder")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--backend", action="append", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": (HERE.parent / "src").resolve()}
    with tempfile.TemporaryDirectory() as tmp:
        folder, _, _ = keyed_corpus(Path(tmp), args.n)
        for backend in args.backend or ["sqlite", "postgres"]:
            sums = {name: [0.0, 0.0, 0.0, 0.0] for name in trees}
            for number in range(args.rounds):
                order = list(trees) if number % 2 == 0 else list(trees)[::-1]
                for name in order:
                    run = f"ab_{name}_{number}"
                    db = _fresh_pg_schema(run) if backend == "postgres" else None
                    res = _run(trees[name], folder, Path(tmp) / f"{backend}-{run}", db)
                    if db:
                        _drop_schema(run)
                    wall = res["docket_s"] / res["ref_s"] - 1
                    cpu = res["docket_cpu"] / res["ref_cpu"] - 1
                    for i, key_ in enumerate(("ref_s", "ref_cpu", "docket_s", "docket_cpu")):
                        sums[name][i] += res[key_]
                    print(f"[{backend}] round {number + 1} {name}: wall {wall:+.0%}, CPU "
                          f"{cpu:+.0%}; load {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
            for name, (ref_s, ref_cpu, dk_s, dk_cpu) in sums.items():
                print(f"[{backend}] {name}, all rounds: wall {dk_s / ref_s - 1:+.0%}, CPU "
                      f"{dk_cpu / ref_cpu - 1:+.0%}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
