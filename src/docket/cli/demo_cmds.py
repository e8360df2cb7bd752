"""`docket demo`: the whole pipeline on the bundled synthetic case."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from docket.cli._app import app
from docket.cli._common import actor
from docket.cli.evidence_cmds import findings_table
from docket.demo import DEMO_KEY_FILE, DEMO_SEED, run_demo
from docket.evidence import findings


@app.command("demo")
def demo_cmd(
    path: Annotated[Path, typer.Argument(help="Folder for the demo case.")] = Path("docket-demo"),
    seed: Annotated[int, typer.Option(help="Seed of the synthetic generator.")] = DEMO_SEED,
) -> None:
    """Build the SYNTHETIC demo case and run every stage on it."""
    with run_demo(path, seed=seed, echo=typer.echo) as case:
        Console().print(findings_table(findings(case, actor=actor(case))))
        typer.echo(f"demo case ready in {case.root} (all data SYNTHETIC)")
        key_file = case.root / DEMO_KEY_FILE
        if key_file.is_file():
            typer.echo(f"to work on it: export DOCKET_KEY_FILE={key_file}")
