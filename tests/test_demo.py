"""`docket demo` builds the same SYNTHETIC case every time and runs every stage on it."""

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from docket.actor import Actor
from docket.case import Case
from docket.demo import run_demo
from docket.errors import BadInput
from docket.store.models import Source
from docket.verify import verify_case


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Case, list[str]]]:
    """One demo build shared by the module (each takes about a minute): the open case and its
    progress lines."""
    lines: list[str] = []
    with run_demo(tmp_path_factory.mktemp("demo") / "demo", echo=lines.append) as case:
        yield case, lines


def test_demo_builds_a_complete_verifiable_case(built):
    case, lines = built
    with case.session() as s:
        kinds = dict(s.execute(select(Source.kind, func.count()).group_by(Source.kind)).all())
    assert kinds["testimony"] >= 40 and kinds["article"] == 20 and kinds["statement"] == 3
    assert verify_case(case, actor=Actor("test-admin", "admin")).ok
    report = case.root / "report"
    assert "SYNTHETIC DATA" in (report / "report.html").read_text(encoding="utf-8")
    assert (report / "report.pdf").read_bytes().startswith(b"%PDF")
    assert all(line.startswith("[") for line in lines)
    assert any("report.html" in line for line in lines)


def test_demo_replaces_an_earlier_demo_the_same_but_not_other_folders(built, tmp_path):
    earlier, _ = built
    with earlier.session() as s:
        digests = sorted(s.scalars(select(Source.sha256)))
    earlier.close()
    with run_demo(earlier.root) as case, case.session() as s:  # rebuilt in place, byte for byte
        assert sorted(s.scalars(select(Source.sha256))) == digests
    other = tmp_path / "notes"
    other.mkdir()
    (other / "mine.txt").write_text("keep me")
    with pytest.raises(BadInput, match="not an earlier docket demo"):
        run_demo(other)
    assert (other / "mine.txt").read_text() == "keep me"
