"""A case for the API: the planted witness (tests/security/plant.py), one user and one token per
role, suggestions to review and an allegation with evidence. Built once per module and backend
(SQLite, PostgreSQL), since building it is the slow part; tests that write use their own rows.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import select

from docket.actor import ROLES, Actor
from docket.case import Case, create_case
from docket.evidence import add_allegation, link_evidence
from docket.ingest import ingest_paths
from docket.review import store_suggestions
from docket.security import KeySource, add_user, issue_token
from docket.store.models import Identity, LinkRun, PersonReport, Source
from docket.web import create_app
from tests.conftest import PG_URL
from tests.security.plant import GIVEN, NAME, write_plant

PASSWORD = "SYNTHETIC-password-1"
ADMIN = Actor("test-admin", "admin")


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """Real Argon2id with small parameters: the tests log in many times."""
    import docket.security.users as users

    saved = users._HASHER
    users._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    users._HASHER = saved


@dataclass
class Desk:
    case: Case
    client: TestClient
    tokens: dict[str, str]  # role -> token
    testimony_id: int  # the planted, consented-public testimony
    sensitive_id: int
    allegation_id: int
    suggestion_ids: list[int]

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def login(self, role: str) -> TestClient:
        """A browser-like client logged in as the role's user (cookie session)."""
        client = TestClient(self.client.app)
        response = client.post(
            "/login",
            data={"username": f"u-{role}", "password": PASSWORD, "next": "/"},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        return client


def _suggest(case: Case, source_id: int) -> list[int]:
    with case.session() as session:
        source = session.get(Source, source_id)
        text = source.text
        start = text.index("Yodok")
        work = text.index("forced to work")
        name = text.index(GIVEN.upper())
        extraction = {
            "entities": [
                {
                    "text": text[name : name + len(GIVEN)],
                    "label": "PERSON",
                    "start": name,
                    "end": name + len(GIVEN),
                }
            ],
            "places": [{"text": "Yodok", "place_id": "KWN-15", "start": start, "end": start + 5}],
            "acts": [{"type": "V-FORCEDLAB", "start": work, "end": work + 14}],
            "quotes": [],
            "dates": [],
            "figures": [],
        }
        store_suggestions(session, source, extraction)
    from docket.review import list_suggestions

    return [s.id for s in list_suggestions(case, source_id, actor=ADMIN)]


def add_linked_lists(case: Case, folder: Path) -> None:
    """Three SYNTHETIC lists over 90 people, linked by the known truth (as a perfect linkage
    run would link them), so that an estimate can be run."""
    rng = random.Random(11)
    rows = ["record_id,source,name,sex,pid"]
    for pid in range(90):
        for name, p in (("A", 0.5), ("B", 0.45), ("C", 0.35)):
            if rng.random() < p:
                rows.append(f"{name}-{pid},{name},SYNTHETIC Listed {pid},{'MF'[pid % 2]},{pid}")
    (folder / "lists.csv").write_text("\n".join(rows) + "\n")
    ingest_paths(case, [folder / "lists.csv"], actor=ADMIN)
    with case.session() as session:
        by_pid: dict[str, list[PersonReport]] = {}
        for report in session.scalars(select(PersonReport)):
            if "pid" in (report.extra or {}):
                by_pid.setdefault(report.extra["pid"], []).append(report)
        for pid, reports in by_pid.items():
            identity = Identity(label=f"I-{pid}")
            session.add(identity)
            session.flush()
            for report in reports:
                report.identity_id = identity.id


def add_uncertain_pairs(case: Case) -> list[dict[str, object]]:
    """A stored linkage run whose uncertain pairs (of listed reports) are written in the shape
    Splink gives them; running Splink itself is tested in tests/link and too slow to repeat."""
    with case.session() as session:
        ids = [r.id for r in session.scalars(select(PersonReport).order_by(PersonReport.id))
               if "pid" in (r.extra or {})][:8]  # fmt: skip
        pairs: list[dict[str, object]] = [
            {"id_l": str(a), "id_r": str(b), "match_probability": 0.5 + i / 20,
             "match_weight": -0.5 + i, "name_level": "similar romanisation",
             "name_weight": 2.4, "birth_year_level": "differs by 2", "birth_year_weight": -1.1}
            for i, (a, b) in enumerate(zip(ids[0::2], ids[1::2], strict=True))
        ]  # fmt: skip
        session.add(LinkRun(actor="test", backend="duckdb", threshold=0.9,
                            summary={"uncertain": pairs}))  # fmt: skip
    return pairs


def _build(root: Path, db_url: str | None, key_file: Path) -> Desk:
    case = create_case(root, database_url=db_url, key=KeySource.key_file(key_file))
    write_plant(root.parent / "plant")
    report = ingest_paths(case, [root.parent / "plant"], actor=ADMIN)
    assert not report.failed, [o.reason for o in report.failed]
    with case.session() as session:
        ids = {s.filename: s.id for s in session.scalars(select(Source))}
    for role in ROLES:
        add_user(case, f"u-{role}", PASSWORD, role, actor=ADMIN)
    tokens = {role: issue_token(case, f"u-{role}", actor=ADMIN) for role in ROLES}
    allegation = add_allegation(
        case,
        actor=ADMIN,
        summary=f"SYNTHETIC forced labour at Yodok, told by {NAME}",
        act_codes=["V-FORCEDLAB"],
        place="KWN-15",
        time="1997",
    )
    link_evidence(
        case,
        allegation,
        actor=ADMIN,
        stance="supports",
        source_id=ids["t1.md"],
        quote="forced to work in the gypsum mine",
        first_hand=True,
    )
    suggestions = _suggest(case, ids["t1.md"])
    app = create_app(case=case, secure_cookies=False)
    return Desk(case, TestClient(app), tokens, ids["t1.md"], ids["t2.md"], allegation, suggestions)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def desk(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, key_file: Path
) -> Iterator[Desk]:
    root = tmp_path_factory.mktemp("desk") / "case"
    schema = None
    url = None
    if request.param == "postgres":
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    built = _build(root, url, key_file)
    yield built
    built.case.close()
    if schema:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="module")
def sqlite_desk(tmp_path_factory: pytest.TempPathFactory, key_file: Path) -> Iterator[Desk]:
    built = _build(tmp_path_factory.mktemp("desk") / "case", None, key_file)
    yield built
    built.case.close()
