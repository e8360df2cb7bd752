"""`docket dedupe` against the person-records contract."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from docket.cli import main
from docket.errors import BadInput
from docket.link import read_person_records
from docket.synth.people import write_demo_lists


def run(args: list[str]) -> int:
    """The real entry point, so exit codes are the contract's (2 for bad input)."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    return int(exc.value.code or 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> list[Path]:
    return write_demo_lists(tmp_path_factory.mktemp("demo"), seed=2)


def test_dedupe_writes_one_row_per_record(demo, tmp_path) -> None:
    out = tmp_path / "clusters.csv"
    assert run(["dedupe", *map(str, demo), "--out", str(out)]) == 0
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    inputs = pd.concat([pd.read_csv(p, dtype=str) for p in demo])
    assert list(got.columns) == ["record_id", "cluster_id", "match_probability"]
    assert sorted(got["record_id"]) == sorted(inputs["record_id"])
    single = ~got["cluster_id"].duplicated(keep=False)
    assert (got.loc[single, "match_probability"] == "").all()
    assert (got.loc[~single, "match_probability"] != "").all()
    # the same input and options give the same bytes
    out2 = tmp_path / "again.csv"
    assert run(["dedupe", *map(str, demo), "--out", str(out2)]) == 0
    assert out.read_bytes() == out2.read_bytes()


def _write(path: Path, rows: list[list[str]], header=("record_id", "source", "name")) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.mark.parametrize(
    ("rows", "line", "what"),
    [
        ([["1", "a", "Kim Il"], ["", "a", "Ri Yong Chol"]], 3, "missing record_id"),
        ([["1", "a", "Kim Il"], ["2", "a", "Pak"], ["1", "a", "O Jin"]], 4, "duplicate"),
        ([["1", "a", "Kim Il"], ["2", "a", ""]], 3, "neither name"),
        ([["1", "a", "multi\nline"], ["2", "a", ""]], 4, "neither name"),
    ],
)
def test_bad_rows_exit_2_naming_the_line(tmp_path, rows, line, what) -> None:
    f = _write(tmp_path / "in.csv", rows)
    assert run(["dedupe", str(f)]) == 2
    with pytest.raises(BadInput) as err:
        read_person_records([f])
    assert f"line {line}" in str(err.value) and what in str(err.value)


def test_duplicate_record_id_across_files(tmp_path) -> None:
    a = _write(tmp_path / "a.csv", [["x1", "a", "Kim Il"]])
    b = _write(tmp_path / "b.csv", [["x2", "b", "Pak Il"], ["x1", "b", "O Jin"]])
    with pytest.raises(BadInput, match=r"b\.csv:line 3.*duplicate record_id 'x1'.*a\.csv:line 2"):
        read_person_records([a, b])


def test_missing_columns_and_bad_options(tmp_path) -> None:
    f = _write(tmp_path / "in.csv", [["1", "Kim Il"]], header=("record_id", "name"))
    assert run(["dedupe", str(f)]) == 2
    ok = _write(tmp_path / "ok.csv", [["1", "a", "Kim Il"]])
    assert run(["dedupe", str(ok), "--threshold", "1.5"]) == 2
    assert run(["dedupe", str(ok), "--backend", "oracle"]) == 2


def test_large_file_with_one_bad_row_is_refused_by_the_reader(tmp_path) -> None:
    rows = [[f"r{i}", "s", "Kim Yong Chol"] for i in range(200_000)]
    rows[150_000][2] = ""
    f = _write(tmp_path / "big.csv", rows)
    with pytest.raises(BadInput, match="line 150002"):
        read_person_records([f])
