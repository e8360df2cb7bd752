"""Command-line entry point: parses, calls one stage function, prints. No logic of its own."""

from __future__ import annotations

import os
import sys

import click

from docket.cli._app import app
from docket.errors import DocketError

# Each module registers its commands on `app` when imported.
from docket.cli import (  # noqa: F401,E402  isort: skip
    case_cmds,
    demo_cmds,
    estimate_cmds,
    evidence_cmds,
    extract_cmds,
    link_cmds,
    linking_cmds,
    report_cmds,
    review_cmds,
    security_cmds,
    web_cmds,
)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; DocketError becomes one line on stderr and the contract's exit code.

    Unexpected exceptions print their type only (a traceback could carry protected values);
    set DOCKET_DEBUG=1 to see it.
    """
    try:
        result = app(args=argv, standalone_mode=False)
    except DocketError as exc:
        print(f"docket: error: {exc}", file=sys.stderr)  # noqa: T201
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("DOCKET_DEBUG"):
            raise
        print(  # noqa: T201
            f"docket: internal error ({type(exc).__name__}); rerun with DOCKET_DEBUG=1 for details",
            file=sys.stderr,
        )
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)


__all__ = ["app", "main"]
