"""The demo allegations: a mix of statuses on a corpus, no crash on an empty one."""

from __future__ import annotations

from docket.actor import Actor
from docket.case import Case
from docket.evidence import findings
from docket.evidence.demo import TEMPLATES, add_demo_allegations
from docket.evidence.patterns import event_patterns


def test_demo_on_an_empty_case_adds_allegations_without_evidence(sqlite_case: Case, admin):
    ids = add_demo_allegations(sqlite_case, admin)
    assert len(ids) == len(TEMPLATES)
    assert {f.status for f in findings(sqlite_case, actor=admin)} == {"no evidence"}


def test_demo_links_what_the_corpus_holds(case: Case, corpus, admin: Actor) -> None:
    ids = add_demo_allegations(case, admin)
    rows = {f.id: f for f in findings(case, actor=admin)}
    assert set(ids) == set(rows)
    linked = [f for f in rows.values() if f.assessment.items]
    assert linked, "the SYNTHETIC test corpus mentions Yodok and Camp 14 beatings"
    for f in linked:
        for item in f.assessment.items:
            assert item.quote  # every link points at real words
            assert item.note == "SYNTHETIC demo coding"
    statements = [i for f in linked for i in f.assessment.items if i.stance == "contradicts"]
    assert statements and all(i.source_ids == (corpus["denial"],) for i in statements)
    assert all(f.recorded_status == f.status for f in rows.values())
    assert event_patterns(case, actor=admin).rows  # first-hand excerpts were coded as events
