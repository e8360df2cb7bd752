"""Accept, edit or reject a suggestion in place (HTMX swaps the suggestion's card)."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from docket.review import SuggestionEdit, accept, reject
from docket.web.deps import CaseDep, CurrentUser, RecordId, WebSessionDep
from docket.web.render import render

router = APIRouter()
Field = Annotated[str, Form(max_length=300)]


def _edit(label: str, name: str, role: str, place: str, time: str) -> SuggestionEdit:
    return SuggestionEdit(
        label=label or None, name=name or None, role=role or None, place_id=place or None,
        time_text=time or None,
    )  # fmt: skip


@router.post("/suggestions/{suggestion_id}/accept")
def accept_in_place(
    request: Request,
    case: CaseDep,
    user: CurrentUser,
    web: WebSessionDep,
    suggestion_id: RecordId,
    label: Field = "",
    name: Field = "",
    role: Field = "",
    place: Field = "",
    time: Field = "",
) -> Response:
    view = accept(case, suggestion_id, actor=user, edit=_edit(label, name, role, place, time))
    return render(request, "_partials/suggestion.html", {"s": view, "can_review": True}, web=web)


@router.post("/suggestions/{suggestion_id}/reject")
def reject_in_place(
    request: Request,
    case: CaseDep,
    user: CurrentUser,
    web: WebSessionDep,
    suggestion_id: RecordId,
    reason: Field = "",
) -> Response:
    reject(case, suggestion_id, actor=user, reason=reason or None)
    context = {"s": {"id": suggestion_id, "status": "rejected", "decided_by": user.name},
               "can_review": False}  # fmt: skip
    return render(request, "_partials/suggestion_done.html", context, web=web)
