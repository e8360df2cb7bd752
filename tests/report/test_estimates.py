"""A stored estimate run appears in the report with its chart and plain-language text."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from docket.actor import Actor
from docket.estimate import plain_language_summary
from docket.estimate.case import estimate_case, latest_estimate
from docket.ingest import ingest_paths
from docket.report import build_report
from docket.store.models import Identity, PersonReport


def _three_lists(folder: Path) -> Path:
    """SYNTHETIC: 60 people, each on one or more of lists A, B, C by a fixed pattern."""
    rows = ["record_id,source,name,sex,birth_year,facility,event_date"]
    for person in range(60):
        for k, name in enumerate("ABC"):
            if (person + k) % 3 != 0 or person % 5 == 0:
                rows.append(f"{name}-{person},LIST-{name},SYNTHETIC Person {person},M,1960,"
                            "Yodok,1997")  # fmt: skip
    path = folder / "lists.csv"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_report_shows_the_latest_estimate_with_chart_and_text(sqlite_case, admin, tmp_path):
    ingest_paths(sqlite_case, [_three_lists(tmp_path / "in")], actor=admin)
    with sqlite_case.session() as session:  # link by hand: same person number, one identity
        for report in session.scalars(select(PersonReport)):
            number = report.record_key.split("-")[1]
            identity = session.scalar(select(Identity).where(Identity.label == f"I-{number}"))
            if identity is None:
                identity = Identity(label=f"I-{number}")
                session.add(identity)
                session.flush()
            report.identity_id = identity.id
    estimate_case(sqlite_case, actor=admin, method="loglinear")
    _, result = latest_estimate(sqlite_case, actor=admin)
    html = build_report(sqlite_case, actor=Actor("a", "analyst")).decode("utf-8")
    section = html[html.index('<section id="estimates">') : html.index('<section id="annex">')]
    assert "No estimate has been run" not in section
    assert plain_language_summary(result)[:60] in section.replace("&#39;", "'")
    assert section.count("<svg") == 1 and "<?xml" not in html
    assert "LIST-A, LIST-B, LIST-C" in section
