"""Allegations: status and reasoning; one allegation's supporting and contradicting evidence."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from docket.web.deps import CaseDep, CurrentUser, RecordId, WebSessionDep
from docket.web.render import render
from docket.web.services import allegation_detail, allegation_list

router = APIRouter()


@router.get("/allegations")
def allegations(request: Request, case: CaseDep, user: CurrentUser, web: WebSessionDep) -> Response:
    return render(request, "allegations.html", {"findings": allegation_list(case, actor=user)},
                  web=web)  # fmt: skip


@router.get("/allegations/{allegation_id}")
def allegation(
    request: Request, case: CaseDep, user: CurrentUser, web: WebSessionDep, allegation_id: RecordId
) -> Response:
    finding = allegation_detail(case, allegation_id, actor=user)
    return render(request, "allegation.html", finding, web=web)
