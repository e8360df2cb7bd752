"""`docket serve`: the REST API and web UI on one case."""

from __future__ import annotations

from typing import Annotated

import typer

from docket.cli._app import CaseOption, app
from docket.cli._common import case_from


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            help="Worker processes (one per core; the key must come from the "
            "environment when above 1).",
            min=1,
            max=64,
        ),
    ] = 1,
    case: CaseOption = None,
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the web UI for the case.

    The case key is unlocked from DOCKET_KEY_FILE / DOCKET_PASSPHRASE (or asked) before the
    server listens. Users log in with the accounts made by `docket user add`. On an address
    other than loopback, put TLS in front: session cookies are then marked Secure.
    """
    from docket.web.serve import serve  # the web stack loads only for the commands that serve

    opened = case_from(case)
    try:
        serve(case=opened, host=host, port=port, announce=typer.echo, workers=workers)
    finally:
        opened.close()
