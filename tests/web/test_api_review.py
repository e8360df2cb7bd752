"""Suggestions and their review through the API and the in-place (HTMX) forms."""


def _status(desk, sid):
    views = desk.client.get(
        f"/api/sources/{desk.testimony_id}/suggestions", headers=desk.auth("admin")
    ).json()
    return {v["id"]: v for v in views}[sid]


def test_list_filters_by_status(desk):
    views = desk.client.get(
        f"/api/sources/{desk.testimony_id}/suggestions?status=pending",
        headers=desk.auth("investigator"),
    ).json()
    assert {v["kind"] for v in views} >= {"place", "act"}
    assert (
        desk.client.get(
            f"/api/sources/{desk.testimony_id}/suggestions?status=bogus", headers=desk.auth("admin")
        ).status_code
        == 422
    )


def test_accept_makes_a_record_and_is_audited(desk):
    place = next(
        v
        for v in desk.client.get(
            f"/api/sources/{desk.testimony_id}/suggestions", headers=desk.auth("admin")
        ).json()
        if v["kind"] == "place"
    )
    refused = desk.client.post(
        f"/api/suggestions/{place['id']}/accept", headers=desk.auth("analyst")
    )
    assert refused.status_code == 403
    assert _status(desk, place["id"])["status"] == "pending"
    done = desk.client.post(
        f"/api/suggestions/{place['id']}/accept", headers=desk.auth("investigator")
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "accepted" and done.json()["record_type"] == "place"
    twice = desk.client.post(
        f"/api/suggestions/{place['id']}/accept", headers=desk.auth("investigator")
    )
    assert twice.status_code == 409 and "already accepted" in twice.json()["detail"]
    recent = desk.client.get("/api/overview", headers=desk.auth("admin")).json()["recent"]
    assert any(
        e["action"] == "suggestion.accept" and e["actor"].startswith("u-investigator")
        for e in recent
    )


def test_edit_then_accept_a_person(desk):
    person = next(
        v
        for v in desk.client.get(
            f"/api/sources/{desk.testimony_id}/suggestions", headers=desk.auth("admin")
        ).json()
        if v["kind"] == "entity"
    )
    done = desk.client.post(
        f"/api/suggestions/{person['id']}/accept",
        json={"role": "witness"},
        headers=desk.auth("admin"),
    )
    assert done.status_code == 200 and done.json()["status"] == "edited"
    bad = desk.client.post("/api/suggestions/999999/accept", headers=desk.auth("admin"))
    assert bad.status_code == 404
    persons = desk.client.get("/api/persons", headers=desk.auth("analyst")).json()
    assert [p["role"] for p in persons if p["source_id"] == desk.testimony_id] == ["witness"]
    assert "name" not in persons[0]  # pseudonym only in the API


def test_reject_in_place_with_htmx(desk):
    act = next(
        v
        for v in desk.client.get(
            f"/api/sources/{desk.testimony_id}/suggestions", headers=desk.auth("admin")
        ).json()
        if v["kind"] == "act"
    )
    browser = desk.login("investigator")
    page = browser.get(f"/sources/{desk.testimony_id}")
    assert f'id="suggestion-{act["id"]}"' in page.text and 'class="span act pending"' in page.text
    csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    swapped = browser.post(
        f"/suggestions/{act['id']}/reject",
        data={"reason": "not an act"},
        headers={"HX-Request": "true", "X-CSRF-Token": csrf},
    )
    assert swapped.status_code == 200
    assert swapped.text.startswith(f'<li class="suggestion rejected" id="suggestion-{act["id"]}"')
    assert _status(desk, act["id"])["status"] == "rejected"
    again = browser.post(
        f"/suggestions/{act['id']}/reject", headers={"HX-Request": "true", "X-CSRF-Token": csrf}
    )
    assert again.status_code == 409 and 'role="alert"' in again.text


def test_reviewer_sees_no_review_buttons_and_may_not_review(desk):
    browser = desk.login("reviewer")
    page = browser.get(f"/sources/{desk.testimony_id}")
    assert page.status_code == 200 and "Accept</button>" not in page.text
    api = desk.client.post(
        f"/api/suggestions/{desk.suggestion_ids[0]}/reject", headers=desk.auth("reviewer")
    )
    assert api.status_code == 403
