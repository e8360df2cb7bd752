"""The investigator's desk: REST API (FastAPI) and server-rendered web UI (Jinja2 + HTMX).

Route handlers only parse, call one service function with the authenticated Actor, and render;
roles and audit are those of the service layer the CLI calls too.
"""

from docket.web.app import create_app

__all__ = ["create_app"]
