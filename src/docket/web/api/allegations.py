"""Allegations with their evidence, independence, status and reasoning."""

from typing import Any

from fastapi import APIRouter

from docket.web.deps import CaseDep, CurrentUser, RecordId
from docket.web.jsonbody import respond
from docket.web.schemas import ERRORS, FindingDetailPublic, FindingPublic
from docket.web.services import allegation_detail, allegation_list

router = APIRouter(tags=["evidence"], responses=ERRORS)


@router.get("/allegations", response_model=list[FindingPublic])
def allegations(case: CaseDep, user: CurrentUser) -> Any:
    return respond(allegation_list(case, actor=user), list[FindingPublic])


@router.get("/allegations/{allegation_id}", response_model=FindingDetailPublic)
def allegation(case: CaseDep, user: CurrentUser, allegation_id: RecordId) -> Any:
    return allegation_detail(case, allegation_id, actor=user)
