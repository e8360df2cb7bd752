"""The role matrix: every service operation, every role; and what each role sees."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from docket.actor import ROLES, Actor
from docket.errors import BadInput
from docket.ingest import ingest_paths
from docket.security import (
    KeySource,
    PermissionDenied,
    add_user,
    audit_log,
    authenticate,
    backup_case,
    find_by_name,
    get_witness,
    issue_token,
    list_users,
    restore_case,
    rotate_key,
    verify_audit,
)
from docket.security.errors import AuthenticationFailed
from docket.security.users import actor_for_token, revoke_token
from docket.sources import get_source, list_sources, search_sources
from docket.store.models import ApiToken, Source, User
from docket.verify import verify_case
from tests.ingest.samples import write_samples
from tests.security.conftest import PASSWORD
from tests.security.plant import GIVEN, NAME, leaks_in_text

A, INV, N, R, P = "admin", "investigator", "analyst", "reviewer", "public"
EVERYONE = {A, INV, N, R, P}

# Written out by hand (not derived from docket.security.policy) so the test checks the policy.
MATRIX: dict[str, set[str]] = {
    "ingest": {A, INV},
    "list_sources": EVERYONE,
    "get_source": EVERYONE,
    "search_sources": EVERYONE,
    "verify_case": {A, INV, N, R},
    "audit_log": {A, INV, R},
    "verify_audit": {A, INV, R},
    "add_user": {A},
    "list_users": {A},
    "issue_token_for_other": {A},
    "get_witness": {A, INV},
    "find_by_name": {A, INV},
    "rotate_key": {A},
    "backup_case": {A, INV},
    "restore_case": {A},
}


@pytest.fixture
def case(sqlite_case):
    """Policy lives above the store: one backend suffices here (store tests run on both)."""
    return sqlite_case


def _operations(case, tmp_path: Path) -> dict[str, Callable[[Actor], object]]:
    samples = write_samples(tmp_path / "samples")
    public_id = _public_testimony(case)
    keyfile = tmp_path / "new.key"
    keyfile.write_bytes(b"SYNTHETIC-rotated-key-" + bytes(range(60, 110)))
    counter = iter(range(1000))
    backup = tmp_path / "for-restore.bak"  # made before any operation (rotation included) runs
    backup_case(case, backup, actor=Actor("owner", "admin"))
    return {
        "ingest": lambda a: ingest_paths(case, [samples["article"]], actor=a),
        "list_sources": lambda a: list_sources(case, actor=a),
        "get_source": lambda a: get_source(case, public_id, actor=a),
        "search_sources": lambda a: search_sources(case, "gypsum", actor=a),
        "verify_case": lambda a: verify_case(case, actor=a),
        "audit_log": lambda a: audit_log(case, actor=a),
        "verify_audit": lambda a: verify_audit(case, actor=a),
        "add_user": lambda a: add_user(case, f"new{next(counter)}", PASSWORD, "public", actor=a),
        "list_users": lambda a: list_users(case, actor=a),
        "issue_token_for_other": lambda a: issue_token(case, "u-admin", actor=a),
        "get_witness": lambda a: get_witness(case, "W-0777", actor=a),
        "find_by_name": lambda a: find_by_name(case, NAME, actor=a),
        "rotate_key": lambda a: rotate_key(case, KeySource.key_file(keyfile), actor=a),
        "backup_case": lambda a: backup_case(case, tmp_path / f"b{next(counter)}.bak", actor=a),
        "restore_case": lambda a: restore_case(
            backup, tmp_path / f"r{next(counter)}", actor=a
        ).close(),
    }


def _public_testimony(case) -> int:
    with case.session() as s:
        return s.scalar(select(Source.id).where(Source.filename == "t1.md"))


def test_matrix_covers_every_operation_and_role(planted, users, tmp_path):
    assert set(_operations(planted, tmp_path)) == set(MATRIX)


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(planted, users, tmp_path, role):
    """Each operation either runs for the role or is refused with PermissionDenied, as MATRIX
    says. The actor is the real user, authenticated with the password."""
    actor = authenticate(planted, users[role], PASSWORD)
    assert actor.role == role
    for name, operation in _operations(planted, tmp_path).items():
        if role in MATRIX[name]:
            operation(actor)
        else:
            with pytest.raises(PermissionDenied, match="may not"):
                operation(actor)


def test_what_each_role_sees(planted, users, admin):
    by_role = {role: Actor(users[role], role) for role in ROLES}
    with planted.session() as s:
        ids = {src.filename: src.id for src in s.scalars(select(Source))}
    visible = {
        role: {src.filename for src in list_sources(planted, actor=actor)}
        for role, actor in by_role.items()
    }
    everything = {"t1.md", "t2.md", "plant.csv", "a.html"}
    assert visible[A] == visible[INV] == everything
    assert visible[N] == everything  # consent internal/anonymous/public; none would be hidden
    assert visible[R] == visible[P] == {"t1.md", "a.html"}  # consent public only
    witnesses = {s.witness for s in list_sources(planted, actor=by_role[P])}
    assert witnesses == {None}  # no pseudonyms in the public view
    assert "W-0777" in {s.witness for s in list_sources(planted, actor=by_role[N])}
    # reviewers cannot open a non-public source, and are told it does not exist
    with pytest.raises(BadInput, match="no source with id"):
        get_source(planted, ids["t2.md"], actor=by_role[R])
    # the investigator sees the name in the testimony text, others a pseudonym or a mask
    full = get_source(planted, ids["t1.md"], actor=by_role[INV])
    assert GIVEN in full.text and full.interview_place
    analyst = get_source(planted, ids["t1.md"], actor=by_role[N])
    assert "[W-0777]" in analyst.text and not leaks_in_text(analyst.text)
    assert analyst.interview_place is None
    public = get_source(planted, ids["t1.md"], actor=by_role[P])
    assert "[name withheld]" in public.text and "W-0777" not in public.text
    assert not leaks_in_text(public.text)
    # sensitive text is withheld from everyone but investigators
    assert "withheld" in get_source(planted, ids["t2.md"], actor=by_role[N]).text
    assert GIVEN in get_source(planted, ids["t2.md"], actor=admin).text


def test_reading_protected_text_in_full_is_audited(planted, admin, users):
    with planted.session() as s:
        sid = s.scalar(select(Source.id).where(Source.filename == "t2.md"))
    before = len(audit_log(planted, actor=admin, limit=1000))
    get_source(planted, sid, actor=Actor(users[N], N))  # analyst: withheld, nothing to audit
    get_source(planted, sid, actor=admin)
    entries = audit_log(planted, actor=admin, limit=1000)
    assert len(entries) == before + 1
    assert entries[-1].action == "source.read-protected" and entries[-1].target == f"source:{sid}"


def test_passwords_and_tokens(planted, users, admin):
    with pytest.raises(AuthenticationFailed):
        authenticate(planted, users[N], "SYNTHETIC-wrong-password")
    with pytest.raises(AuthenticationFailed):
        authenticate(planted, "nobody", PASSWORD)
    token = issue_token(planted, users[N], actor=Actor(users[N], N))  # one's own: allowed
    assert actor_for_token(planted, token) == Actor(users[N], N)
    revoke_token(planted, token, actor=admin)
    with pytest.raises(AuthenticationFailed):
        actor_for_token(planted, token)
    assert {u.role for u in list_users(planted, actor=admin)} == set(ROLES)
    with planted.session() as s:
        hashes = s.scalars(select(User.password_hash)).all()
        token_hashes = s.scalars(select(ApiToken.token_hash)).all()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert PASSWORD not in " ".join(hashes) and token not in " ".join(token_hashes)


def test_cli_as_user_is_bound_by_the_role(planted, users, cli):
    root = str(planted.root)
    code, _, err = cli("witness", "show", "W-0777", "--case", root, as_user=users[N])
    assert code == 1 and "needs 'protected:read'" in err
    code, _, err = cli("sources", "--case", root, as_user="nobody")
    assert code == 2 and "unknown user" in err
