"""Tokens for API clients: exchange a user name and password for a Bearer token."""

from fastapi import APIRouter

from docket.security.policy import view_of
from docket.security.users import authenticate, issue_token, revoke_token
from docket.web.deps import CaseDep, CurrentUser
from docket.web.schemas import ERRORS, RevokeRequest, TokenPublic, TokenRequest, WhoAmIPublic

router = APIRouter(tags=["auth"], responses=ERRORS)


@router.post("/auth/token", response_model=TokenPublic, status_code=201)
def create_token(body: TokenRequest, case: CaseDep) -> TokenPublic:
    """A new API token for the user (shown once; only its hash is kept)."""
    actor = authenticate(case, body.username, body.password)
    token = issue_token(case, actor.name, actor=actor, label=body.label or "api")
    return TokenPublic(token=token, username=actor.name, role=actor.role)


@router.get("/auth/me", response_model=WhoAmIPublic)
def who_am_i(user: CurrentUser) -> WhoAmIPublic:
    return WhoAmIPublic(username=user.name, role=user.role, view=view_of(user))


@router.post("/auth/revoke", status_code=204)
def revoke(case: CaseDep, user: CurrentUser, body: RevokeRequest) -> None:
    """Revoke a token (your own, or anyone's with users:manage). In the body, not the URL, so
    it never lands in an access log."""
    revoke_token(case, body.token, actor=user)
