"""`docket link` on a case: identities written reversibly, reviewers' verdicts respected."""

import pytest
from sqlalchemy import func, select

from docket.actor import Actor
from docket.ingest import ingest_paths
from docket.link.case import decide_pair, link_case, uncertain_pairs
from docket.security import PermissionDenied
from docket.store.models import Identity, PersonReport
from docket.synth.people import write_demo_lists


@pytest.fixture(scope="module")
def lists_dir(tmp_path_factory):
    return write_demo_lists(tmp_path_factory.mktemp("lists"), seed=3)


@pytest.fixture
def linked(sqlite_case, admin, lists_dir):
    report = ingest_paths(sqlite_case, list(lists_dir), actor=admin)
    assert report.count("failed") == 0, report.failed
    return sqlite_case, link_case(sqlite_case, actor=admin)


def _assignment(case):
    with case.session() as s:
        return {
            r.id: s.get(Identity, r.identity_id).label
            for r in s.scalars(select(PersonReport))
            if r.identity_id is not None
        }


def test_reports_become_fewer_identities_with_stable_labels(linked, admin):
    case, report = linked
    with case.session() as s:
        n_reports = s.scalar(select(func.count()).select_from(PersonReport))
        n_identities = s.scalar(select(func.count()).select_from(Identity))
    assert report.reports == n_reports
    assert report.identities == n_identities < n_reports
    assert report.multi_report_identities > 0
    before = _assignment(case)
    assert len(before) == n_reports
    link_case(case, actor=admin)
    assert _assignment(case) == before  # same data, same identities, same labels


def test_split_and_merge_are_applied_and_survive_a_rerun(linked, admin):
    case, _ = linked
    assignment = _assignment(case)
    by_label: dict[str, list[int]] = {}
    for report_id, label in assignment.items():
        by_label.setdefault(label, []).append(report_id)
    a, b = next(ids for ids in by_label.values() if len(ids) >= 2)[:2]
    decide_pair(case, a, b, actor=admin, is_match=False)
    assert _assignment(case)[a] != _assignment(case)[b]
    singles = [ids[0] for ids in by_label.values() if len(ids) == 1][:2]
    decide_pair(case, singles[0], singles[1], actor=admin, is_match=True)
    assert _assignment(case)[singles[0]] == _assignment(case)[singles[1]]

    link_case(case, actor=admin)
    after = _assignment(case)
    assert after[a] != after[b]
    assert after[singles[0]] == after[singles[1]]


def test_uncertain_pairs_explain_their_score(linked, admin):
    case, report = linked
    pairs = uncertain_pairs(case, actor=admin, limit=5)
    assert len(pairs) == min(5, report.uncertain)
    for pair in pairs:
        assert pair.reasons and all("comparison" in r and "weight" in r for r in pair.reasons)
        assert pair.a["id"] == pair.report_a and pair.b["id"] == pair.report_b
    if pairs:
        first = pairs[0]
        decide_pair(case, first.report_a, first.report_b, actor=admin, is_match=True)
        remaining = {(p.report_a, p.report_b) for p in uncertain_pairs(case, actor=admin)}
        assert (first.report_a, first.report_b) not in remaining


def test_roles_bound_linkage(linked):
    case, _ = linked
    with pytest.raises(PermissionDenied):
        link_case(case, actor=Actor("pub", "public"))
