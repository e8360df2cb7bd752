"""Fixtures for the security tests: a case holding the planted witness, users for every role."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from docket.actor import ROLES, Actor
from docket.case import Case
from docket.cli import main
from docket.cli._app import GlobalState
from docket.ingest import ingest_paths
from docket.security import add_user
from tests.security.plant import write_plant

PASSWORD = "SYNTHETIC-password-1"


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real Argon2id, with small parameters: tests authenticate dozens of times."""
    monkeypatch.setattr(
        "docket.security.users._HASHER",
        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),
    )


@pytest.fixture
def planted(case: Case, admin: Actor, tmp_path: Path) -> Case:
    files = write_plant(tmp_path / "plant")
    report = ingest_paths(case, [tmp_path / "plant"], actor=admin)
    assert report.count("ingested") == len(files), [o.reason for o in report.failed]
    return case


@pytest.fixture
def users(planted: Case, admin: Actor) -> dict[str, str]:
    """One user per role; returns role -> username."""
    for role in ROLES:
        add_user(planted, f"u-{role}", PASSWORD, role, actor=admin)
    return {role: f"u-{role}" for role in ROLES}


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run `docket` in-process through its real entry point (exit codes, error lines included);
    returns (exit code, stdout, stderr)."""

    def run(*args: str, as_user: str | None = None) -> tuple[int, str, str]:
        GlobalState.as_user = None
        monkeypatch.setenv("DOCKET_PASSWORD", PASSWORD)
        argv = (["--as", as_user] if as_user else []) + list(args)
        capsys.readouterr()
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return run
