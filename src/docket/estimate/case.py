"""`docket estimate --case`: capture histories from Lists × Identities after linkage.

Each identity (a cluster of person reports judged to be one human) is captured by every list
one of its reports came from. Strata are properties of the identity: its facility (the gazetteer
id most of its reports give), sex, period (decade of the earliest event date) or any extra
column the lists carried. Reports not yet linked count as identities of their own, and the run
says how many there were, since unlinked duplicates inflate the estimate.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.estimate._result import EstimateResult
from docket.estimate.api import estimate_from_identities
from docket.security import record_audit, require
from docket.store.models import DocList, EstimateRun, LinkRun, ListEntry, PersonReport

BUILTIN_STRATA = ("facility", "sex", "period")


@dataclass
class CaseEstimate:
    run_id: int
    result: EstimateResult
    identities: int
    unlinked_reports: int


def _stratum_value(reports: list[PersonReport], stratum: str) -> str:
    if stratum == "facility":
        values = [r.facility_id or "unknown" for r in reports]
    elif stratum == "sex":
        values = [r.sex or "unknown" for r in reports]
    elif stratum == "period":
        values = [f"{r.event_earliest[:3]}0s" if r.event_earliest else "unknown" for r in reports]
    else:
        values = [str((r.extra or {}).get(stratum) or "unknown") for r in reports]
    return Counter(values).most_common(1)[0][0]


def capture_frame(
    case: Case, *, actor: Actor, strata: list[str] | None = None
) -> tuple[pd.DataFrame, list[str], int]:
    """(one row per identity with a 0/1 column per list and the strata, list names, unlinked)."""
    require(actor, "estimate:run")
    strata = strata or []
    with case.session() as session:
        lists = {dl.id: dl.name for dl in session.scalars(select(DocList).order_by(DocList.name))}
        if len(lists) < 2:
            raise BadInput(f"the case has {len(lists)} list(s); estimation needs at least two")
        rows = session.execute(
            select(ListEntry.list_id, PersonReport).join(
                PersonReport, PersonReport.id == ListEntry.person_report_id
            )
        ).all()
        captured: dict[str, set[str]] = defaultdict(set)
        reports: dict[str, list[PersonReport]] = defaultdict(list)
        unlinked = 0
        for list_id, report in rows:
            key = f"i{report.identity_id}" if report.identity_id else f"r{report.id}"
            unlinked += report.identity_id is None
            captured[key].add(lists[list_id])
            reports[key].append(report)
        known = set(BUILTIN_STRATA) | {k for rs in reports.values() for r in rs for k in r.extra}
        for stratum in strata:
            if stratum not in known:
                raise BadInput(
                    f"unknown stratum {stratum!r}; expected one of {', '.join(sorted(known))}",
                    where="--strata",
                )
        names = list(lists.values())
        records: list[dict[str, Any]] = []
        for key in sorted(captured):
            row: dict[str, Any] = {name: int(name in captured[key]) for name in names}
            for stratum in strata:
                row[stratum] = _stratum_value(reports[key], stratum)
            records.append(row)
    return pd.DataFrame.from_records(records, columns=[*names, *strata]), names, unlinked


def estimate_case(
    case: Case,
    *,
    actor: Actor,
    strata: list[str] | None = None,
    method: str = "auto",
    seed: int = 0,
    **options: object,
) -> CaseEstimate:
    """Estimate on the case's lists after linkage; the run is stored with its spec."""
    frame, names, unlinked = capture_frame(case, actor=actor, strata=strata)
    result = estimate_from_identities(frame, names, strata or None, method=method, seed=seed,
                                      **options)  # fmt: skip
    with case.session() as session:
        last_link = session.scalar(select(LinkRun.id).order_by(LinkRun.id.desc()).limit(1))
        run = EstimateRun(
            actor=actor.name,
            method=result.method,
            lists=names,
            strata=list(strata or []),
            spec={"method": method, "seed": seed, "options": {k: str(v) for k, v in
                  options.items()}, "identities": len(frame), "unlinked_reports": unlinked},
            result=result.to_dict(),
            link_run_id=last_link,
        )  # fmt: skip
        session.add(run)
        session.flush()
        record_audit(session, actor, "estimate.run", f"estimate_run:{run.id}",
                     {"method": result.method, "strata": list(strata or [])})  # fmt: skip
        return CaseEstimate(run.id, result, len(frame), unlinked)


def latest_estimate(case: Case, *, actor: Actor) -> tuple[EstimateRun, EstimateResult] | None:
    """The most recent stored run and its result, for reports and pages."""
    require(actor, "records:read")
    with case.session() as session:
        run = session.scalar(select(EstimateRun).order_by(EstimateRun.id.desc()).limit(1))
        return None if run is None else (run, EstimateResult.from_dict(run.result))
