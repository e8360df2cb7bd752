"""Finding candidate evidence, and the per-facility, per-year, per-act tables."""

from __future__ import annotations

from pathlib import Path

from docket.actor import Actor
from docket.case import Case
from docket.evidence import add_allegation, link_evidence
from docket.evidence._coding import place_for
from docket.evidence.patterns import event_patterns
from docket.evidence.suggest import suggest_evidence
from docket.ingest import ingest_paths
from docket.store.models import Citation, Event, Excerpt


def _yodok(case: Case, admin: Actor) -> int:
    return add_allegation(
        case,
        actor=admin,
        summary="SYNTHETIC: guards beat prisoners at Yodok",
        act_codes=["CAH-F"],
        place="KWN-15",
        time="1997",
    )


def test_suggestions_rank_place_act_and_time(case: Case, corpus, admin: Actor) -> None:
    aid = _yodok(case, admin)
    found = suggest_evidence(case, aid, actor=admin, limit=50)
    by_source: dict[int, list] = {}
    for cand in found:
        by_source.setdefault(cand.source_id, []).append(cand)
    best_w1 = max(by_source[corpus["w1"]], key=lambda c: c.score)
    assert "I saw the guards beat a prisoner" in best_w1.text
    assert best_w1.first_hand_hint and best_w1.stance_hint == "supports"
    assert "place from context" in " ".join(best_w1.reasons)  # Yodok named a sentence before
    assert any("inside the allegation's interval" in r for r in best_w1.reasons)
    w4 = max(by_source[corpus["w4"]], key=lambda c: c.score)
    assert any("outside" in r for r in w4.reasons)  # 2010, another camp
    assert w4.score < best_w1.score
    denial = by_source[corpus["denial"]][0]
    assert denial.stance_hint == "contradicts"
    # linked evidence is not suggested again
    link_evidence(
        case,
        aid,
        actor=admin,
        stance="supports",
        source_id=corpus["w1"],
        start=best_w1.start,
        end=best_w1.end,
    )
    again = suggest_evidence(case, aid, actor=admin, limit=50)
    assert (corpus["w1"], best_w1.start) not in {(c.source_id, c.start) for c in again}


def test_place_from_context_and_korean(sqlite_case: Case, admin: Actor, tmp_path: Path) -> None:
    folder = tmp_path / "ctx"
    folder.mkdir()
    (folder / "t.md").write_text(
        "---\nwitness_pseudonym: W-C001\nlanguage: en\n---\nSYNTHETIC testimony. In 1996 I was "
        "taken to Yodok. Every day the guards tortured someone in the yard.\n",
        encoding="utf-8",
    )
    (folder / "k.md").write_text(
        "---\nwitness_pseudonym: W-C002\nlanguage: ko\n---\n합성 증언 (SYNTHETIC). 1997년에 "
        "요덕수용소에서 경비원들이 죄수들을 구타했다.\n",
        encoding="utf-8",
    )
    (folder / "o.md").write_text(
        "---\nwitness_pseudonym: W-C003\nlanguage: en\n---\nSYNTHETIC testimony. I was in Yodok "
        "first, then moved to Hwasong. Every day the guards tortured someone there.\n",
        encoding="utf-8",
    )
    ids = {
        o.path[-4:]: o.source_id for o in ingest_paths(sqlite_case, [folder], actor=admin).outcomes
    }
    aid = _yodok(sqlite_case, admin)
    found = suggest_evidence(sqlite_case, aid, actor=admin)
    ctx = [c for c in found if c.source_id == ids["t.md"] and "tortured" in c.text]
    assert ctx and "place from context" in " ".join(ctx[0].reasons)
    moved = [c for c in found if c.source_id == ids["o.md"] and "tortured" in c.text]
    assert moved == [] or "place from context" not in " ".join(moved[0].reasons)
    korean = [c for c in found if c.source_id == ids["k.md"]]
    assert korean and any("구타" in r for r in korean[0].reasons)


def _event(
    session,
    act: str,
    place: str | None,
    earliest: str | None,
    latest: str | None,
    source_id: int | None = None,
) -> Event:
    event = Event(
        act_code=act,
        place=place_for(session, place),
        earliest=earliest,
        latest=latest,
        source_id=source_id,
        created_by="test",
    )
    session.add(event)
    session.flush()
    return event


def test_event_patterns_and_event_suggestions(case: Case, corpus, admin: Actor) -> None:
    with case.session() as session:
        first = _event(session, "CAH-F", "Yodok", "1997-03-01", "1997-05-31", corpus["w1"])
        second = _event(session, "CAH-F", "Camp 15", "1997-01-01", "1997-12-31", corpus["w2"])
        spans = _event(session, "CAH-F", "Yodok", "1995-01-01", "1999-12-31")
        _event(session, "V-FORCEDLAB", "Camp 14", "2010-01-01", "2010-12-31", corpus["w4"])
        _event(session, "V-PUBEXEC", None, None, None)
        excerpt = Excerpt(source_id=corpus["a1"], start=0, end=10, text_sha256="0" * 64)
        session.add(excerpt)
        session.flush()
        session.add(Citation(record_type="event", record_id=first.id, excerpt_id=excerpt.id))
        top = {first.id, second.id, spans.id}
        first_id = first.id
    patterns = event_patterns(case, actor=admin)
    table = patterns.by_facility_year()
    assert table["Yodok political prison camp"] == {"1995–1999": 1, "1997": 2}
    assert table["Kaechon political prison camp"] == {"2010": 1}
    assert table["unknown place"] == {"unknown": 1}
    assert patterns.by_act() == {"CAH-F": 3, "V-FORCEDLAB": 1, "V-PUBEXEC": 1}
    [row] = [r for r in patterns.rows if r.period == "1997"]
    assert (row.events, row.sources, row.year) == (2, 3, 1997)  # w1 + cited a1 + w2
    timeline = patterns.timeline()
    assert timeline[0]["period"] == "1995–1999" and timeline[-1]["period"] == "unknown"
    only = event_patterns(case, actor=admin, facility_id="KWN-14")
    assert [r.act_code for r in only.rows] == ["V-FORCEDLAB"]
    aid = _yodok(case, admin)
    events = [c for c in suggest_evidence(case, aid, actor=admin, limit=100) if c.kind == "event"]
    assert {c.event_id for c in events if c.score == 5} == top  # act + place + time overlaps
    assert all("time overlaps" in c.reasons for c in events if c.event_id in top)
    assert {c.event_id for c in events} == top  # other acts at other places are not suggested
    finding = link_evidence(
        case,
        aid,
        actor=admin,
        stance="supports",
        event_id=first_id,
        first_hand=True,
        reliability="B",
    )
    [item] = finding.assessment.items
    assert set(item.source_ids) == {corpus["w1"], corpus["a1"]}
    assert item.facility_id == "KWN-15"
