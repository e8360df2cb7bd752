"""The FastAPI application: REST API under /api, server-rendered pages, static assets.

app = create_app(Path("mycase"))       # unlocks from DOCKET_KEY_FILE / DOCKET_PASSPHRASE
uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from docket import __version__
from docket.case import Case, open_case
from docket.security.redact import warm_matchers
from docket.web import api, errors, pages
from docket.web.sessions import SessionSigner

STATIC = Path(__file__).parent / "static"


def _warm_and_freeze(case: Case) -> None:
    """Build the name matchers, then move every object alive to the collector's permanent
    generation. A full collection otherwise walks them all (~150 ms with the demo case's
    matchers, bench/gc_pause.py) while every request in flight on that worker waits: a third of
    one read benchmark's slowest 1 % came in such a burst. Frozen objects are still freed by
    reference counting when dropped."""
    warm_matchers(case)
    gc.freeze()


def create_app(
    case_root: Path | None = None,
    *,
    case: Case | None = None,
    secure_cookies: bool = True,
    warm: bool = False,
) -> FastAPI:
    """An app serving one case. The case key is unlocked now, so a missing or wrong secret stops
    the server before it listens. `secure_cookies=False` only for plain-HTTP loopback serving
    (`docket serve` on 127.0.0.1); behind TLS keep it on. `warm`: build the redaction name
    matchers in the background once the server starts (seconds on a large case), instead of
    in the first analyst's request."""
    if case is None:
        case = open_case(case_root)
    keyring = case.keyring

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        gc.freeze()  # the libraries loaded so far live as long as the server
        if warm:
            threading.Thread(target=_warm_and_freeze, args=(case,), daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="docket",
        version=__version__,
        description="Evidence preservation, review, linkage, findings and estimates for one case. "
        "Authenticate with `Authorization: Bearer <token>` (POST /api/auth/token).",
    )
    app.state.case = case
    app.state.signer = SessionSigner(keyring.subkey("web-session"))
    app.state.secure_cookies = secure_cookies
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
