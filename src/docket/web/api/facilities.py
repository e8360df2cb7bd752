"""The gazetteer of facilities: status and population estimates with their sources."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from docket.web.deps import CurrentUser
from docket.web.jsonbody import respond
from docket.web.schemas import ERRORS, FacilityPublic
from docket.web.services import facilities_page

router = APIRouter(tags=["facilities"], responses=ERRORS)


@router.get("/facilities", response_model=list[FacilityPublic])
def facilities(
    user: CurrentUser, status: Annotated[str | None, Query(max_length=40)] = None
) -> Any:
    return respond(facilities_page(actor=user, status=status).facilities, list[FacilityPublic])
