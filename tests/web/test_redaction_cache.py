"""The name matcher is cached per case and view: a protected name added after a reader's first
request is masked in that reader's very next one, whichever process or Case object added it."""

from __future__ import annotations

import uuid

from docket.case import open_case
from docket.ingest import ingest_paths
from tests.web.conftest import ADMIN

# SYNTHETIC names, distinctive so that a hit can only be the planted text
ARTICLE = """<!DOCTYPE html><html><head><title>SYNTHETIC: transfer</title></head><body>
<article><p>SYNTHETIC public article about forced labour at Yodok camp: {name} was seen in the
gypsum mine in 1998, and later {reversed} was moved to another camp, witnesses said.</p>
</article></body></html>
"""


def _testimony(pseudonym: str, name: str) -> bytes:
    return (f"---\nwitness_pseudonym: {pseudonym}\nwitness_name: {name}\nconsent: public\n---\n"
            "SYNTHETIC testimony about the gypsum mine at Yodok.\n").encode()  # fmt: skip


def _upload(desk, filename: str, data: bytes, media: str) -> int:
    done = desk.client.post("/api/sources", files={"files": (filename, data, media)},
                            headers=desk.auth("investigator"))  # fmt: skip
    assert done.status_code == 201, done.text
    (outcome,) = done.json()
    assert outcome["status"] == "ingested", outcome
    return outcome["source_id"]


def _text(desk, role: str, source_id: int) -> str:
    shown = desk.client.get(f"/api/sources/{source_id}", headers=desk.auth(role))
    assert shown.status_code == 200, shown.text
    return shown.json()["text"]


def test_a_name_made_protected_is_masked_in_the_next_request(desk):
    tag = uuid.uuid4().hex[:6]
    given, family = f"Pluvenko{tag}", "Dravaschi"
    article = ARTICLE.format(name=f"{given} {family}", reversed=f"{family.upper()}, {given}")
    article_id = _upload(desk, f"art-{tag}.html", article.encode(), "text/html")
    # not protected yet: the analyst and the public read the article as written (and the
    # matchers of both views are now built and cached)
    assert f"{given} {family}" in _text(desk, "analyst", article_id)
    assert f"{given} {family}" in _text(desk, "public", article_id)

    pseudonym = f"W-8{int(tag, 16) % 1000:03d}"
    _upload(desk, f"t-{tag}.md", _testimony(pseudonym, f"{family} {given}"), "text/markdown")

    analyst = _text(desk, "analyst", article_id)
    assert given not in analyst and family not in analyst.replace(family.upper(), family)
    assert analyst.count(f"[{pseudonym}]") == 2
    public = _text(desk, "public", article_id)
    assert given not in public and "[name withheld] was seen" in public
    assert "[name withheld] was moved" in public
    assert given in _text(desk, "investigator", article_id)  # the full view is unchanged


def test_a_name_added_by_another_process_is_masked_too(desk, tmp_path, key_file, monkeypatch):
    """Another Case object on the same database (as the CLI in another process would be) adds
    the witness; the server's cached matcher must notice through the database alone."""
    tag = uuid.uuid4().hex[:6]
    name = f"Quennivar{tag} Ostrablenko"
    article = ARTICLE.format(name=name, reversed="someone else")
    article_id = _upload(desk, f"art2-{tag}.html", article.encode(), "text/html")
    assert name in _text(desk, "analyst", article_id)

    monkeypatch.setenv("DOCKET_KEY_FILE", str(key_file))
    (tmp_path / "t.md").write_bytes(_testimony(f"W-9{int(tag, 16) % 1000:03d}", name))
    with open_case(desk.case.root) as other:
        assert not ingest_paths(other, [tmp_path / "t.md"], actor=ADMIN).failed
    assert name not in _text(desk, "analyst", article_id)
    assert name.split()[0] not in _text(desk, "public", article_id)
