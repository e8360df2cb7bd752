"""Estimates: the chart with intervals and the plain-language paragraph; run a new estimate."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from docket.web.deps import CaseDep, CurrentUser, WebSessionDep
from docket.web.render import render
from docket.web.services import estimate_chart_svg, estimate_page, run_estimate

router = APIRouter()


@router.get("/estimates")
def estimates(request: Request, case: CaseDep, user: CurrentUser, web: WebSessionDep) -> Response:
    return render(request, "estimates.html", estimate_page(case, actor=user), web=web)


@router.get("/estimates/chart.svg")
def chart(case: CaseDep, user: CurrentUser) -> Response:
    return Response(estimate_chart_svg(case, actor=user), media_type="image/svg+xml")


@router.post("/estimates")
def run(
    request: Request,
    case: CaseDep,
    user: CurrentUser,
    web: WebSessionDep,
    method: Annotated[str, Form(pattern="^(auto|loglinear|lcmcr|dga|stepwise)$")] = "auto",
    stratum: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    page = run_estimate(case, actor=user, strata=[stratum] if stratum else None, method=method)
    return render(request, "estimates.html", page, web=web)
