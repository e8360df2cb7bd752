"""`docket report`, `docket export`, `docket import uwazi` through the real entry point."""

from __future__ import annotations

from docket.cli import main
from tests.security.plant import leaks


def _docket(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_report_and_exports_from_the_command_line(filled, tmp_path, capsys):
    case = str(filled.root)
    code, out, _ = _docket(capsys, "report", "--case", case, "--role", "analyst")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and not leaks(out.encode())
    code, out, _ = _docket(capsys, "report", "--case", case, "--role", "public",
                           "--out", str(tmp_path / "r.html"))  # fmt: skip
    assert code == 0 and "public view" in out
    assert not leaks((tmp_path / "r.html").read_bytes())
    code, out, _ = _docket(capsys, "export", "csv", "--case", case, "--out", str(tmp_path / "c"))
    assert code == 0 and (tmp_path / "c" / "events.csv").is_file()
    code, out, _ = _docket(capsys, "import", "uwazi", str(tmp_path / "c" / "events.csv"),
                           "--case", case, "--json")  # fmt: skip
    assert code == 0 and '"created": 1' in out
    code, _, err = _docket(capsys, "export", "pdf", "--case", case, "--out", str(tmp_path / "x"))
    assert code == 2 and "unknown export" in err
    code, _, err = _docket(capsys, "report", "--case", case, "--format", "docx")
    assert code == 2 and "html or pdf" in err


def test_as_user_cannot_widen_the_view(filled, tmp_path, capsys, monkeypatch):
    from docket.actor import Actor
    from docket.cli._app import GlobalState
    from docket.security import add_user

    add_user(filled, "cli-analyst", "SYNTHETIC-pw-1", "analyst", actor=Actor("t", "admin"))
    monkeypatch.setenv("DOCKET_PASSWORD", "SYNTHETIC-pw-1")
    case = str(filled.root)
    try:
        code, _, err = _docket(capsys, "--as", "cli-analyst", "report", "--case", case,
                               "--role", "investigator")  # fmt: skip
        assert code != 0 and "may not make the investigator view" in err
        code, out, _ = _docket(capsys, "--as", "cli-analyst", "export", "json", "--case", case,
                               "--out", str(tmp_path / "j"))  # fmt: skip
        assert code == 0
        assert '"view": "pseudonymous"' in (tmp_path / "j" / "events.json").read_text()
    finally:
        GlobalState.as_user = None
