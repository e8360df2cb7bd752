"""Persons: every report of a person, from which source, under which spelling."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from docket.persons import list_person_reports
from docket.web.deps import CaseDep, CurrentUser, WebSessionDep
from docket.web.render import render

router = APIRouter()


@router.get("/persons")
def persons(
    request: Request,
    case: CaseDep,
    user: CurrentUser,
    web: WebSessionDep,
    identity: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    reports = list_person_reports(case, actor=user, identity=identity)
    return render(request, "persons.html", {"reports": reports, "identity": identity}, web=web)
