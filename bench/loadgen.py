"""A cheap HTTP/1.1 load generator, run by bench/api.py in a process of its own.

It shares the machine's cores with the server it measures, so it must cost little CPU: raw
asyncio streams, one keep-alive connection per concurrent client, GET only, and no HTTP library.
It prints one JSON object: every latency (seconds), the count of 5xx answers and failures, the
wall time, and its own CPU time (so a reader sees how the cores were split).

    DOCKET_BENCH_TOKEN=T python bench/loadgen.py --port 8000 --paths paths.txt --total 3000 \
        --concurrency 16 --seconds 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import time
from pathlib import Path


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one response (Content-Length or chunked body); its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = None
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def client(port: int, requests: list[bytes], counter: object, start: float,
                 seconds: float, out: dict[str, list[float] | int]) -> None:  # fmt: skip
    """One keep-alive connection sending requests one after another until the work runs out."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    latencies: list[float] = out["latencies"]  # type: ignore[assignment]
    try:
        for n in counter:  # type: ignore[attr-defined]
            if time.perf_counter() - start > seconds:
                return
            t0 = time.perf_counter()
            try:
                writer.write(requests[n % len(requests)])
                status = await asyncio.wait_for(read_response(reader), timeout=30)
                out["errors"] += status >= 500  # type: ignore[operator]
            except (TimeoutError, OSError, asyncio.IncompleteReadError):
                out["errors"] += 1  # type: ignore[operator]
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            latencies.append(time.perf_counter() - t0)
    finally:
        writer.close()


async def run(args: argparse.Namespace) -> dict[str, object]:
    paths = Path(args.paths).read_text().split()
    token = os.environ["DOCKET_BENCH_TOKEN"]  # not on the command line, where `ps` shows it
    requests = [
        (f"GET {p} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
         "Accept: application/json\r\n\r\n").encode()
        for p in paths
    ]  # fmt: skip
    out: dict[str, list[float] | int] = {"latencies": [], "errors": 0}
    counter = iter(range(args.total))
    start = time.perf_counter()
    await asyncio.gather(
        *(client(args.port, requests, counter, start, args.seconds, out)
          for _ in range(args.concurrency))
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {**out, "elapsed": elapsed, "cpu_s": usage.ru_utime + usage.ru_stime}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--paths", required=True, help="a file: one request path a line")
    parser.add_argument("--total", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30)
    print(json.dumps(asyncio.run(run(parser.parse_args()))))


if __name__ == "__main__":
    main()
