"""Serving a case: `docket serve` and the end of `docket demo`."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from docket.case import Case
from docket.errors import BadInput
from docket.security.keys import KeySource

if TYPE_CHECKING:
    from fastapi import FastAPI

# how `serve` tells its worker processes what to open (a path and a flag: no secret)
_CASE_ENV, _SECURE_ENV = "DOCKET_SERVE_CASE", "DOCKET_SERVE_SECURE_COOKIES"

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    case_root: Path | None = None,
    *,
    case: Case | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    announce: Callable[[str], None] = lambda _: None,
    workers: int = 1,
) -> None:
    """Run the API and UI until interrupted. On loopback the session cookie is sent over plain
    HTTP; on any other address docket expects TLS in front (cookies marked Secure).

    `workers` > 1 runs that many processes (requests are CPU-bound Python: one process uses one
    core). Each opens the case and unlocks its key itself, so the key must come from the
    environment (DOCKET_KEY_FILE / DOCKET_PASSPHRASE), not a prompt; sessions and the matcher
    cache's invalidation work across processes (both live in the case)."""
    import uvicorn

    from docket.web.app import create_app
    from docket.web.workers import run_workers

    if workers > 1 and KeySource.from_env() is None:
        raise BadInput("more than one worker needs the case key in DOCKET_KEY_FILE or "
                       "DOCKET_PASSPHRASE: each worker unlocks the case",
                       where="--workers")  # fmt: skip
    secure = not is_loopback(host)
    app = create_app(case_root, case=case, secure_cookies=secure, warm=workers <= 1)
    shown = f"[{host}]" if ":" in host else host
    announce(f"docket is serving {app.state.case.config.name} at http://{shown}:{port}/ "
             f"{f'with {workers} workers ' if workers > 1 else ''}(Ctrl-C to stop)")  # fmt: skip
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    os.environ[_CASE_ENV] = str(app.state.case.root)
    os.environ[_SECURE_ENV] = "1" if secure else "0"
    app.state.case.close()  # the workers open their own
    config = uvicorn.Config("docket.web.serve:worker_app", factory=True, host=host, port=port,
                            log_level="warning", access_log=False)  # fmt: skip
    run_workers(config, workers)


def worker_app() -> FastAPI:
    """The app of one worker process started by `serve(workers=N)`."""
    from docket.web.app import create_app

    secure = os.environ[_SECURE_ENV] != "0"
    return create_app(Path(os.environ[_CASE_ENV]), secure_cookies=secure, warm=True)
