"""Suggestions and their review: list a source's, accept (with edits), reject."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from docket.review import SuggestionEdit, accept, list_suggestions, reject
from docket.web.deps import CaseDep, CurrentUser, RecordId
from docket.web.jsonbody import respond
from docket.web.schemas import ERRORS, RejectIn, SuggestionEditIn, SuggestionPublic

router = APIRouter(tags=["review"], responses=ERRORS)


@router.get("/sources/{source_id}/suggestions", response_model=list[SuggestionPublic])
def suggestions(
    case: CaseDep,
    user: CurrentUser,
    source_id: RecordId,
    status: Annotated[str | None, Query(pattern="^(pending|accepted|edited|rejected)$")] = None,
) -> Any:
    return respond(list_suggestions(case, source_id, actor=user, status=status),
                   list[SuggestionPublic])  # fmt: skip


@router.post("/suggestions/{suggestion_id}/accept", response_model=SuggestionPublic)
def accept_suggestion(
    case: CaseDep, user: CurrentUser, suggestion_id: RecordId, body: SuggestionEditIn | None = None
) -> Any:
    edit = SuggestionEdit(**body.model_dump()) if body else None
    return accept(case, suggestion_id, actor=user, edit=edit)


@router.post("/suggestions/{suggestion_id}/reject", status_code=204)
def reject_suggestion(
    case: CaseDep, user: CurrentUser, suggestion_id: RecordId, body: RejectIn | None = None
) -> None:
    reject(case, suggestion_id, actor=user, reason=body.reason if body else None)
