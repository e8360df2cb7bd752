"""Traps for naive counting: republication, one witness under two names, citations."""

from __future__ import annotations

from docket.actor import Actor
from docket.case import Case
from docket.evidence import add_allegation, get_allegation, link_evidence, reassess, relate_sources
from docket.store.models import Identity, PersonReport
from tests.evidence.corpus import QUOTES


def _allegation(case: Case, admin: Actor) -> int:
    return add_allegation(
        case,
        actor=admin,
        summary="SYNTHETIC: guards beat prisoners at Yodok in 1997",
        act_codes=["CAH-F"],
        place="Yodok",
        time="1997",
    )


def _link(case: Case, admin: Actor, aid: int, ids: dict[str, int], key: str, **kw: object):
    kw.setdefault("stance", "supports")
    return link_evidence(case, aid, actor=admin, source_id=ids[key], quote=QUOTES[key], **kw)


def test_one_story_in_three_outlets_counts_once(case: Case, corpus, admin: Actor) -> None:
    aid = _allegation(case, admin)
    for key in ("a1", "a2", "a3"):
        finding = _link(case, admin, aid, corpus, key, reliability="C", credibility=3)
    assert len(finding.assessment.items) == 3  # three mentions ...
    assert finding.assessment.supporting_clusters == 1  # ... one origin
    assert finding.assessment.independent_sources == 1
    assert finding.status == "insufficient"
    text = " ".join(finding.assessment.reasons)
    assert "near-duplicate text" in text
    # a second, truly independent first-hand witness makes two
    finding = _link(case, admin, aid, corpus, "w2", first_hand=True, reliability="B")
    assert finding.assessment.independent_sources == 2
    assert finding.status == "established"


def test_wire_story_quoting_the_witness_joins_the_witness(case: Case, corpus, admin) -> None:
    aid = _allegation(case, admin)
    _link(case, admin, aid, corpus, "w1", first_hand=True, reliability="B")
    finding = _link(case, admin, aid, corpus, "a1", reliability="C")
    assert finding.assessment.independent_sources == 1
    assert "the same words reprinted" in " ".join(finding.assessment.reasons)


def test_same_pseudonym_counts_once(case: Case, corpus, admin: Actor) -> None:
    aid = _allegation(case, admin)
    _link(case, admin, aid, corpus, "w1", first_hand=True, reliability="B")
    finding = _link(case, admin, aid, corpus, "w1b", first_hand=True, reliability="B")
    assert finding.assessment.independent_sources == 1
    assert finding.status == "insufficient"
    assert "same witness W-E001" in " ".join(finding.assessment.reasons)


def test_one_person_under_two_romanizations_counts_once(case: Case, corpus, admin) -> None:
    aid = _allegation(case, admin)
    _link(case, admin, aid, corpus, "w1", first_hand=True, reliability="B")
    finding = _link(case, admin, aid, corpus, "w3", first_hand=True, reliability="B")
    assert finding.assessment.independent_sources == 2  # before linkage: two witnesses
    assert finding.status == "established"
    with case.session() as session:  # what the link stage records: one identity, two reports
        identity = Identity(label="SYNTHETIC-ID-1")
        session.add(identity)
        session.flush()
        for key, name in (("w1", "Ri Yong Chol"), ("w3", "Lee Yong-cheol")):
            session.add(
                PersonReport(
                    source_id=corpus[key], role="witness", name=name, identity_id=identity.id
                )
            )
    assert get_allegation(case, aid, actor=admin).recorded_status == "established"
    stale = get_allegation(case, aid, actor=admin)
    assert stale.status == "insufficient"  # reads recompute ...
    [finding] = reassess(case, actor=admin, allegation_id=aid)  # ... and reassess stores
    assert finding.recorded_status == finding.status == "insufficient"
    assert finding.assessment.independent_sources == 1
    assert "one person after linkage" in " ".join(finding.assessment.reasons)


def test_recorded_citation_merges_sources(case: Case, corpus, admin: Actor) -> None:
    aid = _allegation(case, admin)
    _link(case, admin, aid, corpus, "w1", first_hand=True, reliability="B")
    finding = _link(case, admin, aid, corpus, "w2", first_hand=True, reliability="B")
    assert finding.status == "established"
    relate_sources(case, corpus["w2"], corpus["w1"], actor=admin, relation="cites")
    finding = get_allegation(case, aid, actor=admin)
    assert finding.recorded_status == "insufficient"  # relating sources reassessed at once
    assert finding.assessment.independent_sources == 1
    assert f"source {corpus['w2']} cites source {corpus['w1']}" in " ".join(
        finding.assessment.reasons
    )


def test_different_witnesses_are_independent(sqlite_case: Case, sqlite_corpus, admin) -> None:
    aid = _allegation(sqlite_case, admin)
    _link(sqlite_case, admin, aid, sqlite_corpus, "w1", first_hand=True, reliability="B")
    finding = _link(sqlite_case, admin, aid, sqlite_corpus, "w2", first_hand=True, reliability="B")
    assert [len(c.source_ids) for c in finding.assessment.clustering.clusters] == [1, 1]
