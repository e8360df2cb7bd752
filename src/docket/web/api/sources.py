"""Sources: list, show, full-text search, upload (= ingest)."""

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile

from docket.sources import SourceDetail, get_source, list_sources, search_sources
from docket.web.deps import CaseDep, CurrentUser, RecordId
from docket.web.jsonbody import respond
from docket.web.schemas import (
    ERRORS,
    IngestOutcomePublic,
    SearchHitPublic,
    SourceDetailPublic,
    SourcePublic,
)
from docket.web.services import Upload, ingest_uploads

router = APIRouter(tags=["sources"], responses=ERRORS)


@router.get("/sources", response_model=list[SourcePublic])
def sources(
    case: CaseDep, user: CurrentUser, kind: Annotated[str | None, Query(max_length=20)] = None
) -> Any:
    return respond(list_sources(case, actor=user, kind=kind), list[SourcePublic])


@router.get("/sources/{source_id}", response_model=SourceDetailPublic)
def source(case: CaseDep, user: CurrentUser, source_id: RecordId) -> Any:
    return respond(
        get_source(case, source_id, actor=user), SourceDetailPublic, SourceDetail.to_dict
    )


@router.get("/search", response_model=list[SearchHitPublic])
def search(
    case: CaseDep,
    user: CurrentUser,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    kind: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Any:
    return respond(
        search_sources(case, q, actor=user, limit=limit, kind=kind), list[SearchHitPublic]
    )


@router.post("/sources", response_model=list[IngestOutcomePublic], status_code=201)
async def upload(
    case: CaseDep,
    user: CurrentUser,
    files: Annotated[list[UploadFile], File(description="files to preserve and index")],
    kind: Annotated[str | None, Form(max_length=20)] = None,
    lang: Annotated[str | None, Form(max_length=20)] = None,
) -> Any:
    uploads = [Upload(f.filename or "upload", await f.read()) for f in files]
    return ingest_uploads(case, uploads, actor=user, kind=kind, lang=lang)
