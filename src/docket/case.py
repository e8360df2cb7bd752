"""A case: a folder with docket.toml, a database (SQLite file or PostgreSQL URL) and a blob store.

Like a git repository, commands act on the case in the current folder or the nearest parent that
holds a docket.toml, or on the folder given with --case.
"""

from __future__ import annotations

import tomllib
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

import docket.security.fields  # noqa: F401  (registers field encryption on the models)
from docket.actor import Actor, local_actor
from docket.errors import BadInput, CaseNotFound, DocketError
from docket.security.audit import record as record_audit
from docket.security.crypto import Keyring
from docket.security.errors import KeyFailure
from docket.security.fields import KEYRING
from docket.security.keys import KeySource, create_data_key, read_record, unlock_record
from docket.store.blobs import BlobStore
from docket.store.db import current_revision, head_revision, make_engine, upgrade
from docket.store.models import CaseSetting, put_setting

CONFIG_NAME = "docket.toml"
SQLITE_NAME = "docket.db"


@dataclass
class CaseConfig:
    case_id: str
    name: str
    created: str
    database_url: str | None  # None: the SQLite file inside the case folder

    def to_toml(self) -> str:
        lines = [
            "# docket case settings",
            "[case]",
            f'id = "{self.case_id}"',
            f"name = {_toml_str(self.name)}",
            f'created = "{self.created}"',
            "",
            "[database]",
            "# url: leave unset for the SQLite file beside this one, or a PostgreSQL URL",
        ]
        if self.database_url:
            lines.append(f"url = {_toml_str(self.database_url)}")
        return "\n".join(lines) + "\n"


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


class Case:
    """An open case: configuration, database engine, blob store and (unlocked on first need)
    the case key.

    The key is unlocked with `key_source` if set, else from DOCKET_KEY_FILE / DOCKET_PASSPHRASE
    (see docket.security.keys); `key_prompt`, if set, is asked when neither gives one.
    """

    def __init__(self, root: Path, config: CaseConfig, engine: Engine) -> None:
        self.root = root
        self.config = config
        self.engine = engine
        self.key_source: KeySource | None = None
        self.key_prompt: Callable[[str], KeySource] | None = None
        self._keyring: Keyring | None = None
        self.blobs = BlobStore(root / "blobs", keyring=lambda: self.keyring)
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def keyring(self) -> Keyring:
        """The unlocked case keys; raises KeyFailure (exit 2) if they cannot be unlocked."""
        if self._keyring is None:
            with self._sessions() as session:
                record = read_record(session)
            source = self.key_source
            if source is None and record is not None:
                source = KeySource.from_env(str(record["method"]))
                if source is None and self.key_prompt is not None:
                    source = self.key_prompt(str(record["method"]))
            self._keyring = unlock_record(record, self.config.case_id, source)
        return self._keyring

    def unlock(self, source: KeySource) -> Keyring:
        """Unlock with an explicit secret (replacing any key already unlocked)."""
        self.key_source, self._keyring = source, None
        return self.keyring

    @property
    def url(self) -> str:
        return self.config.database_url or f"sqlite:///{self.root / SQLITE_NAME}"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed if the block succeeds, rolled back entirely if not."""
        with self._sessions() as session, session.begin():
            session.info[KEYRING] = lambda: self.keyring
            yield session

    def setting(self, key: str) -> str | None:
        with self.session() as session:
            row = session.get(CaseSetting, key)
            return row.value if row else None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_config(root: Path) -> CaseConfig:
    path = root / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read case settings ({exc})", where=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"not valid TOML ({exc})", where=str(path)) from exc
    case = data.get("case", {})
    if "id" not in case:
        raise BadInput("missing [case] id", where=str(path))
    return CaseConfig(
        case_id=str(case["id"]),
        name=str(case.get("name", root.name)),
        created=str(case.get("created", "")),
        database_url=data.get("database", {}).get("url"),
    )


def find_case_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise CaseNotFound(
        f"no docket case in {here} or its parents (run `docket init` or pass --case)"
    )


def open_case(path: Path | None = None, *, migrate: bool = False) -> Case:
    """Open the case at `path` (or found upward from the current folder)."""
    root = find_case_root(path) if path is None else Path(path).resolve()
    if not (root / CONFIG_NAME).is_file():
        raise CaseNotFound(f"{root} is not a docket case (no {CONFIG_NAME})")
    config = _read_config(root)
    engine = make_engine(config.database_url or f"sqlite:///{root / SQLITE_NAME}")
    if migrate:
        upgrade(engine)
    elif current_revision(engine) != head_revision(engine):
        engine.dispose()
        raise DocketError(f"the case database at {root} needs `docket upgrade`")
    return Case(root, config, engine)


def create_case(
    path: Path,
    *,
    name: str | None = None,
    database_url: str | None = None,
    key: KeySource | None = None,
    actor: Actor | None = None,
) -> Case:
    """Create the folder, settings, blob store, schema and the case key. Refuses to overwrite a
    case. The key is wrapped by `key`, else by DOCKET_KEY_FILE / DOCKET_PASSPHRASE; a case cannot
    be created without one, since protected fields could not be stored."""
    key = key or KeySource.from_env()
    if key is None:
        raise KeyFailure(
            "a new case needs a key: set DOCKET_PASSPHRASE or DOCKET_KEY_FILE "
            "(or `docket init --passphrase-env VAR` / `--key-file PATH`)"
        )
    root = Path(path).resolve()
    if (root / CONFIG_NAME).exists():
        raise BadInput("a docket case already exists here", where=str(root))
    if root.exists() and not root.is_dir():
        raise BadInput("exists and is not a folder", where=str(root))
    root.mkdir(parents=True, exist_ok=True)
    (root / "blobs").mkdir(exist_ok=True)
    config = CaseConfig(
        case_id=str(uuid.uuid4()),
        name=name or root.name,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        database_url=database_url,
    )
    engine = make_engine(database_url or f"sqlite:///{root / SQLITE_NAME}")
    upgrade(engine)
    case = Case(root, config, engine)
    with case.session() as session:
        existing = session.scalar(select(CaseSetting).where(CaseSetting.key == "case_id"))
        if existing is not None and existing.value != config.case_id:
            engine.dispose()
            raise BadInput(
                "that database already holds another case", where=database_url or str(root)
            )
        put_setting(session, "case_id", config.case_id)
        put_setting(session, "created", config.created)
        case._keyring = create_data_key(session, config.case_id, key)
        case.key_source = key
        record_audit(session, actor or local_actor(), "case.create", "case",
                     {"case_id": config.case_id, "key": key.method})  # fmt: skip
    (root / CONFIG_NAME).write_text(config.to_toml(), encoding="utf-8")
    return case
