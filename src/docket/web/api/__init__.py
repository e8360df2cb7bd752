"""The REST API: one router per resource, wired together here."""

from fastapi import APIRouter

from docket.web.api import (
    allegations,
    auth,
    estimates,
    facilities,
    linkage,
    overview,
    persons,
    sources,
    suggestions,
)

router = APIRouter(prefix="/api")
for module in (
    auth,
    overview,
    sources,
    suggestions,
    persons,
    allegations,
    facilities,
    linkage,
    estimates,
):
    router.include_router(module.router)
