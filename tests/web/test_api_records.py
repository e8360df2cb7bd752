"""Overview, persons, allegations and facilities: contents and role failures."""

import pytest

from docket.vocab import facilities


def test_overview_counts_what_the_reader_may_see(desk):
    admin = desk.client.get("/api/overview", headers=desk.auth("admin")).json()
    public = desk.client.get("/api/overview", headers=desk.auth("public")).json()
    assert admin["sources"] > public["sources"] >= 1
    assert admin["recent"] and public["recent"] == []  # the public may not read the audit trail
    assert admin["allegations_by_status"]


def test_allegation_with_evidence_and_reasoning(desk):
    listed = desk.client.get("/api/allegations", headers=desk.auth("reviewer")).json()
    assert [a["id"] for a in listed] == [desk.allegation_id]
    one = desk.client.get(
        f"/api/allegations/{desk.allegation_id}", headers=desk.auth("investigator")
    ).json()
    assert one["supporting"][0]["quote"] == "forced to work in the gypsum mine"
    assert one["supporting"][0]["source_ids"] == [desk.testimony_id]
    assert one["status"] and one["reasons"] and one["clusters"]
    assert desk.client.get("/api/allegations/999", headers=desk.auth("admin")).status_code == 404


def test_facilities_carry_estimates_and_sources(desk):
    rows = desk.client.get("/api/facilities", headers=desk.auth("public")).json()
    assert len(rows) == len(facilities())
    yodok = next(r for r in rows if r["id"] == "KWN-15")
    assert yodok["hangul"] == "요덕 제15호 관리소"
    assert {"population": "46500", "year": "1990s"} in yodok["estimates"]
    assert "Wikipedia" in yodok["source"]
    closed = desk.client.get(
        "/api/facilities?status=reported_closed", headers=desk.auth("public")
    ).json()
    assert closed and {r["status"] for r in closed} == {"reported_closed"}


@pytest.mark.parametrize(
    "page", ["/", "/sources", "/sources?q=Yodok", "/persons", "/allegations", "/facilities"]
)
def test_pages_render_as_html_and_json(sqlite_desk, page):
    browser = sqlite_desk.login("analyst")
    html = browser.get(page)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert '<main id="main"' in html.text and "Skip to content" in html.text
    data = browser.get(page, headers={"Accept": "application/json"})
    assert data.headers["content-type"] == "application/json" and data.json()


def test_pages_show_korean_and_highlight_hits(sqlite_desk):
    browser = sqlite_desk.login("admin")
    assert "요덕 제15호 관리소" in browser.get("/facilities").text
    found = browser.get("/sources?q=gypsum").text
    assert "<mark>gypsum</mark>" in found
    page = browser.get(f"/allegations/{sqlite_desk.allegation_id}").text
    assert "forced to work in the gypsum mine" in page


def test_persons_page_names_by_view(sqlite_desk):
    from docket.review import SuggestionEdit, accept
    from tests.web.conftest import ADMIN

    person = sqlite_desk.suggestion_ids[0]
    accept(sqlite_desk.case, person, actor=ADMIN, edit=SuggestionEdit(name="Quorvendish Xylophant"))
    full = sqlite_desk.login("investigator").get("/persons").text
    pseudo = sqlite_desk.login("analyst").get("/persons").text
    assert "Quorvendish Xylophant" in full
    assert "Quorvendish" not in pseudo and "P-0000" in pseudo


def test_role_failure_on_a_page_is_403_not_a_crash(sqlite_desk):
    browser = sqlite_desk.login("public")
    page = browser.post(
        "/sources/upload",
        files={"files": ("x.md", b"x", "text/plain")},
        headers={"X-CSRF-Token": _csrf(browser)},
    )
    assert page.status_code == 403 and "sources:write" in page.text


def _csrf(browser) -> str:
    return browser.get("/sources").text.split('name="csrf_token" value="')[1].split('"')[0]
