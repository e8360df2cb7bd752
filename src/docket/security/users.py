"""Users, passwords (Argon2id) and API tokens: how a person or a program becomes an Actor.

Tokens are 256 random bits shown once; only their SHA-256 is stored. A slow hash buys nothing
for a secret that long and would rule out looking the token up by its hash.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from docket.actor import ROLES, Actor
from docket.errors import BadInput
from docket.readcache import cached
from docket.security.audit import record
from docket.security.errors import AuthenticationFailed
from docket.security.policy import require
from docket.store.models import ApiToken, User

if TYPE_CHECKING:
    from docket.case import Case

_HASHER = PasswordHasher()  # argon2-cffi defaults: Argon2id, RFC 9106 low-memory profile
MIN_PASSWORD = 10
TOKEN_PREFIX = "dkt_"


@dataclass
class UserView:
    username: str
    role: str
    active: bool
    created_at: str


def add_user(case: Case, username: str, password: str, role: str, *, actor: Actor) -> UserView:
    require(actor, "users:manage")
    username = username.strip()
    if not username or len(username) > 100:
        raise BadInput("a user name of 1 to 100 characters is needed", where="USERNAME")
    if role not in ROLES:
        raise BadInput(f"unknown role {role!r}; expected one of {'|'.join(ROLES)}", where="--role")
    if len(password) < MIN_PASSWORD:
        raise BadInput(f"a password needs at least {MIN_PASSWORD} characters", where="password")
    with case.session() as session:
        if session.scalar(select(User).where(User.username == username)) is not None:
            raise BadInput(f"user {username!r} already exists", where="USERNAME")
        user = User(username=username, password_hash=_HASHER.hash(password), role=role)
        session.add(user)
        session.flush()
        record(session, actor, "user.add", f"user:{username}", {"role": role})
        return UserView(user.username, user.role, user.active, user.created_at.isoformat())


def list_users(case: Case, *, actor: Actor) -> list[UserView]:
    require(actor, "users:manage")
    with case.session() as session:
        return [
            UserView(u.username, u.role, u.active, u.created_at.isoformat())
            for u in session.scalars(select(User).order_by(User.username))
        ]


def authenticate(case: Case, username: str, password: str) -> Actor:
    """The Actor for a user name and password; one message for every failure."""
    failure = AuthenticationFailed(f"user {username!r}: unknown user, wrong password or inactive")
    with case.session() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            _HASHER.hash(password)  # spend the same time as a real check
            raise failure
        try:
            _HASHER.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise failure from None
        if not user.active:
            raise failure
        if _HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = _HASHER.hash(password)
        return Actor(user.username, user.role)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(case: Case, username: str, *, actor: Actor, label: str | None = None) -> str:
    """A new API token for `username` (yourself, or anyone with users:manage). Shown once."""
    if username != actor.name:
        require(actor, "users:manage")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with case.session() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise BadInput(f"no user {username!r}", where="USERNAME")
        session.add(ApiToken(user_id=user.id, token_hash=_token_hash(token), label=label))
        record(session, actor, "token.issue", f"user:{username}", {"label": label})
    return token


def actor_for_token(case: Case, token: str) -> Actor:
    """The token's user. Looked up once per change version in this process: revoking the token
    or changing its user is a write, so the next request (in any process) looks it up again."""
    hashed = _token_hash(token)

    def lookup() -> Actor:
        with case.session() as session:
            row = session.scalar(select(ApiToken).where(ApiToken.token_hash == hashed))
            user = session.get(User, row.user_id) if row is not None else None
            if row is None or row.revoked or user is None or not user.active:
                raise AuthenticationFailed("unknown or revoked API token")
            return Actor(user.username, user.role)

    return cached(case, ("token", hashed), lookup)


def revoke_token(case: Case, token: str, *, actor: Actor) -> None:
    with case.session() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
        user = session.get(User, row.user_id) if row is not None else None
        if row is None or user is None:
            raise BadInput("unknown API token", where="token")
        if user.username != actor.name:
            require(actor, "users:manage")
        row.revoked = True
        record(session, actor, "token.revoke", f"user:{user.username}", {"token_id": row.id})
