"""Linkage through the API and the page: run, uncertain pairs with reasons, verdicts; names
never reach the analyst's view of a pair."""

import pytest

from tests.web.conftest import add_linked_lists, add_uncertain_pairs


@pytest.fixture(scope="module")
def linked(sqlite_desk, tmp_path_factory):
    """Listed persons, and a stored linkage run whose uncertain pairs are written here in the
    shape Splink gives them (running Splink itself is tested in tests/link; it is too slow to
    run again for the pages)."""
    desk = sqlite_desk
    add_linked_lists(desk.case, tmp_path_factory.mktemp("lists"))
    refused = desk.client.post("/api/link/runs", headers=desk.auth("reviewer"))
    assert refused.status_code == 403 and "link:run" in refused.json()["detail"]
    pairs = add_uncertain_pairs(desk.case)
    return desk, {"uncertain": len(pairs)}


def test_pairs_explain_their_score_without_names(linked):
    desk, run = linked
    pairs = desk.client.get("/api/link/pairs?limit=5", headers=desk.auth("analyst")).json()
    assert len(pairs) == min(5, run["uncertain"]) > 0
    for pair in pairs:
        assert pair["reasons"] and all("comparison" in r for r in pair["reasons"])
        assert "name" not in pair["a"] and "name" not in pair["b"]
    page = desk.login("analyst").get("/link").text
    assert f"P-{pairs[0]['report_a']:05d}" in page  # names shown as pseudonyms
    full = desk.login("investigator").get("/link").text
    assert "Same person" in full


def test_verdict_in_place_and_roles(linked):
    desk, _run = linked
    pair = desk.client.get("/api/link/pairs?limit=1", headers=desk.auth("admin")).json()[0]
    body = {"report_a": pair["report_a"], "report_b": pair["report_b"], "is_match": True}
    assert desk.client.post("/api/link/decisions", json=body,
                            headers=desk.auth("public")).status_code == 403  # fmt: skip
    browser = desk.login("investigator")
    csrf = browser.get("/link").text.split('name="csrf_token" value="')[1].split('"')[0]
    done = browser.post(
        "/link/decide",
        data={"report_a": pair["report_a"], "report_b": pair["report_b"], "verdict": "same"},
        headers={"HX-Request": "true", "X-CSRF-Token": csrf},
    )
    assert done.status_code == 200 and "same person" in done.text
    left = desk.client.get("/api/link/pairs?limit=500", headers=desk.auth("admin")).json()
    assert (pair["report_a"], pair["report_b"]) not in {
        (p["report_a"], p["report_b"]) for p in left
    }
    persons = desk.client.get("/api/persons", headers=desk.auth("admin")).json()
    ident = {p["id"]: p["identity"] for p in persons}
    assert ident[pair["report_a"]] == ident[pair["report_b"]] is not None
