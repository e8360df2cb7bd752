"""Sources: list with filters, full-text search with highlighted hits, upload; a source's page."""

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from docket.web.deps import CaseDep, CurrentUser, RecordId, WebSessionDep
from docket.web.render import render
from docket.web.services import Upload, ingest_uploads, source_page, sources_page

router = APIRouter()


@router.get("/sources")
def sources(
    request: Request,
    case: CaseDep,
    user: CurrentUser,
    web: WebSessionDep,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    q: Annotated[str, Query(max_length=500)] = "",
) -> Response:
    context = sources_page(case, actor=user, kind=kind, q=q)
    return render(request, "sources.html", context, web=web)


@router.post("/sources/upload")
async def upload(
    request: Request,
    case: CaseDep,
    user: CurrentUser,
    web: WebSessionDep,
    files: Annotated[list[UploadFile], File()],
    kind: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    uploads = [Upload(f.filename or "upload", await f.read()) for f in files if f.filename]
    outcomes = ingest_uploads(case, uploads, actor=user, kind=kind or None)
    return render(request, "uploaded.html", {"outcomes": outcomes}, web=web)


@router.get("/sources/{source_id}")
def source(
    request: Request, case: CaseDep, user: CurrentUser, web: WebSessionDep, source_id: RecordId
) -> Response:
    return render(request, "source.html", source_page(case, source_id, actor=user), web=web)
