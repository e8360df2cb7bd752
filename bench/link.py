"""Benchmark docket's Korean-aware linkage against Splink used plainly, on SYNTHETIC lists.

Same generated data, same machine, each method in its own process (peak RSS per process):
  docket : link_records (Korean name keys, intervals, gazetteer ids, chain guard)
  plain  : Splink with the name as one string (Jaro-Winkler), other fields as exact strings
Reports pairwise precision/recall/F1, B-cubed F1, wall time and peak memory.

    PYTHONPATH=src python bench/link.py --records 10000 100000 --variation 2.0
    PYTHONPATH=src python bench/link.py --records 100000 --methods spark
    PYTHONPATH=src python bench/link.py --records 1000000 --cache /tmp/docket-bench-cache
    PYTHONPATH=src python bench/link.py --bad-row 1000000     # fail-fast check
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

RECORDS_PER_PERSON = 1.55  # docket.synth default lists: records per person drawn


def _pairs(sizes: pd.Series) -> int:
    s = sizes.to_numpy(dtype=np.int64)
    return int((s * (s - 1) // 2).sum())


def scores(clusters: pd.DataFrame, truth: pd.DataFrame) -> dict[str, float]:
    df = clusters.merge(truth, on="record_id")
    both = df.groupby(["cluster_id", "person_id"]).size()
    tp = _pairs(both)
    pred = _pairs(df.groupby("cluster_id").size())
    true = _pairs(df.groupby("person_id").size())
    p = tp / pred if pred else 1.0
    r = tp / true if true else 1.0
    inter = df.merge(both.rename("n_both").reset_index(), on=["cluster_id", "person_id"])
    csize = df.groupby("cluster_id").size().rename("n_c")
    psize = df.groupby("person_id").size().rename("n_p")
    inter = inter.join(csize, on="cluster_id").join(psize, on="person_id")
    bp = (inter["n_both"] / inter["n_c"]).mean()
    br = (inter["n_both"] / inter["n_p"]).mean()
    return {
        "pairwise_precision": round(p, 4),
        "pairwise_recall": round(r, 4),
        "pairwise_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "bcubed_f1": round(2 * bp * br / (bp + br), 4),
    }


def plain_splink(df: pd.DataFrame, threshold: float, backend: str) -> pd.DataFrame:
    """Splink as a user without Korean-name support would set it up."""
    import logging

    from splink import Linker, SettingsCreator, block_on
    from splink import comparison_library as cl
    from splink.backends.duckdb import DuckDBAPI

    data = pd.DataFrame(
        {
            "unique_id": df["record_id"],
            "name": np.where(df["name"].str.strip() != "", df["name"], df["name_hangul"]),
        }
    )
    for c in ("sex", "birth_year", "birth_place", "facility", "event_date"):
        data[c] = df[c].where(df[c].str.strip() != "", None)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("name", [0.92, 0.85]),
            cl.ExactMatch("birth_year"),
            cl.ExactMatch("sex"),
            cl.ExactMatch("birth_place"),
            cl.ExactMatch("facility").configure(term_frequency_adjustments=True),
            cl.ExactMatch("event_date"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("name"),
            block_on("substr(name, 1, 4)", "birth_year"),
        ],
    )
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    db = DuckDBAPI(con)
    linker = Linker(db.register(data), settings, log_level=logging.WARNING)
    logging.getLogger("splink").setLevel(logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("name", "birth_year")], recall=0.5
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=42)
    for rule in (block_on("name"), block_on("birth_year", "facility")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule, max_pairs=5e6)
    pred = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, threshold)
    out = clusters.as_pandas_dataframe()[["unique_id", "cluster_id"]]
    return out.rename(columns={"unique_id": "record_id"}).astype(str)


def run_child(method: str, data: Path, out: Path, threshold: float) -> None:
    from docket.link import read_person_records

    t0 = time.perf_counter()
    df = read_person_records([data])
    if method in ("docket", "spark"):
        from docket.link import link_records

        backend = "spark" if method == "spark" else "duckdb"
        res = link_records(df, threshold=threshold, backend=backend)
        clusters = res.clusters[["record_id", "cluster_id"]]
        out.with_suffix(".phases.json").write_text(json.dumps({"phases": res.timings}))
    else:
        clusters = plain_splink(df, threshold, "duckdb")
    secs = time.perf_counter() - t0
    clusters.to_csv(out, index=False)
    out.with_suffix(".json").write_text(json.dumps({"seconds": secs}))


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process and all its descendants, summed, in KiB, from /proc.

    RSS counts a page shared by a forked worker and its parent once per process; PSS splits it
    between them, so the PSS sum is the memory the tree really holds."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue  # exited while we looked
    return rss, pss


class _TreeMemory(threading.Thread):
    """Samples a process tree's summed RSS and PSS every 0.2 s: the peak with children alive
    at once (a forked worker pool, Spark's JVM), which ru_maxrss (largest single process)
    misses."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.rss_kb, self.pss_kb, self.done = pid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            rss, pss = _tree_memory_kb(self.pid)
            self.rss_kb, self.pss_kb = max(self.rss_kb, rss), max(self.pss_kb, pss)


def measure(method: str, data: Path, truth: pd.DataFrame, threshold: float, workdir: Path) -> dict:
    out = workdir / f"{method}-clusters.csv"
    cmd = [
        sys.executable,
        __file__,
        "--child",
        method,
        "--data",
        str(data),
        "--out",
        str(out),
        "--threshold",
        str(threshold),
    ]
    load = os.getloadavg()[0]
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": "src"})
    sampler = _TreeMemory(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    sampler.done.set()
    sampler.join()
    if status != 0:
        return {"method": method, "error": f"exit status {status}"}
    secs = json.loads(out.with_suffix(".json").read_text())["seconds"]
    clusters = pd.read_csv(out, dtype=str)
    return {
        "method": method,
        "seconds": round(secs, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "peak_tree_rss_mb": round(sampler.rss_kb / 1024),
        "peak_tree_pss_mb": round(sampler.pss_kb / 1024),
        "load_before": round(load, 1),
        "load_after": round(os.getloadavg()[0], 1),
        **(json.loads(out.with_suffix(".phases.json").read_text()) if method != "plain" else {}),
        **scores(clusters, truth),
    }


def bad_row_check(n: int) -> dict:
    """A file of n rows whose last row lacks a name: how fast is it refused?"""
    with tempfile.TemporaryDirectory(prefix="docket-bench-") as tmp:
        path = Path(tmp) / "big.csv"
        rows = pd.DataFrame(
            {
                "record_id": [f"r{i}" for i in range(n)],
                "source": "s",
                "name": "Kim Yong Chol",
                "note": "SYNTHETIC",
            }
        )
        rows.loc[n - 1, "name"] = ""
        rows.to_csv(path, index=False)
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "docket", "dedupe", str(path)],
            env={**os.environ, "PYTHONPATH": "src"},
            capture_output=True,
            text=True,
        )
        return {
            "rows": n,
            "exit": proc.returncode,
            "seconds": round(time.perf_counter() - t0, 1),
            "message": proc.stderr.strip()[-120:],
        }


def _generated(n: int, seed: int, variation: float, where: Path) -> tuple[Path, pd.DataFrame]:
    """SYNTHETIC lists for n records and their truth; reused from `where` when there (at a
    million records generating takes longer than linking)."""
    data = where / f"records-{n}-{seed}-{variation}.csv"
    truth_path = where / f"truth-{n}-{seed}-{variation}.csv"
    if not (data.is_file() and truth_path.is_file()):
        from docket.synth.people import synthetic_records

        recs = synthetic_records(int(n / RECORDS_PER_PERSON), seed=seed, variation=variation)
        recs.drop(columns=["person_id"]).to_csv(data, index=False)
        recs[["record_id", "person_id"]].to_csv(truth_path, index=False)
    return data, pd.read_csv(truth_path, dtype=str)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, nargs="*", default=[10_000])
    ap.add_argument("--methods", nargs="*", default=["docket", "plain"])
    ap.add_argument("--variation", type=float, default=2.0)
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bad-row", type=int)
    ap.add_argument("--cache", type=Path, help="keep generated lists here and reuse them")
    ap.add_argument("--child")
    ap.add_argument("--data", type=Path)
    ap.add_argument("--out", type=Path)
    a = ap.parse_args()
    if a.child:
        run_child(a.child, a.data, a.out, a.threshold)
        return
    if a.bad_row:
        print(json.dumps(bad_row_check(a.bad_row)))
        return
    results = []
    for n in a.records:
        with tempfile.TemporaryDirectory(prefix="docket-bench-") as tmp:
            work = Path(tmp)
            t0 = time.perf_counter()
            data, truth = _generated(n, a.seed, a.variation, a.cache or work)
            gen = time.perf_counter() - t0
            for m in a.methods:
                row = {
                    "records": len(truth),
                    "variation": a.variation,
                    **measure(m, data, truth, a.threshold, work),
                }
                print(json.dumps(row), flush=True)
                results.append(row)
            print(json.dumps({"records": len(truth), "generate_seconds": round(gen, 1)}))
    cols = [
        "records",
        "method",
        "pairwise_precision",
        "pairwise_recall",
        "pairwise_f1",
        "bcubed_f1",
        "seconds",
        "peak_rss_mb",
        "peak_tree_rss_mb",
        "peak_tree_pss_mb",
        "load_before",
        "load_after",
    ]
    print("\n| " + " | ".join(cols) + " |\n|" + "---|" * len(cols))
    for r in results:
        print("| " + " | ".join(str(r.get(c, r.get("error", ""))) for c in cols) + " |")


if __name__ == "__main__":
    main()
