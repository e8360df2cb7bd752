"""Person reports: every report of a person, from which source (by pseudonym in the API)."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from docket.persons import list_person_reports
from docket.web.deps import CaseDep, CurrentUser
from docket.web.schemas import ERRORS, PersonReportPublic

router = APIRouter(tags=["records"], responses=ERRORS)


@router.get("/persons", response_model=list[PersonReportPublic])
def persons(
    case: CaseDep,
    user: CurrentUser,
    identity: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> Any:
    return list_person_reports(case, actor=user, identity=identity, limit=limit)
