"""Server-rendered pages: each builds one typed context, shown as HTML or JSON."""

from fastapi import APIRouter

from docket.web.pages import (
    allegations,
    auth,
    dashboard,
    estimates,
    facilities,
    linkage,
    persons,
    review,
    sources,
)

router = APIRouter(include_in_schema=False)
for module in (
    auth,
    dashboard,
    sources,
    review,
    persons,
    allegations,
    facilities,
    linkage,
    estimates,
):
    router.include_router(module.router)
