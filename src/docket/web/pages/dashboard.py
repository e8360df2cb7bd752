"""The dashboard: counts, recent activity, what awaits review."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from docket.overview import case_overview
from docket.web.deps import CaseDep, CurrentUser, WebSessionDep
from docket.web.render import render

router = APIRouter()


@router.get("/")
def dashboard(request: Request, case: CaseDep, user: CurrentUser, web: WebSessionDep) -> Response:
    return render(request, "dashboard.html", case_overview(case, actor=user), web=web)
