"""Suggestions stored from the extract contract's JSON, then accepted, edited or rejected."""

import pytest
from sqlalchemy import func, select

from docket.errors import BadInput
from docket.ingest import ingest_paths
from docket.review import SuggestionEdit, accept, list_suggestions, reject, store_suggestions
from docket.store.models import (
    Citation,
    Event,
    EventParticipant,
    Excerpt,
    Organization,
    PersonReport,
    Place,
    Source,
    Suggestion,
)

TEXT = (
    "SYNTHETIC testimony.\n"
    "In spring 1997 Pak Sun Hui was beaten by guards of the Ministry of State Security "
    "at Yodok. She said she saw public executions there."
)


def _span(words, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    return {"start": start, "end": start + len(words)}


def extraction():
    return {
        "entities": [
            {"text": "Pak Sun Hui", "label": "PERSON", **_span("Pak Sun Hui")},
            {
                "text": "Ministry of State Security",
                "label": "ORG",
                **_span("Ministry of State Security"),
            },
        ],  # fmt: skip
        "quotes": [],
        "dates": [
            {
                "text": "spring 1997",
                "earliest": "1997-03-01",
                "latest": "1997-05-31",
                **_span("spring 1997"),
            },
        ],  # fmt: skip
        "figures": [],
        "places": [{"text": "Yodok", "place_id": "KWN-15", **_span("Yodok")}],
        "acts": [
            {"type": "CAH-F", "rome_statute": "7(1)(f)", **_span("beaten")},
            {"type": "CAH-A", "rome_statute": "7(1)(a)", **_span("public executions")},
        ],
    }


@pytest.fixture
def source(case, admin, tmp_path):
    path = tmp_path / "t.md"
    path.write_text(f"---\nwitness_pseudonym: W-0100\n---\n{TEXT}", encoding="utf-8")
    ingest_paths(case, [path], actor=admin)
    with case.session() as s:
        src = s.scalar(select(Source))
        assert src.text == TEXT
        assert store_suggestions(s, src, extraction()) == 6
    return src


def _by_text(case, admin, source, words):
    return next(v for v in list_suggestions(case, source.id, actor=admin) if v.text == words)


def test_storing_again_adds_nothing(case, admin, source):
    with case.session() as s:
        assert store_suggestions(s, s.get(Source, source.id), extraction()) == 0
        assert s.scalar(select(func.count()).select_from(Suggestion)) == 6


def test_rejected_suggestions_are_remembered_and_not_suggested_again(case, admin, source):
    org = _by_text(case, admin, source, "Ministry of State Security")
    reject(case, org.id, actor=admin, reason="not needed")
    with case.session() as s:
        assert store_suggestions(s, s.get(Source, source.id), extraction()) == 0
    view = _by_text(case, admin, source, "Ministry of State Security")
    assert view.status == "rejected" and view.decided_by == "test-admin"
    with pytest.raises(BadInput, match="already rejected"):
        accept(case, org.id, actor=admin)


def test_accepting_a_person_makes_a_report_citing_its_words(case, admin, source):
    person = _by_text(case, admin, source, "Pak Sun Hui")
    view = accept(case, person.id, actor=admin, edit=SuggestionEdit(role="victim"))
    assert view.status == "edited" and view.record_type == "person_report"
    with case.session() as s:
        report = s.get(PersonReport, view.record_id)
        assert report.name == "Pak Sun Hui" and report.role == "victim"
        citation = s.scalar(select(Citation).where(Citation.record_id == report.id))
        excerpt = s.get(Excerpt, citation.excerpt_id)
        assert TEXT[excerpt.start : excerpt.end] == "Pak Sun Hui"


def test_accepting_an_act_builds_the_event_with_place_time_and_victim(case, admin, source):
    person = accept(case, _by_text(case, admin, source, "Pak Sun Hui").id, actor=admin)
    act = _by_text(case, admin, source, "beaten")
    view = accept(case, act.id, actor=admin, edit=SuggestionEdit(victims=[person.record_id]))
    with case.session() as s:
        event = s.get(Event, view.record_id)
        assert event.act_code == "CAH-F"
        assert event.place.gazetteer_id == "KWN-15"
        assert (event.earliest, event.latest, event.time_text) == (
            "1997-03-01", "1997-05-31", "spring 1997",
        )  # fmt: skip
        [victim] = s.scalars(select(EventParticipant)).all()
        assert (victim.role, victim.person_report_id) == ("victim", person.record_id)


def test_places_and_organisations_are_shared_records(case, admin, source):
    place = accept(case, _by_text(case, admin, source, "Yodok").id, actor=admin)
    org = accept(case, _by_text(case, admin, source, "Ministry of State Security").id, actor=admin)
    with case.session() as s:
        assert s.get(Place, place.record_id).gazetteer_id == "KWN-15"
        assert s.get(Organization, org.record_id).name == "Ministry of State Security"


def test_edited_span_must_stay_inside_the_text(case, admin, source):
    person = _by_text(case, admin, source, "Pak Sun Hui")
    with pytest.raises(BadInput, match="not inside the text"):
        accept(case, person.id, actor=admin, edit=SuggestionEdit(start=5, end=10_000))
    with case.session() as s:  # nothing half-written
        assert s.scalar(select(func.count()).select_from(PersonReport)) == 0
        assert s.get(Suggestion, person.id).status == "pending"


def test_unknown_act_code_is_refused(case, admin, source):
    act = _by_text(case, admin, source, "beaten")
    with pytest.raises(BadInput, match="unknown act type"):
        accept(case, act.id, actor=admin, edit=SuggestionEdit(label="CAH-Z"))


def test_span_outside_text_is_bad_input(case, admin, source):
    with case.session() as s, pytest.raises(BadInput, match="outside the text"):
        store_suggestions(
            s, s.get(Source, source.id), {"entities": [{"label": "PERSON", "start": 0,
                                                       "end": 10_000}]}
        )  # fmt: skip


def test_interactive_walk_accepts_rejects_and_quits(case, admin, source, monkeypatch):
    from typer.testing import CliRunner

    from docket.cli import app

    monkeypatch.setenv("DOCKET_USER", "walker")
    # pending in text order: spring 1997, Pak Sun Hui, beaten, Ministry…, Yodok, public executions
    result = CliRunner().invoke(
        app, ["review", str(source.id), "--case", str(case.root)], input="a\ns\nr\nbad\nq\n"
    )
    assert result.exit_code == 0, result.output
    statuses = {v.text: (v.status, v.decided_by) for v in list_suggestions(
        case, source.id, actor=admin)}  # fmt: skip
    assert statuses["spring 1997"] == ("accepted", "walker")
    assert statuses["Pak Sun Hui"] == ("pending", None)
    assert statuses["beaten"] == ("rejected", "walker")
    assert statuses["Yodok"] == ("pending", None)


def test_roles_bound_review_and_every_decision_is_audited(case, admin, source):
    from docket.actor import Actor
    from docket.security import PermissionDenied, audit_log

    analyst = Actor("ana", "analyst")
    views = list_suggestions(case, source.id, actor=analyst)  # analysts may read
    person = next(v for v in views if v.text == "Pak Sun Hui")
    with pytest.raises(PermissionDenied):
        accept(case, person.id, actor=analyst)
    with pytest.raises(PermissionDenied):
        reject(case, person.id, actor=Actor("pub", "public"))
    accept(case, person.id, actor=admin)
    actions = [(e.action, e.target) for e in audit_log(case, actor=admin)]
    assert ("suggestion.accept", f"suggestion:{person.id}") in actions
