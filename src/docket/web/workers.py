"""Several uvicorn worker processes on one address (`docket serve --workers N`).

Each worker listens on a socket of its own, all bound to the same address with SO_REUSEPORT, so
the kernel spreads new connections over the workers. With one shared listening socket (what
uvicorn's supervisor does) the worker that wakes first accepts every connection waiting (asyncio
and libuv accept in a loop): 16 clients connecting at once often all landed on one worker, which
halved throughput and doubled p99 at random, decided at connect time (measured:
docs/benchmarks.md#web).
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import threading

import uvicorn
from uvicorn.main import STARTUP_FAILURE

from docket.errors import BadInput, DocketError


def listening_socket(host: str, port: int, *, share_port: bool = True) -> socket.socket:
    """A TCP socket bound to (host, port), with SO_REUSEPORT unless `share_port` is False.

    Named as TCP with TCP_NODELAY set: asyncio turns Nagle's algorithm off only on connections
    accepted from a socket that says it is TCP; otherwise every response sent in two writes
    waited for the client's delayed ACK (~40 ms on Linux: 44 ms per request against 1.5 ms)."""
    family, _, _, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is no listener
        if share_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def _refuse_a_taken_address(host: str, port: int) -> None:
    """SO_REUSEPORT would let the workers join another server already listening there (say,
    another case's): connections would then be split between the two. A bind without it fails
    on any listener, so the address is checked that way first."""
    listening_socket(host, port, share_port=False).close()


def _serve_one(config: uvicorn.Config) -> None:
    """One worker process: its own socket, one uvicorn server."""
    sock = listening_socket(config.host, config.port)
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    except Exception as exc:  # the app did not load (say, the case would not open)
        if server.started:
            raise
        # no traceback: it could carry protected values; docket's own errors are safe to show
        detail = str(exc) if isinstance(exc, DocketError) else type(exc).__name__
        print(f"docket: error: a worker could not start: {detail}", file=sys.stderr)  # noqa: T201
    if not server.started:  # it would fail the same way again: tell the supervisor to stop
        sys.exit(STARTUP_FAILURE)


def run_workers(config: uvicorn.Config, workers: int) -> None:
    """Start `workers` processes and keep them running until SIGINT or SIGTERM; a worker that
    dies is replaced, unless it failed at start-up (a broken case or address fails every time)."""
    if not hasattr(socket, "SO_REUSEPORT"):
        raise BadInput("more than one worker needs SO_REUSEPORT (Linux, BSD); run one worker",
                       where="--workers")  # fmt: skip
    spawn = multiprocessing.get_context("spawn")
    _refuse_a_taken_address(config.host, config.port)
    stop = threading.Event()
    handlers = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)
    }

    def start() -> multiprocessing.process.BaseProcess:
        process = spawn.Process(target=_serve_one, args=(config,), daemon=False)
        process.start()
        return process

    processes = [start() for _ in range(workers)]
    try:
        while not stop.wait(0.5):
            for n, process in enumerate(processes):
                if process.is_alive():
                    continue
                if process.exitcode == STARTUP_FAILURE:
                    stop.set()
                    break
                processes[n] = start()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
