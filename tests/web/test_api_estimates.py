"""Estimates through the API and the page: the latest run, its chart, its plain paragraph."""

import pytest

from tests.web.conftest import add_linked_lists


@pytest.fixture(scope="module")
def listed(desk, tmp_path_factory):
    add_linked_lists(desk.case, tmp_path_factory.mktemp("lists"))
    return desk


def test_no_estimate_yet(desk):
    page = desk.client.get("/api/estimates/latest", headers=desk.auth("public")).json()
    assert page["run_id"] is None and page["rows"] == []
    chart = desk.client.get("/api/estimates/latest/chart.svg", headers=desk.auth("public"))
    assert chart.status_code == 404


def test_run_read_and_chart(listed):
    desk = listed
    body = {"method": "loglinear"}
    refused = desk.client.post("/api/estimates", json=body, headers=desk.auth("public"))
    assert refused.status_code == 403 and "estimate:run" in refused.json()["detail"]
    assert desk.client.post("/api/estimates", json={"method": "magic"},
                            headers=desk.auth("analyst")).status_code == 422  # fmt: skip
    made = desk.client.post("/api/estimates", json=body, headers=desk.auth("analyst"))
    assert made.status_code == 201, made.text
    page = desk.client.get("/api/estimates/latest", headers=desk.auth("reviewer")).json()
    assert page["run_id"] == made.json()["run_id"] and page["method"] == "loglinear"
    (total,) = page["rows"]
    assert set(page["lists"]) == {"A", "B", "C", "PLANT"}
    assert total["estimate"] >= total["observed"] > 0
    assert total["ci_low"] <= total["estimate"] <= total["ci_high"]
    assert "lists record" in page["summary"]
    chart = desk.client.get("/api/estimates/latest/chart.svg", headers=desk.auth("public"))
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/svg+xml"
    assert chart.text.lstrip().startswith("<?xml") and "<svg" in chart.text
    html = desk.login("analyst").get("/estimates").text
    assert page["summary"].split(".")[0] in html and 'src="/estimates/chart.svg' in html
