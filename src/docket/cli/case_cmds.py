"""Case-level commands: version (init, ingest, sources, show, search and verify follow)."""

from __future__ import annotations

import typer

from docket import __version__
from docket.cli._app import app


@app.command("version")
def version_cmd() -> None:
    """Print docket's version."""
    typer.echo(__version__)
