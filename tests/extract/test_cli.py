"""`docket extract` through the real CLI entry point: JSON, JSON Lines, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docket.cli import main


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "a.md"
    good.write_text(
        "---\ntitle: T\npublished: 2016-05-12\n---\n"
        'Pak Sun Hui, a former guard, said "we starved at Yodok in 1997," she said.\n',
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\xff" * 500)
    return {"good": good, "empty": empty, "junk": junk}


def test_one_file_json_follows_the_contract(files, capsys) -> None:
    code, out, _ = _run(["extract", str(files["good"]), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    for key in (
        "title",
        "published",
        "language",
        "text",
        "sha256",
        "entities",
        "quotes",
        "dates",
        "figures",
        "places",
        "acts",
    ):
        assert key in data
    assert data["title"] == "T" and data["published"] == "2016-05-12"
    text = data["text"]
    for kind in ("entities", "quotes", "dates", "places", "acts"):
        for item in data[kind]:
            assert text[item["start"] : item["end"]] == item["text"]
    assert data["places"][0]["place_id"] == "KWN-15"
    assert data["quotes"][0]["speaker"] == "Pak Sun Hui"


def test_several_files_give_json_lines_with_errors_inline(files, capsys) -> None:
    argv = ["extract", str(files["good"]), str(files["empty"]), str(files["junk"]), "--json"]
    code, out, _ = _run(argv, capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [row["file"] for row in lines] == [str(files[k]) for k in ("good", "empty", "junk")]
    assert "entities" in lines[0] and "error" not in lines[0]
    assert "empty" in lines[1]["error"] and "binary" in lines[2]["error"]


@pytest.mark.parametrize("which", ["empty", "junk"])
def test_bad_file_is_a_message_and_exit_2(files, capsys, which) -> None:
    code, out, err = _run(["extract", str(files[which])], capsys)
    assert code == 2
    assert str(files[which]) in err and "Traceback" not in err


def test_bad_option_is_exit_2(files, capsys) -> None:
    code, _, err = _run(["extract", str(files["good"]), "--lang", "fr"], capsys)
    assert code == 2 and "--lang" in err


def test_human_summary(files, capsys) -> None:
    code, out, _ = _run(["extract", str(files["good"])], capsys)
    assert code == 0 and "PERSON: Pak Sun Hui" in out and "KWN-15" in out


def test_files_in_batches_keep_their_order_around_bad_ones(files, capsys, monkeypatch) -> None:
    from docket.extract import core

    monkeypatch.setattr(core, "BATCH_DOCUMENTS", 2)
    names = ["good", "empty", "good", "junk", "good"]
    code, out, _ = _run(["extract", *(str(files[k]) for k in names), "--json"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and [row["file"] for row in lines] == [str(files[k]) for k in names]
    assert [("error" in row) for row in lines] == [False, True, False, True, False]
    assert all(row["quotes"][0]["speaker"] == "Pak Sun Hui" for row in lines[::2])
