"""`docket estimate --case`: capture histories from the case's lists × linked identities."""

import random

import pytest
from sqlalchemy import select

from docket.actor import Actor
from docket.errors import BadInput
from docket.estimate.case import capture_frame, estimate_case, latest_estimate
from docket.ingest import ingest_paths
from docket.security import PermissionDenied
from docket.store.models import Identity, PersonReport


@pytest.fixture
def listed(case, admin, tmp_path):
    """Three SYNTHETIC lists over 120 people; the same person has the same `pid` in each."""
    rng = random.Random(5)
    rows = ["record_id,source,name,sex,pid"]
    for pid in range(120):
        for name, p in (("A", 0.5), ("B", 0.4), ("C", 0.3)):
            if rng.random() < p:
                rows.append(f"{name}-{pid},{name},SYNTHETIC Person {pid},{'MF'[pid % 2]},{pid}")
    path = tmp_path / "lists.csv"
    path.write_text("\n".join(rows) + "\n")
    ingest_paths(case, [path], actor=admin)
    with case.session() as s:  # link by the known truth, as a perfect linkage run would
        by_pid: dict[str, list[PersonReport]] = {}
        for report in s.scalars(select(PersonReport)):
            by_pid.setdefault(report.extra["pid"], []).append(report)
        for pid, reports in by_pid.items():
            identity = Identity(label=f"P-{pid}")
            s.add(identity)
            s.flush()
            for report in reports:
                report.identity_id = identity.id
    return len(by_pid)


def test_histories_count_each_identity_once(case, admin, listed):
    frame, names, unlinked = capture_frame(case, actor=admin, strata=["sex"])
    assert names == ["A", "B", "C"] and unlinked == 0
    assert len(frame) == listed
    assert set(frame["sex"]) == {"M", "F"}
    assert (frame[names].sum(axis=1) >= 1).all()


def test_estimate_is_stored_and_rereadable(case, admin, listed):
    run = estimate_case(case, actor=admin, method="loglinear", seed=1, n_boot=50)
    assert run.result.observed == listed
    assert run.result.estimate is not None and run.result.estimate >= listed
    stored, result = latest_estimate(case, actor=admin)
    assert stored.id == run.run_id and result.estimate == pytest.approx(run.result.estimate)
    assert stored.spec["identities"] == listed


def test_strata_and_bad_strata(case, admin, listed):
    run = estimate_case(case, actor=admin, strata=["sex"], method="loglinear", n_boot=50)
    assert {s.stratum for s in run.result.strata} == {"M", "F"}
    assert run.result.observed == listed == sum(s.observed for s in run.result.strata)
    with pytest.raises(BadInput, match="unknown stratum 'colour'"):
        estimate_case(case, actor=admin, strata=["colour"])


def test_roles(case, listed):
    estimate_case(case, actor=Actor("ana", "analyst"), method="loglinear", n_boot=20)
    with pytest.raises(PermissionDenied):
        estimate_case(case, actor=Actor("pub", "public"))


def test_a_stratum_where_one_list_recorded_nobody_still_pools():
    import pandas as pd

    from docket.estimate import estimate_from_identities

    rng = random.Random(9)
    rows = []
    for i in range(300):
        sex = "MF"[i % 2]
        a, b = rng.random() < 0.5, rng.random() < 0.5
        c = sex == "M" and rng.random() < 0.5  # list C recorded no woman (F comes first)
        if a or b or c:
            rows.append({"A": int(a), "B": int(b), "C": int(c), "sex": sex})
    frame = pd.DataFrame(rows)
    result = estimate_from_identities(frame, ["A", "B", "C"], ["sex"], method="loglinear",
                                      n_boot=30)  # fmt: skip
    assert sorted(result.lists) == ["A", "B", "C"]
    assert result.observed == len(frame)
    assert {s.stratum for s in result.strata} == {"M", "F"}
