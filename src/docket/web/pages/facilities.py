"""Facilities: the gazetteer on an offline map, status and population estimates with sources."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from docket.web.deps import CurrentUser, WebSessionDep
from docket.web.render import render
from docket.web.services import facilities_page

router = APIRouter()


@router.get("/facilities")
def facilities(
    request: Request,
    user: CurrentUser,
    web: WebSessionDep,
    status: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    return render(request, "facilities.html", facilities_page(actor=user, status=status), web=web)
