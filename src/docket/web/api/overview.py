"""Counts, what awaits review and recent activity."""

from typing import Any

from fastapi import APIRouter

from docket.overview import case_overview
from docket.web.deps import CaseDep, CurrentUser
from docket.web.schemas import ERRORS, OverviewPublic

router = APIRouter(tags=["overview"], responses=ERRORS)


@router.get("/overview", response_model=OverviewPublic)
def overview(case: CaseDep, user: CurrentUser) -> Any:
    return case_overview(case, actor=user).to_dict()
