"""Security commands: key, user, audit, witness, backup, restore."""

from __future__ import annotations

import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from docket.cli._app import CaseOption, JsonOption, KeyFileOption, PassphraseEnvOption, app
from docket.cli._common import actor, case_from, key_from_options, print_json
from docket.errors import BadInput
from docket.security import (
    KeySource,
    add_user,
    audit_log,
    backup_case,
    find_by_name,
    get_witness,
    issue_token,
    list_users,
    new_key_file,
    restore_case,
    rotate_key,
    verify_audit,
)

key_app = typer.Typer(help="The case key: make a key file, re-wrap (rotate) the key.")
user_app = typer.Typer(help="Case users and their roles.")
audit_app = typer.Typer(help="The tamper-evident audit trail.")
witness_app = typer.Typer(help="Witness identities (investigators only; every read is audited).")
app.add_typer(key_app, name="key")
app.add_typer(user_app, name="user")
app.add_typer(audit_app, name="audit")
app.add_typer(witness_app, name="witness")


@key_app.command("new-file")
def key_new_file_cmd(path: Annotated[Path, typer.Argument(help="Where to write it.")]) -> None:
    """Write a new random key file (owner-readable only), for `--key-file` / DOCKET_KEY_FILE."""
    new_key_file(path)
    typer.echo(f"wrote key file {path}; keep it off the machine that holds the case")


@key_app.command("rotate")
def key_rotate_cmd(
    passphrase_env: PassphraseEnvOption = None,
    key_file: KeyFileOption = None,
    case: CaseOption = None,
) -> None:
    """Re-wrap the case key under a new passphrase or key file (the current one must unlock).

    The current secret comes from DOCKET_PASSPHRASE / DOCKET_KEY_FILE (or is asked); the new one
    from --passphrase-env VAR or --key-file PATH."""
    if not passphrase_env and not key_file:
        raise BadInput("give the new secret with --passphrase-env VAR or --key-file PATH")
    new = key_from_options(passphrase_env, key_file, purpose="rotation")
    with case_from(case) as opened:
        method = rotate_key(opened, new, actor=actor(opened))
    typer.echo(f"case key re-wrapped ({method}); the old secret no longer opens this case")


@user_app.command("add")
def user_add_cmd(
    username: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help="admin|investigator|analyst|reviewer|public")],
    password_env: Annotated[
        str | None,
        typer.Option("--password-env", metavar="VAR", help="Read the password from this variable."),
    ] = None,
    case: CaseOption = None,
) -> None:
    """Add a user; the password is hashed with Argon2id."""
    if password_env:
        password = os.environ.get(password_env) or ""
        if not password:
            raise BadInput("that variable is not set", where=f"--password-env {password_env}")
    elif sys.stdin.isatty():
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    else:
        raise BadInput("give the password with --password-env VAR", where="password")
    with case_from(case) as opened:
        user = add_user(opened, username, password, role, actor=actor(opened))
    typer.echo(f"added user {user.username} ({user.role})")


@user_app.command("list")
def user_list_cmd(json_out: JsonOption = False, case: CaseOption = None) -> None:
    """List the case's users."""
    with case_from(case) as opened:
        users = list_users(opened, actor=actor(opened))
    if json_out:
        print_json([asdict(u) for u in users])
        return
    for user in users:
        state = "" if user.active else " (inactive)"
        typer.echo(f"{user.username}\t{user.role}{state}")


@user_app.command("token")
def user_token_cmd(
    username: Annotated[str, typer.Argument(help="The user the token acts as.")],
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    case: CaseOption = None,
) -> None:
    """Issue an API token (printed once; only its hash is kept)."""
    with case_from(case) as opened:
        token = issue_token(opened, username, actor=actor(opened), label=label)
    typer.echo(token)


@audit_app.command("log")
def audit_log_cmd(
    limit: Annotated[int, typer.Option(help="The newest this many entries.")] = 50,
    action: Annotated[str | None, typer.Option(help="Only actions starting with this.")] = None,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Show the audit trail, oldest first."""
    with case_from(case) as opened:
        entries = audit_log(opened, actor=actor(opened), limit=limit, action=action)
    if json_out:
        print_json([asdict(e) for e in entries])
        return
    for e in entries:
        typer.echo(f"{e.seq:>6} {e.at} {e.actor:<28} {e.action:<24} {e.target or ''} "
                   f"{e.details if e.details else ''}".rstrip())  # fmt: skip


@audit_app.command("verify")
def audit_verify_cmd(case: CaseOption = None) -> None:
    """Check the hash chain; exit 1 naming each modified, deleted, inserted or moved entry."""
    with case_from(case) as opened:
        report = verify_audit(opened, actor=actor(opened))
    for problem in report.problems:
        typer.echo(str(problem))
    if report.ok:
        typer.echo(f"audit trail intact: {report.checked} entries, head {report.head}")
    else:
        typer.echo(f"audit trail BROKEN: {len(report.problems)} problem(s) in {report.checked} "
                   "entries")  # fmt: skip
        raise typer.Exit(1)


@witness_app.command("show")
def witness_show_cmd(
    pseudonym: Annotated[str, typer.Argument(help="e.g. W-0042")],
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """A witness's name, contact and family details (audited)."""
    with case_from(case) as opened:
        view = get_witness(opened, pseudonym, actor=actor(opened))
    if json_out:
        print_json(asdict(view))
        return
    for label, value in asdict(view).items():
        typer.echo(f"{label:>14}: {value if value not in (None, []) else ''}")


@witness_app.command("find")
def witness_find_cmd(
    name: Annotated[str, typer.Argument(help="Exact name (case, spaces, hyphens ignored).")],
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Exact-name lookup through the blind index (nothing is decrypted to search)."""
    with case_from(case) as opened:
        found = find_by_name(opened, name, actor=actor(opened))
    if json_out:
        print_json(asdict(found))
        return
    typer.echo("witnesses: " + (", ".join(found.witnesses) or "none"))
    typer.echo("person reports: " + (", ".join(map(str, found.person_reports)) or "none"))


@app.command("backup")
def backup_cmd(
    file: Annotated[Path, typer.Argument(help="The backup file to write (must not exist).")],
    case: CaseOption = None,
) -> None:
    """Write an encrypted archive of the case: database, search index and blobs."""
    with case_from(case) as opened:
        size = backup_case(opened, file, actor=actor(opened))
    typer.echo(f"wrote encrypted backup {file} ({size} bytes)")


@app.command("restore")
def restore_cmd(
    file: Annotated[Path, typer.Argument(help="A backup made by `docket backup`.")],
    into: Annotated[
        Path | None, typer.Option(help="New case folder (default: named after the file).")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Empty PostgreSQL database to restore into.")
    ] = None,
) -> None:
    """Restore a backup into a new case. The passphrase (or key file) that opened the case when
    the backup was made opens it: DOCKET_PASSPHRASE / DOCKET_KEY_FILE."""
    target = into or Path(file.stem)
    key = KeySource.from_env()
    restored = restore_case(file, target, database_url=db, key=key, actor=actor())
    with restored:
        typer.echo(f"restored case {restored.config.name!r} into {restored.root}")
