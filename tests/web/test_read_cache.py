"""Cached reads (docket.readcache): a write anywhere, in any process, is seen by the next read;
one role's result never reaches another role; a revoked token stops working at once; every
audited read still appends its own entry, and reads alone leave the change version alone."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, insert, select

from docket.actor import Actor
from docket.case import open_case
from docket.evidence import add_allegation
from docket.readcache import change_version
from docket.security import revoke_token, verify_audit
from docket.security.audit import audit_log
from docket.store.models import AuditEntry, Organization
from tests.security.plant import GIVEN, NAME
from tests.web.conftest import ADMIN


def _get(desk, role: str, path: str):
    response = desk.client.get(path, headers=desk.auth(role))
    assert response.status_code == 200, response.text
    return response.json()


def test_a_write_by_another_case_object_shows_in_the_next_read(desk, key_file, monkeypatch):
    """Another Case object on the same database (as the CLI in another process would be)
    records an allegation: the server's cached findings and overview must notice."""
    before = _get(desk, "analyst", "/api/allegations")
    counts = _get(desk, "analyst", "/api/overview")["allegations_by_status"]
    assert _get(desk, "analyst", "/api/allegations") == before  # served again, unchanged
    summary = f"SYNTHETIC cache check {uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("DOCKET_KEY_FILE", str(key_file))
    with open_case(desk.case.root) as other:
        add_allegation(other, actor=ADMIN, summary=summary, act_codes=["V-FORCEDLAB"])
    after = _get(desk, "analyst", "/api/allegations")
    assert len(after) == len(before) + 1 and after[-1]["summary"] == summary
    status = after[-1]["status"]
    assert _get(desk, "analyst", "/api/overview")["allegations_by_status"][status] == (
        counts.get(status, 0) + 1
    )


def test_one_roles_cached_result_never_reaches_another(desk):
    """The investigator reads (and so caches) the unmasked texts first; every other role must
    still get its own masked view of the same requests."""
    path = f"/api/sources/{desk.testimony_id}"
    assert GIVEN in _get(desk, "investigator", path)["text"]
    assert GIVEN in _get(desk, "investigator", "/api/allegations")[0]["summary"]
    hits = _get(desk, "investigator", "/api/search?q=gypsum")
    assert hits
    for role in ("analyst", "public"):
        assert GIVEN not in _get(desk, role, path)["text"]
        assert NAME not in str(_get(desk, role, "/api/allegations"))
        assert GIVEN not in str(_get(desk, role, "/api/search?q=gypsum"))
        assert GIVEN not in str(_get(desk, role, f"{path}/suggestions"))
    sensitive = f"/api/sources/{desk.sensitive_id}"
    assert GIVEN in _get(desk, "investigator", sensitive)["text"]
    assert "withheld" in _get(desk, "analyst", sensitive)["text"]


def test_a_revoked_token_stops_working_in_the_next_request(desk, key_file, monkeypatch):
    """Revoked from another Case object (another process): the server's cached lookup of the
    token must not outlive the revocation."""
    from docket.security import add_user, issue_token

    name = f"u-revoke-{uuid.uuid4().hex[:6]}"
    add_user(desk.case, name, "SYNTHETIC-password-1", "analyst", actor=ADMIN)
    token = issue_token(desk.case, name, actor=ADMIN)
    headers = {"Authorization": f"Bearer {token}"}
    for _ in range(2):  # the second is served by the cached lookup
        assert desk.client.get("/api/overview", headers=headers).status_code == 200
    monkeypatch.setenv("DOCKET_KEY_FILE", str(key_file))
    with open_case(desk.case.root) as other:
        revoke_token(other, token, actor=ADMIN)
    assert desk.client.get("/api/overview", headers=headers).status_code == 401


def test_every_audited_read_appends_its_own_entry(desk):
    """Concurrent investigators' reads of protected text are committed in batches, but each
    read has its entry, the chain stays whole, and reads change no version."""
    admin = Actor("test-admin", "admin")
    path = f"/api/sources/{desk.sensitive_id}"
    _get(desk, "investigator", path)  # cached from here on
    version = change_version(desk.case)
    before = len(audit_log(desk.case, actor=admin, limit=100_000))
    with ThreadPoolExecutor(16) as pool:
        texts = list(pool.map(lambda _: _get(desk, "investigator", path)["text"], range(40)))
    assert all(GIVEN in text for text in texts)
    entries = audit_log(desk.case, actor=admin, limit=100_000)[before:]
    reads = [e for e in entries if e.action == "source.read-protected"]
    assert len(reads) == 40 and all(e.target == f"source:{desk.sensitive_id}" for e in reads)
    assert all(e.actor == "u-investigator (investigator)" for e in reads)
    assert verify_audit(desk.case, actor=admin).ok
    assert change_version(desk.case) == version


def test_what_changes_the_version(desk):
    """ORM writes and Core DML through the session do; a rolled-back write and an audit entry
    alone do not."""
    case = desk.case
    version = change_version(case)
    with case.session() as session:
        session.scalar(select(func.count()).select_from(AuditEntry))
    assert change_version(case) == version
    try:
        with case.session() as session:
            session.add(Organization(name=f"SYNTHETIC org {uuid.uuid4().hex[:6]}"))
            session.flush()
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert change_version(case) == version
    with case.session() as session:
        session.add(Organization(name=f"SYNTHETIC org {uuid.uuid4().hex[:6]}"))
    orm = change_version(case)
    assert orm != version
    with case.session() as session:
        session.execute(insert(Organization).values(name=f"SYNTHETIC {uuid.uuid4().hex[:6]}"))
    assert change_version(case) != orm


def test_a_read_request_reads_the_version_once(desk, monkeypatch):
    """The authentication dependency pins the version for the request: the token lookup and the
    findings then need no query of their own for it."""
    import docket.readcache as readcache

    reads = []
    real = readcache.read_version
    monkeypatch.setattr(readcache, "read_version", lambda case: reads.append(1) or real(case))
    _get(desk, "analyst", "/api/allegations")
    _get(desk, "analyst", "/api/allegations")
    assert len(reads) == 2
