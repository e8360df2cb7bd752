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
PassphraseEnvOption = Annotated[
    str | None,
    typer.Option(
        "--passphrase-env",
        metavar="VAR",
        help="Read the case passphrase from this environment variable.",
    ),
]
KeyFileOption = Annotated[
    Path | None,
    typer.Option("--key-file", help="Wrap the case key with this key file instead."),
]


class GlobalState:
    """Options given before the command (`docket --as USER ...`)."""

    as_user: str | None = None


@app.callback()
def _global_options(
    as_user: Annotated[
        str | None,
        typer.Option(
            "--as",
            help="Act as this case user (password from DOCKET_PASSWORD, or asked); "
            "default: the local owner, admin.",
        ),
    ] = None,
) -> None:
    """Preserve, extract, link, weigh and estimate: evidence that survives challenge."""
    GlobalState.as_user = as_user
