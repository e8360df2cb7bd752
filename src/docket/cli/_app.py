"""The one Typer application; each stage's command module registers on it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="docket",
    help="Preserve, extract, link, weigh and estimate: evidence that survives challenge.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

CaseOption = Annotated[
    Path | None,
    typer.Option("--case", help="Case folder (default: search upward from the current folder)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
