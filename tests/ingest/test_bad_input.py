"""Bad input: one clear line per failed file, exit 2, the rest of the batch still ingests."""

import subprocess
import sys

import pytest
from sqlalchemy import func, select

from docket.errors import BadInput
from docket.ingest import ingest_paths
from docket.store.models import PersonReport, Source
from tests.ingest.samples import encrypted_pdf_bytes, write_samples


def _count(case, model):
    with case.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("undecodable.txt", b"\x80\x81\x82\xc0\xff" * 40, "undecodable"),
        ("binary.md", b"\x00\x01\x02binary\x00", "binary"),
        ("empty.md", b"", "empty"),
        (
            "nobody.html",
            b"<html><head><title>x</title></head><body></body></html>",
            "no readable main text",
        ),
        ("locked.pdf", None, "encrypted"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        ("badyaml.md", b"---\nwitness_name: [unclosed\n---\nbody\n", "not valid YAML"),
        ("badconsent.md", b"---\nconsent: everyone\n---\nbody\n", "consent"),
        ("weird.xyz", b"something", "--kind"),
    ],
)
def test_bad_file_is_named_with_reason_and_nothing_is_stored(
    sqlite_case, admin, tmp_path, name, content, expected
):
    path = tmp_path / name
    path.write_bytes(encrypted_pdf_bytes() if content is None else content)
    report = ingest_paths(sqlite_case, [path], actor=admin)
    [outcome] = report.outcomes
    assert outcome.status == "failed"
    assert name in outcome.reason and expected in outcome.reason
    assert _count(sqlite_case, Source) == 0
    assert list(sqlite_case.blobs) == []


@pytest.mark.parametrize(
    ("csv_text", "expected"),
    [
        ("record_id,source,name\nr1,UN,Kim\n,UN,Lee\n", "line 3: column 'record_id' is empty"),
        ("record_id,source,name\nr1,UN,Kim\nr1,UN,Lee\n", "line 3: column 'record_id' repeats"),
        ("record_id,source,sex\nr1,UN,M\n", "line 1: needs a 'name' or 'name_hangul'"),
        ("record_id,name\nr1,Kim\n", "line 1: missing column(s) source"),
        ("record_id,source,name\nr1,UN,\n", "line 2: neither 'name' nor 'name_hangul'"),
        ("record_id,source,name,sex\nr1,UN,Kim,X\n", "line 2: column 'sex'"),
        ("record_id,source,name,birth_year\nr1,UN,Kim,soon\n", "line 2: column 'birth_year'"),
        ("record_id,source,name\nr1,UN,Kim,extra\n", "line 2: has 4 fields, expected 3"),
        ('record_id,source,name\nr1,UN,"Kim\n', "malformed CSV"),
    ],
)
def test_malformed_list_names_line_and_column_and_stores_no_row(
    sqlite_case, admin, tmp_path, csv_text, expected
):
    path = tmp_path / "list.csv"
    path.write_text(csv_text, encoding="utf-8")
    [outcome] = ingest_paths(sqlite_case, [path], actor=admin).outcomes
    assert outcome.status == "failed"
    assert expected in outcome.reason
    assert _count(sqlite_case, PersonReport) == 0


def test_one_bad_file_does_not_sink_the_batch(case, admin, tmp_path):
    samples = write_samples(tmp_path / "in")
    (tmp_path / "in" / "zz-bad.csv").write_text("record_id,source,name\n,UN,X\n")
    report = ingest_paths(case, [tmp_path / "in", tmp_path / "missing.md"], actor=admin)
    assert report.count("ingested") == len(samples)
    assert [o.path.rsplit("/", 1)[-1] for o in report.failed] == ["zz-bad.csv", "missing.md"]
    assert "no such file" in report.failed[1].reason


def test_unknown_kind_option_is_refused(sqlite_case, admin, tmp_path):
    with pytest.raises(BadInput, match="unknown kind 'memo'"):
        ingest_paths(sqlite_case, [tmp_path], kind="memo", actor=admin)


def test_cli_prints_one_line_per_failure_and_exits_2(sqlite_case, tmp_path):
    samples = write_samples(tmp_path / "in")
    bad = tmp_path / "in" / "bad.csv"
    bad.write_text("record_id,source,name\nr1,UN,\n")
    result = subprocess.run(
        [sys.executable, "-m", "docket", "ingest", str(tmp_path / "in"), "--case",
         str(sqlite_case.root)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert failures == [f"failed: {bad}:line 2: neither 'name' nor 'name_hangul' is filled"]
    assert f"ingested {len(samples)}, already present 0, failed 1" in result.stdout
    assert "Traceback" not in result.stderr
