"""A live server on a free loopback port and Debian's Chromium driven by Playwright.

The case is the API tests' desk (planted witness, users per role, suggestions, an allegation);
uvicorn serves it in a thread. Set DOCKET_SCREENSHOTS=/some/folder to keep a screenshot of each
page the tests visit.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from tests.web.conftest import (  # noqa: F401
    Desk,
    _build,
    add_linked_lists,
    add_uncertain_pairs,
    cheap_password_hashing,
)

CHROMIUM = os.environ.get("DOCKET_CHROMIUM", "/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, key_file: Path) -> Iterator[tuple[str, Desk]]:
    folder = tmp_path_factory.mktemp("live")
    desk = _build(folder / "case", None, key_file)
    add_linked_lists(desk.case, folder)
    add_uncertain_pairs(desk.case)
    port = free_port()
    config = uvicorn.Config(desk.client.app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", desk
    server.should_exit = True
    thread.join(timeout=10)
    desk.case.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's `chromium` (scripts/install.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


def shot(page, name: str) -> None:
    folder = os.environ.get("DOCKET_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
