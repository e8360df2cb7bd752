"""Bad input exits 2 naming the line and field; good input in both contract forms is read."""

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from docket.cli import app
from docket.errors import BadInput
from docket.estimate import histories_from_identities, read_capture_csv


def write(tmp_path: Path, text: str, name: str = "c.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD = "UN,NGO_A,NGO_B,count\n1,0,0,41\n0,1,0,38\n1,1,0,5\n0,0,1,30\n1,0,1,6\n0,1,1,4\n1,1,1,1\n"


def test_counts_and_identity_rows_are_read_the_same(tmp_path):
    counts = read_capture_csv(write(tmp_path, GOOD))[None]
    assert counts.lists == ("UN", "NGO_A", "NGO_B")
    assert counts.observed == 125
    assert counts.as_dict()["110"] == 5
    rows = ["UN,NGO_A,NGO_B"] + ["1,1,0"] * 5 + ["0,0,1"] * 3
    ident = read_capture_csv(write(tmp_path, "\n".join(rows) + "\n", "i.csv"))[None]
    assert ident.as_dict() == {"110": 5, "001": 3}


def test_strata_split_rows_and_keep_lists(tmp_path):
    text = "A,B,C,camp,count\n1,0,0,x,3\n0,1,0,x,4\n1,1,0,x,2\n1,0,0,y,5\n0,0,1,y,1\n1,0,1,y,1\n"
    tables = read_capture_csv(write(tmp_path, text), ["camp"])
    assert sorted(tables) == ["x", "y"]
    assert tables["x"].observed == 9
    # list C recorded nobody in stratum x: left out there, with a note
    assert tables["x"].lists == ("A", "B")
    assert "C" in tables["x"].notes[0]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("A,B,count\n1,0,3\n0,0,2\n", "line 3"),  # all-zero pattern present
        ("A,B,count\n1,0,-3\n0,1,2\n1,1,1\n", "negative"),
        ("A,B,count\n1,0,2.5\n0,1,2\n1,1,1\n", "whole number"),
        ("A,B,count\n1,0,abc\n0,1,2\n1,1,1\n", "column 'count'"),
        ("A,B,count\n1,2,3\n0,1,2\n", "column 'B'"),
        ("A,count\n1,3\n", "two list"),
        ("A,B,C,count\n1,0,0,3\n0,1,0,2\n1,1,0,1\n", "'C' recorded nobody"),
        ("A,B,count\n1,0\n", "line 2"),
        ("", "empty"),
        ("A,B,count\n", "no data rows"),
        ("A,A,count\n1,0,1\n", "duplicate"),
    ],
)
def test_bad_input_names_the_problem(tmp_path, text, fragment):
    path = write(tmp_path, text)
    with pytest.raises(BadInput) as err:
        read_capture_csv(path)
    assert fragment in str(err.value)
    assert err.value.exit_code == 2


def test_cli_exits_2_with_reason_on_stderr(tmp_path):
    path = write(tmp_path, "A,B,count\n1,0,3\n0,0,2\n")
    from docket.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["estimate", str(path)])
    assert exc.value.code == 2


def test_cli_runner_bad_values_is_not_a_traceback(tmp_path):
    path = write(tmp_path, "A,B,count\n1,0,3\n0,1,x\n")
    result = CliRunner().invoke(app, ["estimate", str(path)])
    assert result.exit_code != 0
    assert isinstance(result.exception, BadInput)
    assert "line 3" in str(result.exception)


def test_identities_frame_validates_and_stratifies():
    df = pd.DataFrame({"A": [1, 1, 0, 0, 1, 0], "B": [0, 1, 1, 0, 0, 1], "sex": list("ffmmmf")})
    tables = histories_from_identities(df, ["A", "B"], ["sex"])
    # the identity on no list (row 3) is not a capture history
    assert sum(t.observed for t in tables.values()) == 5
    with pytest.raises(BadInput, match="not 0 or 1"):
        histories_from_identities(df.assign(A=[2, 1, 0, 0, 1, 0]), ["A", "B"])
