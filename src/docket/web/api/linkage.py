"""Linkage: run it, review the uncertain pairs (match-weight breakdown), record verdicts."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from docket.link.case import decide_pair
from docket.web.deps import CaseDep, CurrentUser
from docket.web.schemas import ERRORS, LinkDecisionIn, LinkRunPublic, PairPublic
from docket.web.services import link_review_page, run_linkage

router = APIRouter(tags=["linkage"], responses=ERRORS)


@router.post("/link/runs", response_model=LinkRunPublic, status_code=201)
def run(case: CaseDep, user: CurrentUser) -> Any:
    return run_linkage(case, actor=user)


@router.get("/link/pairs", response_model=list[PairPublic])
def pairs(case: CaseDep, user: CurrentUser, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> Any:
    return link_review_page(case, actor=user, limit=limit).pairs


@router.post("/link/decisions", status_code=204)
def decide(case: CaseDep, user: CurrentUser, body: LinkDecisionIn) -> None:
    decide_pair(case, body.report_a, body.report_b, actor=user, is_match=body.is_match,
                note=body.note)  # fmt: skip
