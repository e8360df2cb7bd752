"""`docket demo`: the whole pipeline on the bundled synthetic case."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from docket.cli._app import app
from docket.cli._common import actor
from docket.cli.evidence_cmds import findings_table
from docket.demo import DEMO_KEY_FILE, DEMO_SEED, demo_login, run_demo
from docket.evidence import findings


@app.command("demo")
def demo_cmd(
    path: Annotated[Path, typer.Argument(help="Folder for the demo case.")] = Path("docket-demo"),
    seed: Annotated[int, typer.Option(help="Seed of the synthetic generator.")] = DEMO_SEED,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Stop after building the case (for scripts).")
    ] = False,
    host: Annotated[str, typer.Option(help="Address to serve the web UI on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve the web UI on.", min=1)] = 8000,
) -> None:
    """Build the SYNTHETIC demo case, run every stage on it, then serve the web UI on it."""
    with run_demo(path, seed=seed, echo=typer.echo) as case:
        Console().print(findings_table(findings(case, actor=actor(case))))
        typer.echo(f"demo case ready in {case.root} (all data SYNTHETIC)")
        key_file = case.root / DEMO_KEY_FILE
        if key_file.is_file():
            typer.echo(f"to work on it: export DOCKET_KEY_FILE={key_file}")
        if no_serve:
            return
        login = demo_login(case.root)
        if login:
            typer.echo(f"log in as {login[0]!r} with password {login[1]!r} (SYNTHETIC demo)")
        from docket.web.serve import serve  # the web stack loads only when it serves

        serve(case=case, host=host, port=port, announce=typer.echo)
