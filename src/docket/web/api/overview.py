"""Counts, what awaits review and recent activity."""

from typing import Any

from fastapi import APIRouter

from docket.overview import case_overview
from docket.web.deps import CaseDep, CurrentUser
from docket.web.jsonbody import respond
from docket.web.schemas import ERRORS, OverviewPublic

router = APIRouter(tags=["overview"], responses=ERRORS)


@router.get("/overview", response_model=OverviewPublic)
def overview(case: CaseDep, user: CurrentUser) -> Any:
    # made anew per request (its recent activity is read every time): nothing to keep
    return respond(case_overview(case, actor=user).to_dict(), OverviewPublic, keep=False)
