"""The case commands end to end, through the real entry point in a subprocess."""

import json
import os
import subprocess
import sys

import pytest

from tests.ingest.samples import write_samples


def docket(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "docket", *args],
        capture_output=True, text=True, cwd=cwd, check=False,
        env={**os.environ, "DOCKET_USER": "cli-tester"},
    )  # fmt: skip


@pytest.fixture
def cli_case(tmp_path, db_url):
    args = ["init", str(tmp_path / "case")] + (["--db", db_url] if db_url else [])
    result = docket(*args)
    assert result.returncode == 0, result.stderr
    return tmp_path / "case"


def test_init_ingest_list_show_search_verify(cli_case, tmp_path):
    samples = write_samples(tmp_path / "in")
    result = docket("ingest", str(tmp_path / "in"), cwd=cli_case)
    assert result.returncode == 0, result.stderr
    assert f"ingested {len(samples)}, already present 0, failed 0" in result.stdout
    assert "kind guessed as article" in result.stderr

    listed = json.loads(docket("sources", "--json", cwd=cli_case).stdout)
    assert sorted(s["kind"] for s in listed) == sorted(
        ["testimony", "testimony", "article", "list", "document"]
    )
    testimony = next(s for s in listed if s["filename"] == "testimony.md")
    assert testimony["witness"] == "W-0042"

    shown = json.loads(docket("show", str(testimony["id"]), "--json", cwd=cli_case).stdout)
    assert shown["text"].startswith("SYNTHETIC testimony")
    assert shown["custody"][0]["actor"] == "cli-tester"

    found = json.loads(docket("search", "요덕", "--json", cwd=cli_case).stdout)
    assert len(found) == 1 and found[0]["kind"] == "testimony"

    assert docket("verify", cwd=cli_case).returncode == 0


def test_verify_exits_1_when_a_blob_is_altered(cli_case, tmp_path):
    write_samples(tmp_path / "in")
    docket("ingest", str(tmp_path / "in" / "article.html"), cwd=cli_case)
    blob = next(p for p in (cli_case / "blobs").rglob("*") if p.is_file())
    os.chmod(blob, 0o644)
    blob.write_bytes(blob.read_bytes() + b" ")
    result = docket("verify", cwd=cli_case)
    assert result.returncode == 1
    assert "altered" in result.stdout


def test_outside_a_case_exits_2_with_a_hint(tmp_path):
    result = docket("sources", cwd=tmp_path)
    assert result.returncode == 2
    assert "docket init" in result.stderr and "Traceback" not in result.stderr


def test_show_unknown_source_exits_2(cli_case):
    result = docket("show", "999", cwd=cli_case)
    assert result.returncode == 2 and "no source with id 999" in result.stderr


def test_upgrade_is_idempotent(cli_case):
    result = docket("upgrade", cwd=cli_case)
    assert result.returncode == 0 and "up to date" in result.stdout
