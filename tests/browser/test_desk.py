"""End to end in headless Chromium: log in, upload a testimony, search, review a suggestion in
place, resolve a link, open an allegation, look at the facilities map, run an estimate and see
its chart; keyboard-only where it matters."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser


def log_in(page, base: str, user: str = "u-investigator") -> None:
    page.goto(f"{base}/")
    expect(page).to_have_url(re.compile(r"/login\?next=/$"))
    page.get_by_label("User name").fill(user)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("case"))


def test_investigator_workflow(live, page, tmp_path):
    base, desk = live
    page.goto(f"{base}/login")
    page.get_by_label("User name").fill("u-investigator")
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("wrong password")
    shot(page, "01-login-failed")
    log_in(page, base)
    expect(page.get_by_text("suggestions await review")).to_be_visible()
    shot(page, "02-dashboard")

    # upload a testimony
    testimony = tmp_path / "w-0950.md"
    testimony.write_text(
        "---\nwitness_pseudonym: W-0950\nconsent: public\nlanguage: ko\n---\n"
        "SYNTHETIC 증언. 저는 1999년 전거리 교화소에 있었습니다. Chongori brickworks.\n",
        encoding="utf-8",
    )
    page.get_by_role("navigation").get_by_role("link", name="Sources").click()
    page.get_by_text("Upload sources").click()
    page.get_by_label("Files").set_input_files(str(testimony))
    page.get_by_label("Kind (leave empty").select_option("testimony")
    page.get_by_role("button", name="Upload and ingest").click()
    expect(page.locator("tr.ingested")).to_contain_text("w-0950.md")
    shot(page, "03-uploaded")

    # search, in Korean, with the hit highlighted
    page.goto(f"{base}/sources")
    page.get_by_label("Search the text").fill("교화소")
    page.get_by_label("Search the text").press("Enter")
    expect(page.locator(".hits mark").first).to_have_text("교화소")
    shot(page, "04-search-korean")

    # review: accept a suggestion in place (HTMX), keyboard only
    page.goto(f"{base}/sources/{desk.testimony_id}")
    card = page.locator(f"#suggestion-{desk.suggestion_ids[1]}")
    expect(card).to_have_class(re.compile("pending"))
    expect(page.locator(f"#span-{desk.suggestion_ids[1]}")).to_be_visible()
    shot(page, "05-source-review")
    card.get_by_role("button", name="Accept").focus()
    page.keyboard.press("Enter")
    expect(card).to_have_class(re.compile("accepted"))
    expect(card).to_contain_text("u-investigator")
    assert page.url.endswith(f"/sources/{desk.testimony_id}")  # swapped in place, no reload
    shot(page, "06-accepted")

    # resolve a link: two reports side by side with the match-weight reasons
    page.get_by_role("navigation").get_by_role("link", name="Link review").click()
    first = page.locator("li.pair").first
    expect(first).to_contain_text("similar romanisation")
    shot(page, "06b-link-review")
    first.get_by_role("button", name="Same person").click()
    expect(page.locator("li.pair.decided").first).to_contain_text("same person")

    # an allegation with its evidence and reasoning
    page.get_by_role("navigation").get_by_role("link", name="Allegations").click()
    page.get_by_role("link", name=re.compile("SYNTHETIC forced labour")).click()
    expect(page.get_by_role("heading", name="Supporting evidence (1)")).to_be_visible()
    expect(page.locator("blockquote")).to_contain_text("gypsum mine")
    shot(page, "07-allegation")

    # facilities: the offline map with markers, Korean names
    page.get_by_role("navigation").get_by_role("link", name="Facilities").click()
    expect(page.locator("svg circle.marker")).to_have_count(8)
    expect(page.get_by_text("요덕 제15호 관리소")).to_be_visible()
    shot(page, "08-facilities")

    # estimates: run one, see the chart with intervals and the plain-language paragraph
    page.get_by_role("navigation").get_by_role("link", name="Estimates").click()
    expect(page.get_by_text("No estimate has been run")).to_be_visible()
    page.get_by_text("Run a new estimate").click()
    page.get_by_label("Method").select_option("loglinear")
    page.get_by_role("button", name="Run the estimate").click()
    expect(page.locator("p.summary")).to_contain_text("lists record")
    chart = page.locator("figure.chart img")
    expect(chart).to_be_visible()
    page.wait_for_function(
        "() => { const i = document.querySelector('figure.chart img');"
        " return i && i.complete && i.naturalWidth > 100; }"
    )
    shot(page, "10-estimate")


def test_analyst_sees_pseudonyms_and_no_review_buttons(live, page):
    base, desk = live
    log_in(page, base, "u-analyst")
    page.goto(f"{base}/sources/{desk.testimony_id}")
    expect(page.get_by_role("button", name="Accept")).to_have_count(0)
    body = page.content()
    assert "Quorvendish" not in body and "Xylophant" not in body
    shot(page, "09-analyst-source")


def test_keyboard_reaches_the_main_content(live, page):
    base, _desk = live
    log_in(page, base)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
