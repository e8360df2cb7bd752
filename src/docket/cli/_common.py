"""Helpers every command module shares: opening the case and naming the actor."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

import typer

from docket.actor import Actor, local_actor
from docket.case import Case, open_case
from docket.errors import DocketError
from docket.security.errors import AuthenticationFailed, KeyFailure
from docket.security.keys import KeySource
from docket.security.users import authenticate

PASSWORD_ENV = "DOCKET_PASSWORD"


def _prompt_key(method: str) -> KeySource:
    if method != "passphrase":
        raise KeyFailure("this case is unlocked with a key file: set DOCKET_KEY_FILE to its path")
    return KeySource.passphrase(getpass.getpass("case passphrase: "), where="the passphrase typed")


def case_from(path: Path | None) -> Case:
    """Open the case and unlock its key (from the environment, or asked for on a terminal)
    before anything else, so a wrong or missing secret stops the command before it writes."""
    case = open_case(path)
    if sys.stdin.isatty():
        case.key_prompt = _prompt_key
    try:
        case.keyring  # noqa: B018
    except BaseException:
        case.close()
        raise
    return case


def actor(case: Case | None = None) -> Actor:
    """The local owner (admin), or with `docket --as USER` that user, authenticated against the
    case's users (password from DOCKET_PASSWORD, or asked on a terminal)."""
    from docket.cli._app import GlobalState

    if GlobalState.as_user is None:
        return local_actor()
    if case is None:
        raise DocketError("--as needs a case to look the user up in")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise AuthenticationFailed(f"--as {GlobalState.as_user}: set {PASSWORD_ENV}")
        password = getpass.getpass(f"password for {GlobalState.as_user}: ")
    return authenticate(case, GlobalState.as_user, password)


def key_from_options(
    passphrase_env: str | None, key_file: Path | None, *, purpose: str
) -> KeySource:
    """The secret for a new key wrap: --key-file, --passphrase-env VAR, DOCKET_KEY_FILE /
    DOCKET_PASSPHRASE, or typed twice on a terminal."""
    if passphrase_env and key_file:
        raise DocketError("give --passphrase-env or --key-file, not both")
    if key_file:
        return KeySource.key_file(key_file)
    if passphrase_env:
        value = os.environ.get(passphrase_env)
        if not value:
            raise KeyFailure(f"--passphrase-env {passphrase_env}: that variable is not set")
        return KeySource.passphrase(value, where=passphrase_env)
    found = KeySource.from_env()
    if found is not None:
        return found
    if not sys.stdin.isatty():
        raise KeyFailure(
            f"{purpose} needs a key: --passphrase-env VAR, --key-file PATH, "
            "or DOCKET_PASSPHRASE / DOCKET_KEY_FILE"
        )
    first = getpass.getpass("new case passphrase: ")
    if getpass.getpass("again: ") != first:
        raise KeyFailure("the two passphrases differ")
    return KeySource.passphrase(first, where="the passphrase typed")


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
