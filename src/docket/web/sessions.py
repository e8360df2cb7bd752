"""Browser sessions: a signed, expiring cookie naming the user, and a CSRF token bound to it.

The signing key is derived from the case key (`Keyring.subkey`), so a server restart or a second
worker accepts the same sessions, and nobody without the case key can forge one. The cookie is
HttpOnly, SameSite=Strict, and Secure unless the server was started for plain-HTTP loopback use.
Form posts and HTMX requests carry the CSRF token (hidden field or X-CSRF-Token header); token
(Bearer) requests need none, as no browser sends a bearer token on its own.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

from docket.actor import ROLES, Actor

COOKIE = "docket_session"
MAX_AGE = 8 * 3600  # a working day; then log in again


@dataclass(frozen=True)
class WebSession:
    actor: Actor
    csrf: str


class SessionSigner:
    def __init__(self, secret: bytes) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="docket-session")

    def issue(self, actor: Actor) -> tuple[str, WebSession]:
        session = WebSession(actor, secrets.token_urlsafe(24))
        payload = {"u": actor.name, "r": actor.role, "c": session.csrf}
        return self._serializer.dumps(payload), session

    def read(self, cookie: str | None) -> WebSession | None:
        if not cookie:
            return None
        try:
            data = self._serializer.loads(cookie, max_age=MAX_AGE)
        except BadSignature:
            return None
        if not isinstance(data, dict) or data.get("r") not in ROLES:
            return None
        return WebSession(Actor(str(data["u"]), str(data["r"])), str(data["c"]))


def csrf_ok(session: WebSession, offered: str | None) -> bool:
    return bool(offered) and hmac.compare_digest(session.csrf, str(offered))
