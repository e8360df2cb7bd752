"""Log in and out with a password; the session is a signed cookie (docket.web.sessions)."""

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from docket.security.errors import AuthenticationFailed
from docket.security.users import authenticate
from docket.web.deps import CaseDep, CsrfFailed, CurrentUser, WebSessionDep
from docket.web.i18n import _
from docket.web.render import render
from docket.web.sessions import COOKIE, MAX_AGE

router = APIRouter()


def _local(next_url: str) -> str:
    """Only paths on this server: an open redirect would help phishing."""
    parts = urlsplit(next_url)
    if parts.scheme or parts.netloc or not next_url.startswith("/") or next_url.startswith("//"):
        return "/"
    return next_url


@router.get("/login")
def login_form(request: Request, web: WebSessionDep, next: str = "/") -> Response:
    return render(request, "login.html", {"next": _local(next), "error": None}, web=web)


@router.post("/login")
def login(
    request: Request,
    case: CaseDep,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.url.netloc:
        raise CsrfFailed("log in from docket's own login page")
    try:
        actor = authenticate(case, username, password)
    except AuthenticationFailed:
        context = {"next": _local(next), "error": _("Unknown user or wrong password.")}
        return render(request, "login.html", context, status_code=401)
    cookie, _session = request.app.state.signer.issue(actor)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(
        COOKIE, cookie, max_age=MAX_AGE, httponly=True, samesite="strict",
        secure=request.app.state.secure_cookies, path="/",
    )  # fmt: skip
    return response


@router.post("/logout")
def logout(user: CurrentUser) -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
