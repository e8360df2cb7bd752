"""Helpers every command module shares: opening the case and naming the actor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from docket.actor import Actor, local_actor
from docket.case import Case, open_case


def case_from(path: Path | None) -> Case:
    return open_case(path)


def actor() -> Actor:
    return local_actor()


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
