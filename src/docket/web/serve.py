"""Serving a case: `docket serve` and the end of `docket demo`."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path

from docket.case import Case

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
) -> None:
    """Run the API and UI until interrupted. On loopback the session cookie is sent over plain
    HTTP; on any other address docket expects TLS in front (cookies marked Secure)."""
    import uvicorn

    from docket.web.app import create_app

    app = create_app(case_root, case=case, secure_cookies=not is_loopback(host))
    shown = f"[{host}]" if ":" in host else host
    announce(f"docket is serving {app.state.case.config.name} at http://{shown}:{port}/ "
             "(Ctrl-C to stop)")  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
