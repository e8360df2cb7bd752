"""The commands: thin wrappers that parse, call one function and print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docket.cli import app, main
from tests.evidence.corpus import QUOTES

runner = CliRunner()


def _run(case_root: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--case", str(case_root)])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def test_allegation_link_findings_unlink(sqlite_case, sqlite_corpus, tmp_path: Path) -> None:
    root = sqlite_case.root
    out = _run(
        root,
        "allegation",
        "add",
        "SYNTHETIC: beatings at Yodok",
        "--act",
        "CAH-F",
        "--place",
        "Yodok",
        "--time",
        "1997",
        "--victims",
        "prisoners",
    )
    assert out.strip() == "allegation 1"
    for key in ("w1", "w2"):
        out = _run(
            root,
            "evidence",
            "link",
            "1",
            "--source",
            str(sqlite_corpus[key]),
            "--quote",
            QUOTES[key],
            "--first-hand",
            "--reliability",
            "B",
            "--credibility",
            "2",
        )
    assert "is now established" in out
    out = _run(
        root,
        "evidence",
        "link",
        "1",
        "--source",
        str(sqlite_corpus["denial"]),
        "--quote",
        QUOTES["denial"],
        "--stance",
        "contradicts",
        "--reliability",
        "A",
    )
    assert "link 3; allegation 1 is now contested" in out
    [row] = json.loads(_run(root, "findings", "--json"))
    for key in (
        "id",
        "summary",
        "status",
        "standard",
        "supporting",
        "contradicting",
        "independent_sources",
        "reasons",
    ):
        assert key in row
    assert (row["status"], row["standard"], row["independent_sources"]) == (
        "contested",
        "reasonable_grounds",
        2,
    )
    assert len(row["supporting"]) == 2 and len(row["contradicting"]) == 1
    assert any("Contradicts and blocks" in r for r in row["reasons"])
    show = _run(root, "allegation", "show", "1")
    assert "reasoning:" in show and "first-hand: counts" in show
    assert "contested" in _run(root, "allegation", "list")
    assert "is now established" in _run(root, "evidence", "unlink", "3")
    suggestions = json.loads(_run(root, "evidence", "suggest", "1", "--json", "--limit", "5"))
    assert suggestions and {"score", "reasons", "source_id", "start", "end"} <= set(suggestions[0])
    out = _run(root, "evidence", "relate", str(sqlite_corpus["w2"]), str(sqlite_corpus["w1"]))
    assert "cites" in out
    [row] = json.loads(_run(root, "findings", "--json"))
    assert row["status"] == "insufficient" and row["independent_sources"] == 1


def test_standards_command(sqlite_case, tmp_path: Path) -> None:
    out = _run(sqlite_case.root, "standards")
    assert "reasonable_grounds (default)" in out and "at least 2 independent" in out
    path = tmp_path / "s.toml"
    path.write_text("[standards.one]\nmin_independent = 1\n", encoding="utf-8")
    data = json.loads(_run(sqlite_case.root, "standards", "--load", str(path), "--json"))
    assert data["default"] == "one" and data["standards"][0]["min_independent"] == 1


def test_patterns_command_without_events(sqlite_case) -> None:
    assert "no coded events" in _run(sqlite_case.root, "patterns")
    assert json.loads(_run(sqlite_case.root, "patterns", "--json"))["rows"] == []


@pytest.mark.parametrize(
    "args",
    [
        ["allegation", "add", "SYNTHETIC", "--act", "NOT-AN-ACT"],
        ["allegation", "show", "99"],
        ["evidence", "link", "99", "--excerpt", "1"],
        ["evidence", "unlink", "99"],
    ],
)
def test_bad_input_exits_2_with_a_message(sqlite_case, capsys, args: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--case", str(sqlite_case.root)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("docket: error:") and "Traceback" not in err
