"""Authentication: tokens and cookie sessions, their failures, CSRF on cookie writes."""

from tests.web.conftest import PASSWORD

PROTECTED_GETS = [
    "/api/overview",
    "/api/sources",
    "/api/sources/1",
    "/api/search?q=Yodok",
    "/api/sources/1/suggestions",
    "/api/persons",
    "/api/allegations",
    "/api/allegations/1",
    "/api/facilities",
    "/api/auth/me",
]


def test_every_endpoint_needs_credentials(sqlite_desk):
    for path in PROTECTED_GETS:
        response = sqlite_desk.client.get(path)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
    for path in ("/api/sources", "/api/suggestions/1/accept", "/api/suggestions/1/reject"):
        assert sqlite_desk.client.post(path).status_code == 401, path


def test_bad_and_revoked_tokens_are_refused(sqlite_desk):
    client = sqlite_desk.client
    assert (
        client.get("/api/sources", headers={"Authorization": "Bearer dkt_nonsense"}).status_code
        == 401
    )
    assert client.get("/api/sources", headers={"Authorization": "Basic abc"}).status_code == 401
    issued = client.post("/api/auth/token", json={"username": "u-analyst", "password": PASSWORD})
    assert issued.status_code == 201 and issued.json()["role"] == "analyst"
    token = issued.json()["token"]
    me = client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json() == {"username": "u-analyst", "role": "analyst", "view": "pseudonymous"}
    revoked = client.post(
        "/api/auth/revoke", json={"token": token}, headers={"Authorization": f"Bearer {token}"}
    )
    assert revoked.status_code == 204
    assert (
        client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    )


def test_token_needs_the_right_password(sqlite_desk):
    client = sqlite_desk.client
    for body in (
        {"username": "u-analyst", "password": "wrong-password"},
        {"username": "nobody", "password": PASSWORD},
    ):
        response = client.post("/api/auth/token", json=body)
        assert response.status_code == 401
        assert "unknown user, wrong password or inactive" in response.json()["detail"]


def test_login_sets_a_protected_cookie_and_pages_redirect_without_it(sqlite_desk):
    client = sqlite_desk.client
    anonymous = client.get("/sources", follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/login?next=/sources"
    failed = client.post("/login", data={"username": "u-admin", "password": "nope-nope-nope"})
    assert failed.status_code == 401 and "wrong password" in failed.text
    ok = client.post(
        "/login",
        data={"username": "u-admin", "password": PASSWORD, "next": "https://evil.example/"},
        follow_redirects=False,
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/"  # no open redirect
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    client.cookies.clear()


def test_forged_cookie_is_ignored(sqlite_desk):
    client = sqlite_desk.login("admin")
    value = client.cookies.get("docket_session")
    client.cookies.set("docket_session", value[:-3] + ("AAA" if value[-3:] != "AAA" else "BBB"))
    assert client.get("/api/auth/me").status_code == 401


def test_cookie_writes_need_the_csrf_token(sqlite_desk):
    client = sqlite_desk.login("investigator")
    sid = sqlite_desk.suggestion_ids[0]
    refused = client.post(f"/suggestions/{sid}/reject", data={"reason": "x"})
    assert refused.status_code == 403 and "form is stale" in refused.text
    wrong = client.post(f"/suggestions/{sid}/reject", headers={"X-CSRF-Token": "guess"})
    assert wrong.status_code == 403
    page = client.get(f"/sources/{sqlite_desk.testimony_id}")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    # still pending: the refused posts changed nothing
    views = client.get(f"/api/sources/{sqlite_desk.testimony_id}/suggestions").json()
    assert {v["id"]: v["status"] for v in views}[sid] == "pending"
    logout = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert logout.status_code == 303
    assert "docket_session" not in client.cookies


def test_login_from_another_origin_is_refused(sqlite_desk):
    response = sqlite_desk.client.post(
        "/login",
        data={"username": "u-admin", "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403
