"""The dependencies every route declares: the open case and the authenticated actor.

CaseDep      the Case this server was started on
CurrentUser  the Actor behind the request: a Bearer token (API clients) or the signed
             session cookie (browsers; unsafe methods must then carry the CSRF token)
WebSessionDep the browser session itself (pages need its CSRF token for their forms)
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from docket import readcache
from docket.actor import Actor
from docket.case import Case
from docket.security.users import actor_for_token
from docket.web.sessions import COOKIE, WebSession, csrf_ok

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


class LoginRequired(Exception):
    """No credentials, or ones that do not hold: 401 for the API, the login page for browsers."""

    def __init__(self, message: str = "log in or send an API token") -> None:
        super().__init__(message)


class CsrfFailed(Exception):
    """A cookie-authenticated write without the session's CSRF token."""


def get_case(request: Request) -> Case:
    return request.app.state.case


CaseDep = Annotated[Case, Depends(get_case)]

# Record ids: positive and within a 32-bit integer column (PostgreSQL INTEGER)
RecordId = Annotated[int, Path(ge=1, le=2**31 - 1)]


_bearer = HTTPBearer(auto_error=False, description="An API token from POST /api/auth/token")
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def get_web_session(request: Request) -> WebSession | None:
    return request.app.state.signer.read(request.cookies.get(COOKIE))


WebSessionDep = Annotated[WebSession | None, Depends(get_web_session)]


def _version_and_token(
    case: Case, safe: bool, token: str | None
) -> tuple[tuple[str, str] | None, Actor | None]:
    """The database work of authenticating, in one trip to the thread pool (never on the event
    loop): the change version for a read-only request, and the token's user."""
    version = readcache.read_version(case) if safe else None
    readcache.pin_version(case, version)  # this thread's copy of the request's context
    return version, actor_for_token(case, token) if token is not None else None


async def current_user(
    request: Request, case: CaseDep, web: WebSessionDep, bearer: BearerDep
) -> Actor:
    # a read-only request reads the case's change version once, here, for all its cached reads
    safe = request.method in SAFE_METHODS
    token = bearer.credentials if bearer is not None else None
    version: tuple[str, str] | None = None
    by_token: Actor | None = None
    if token is not None or safe:
        version, by_token = await run_in_threadpool(_version_and_token, case, safe, token)
    readcache.pin_version(case, version)  # AuthenticationFailed (-> 401) was raised above
    if by_token is not None:
        return by_token
    if request.headers.get("authorization"):
        raise LoginRequired("send `Authorization: Bearer <token>`")
    if web is None:
        raise LoginRequired()
    if not safe:
        offered = request.headers.get(CSRF_HEADER)
        if offered is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")
        ):
            offered = (await request.form()).get(CSRF_FIELD)  # type: ignore[assignment]
        if not csrf_ok(web, offered if isinstance(offered, str) else None):
            raise CsrfFailed("the form is stale or was not sent by docket; reload and retry")
    return web.actor


CurrentUser = Annotated[Actor, Depends(current_user)]
