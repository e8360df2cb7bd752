"""Estimates: the latest multiple systems estimate of the case, its chart; run a new one."""

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from docket.web.deps import CaseDep, CurrentUser
from docket.web.schemas import ERRORS, EstimatePublic, EstimateRunIn
from docket.web.services import estimate_chart_svg, estimate_page, run_estimate

router = APIRouter(tags=["estimates"], responses=ERRORS)


@router.get("/estimates/latest", response_model=EstimatePublic)
def latest(case: CaseDep, user: CurrentUser) -> Any:
    return estimate_page(case, actor=user)


@router.get(
    "/estimates/latest/chart.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}, "description": "the chart as SVG"}},
)
def chart(case: CaseDep, user: CurrentUser) -> Response:
    return Response(estimate_chart_svg(case, actor=user), media_type="image/svg+xml")


@router.post("/estimates", response_model=EstimatePublic, status_code=201)
def run(case: CaseDep, user: CurrentUser, body: EstimateRunIn) -> Any:
    return run_estimate(case, actor=user, strata=body.strata, method=body.method)
