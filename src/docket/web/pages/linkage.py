"""Link review: two records side by side with the match-weight explanation; accept or reject."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from docket.link.case import decide_pair
from docket.web.deps import CaseDep, CurrentUser, WebSessionDep
from docket.web.render import render
from docket.web.services import link_review_page, run_linkage

router = APIRouter()
ReportId = Annotated[int, Form(ge=1, le=2**31 - 1)]


@router.get("/link")
def review(request: Request, case: CaseDep, user: CurrentUser, web: WebSessionDep) -> Response:
    return render(request, "link.html", link_review_page(case, actor=user), web=web)


@router.post("/link/run")
def run(request: Request, case: CaseDep, user: CurrentUser, web: WebSessionDep) -> Response:
    run_linkage(case, actor=user)
    return render(request, "link.html", link_review_page(case, actor=user), web=web)


@router.post("/link/decide")
def decide(
    request: Request,
    case: CaseDep,
    user: CurrentUser,
    web: WebSessionDep,
    report_a: ReportId,
    report_b: ReportId,
    verdict: Annotated[str, Form(pattern="^(same|different)$")],
) -> Response:
    decide_pair(case, report_a, report_b, actor=user, is_match=verdict == "same")
    context = {"report_a": report_a, "report_b": report_b, "verdict": verdict, "by": user.name}
    return render(request, "_partials/pair_done.html", context, web=web)
