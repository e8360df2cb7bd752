"""Sources, search and upload through the API, on SQLite and PostgreSQL; roles and redaction."""

import pytest

from tests.security.plant import leaks_in_text


def test_list_show_and_search(desk):
    h = desk.auth("investigator")
    listed = desk.client.get("/api/sources", headers=h).json()
    assert {s["kind"] for s in listed} == {"testimony", "list", "article"}
    testimonies = desk.client.get("/api/sources?kind=testimony", headers=h).json()
    assert [s["kind"] for s in testimonies] == ["testimony", "testimony"]
    shown = desk.client.get(f"/api/sources/{desk.testimony_id}", headers=h).json()
    assert "gypsum mine" in shown["text"] and shown["witness"] == "W-0777"
    assert "interview_place" not in shown  # …Public schemas carry no witness-identifying field
    hits = desk.client.get("/api/search", params={"q": "gypsum"}, headers=h).json()
    assert [hit["source_id"] for hit in hits] == [desk.testimony_id]
    assert "[gypsum]" in hits[0]["snippet"]


def test_missing_source_is_404_and_bad_query_is_400(desk):
    h = desk.auth("admin")
    assert desk.client.get("/api/sources/9999", headers=h).status_code == 404
    bad = desk.client.get("/api/search", params={"q": "!!!"}, headers=h)
    assert bad.status_code == 400 and "no words" in bad.json()["detail"]
    assert desk.client.get("/api/search", headers=h).status_code == 422  # q is required


@pytest.mark.parametrize("role", ["analyst", "reviewer", "public"])
def test_no_witness_name_reaches_lesser_roles(desk, role):
    h = desk.auth(role)
    bodies = [
        desk.client.get(p, headers=h).text
        for p in (
            "/api/sources",
            f"/api/sources/{desk.testimony_id}",
            "/api/search?q=Yodok",
            f"/api/sources/{desk.testimony_id}/suggestions",
            "/api/allegations",
            f"/api/allegations/{desk.allegation_id}",
            "/api/persons",
            "/api/overview",
        )
    ]
    for body in bodies:
        assert leaks_in_text(body) == [], body[:300]


def test_sensitive_source_hidden_from_public_view(desk):
    assert (
        desk.client.get(
            f"/api/sources/{desk.sensitive_id}", headers=desk.auth("public")
        ).status_code
        == 404
    )
    listed = desk.client.get("/api/sources", headers=desk.auth("public")).json()
    assert desk.sensitive_id not in [s["id"] for s in listed]


def test_upload_ingests_and_roles_are_enforced(desk):
    files = {
        "files": (
            "new-testimony.md",
            b"---\nwitness_pseudonym: W-0901\nconsent: public\n"
            b"---\nSYNTHETIC testimony uploaded through the API about Chongori.\n",
            "text/markdown",
        )
    }
    refused = desk.client.post("/api/sources", files=files, headers=desk.auth("analyst"))
    assert refused.status_code == 403 and "sources:write" in refused.json()["detail"]
    done = desk.client.post(
        "/api/sources", files=files, data={"kind": "testimony"}, headers=desk.auth("investigator")
    )
    assert done.status_code == 201, done.text
    (outcome,) = done.json()
    assert outcome["status"] == "ingested" and outcome["filename"] == "new-testimony.md"
    again = desk.client.post("/api/sources", files=files, headers=desk.auth("investigator"))
    assert again.json()[0]["status"] == "present"
    hits = desk.client.get("/api/search?q=Chongori", headers=desk.auth("admin")).json()
    assert [h["source_id"] for h in hits] == [outcome["source_id"]]
    audit = [
        e["action"]
        for e in desk.client.get("/api/overview", headers=desk.auth("admin")).json()["recent"]
    ]
    assert "source.ingest" in audit or any(a.startswith("source.") for a in audit)


def test_upload_reports_a_bad_file_without_failing_the_batch(desk):
    files = [
        ("files", ("empty.md", b"", "text/markdown")),
        ("files", ("ok.md", b"SYNTHETIC plain note about Hoeryong camp.\n", "text/plain")),
    ]
    done = desk.client.post("/api/sources", files=files, headers=desk.auth("admin"))
    statuses = {o["filename"]: o["status"] for o in done.json()}
    assert statuses == {"empty.md": "failed", "ok.md": "ingested"}
    assert "/tmp" not in done.text  # the private upload folder is not shown
