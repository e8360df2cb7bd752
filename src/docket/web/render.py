"""One context, two renderings: each page builds a typed context (a dataclass) and shows it as
HTML through its template, or as JSON with `?format=json` or `Accept: application/json`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from docket import __version__
from docket.web.i18n import _, ngettext
from docket.web.sessions import WebSession

TEMPLATES = Path(__file__).parent / "templates"

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals.update(_=_, ngettext=ngettext, version=__version__)


def plain(value: Any) -> Any:
    """A context as JSON-ready data (dataclasses, tuples, nested)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return accept.split(",")[0].strip() == "application/json"


def render(
    request: Request,
    template: str,
    context: Any,
    *,
    web: WebSession | None = None,
    status_code: int = 200,
) -> HTMLResponse | JSONResponse:
    if wants_json(request):
        return JSONResponse(plain(context), status_code=status_code)
    return HTMLResponse(render_html(request, template, context, web=web), status_code=status_code)


def render_html(request: Request, template: str, context: Any, *, web: WebSession | None) -> str:
    return env.get_template(template).render(
        ctx=context,
        request=request,
        user=web.actor if web else None,
        csrf=web.csrf if web else "",
        path=request.url.path,
    )


def to_json(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False)
