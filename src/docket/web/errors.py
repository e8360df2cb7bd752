"""Service errors become HTTP answers: the same messages the CLI prints, as JSON for the API and
as a page for browsers. No traceback ever reaches a client (it could carry protected values)."""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from docket.errors import BadInput, DocketError
from docket.security.errors import AuthenticationFailed, PermissionDenied
from docket.web.deps import CsrfFailed, LoginRequired, get_web_session
from docket.web.render import render_html, wants_json

log = logging.getLogger("docket.web")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or wants_json(request)


def _answer(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    if request.headers.get("hx-request"):
        return Response(f'<p class="error" role="alert">{_escape(message)}</p>', status,
                        media_type="text/html")  # fmt: skip
    web = get_web_session(request)
    page = render_html(request, "error.html", {"status": status, "message": message}, web=web)
    return Response(page, status, media_type="text/html")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def status_of(exc: Exception) -> int:
    if isinstance(exc, PermissionDenied | CsrfFailed):
        return 403
    if isinstance(exc, AuthenticationFailed | LoginRequired):
        return 401
    if isinstance(exc, BadInput) and (exc.where or "").endswith("_ID"):
        # about an identifier argument: "no source with id 7" (absent, or hidden from this
        # reader) or "suggestion 3 was already accepted" (a conflict with its state)
        said = str(exc).removeprefix(f"{exc.where}: ")
        if said.startswith("no "):
            return 404
        if " already " in said:
            return 409
    return 400


def allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts at this path: Starlette names only the first route's,
    and GET and POST /api/sources are two routes."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _child = route.matches({**request.scope, "method": "__none__"})
        if match != Match.NONE and getattr(route, "methods", None):
            methods |= set(route.methods)
    return sorted(methods)


def install(app: FastAPI) -> None:
    async def login_required(request: Request, exc: Exception) -> Response:
        if not _is_api(request) and request.method == "GET":
            return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
        return _answer(request, 401, str(exc))

    async def docket_error(request: Request, exc: Exception) -> Response:
        return _answer(request, status_of(exc), str(exc))

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        if getattr(exc, "status_code", None) != 405:
            return await http_exception_handler(request, exc)  # type: ignore[arg-type]
        return JSONResponse({"detail": "Method Not Allowed"}, status_code=405,
                            headers={"Allow": ", ".join(allowed_methods(request))})  # fmt: skip

    async def internal_error(request: Request, exc: Exception) -> Response:
        # the type only: a message or traceback could carry protected values
        log.error("internal error on %s %s: %s", request.method, request.url.path,
                  type(exc).__name__)  # fmt: skip
        return _answer(request, 500, f"internal error ({type(exc).__name__})")

    app.add_exception_handler(Exception, internal_error)
    app.add_exception_handler(StarletteHTTPException, method_not_allowed)
    app.add_exception_handler(LoginRequired, login_required)
    for kind in (DocketError, CsrfFailed):
        app.add_exception_handler(kind, docket_error)
