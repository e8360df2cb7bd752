"""Concurrent writers through the API: nothing lost, nothing duplicated, the audit chain intact.
(bench/api.py runs 50 writers against a real server; this is the small version.)"""

from concurrent.futures import ThreadPoolExecutor

from docket.security import verify_audit
from tests.web.conftest import ADMIN


def test_concurrent_uploads_and_reads_lose_and_duplicate_nothing(desk):
    h = desk.auth("investigator")

    def upload(i: int):
        body = f"SYNTHETIC concurrent note {i} about Kaechon, writer test zqx{i:02d}.\n".encode()
        files = {"files": (f"c{i}.md", body, "text/plain")}
        return desk.client.post("/api/sources", files=files, headers=h)

    def read(_i: int):  # reads of protected text are audited: they write too
        return desk.client.get(f"/api/sources/{desk.sensitive_id}", headers=h)

    jobs = [(upload, i % 8) for i in range(16)] + [(read, i) for i in range(8)]
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda job: job[0](job[1]), jobs))
    assert [a.status_code for a in answers] == [201] * 16 + [200] * 8
    outcomes = [a.json()[0] for a in answers[:16]]
    made = {o["source_id"] for o in outcomes if o["status"] == "ingested"}
    assert len(made) == 8  # each file once, whichever request won
    for i in range(8):
        ids = {o["source_id"] for o in outcomes[i::8]}
        assert len(ids) == 1
    hits = desk.client.get("/api/search?q=Kaechon&limit=50", headers=h).json()
    assert {hit["source_id"] for hit in hits} >= made
    assert verify_audit(desk.case, actor=ADMIN).ok
