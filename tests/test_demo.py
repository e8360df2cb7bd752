"""`docket demo` builds the same SYNTHETIC case every time and runs every stage on it."""

from sqlalchemy import func, select

from docket.demo import run_demo
from docket.store.models import Source
from docket.verify import verify_case


def test_demo_builds_a_complete_verifiable_case(tmp_path, admin):
    lines: list[str] = []
    with run_demo(tmp_path / "demo", echo=lines.append) as case:
        with case.session() as s:
            kinds = dict(s.execute(select(Source.kind, func.count()).group_by(Source.kind)).all())
        assert kinds["testimony"] >= 40 and kinds["article"] == 20 and kinds["statement"] == 3
        assert verify_case(case, actor=admin).ok
        report = case.root / "report"
        assert "SYNTHETIC DATA" in (report / "report.html").read_text(encoding="utf-8")
        assert (report / "report.pdf").read_bytes().startswith(b"%PDF")
    assert all(line.startswith("[") for line in lines)
    assert any("report.html" in line for line in lines)


def test_demo_replaces_an_earlier_demo_but_not_other_folders(tmp_path):
    import pytest

    from docket.errors import BadInput

    run_demo(tmp_path / "demo").close()
    run_demo(tmp_path / "demo").close()  # rebuilt in place
    other = tmp_path / "notes"
    other.mkdir()
    (other / "mine.txt").write_text("keep me")
    with pytest.raises(BadInput, match="not an earlier docket demo"):
        run_demo(other)
    assert (other / "mine.txt").read_text() == "keep me"
