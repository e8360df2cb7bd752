"""The HTML report opens in headless Chromium with nothing missing and nothing fetched."""

from __future__ import annotations

import shutil

import pytest

from docket.actor import Actor
from docket.report import build_report

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.browser


@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian chromium is not installed")
def test_report_opens_in_chromium_without_missing_assets(filled, tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "report.html"
    path.write_bytes(build_report(filled, actor=Actor("a", "analyst")))
    failed: list[str] = []
    requested: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
            page.on("request", lambda r: requested.append(r.url))
            page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
            page.goto(path.as_uri(), wait_until="load")
            title = page.title()
            svgs = page.locator("svg").count()
            broken_svg = page.evaluate(
                "[...document.querySelectorAll('svg')].filter(s => s.getBBox().width === 0).length"
            )
            map_dots = page.locator("#facilities svg circle").count()
        finally:
            browser.close()
    assert failed == []
    assert requested == [path.as_uri()]  # the document itself, nothing else
    assert "SYNTHETIC" in title
    assert svgs >= 2 and broken_svg == 0
    assert map_dots >= 5  # gazetteer facilities with coordinates
