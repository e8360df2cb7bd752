"""The CLI reference (docs/cli.md), generated from the commands themselves so it cannot drift.

    python -m docket.cli.reference > docs/cli.md

A test regenerates it and fails when docs/cli.md differs: a new or changed command must be
documented in the same commit.
"""

from __future__ import annotations

from typing import Any

import typer.main

from docket.cli import app

HEADER = """# docket command reference

Generated from the commands' own help by `python -m docket.cli.reference > docs/cli.md`;
do not edit by hand. Exit codes for every command: 0 success, 2 bad input (the message names
the file, line or field), 1 any other failure.
"""


def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    if hasattr(command, "commands"):
        for name in sorted(command.commands):
            found += _walk(command.commands[name], [*path, name])
    return found


def _param_line(param: Any) -> str:
    if getattr(param, "param_type_name", "") == "argument":
        help_text = " ".join((getattr(param, "help", None) or "").split())
        return f"- `{param.name.upper()}` (argument): {help_text}".rstrip()
    opts = ", ".join(f"`{o}`" for o in param.opts)
    help_text = " ".join((getattr(param, "help", None) or "").split())
    default = getattr(param, "default", None)
    shown = "" if default in (None, False, (), []) else f" (default: {default})"
    return f"- {opts}: {help_text}{shown}".rstrip()


def render() -> str:
    root = typer.main.get_command(app)
    parts = [HEADER]
    for path, command in _walk(root, []):
        if not path or command.hidden:
            continue
        if hasattr(command, "commands") and not command.params:
            parts.append(f"## docket {' '.join(path)}\n\n{(command.help or '').strip()}\n")
            continue
        params = [p for p in command.params if p.name != "help"]
        body = "\n".join(_param_line(p) for p in params)
        parts.append(
            f"## docket {' '.join(path)}\n\n{(command.help or '').strip()}\n\n{body}\n".rstrip()
            + "\n"
        )
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")  # noqa: T201
