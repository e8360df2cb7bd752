"""An ingest killed with SIGKILL leaves the case consistent, and re-running completes it."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from sqlalchemy import func, select

from docket.case import open_case
from docket.ingest import ingest_paths
from docket.store.models import CustodyEntry, Source
from docket.verify import verify_case
from tests.ingest.samples import ARTICLE

N_FILES = 120


def _count_sources(db_path):
    try:
        with sqlite3.connect(db_path, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_sigkill_mid_batch_then_rerun(sqlite_case, admin, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(N_FILES):
        page = ARTICLE.replace("3,000 inmates", f"{3000 + i} inmates")
        (folder / f"page{i:03d}.html").write_text(page, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "docket", "ingest", str(folder), "--case", str(sqlite_case.root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    db_path = sqlite_case.root / "docket.db"
    deadline = time.monotonic() + 120
    while _count_sources(db_path) < 10 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    sqlite_case.close()

    case = open_case(sqlite_case.root)
    try:
        before = _count_sources(db_path)
        assert 10 <= before < N_FILES, "the kill should land mid-batch"
        assert verify_case(case, actor=admin).ok
        report = ingest_paths(case, [folder], actor=admin)
        assert report.count("failed") == 0
        assert report.count("present") == before
        assert report.count("ingested") == N_FILES - before
        with case.session() as s:
            assert s.scalar(select(func.count()).select_from(Source)) == N_FILES
            assert s.scalar(select(func.count()).select_from(CustodyEntry)) == N_FILES
        assert verify_case(case, actor=admin).ok
    finally:
        case.close()
