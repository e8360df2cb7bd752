"""REST API under load: read throughput and p99 latency on the demo case, SQLite and PostgreSQL,
and concurrent writers (nothing lost, nothing duplicated).

The server is `docket serve --workers N` in its own processes; the read load comes from
bench/loadgen.py in a process of its own (raw asyncio HTTP/1.1 keep-alive, cheap on CPU: it
shares the cores), on loopback only, with a bounded number of requests and a time limit. Each
line reports the server's and the generator's CPU seconds. The writers run from this process.

    PYTHONPATH=src python bench/api.py [--backend sqlite|postgres|both] [--requests 3000]
        [--concurrency 16] [--writers 50] [--seconds 60] [--workers 2] [--case DEMO_DIR]

`--case DEMO_DIR` reuses a demo case made earlier (`docket demo --no-serve DEMO_DIR`, on either
backend) instead of building one (which takes minutes); the writers then add to it.

PostgreSQL: DOCKET_BENCH_PG (default postgresql://postgres@127.0.0.1:5432/test); the bench makes
and drops a schema of its own. All data is SYNTHETIC (the demo case).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg

from docket.actor import Actor
from docket.case import Case, open_case
from docket.demo import DEMO_KEY_FILE, run_demo
from docket.security import add_user, issue_token
from docket.sources import list_sources

PG = os.environ.get("DOCKET_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
ADMIN = Actor("bench", "admin")


@dataclass
class Load:
    latencies: list[float]  # sorted, seconds
    errors: int
    elapsed: float
    generator_cpu: float  # the load generator's own CPU seconds
    server_cpu: float  # the server processes' CPU seconds over the same time
    postgres_cpu: float  # PostgreSQL's processes' (all of them, whoever they serve)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def readers(case: Case) -> tuple[dict[str, str], list[int]]:
    """An investigator and an analyst with tokens (new names each run), and the source ids."""
    tokens = {}
    tag = uuid.uuid4().hex[:6]
    for name, role in ((f"inv-{tag}", "investigator"), (f"ana-{tag}", "analyst")):
        add_user(case, name, "SYNTHETIC-bench-pw", role, actor=ADMIN)
        tokens[role] = issue_token(case, name, actor=ADMIN)
    return tokens, [s.id for s in list_sources(case, actor=ADMIN)]


def build(folder: Path, url: str | None) -> tuple[dict[str, str], list[int]]:
    """The demo case plus its readers."""
    with run_demo(folder, database_url=url) as case:
        return readers(case)


def reuse(folder: Path) -> tuple[str, dict[str, str], list[int]]:
    """A demo case built earlier: its backend and its readers."""
    os.environ["DOCKET_KEY_FILE"] = str(folder / DEMO_KEY_FILE)
    with open_case(folder) as case:
        backend = "sqlite" if case.url.startswith("sqlite") else "postgres"
        return backend, *readers(case)


def start_server(folder: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DOCKET_KEY_FILE": str(folder / DEMO_KEY_FILE)}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1] / "src")
    server = subprocess.Popen(
        [sys.executable, "-m", "docket", "serve", "--case", str(folder), "--port", str(port),
         "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1)
            return server
        except httpx.HTTPError:
            time.sleep(0.2)
    stop(server)
    assert server.stderr is not None
    raise SystemExit(f"server did not start: {server.stderr.read().decode()[-2000:]}")


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the server and its worker processes (its own process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):  # still busy with requests in flight
        server.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    server.wait()


def read_paths(ids: list[int]) -> list[str]:
    """A mix like an investigator's browsing: lists, sources, search, findings, review."""
    paths = []
    for i, sid in enumerate(ids[:40]):
        paths += [f"/api/sources/{sid}", f"/api/sources/{sid}/suggestions"]
        if i % 4 == 0:
            paths += ["/api/sources?kind=testimony", "/api/allegations", "/api/facilities"]
        if i % 5 == 0:
            paths += ["/api/search?q=Yodok", "/api/search?q=forced%20labour", "/api/overview"]
    return paths


def cpu_seconds(group: int) -> tuple[float, float]:
    """User + system CPU seconds of the live processes of a process group (the server's), and
    of every process named postgres on this machine (the database: other users' too)."""
    tick = os.sysconf("SC_CLK_TCK")
    server = postgres = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            head, tail = stat.read_text().rsplit(")", 1)
            fields = tail.split()  # pgrp is field 5, utime and stime fields 14 and 15
            used = (int(fields[11]) + int(fields[12])) / tick
            if int(fields[2]) == group:
                server += used
            elif head.endswith("(postgres"):
                postgres += used
    return server, postgres


def load(port: int, token: str, paths: list[str], total: int, concurrency: int,
         seconds: float, server: int) -> Load:  # fmt: skip
    """Run bench/loadgen.py in a process of its own (the issue asks for a separate load
    generator); the server's CPU time is read around it from /proc."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        listing.write("\n".join(paths))
        listing.flush()
        server0, postgres0 = cpu_seconds(server)
        done = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("loadgen.py")), "--port", str(port),
             "--paths", listing.name, "--total", str(total), "--concurrency", str(concurrency),
             "--seconds", str(seconds)],
            env={**os.environ, "DOCKET_BENCH_TOKEN": token}, capture_output=True, text=True,
            check=True,
        )  # fmt: skip
        server1, postgres1 = cpu_seconds(server)
    result = json.loads(done.stdout)
    return Load(sorted(result["latencies"]), result["errors"], result["elapsed"],
                result["cpu_s"], server1 - server0, postgres1 - postgres0)  # fmt: skip


async def writers(base: str, token: str, count: int) -> tuple[int, int, int, float]:
    """`count` uploads at once, each a distinct testimony sent twice concurrently; then count
    the sources: each must exist exactly once."""
    headers = {"Authorization": f"Bearer {token}"}
    tag = uuid.uuid4().hex[:8]

    def body(i: int) -> bytes:
        return (f"---\nwitness_pseudonym: W-9{i:03d}\nconsent: internal\n---\nSYNTHETIC bench "
                f"testimony {tag} number {i} about forced labour.\n").encode()  # fmt: skip

    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        t0 = time.perf_counter()
        calls = [client.post("/api/sources", headers=headers,
                             files={"files": (f"w{i}.md", body(i), "text/markdown")})
                 for i in range(count) for _ in range(2)]  # fmt: skip
        answers = await asyncio.gather(*calls)
        elapsed = time.perf_counter() - t0
        failed = sum(r.status_code != 201 for r in answers)
        hits = (await client.get(f"/api/search?q={tag}&limit=100", headers=headers)).json()
    ids = [h["source_id"] for h in hits]
    return len(set(ids)), len(ids) - len(set(ids)), failed, elapsed


def run(backend: str, args: argparse.Namespace) -> None:
    schema = None
    url = None
    if backend == "postgres":
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        url = f"{PG}?options=-csearch_path%3D{schema}"
    with tempfile.TemporaryDirectory(prefix="docket-bench-api-") as tmp:
        folder = Path(tmp) / "demo"
        t0 = time.perf_counter()
        tokens, ids = build(folder, url)
        print(f"[{backend}] demo case built in {time.perf_counter() - t0:.1f}s, {len(ids)} sources")
        measure(backend, folder, tokens, ids, args)
    if schema:
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def report(label: str, got: Load) -> None:
    lat = got.latencies
    p50 = statistics.median(lat) * 1000
    p99 = lat[int(len(lat) * 0.99) - 1] * 1000
    print(f"{label}: {len(lat)} requests in {got.elapsed:.1f}s = "
          f"{len(lat) / got.elapsed:.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
          f"{got.errors} server errors; CPU: server {got.server_cpu:.1f}s, load "
          f"generator {got.generator_cpu:.1f}s, postgres {got.postgres_cpu:.1f}s; "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip


def measure(backend: str, folder: Path, tokens: dict[str, str], ids: list[int],
            args: argparse.Namespace) -> None:  # fmt: skip
    """Serve the case in its own process and load it: reads per role, then the writers."""
    port = free_port()
    server = start_server(folder, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        paths = read_paths(ids)
        # the first analyst requests build the name matcher (once per worker process)
        t0 = time.perf_counter()
        load(port, tokens["analyst"], paths, 4 * args.workers, args.workers, 120, server.pid)
        print(f"[{backend}] first analyst requests (name matcher built in each of "
              f"{args.workers} workers): {time.perf_counter() - t0:.1f}s")  # fmt: skip
        for role in ("investigator", "analyst"):
            # cold: every path about twice per worker, so each worker's read cache is filled;
            # reported, then the steady-state run that the target is about
            cold = load(port, tokens[role], paths, 2 * args.workers * len(paths),
                        2 * args.workers, args.seconds, server.pid)  # fmt: skip
            report(f"[{backend}] cold pass as {role}", cold)
            got = load(port, tokens[role], paths, args.requests, args.concurrency, args.seconds,
                       server.pid)  # fmt: skip
            report(f"[{backend}] reads as {role}", got)
        unique, dupes, failed, elapsed = asyncio.run(
            writers(base, tokens["investigator"], args.writers)
        )
        print(f"[{backend}] {args.writers} writers x2 (same file twice): {unique} sources "
              f"made, {dupes} duplicated, {args.writers - unique} lost, {failed} failed "
              f"requests, {elapsed:.1f}s")  # fmt: skip
    finally:
        stop(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--case", type=Path, help="reuse this demo case (built earlier)")
    args = parser.parse_args()
    print(f"cores available: {len(os.sched_getaffinity(0))}, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")  # fmt: skip
    if args.case:
        backend, tokens, ids = reuse(args.case.resolve())
        print(f"[{backend}] reusing {args.case}: {len(ids)} sources")
        measure(backend, args.case.resolve(), tokens, ids, args)
        return
    for backend in ["sqlite", "postgres"] if args.backend == "both" else [args.backend]:
        run(backend, args)


if __name__ == "__main__":
    main()
