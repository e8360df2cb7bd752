"""Standards of proof applied: denials, place/time consistency, recomputation on unlink."""

from __future__ import annotations

import hashlib

import pytest

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.evidence import (
    add_allegation,
    get_allegation,
    link_evidence,
    list_allegations,
    unlink_evidence,
)
from docket.store.models import Excerpt
from tests.evidence.corpus import QUOTES


def _yodok_1997(case: Case, admin: Actor) -> int:
    return add_allegation(
        case,
        actor=admin,
        summary="SYNTHETIC: beatings at Yodok, 1997",
        act_codes=["CAH-F"],
        place="Camp 15",
        time="1997",
    )


def _link(case: Case, admin: Actor, aid: int, ids: dict[str, int], key: str, **kw: object):
    kw.setdefault("stance", "supports")
    return link_evidence(case, aid, actor=admin, source_id=ids[key], quote=QUOTES[key], **kw)


def test_new_allegation_has_no_evidence(case: Case, admin: Actor) -> None:
    aid = _yodok_1997(case, admin)
    finding = get_allegation(case, aid, actor=admin)
    assert finding.status == finding.recorded_status == "no evidence"
    assert finding.facility_id == "KWN-15"
    assert (finding.earliest, finding.latest) == ("1997-01-01", "1997-12-31")


def test_official_denial_is_contradicting_evidence_weighed_by_grade(
    case: Case, corpus, admin: Actor
) -> None:
    aid = _yodok_1997(case, admin)
    _link(case, admin, aid, corpus, "w1", first_hand=True, reliability="B", credibility=2)
    finding = _link(case, admin, aid, corpus, "w2", first_hand=True, reliability="B")
    assert finding.status == "established"
    # graded A (as a coder might grade an authoritative official source): it blocks
    finding = _link(case, admin, aid, corpus, "denial", stance="contradicts", reliability="A")
    assert finding.status == "contested"
    assert finding.assessment.contradicting_clusters == 1
    [against] = finding.to_dict()["contradicting"]
    assert against["source_ids"] == [corpus["denial"]] and "blocks the finding" in against["why"]
    assert any(r.startswith("Contradicts and blocks") for r in finding.assessment.reasons)
    # unlinking recomputes at once
    finding = unlink_evidence(case, against["link_id"], actor=admin)
    assert finding.status == finding.recorded_status == "established"
    # graded B it is rebutted by the two independent B-graded witnesses
    finding = _link(case, admin, aid, corpus, "denial", stance="contradicts", reliability="B")
    assert finding.status == "established"
    assert any("rebutted by 2" in r for r in finding.assessment.reasons)
    assert finding.assessment.contradicting_clusters == 1


def test_low_graded_denial_is_shown_but_does_not_block(case: Case, corpus, admin) -> None:
    aid = _yodok_1997(case, admin)
    _link(case, admin, aid, corpus, "w1", first_hand=True, reliability="C")
    _link(case, admin, aid, corpus, "w2", first_hand=True, reliability="C")
    finding = _link(case, admin, aid, corpus, "denial", stance="contradicts", reliability="E")
    assert finding.status == "established"
    assert len(finding.to_dict()["contradicting"]) == 1
    assert any("does not block" in r for r in finding.assessment.reasons)


def test_inconsistent_place_or_time_does_not_count(case: Case, corpus, admin: Actor) -> None:
    aid = _yodok_1997(case, admin)
    _link(
        case,
        admin,
        aid,
        corpus,
        "w1",
        first_hand=True,
        reliability="B",
        place="Yodok",
        time="spring 1997",
    )
    finding = _link(
        case,
        admin,
        aid,
        corpus,
        "w4",
        first_hand=True,
        reliability="B",
        place="Camp 14",
        time="2010",
    )
    assert finding.status == "insufficient"
    [w4] = [i for i in finding.assessment.items if i.source_ids == (corpus["w4"],)]
    assert w4.counts is False
    assert any("KWN-14" in why for why in w4.why) and any("2010" in why for why in w4.why)
    # the same witness coded as consistent with the allegation counts
    unlink_evidence(case, w4.link_id, actor=admin)
    finding = _link(
        case,
        admin,
        aid,
        corpus,
        "w2",
        first_hand=True,
        reliability="B",
        place="요덕",
        time="summer 1997",
    )
    assert finding.status == "established"


def test_place_named_in_words_is_compared_by_name(case: Case, corpus, admin: Actor) -> None:
    aid = _yodok_1997(case, admin)
    _link(case, admin, aid, corpus, "w1", first_hand=True, reliability="B", place="Yodok")
    finding = _link(
        case, admin, aid, corpus, "w4", first_hand=True, reliability="B", place="Kaechon"
    )  # not resolvable: two facilities share the name
    assert finding.status == "insufficient"
    assert any("Kaechon" in r for r in finding.assessment.reasons)
    area = add_allegation(
        case,
        actor=admin,
        summary="SYNTHETIC: beatings in South Hamgyong",
        act_codes=["CAH-F"],
        place="South Hamgyong",
    )
    _link(case, admin, area, corpus, "w1", first_hand=True, reliability="B", place="Yodok")
    finding = _link(
        case, admin, area, corpus, "w2", first_hand=True, reliability="B", place="Camp 15"
    )
    assert finding.status == "established"  # Yodok lies in South Hamgyong


def test_time_only_conflict_blocks_counting(case: Case, corpus, admin: Actor) -> None:
    aid = _yodok_1997(case, admin)
    _link(case, admin, aid, corpus, "w1", first_hand=True, reliability="B", time="1997")
    finding = _link(case, admin, aid, corpus, "w2", first_hand=True, reliability="B", time="2003")
    assert finding.status == "insufficient"
    assert finding.assessment.independent_sources == 1


def test_grades_and_first_hand_matter(case: Case, corpus, admin: Actor) -> None:
    aid = _yodok_1997(case, admin)
    _link(case, admin, aid, corpus, "w1", reliability="B")
    finding = _link(case, admin, aid, corpus, "w2", reliability="B")
    assert finding.status == "insufficient"  # two sources, none first-hand
    aid2 = _yodok_1997(case, admin)
    _link(case, admin, aid2, corpus, "w1", first_hand=True, reliability="B")
    finding = _link(case, admin, aid2, corpus, "w2", first_hand=True, reliability="E")
    assert finding.status == "insufficient"  # E is below the reasonable-grounds floor D
    assert [f.status for f in list_allegations(case, actor=admin)] == ["insufficient"] * 2


def test_excerpt_span_is_checked_and_hashed(case: Case, corpus, admin: Actor) -> None:
    aid = _yodok_1997(case, admin)
    with pytest.raises(BadInput, match="not inside the text"):
        link_evidence(
            case, aid, actor=admin, stance="supports", source_id=corpus["w1"], start=5, end=100_000
        )
    with pytest.raises(BadInput, match="not in the text"):
        link_evidence(
            case,
            aid,
            actor=admin,
            stance="supports",
            source_id=corpus["w1"],
            quote="words nobody said",
        )
    finding = link_evidence(
        case, aid, actor=admin, stance="supports", source_id=corpus["w1"], start=21, end=60
    )
    [item] = finding.assessment.items
    with case.session() as session:
        excerpt = session.get(Excerpt, item.excerpt_id)
        text = excerpt.source.text[21:60]
        assert excerpt.text_sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert item.quote == text
    with pytest.raises(BadInput, match="already linked"):
        link_evidence(case, aid, actor=admin, stance="contradicts", excerpt_id=item.excerpt_id)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"act_codes": ["NOPE"]}, "unknown act code"),
        ({"act_codes": []}, "at least one act code"),
        ({"time": "sometime"}, "cannot read"),
        ({"standard": "whim"}, "unknown standard"),
        ({"summary": " "}, "needs a summary"),
    ],
)
def test_bad_allegation_input(sqlite_case: Case, admin: Actor, kwargs, message) -> None:
    args = {"summary": "SYNTHETIC", "act_codes": ["CAH-F"], **kwargs}
    with pytest.raises(BadInput, match=message):
        add_allegation(sqlite_case, actor=admin, **args)


def test_bad_grades_are_refused(sqlite_case: Case, sqlite_corpus, admin: Actor) -> None:
    aid = _yodok_1997(sqlite_case, admin)
    for kwargs, message in (
        ({"reliability": "G"}, "reliability"),
        ({"credibility": 7}, "credibility"),
        ({"stance": "maybe"}, "stance"),
    ):
        args = {"stance": "supports", **kwargs}
        with pytest.raises(BadInput, match=message):
            link_evidence(
                sqlite_case,
                aid,
                actor=admin,
                source_id=sqlite_corpus["w1"],
                quote=QUOTES["w1"],
                **args,
            )
