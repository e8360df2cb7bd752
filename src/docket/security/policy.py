"""Who may do what: the one table of permissions, checked at the top of every service function.

The CLI, the REST API and the web UI all call the same service functions, so this is the only
place a role is turned into a yes or a no. What a role *sees* of what it may read (names,
pseudonyms or nothing; which sources) is decided by `view_of` and applied by docket.security.redact.

Permission names, for other stages:
- sources:read     list, show, search sources (what is shown depends on the view)
- sources:write    ingest, change sources
- records:read     read coded records (person reports, events, allegations)
- records:write    extract, review, code records, evidence links
- link:run         run linkage, review pairs
- estimate:run     run estimates on the case
- reports:export   produce reports and exports (always redacted for the reader's view)
- protected:read   see witness names, contacts, family details, sensitive text (audited)
- audit:read       read and verify the audit trail
- case:verify      re-hash originals
- users:manage     add, disable users; issue API tokens for others
- keys:manage      rotate the case key
- case:backup      write an encrypted backup; case:restore: restore one
"""

from __future__ import annotations

from docket.actor import ROLES, Actor
from docket.security.errors import PermissionDenied

_READ = {"sources:read", "records:read", "reports:export"}
_ANALYSE = _READ | {"link:run", "estimate:run", "case:verify"}
_INVESTIGATE = _ANALYSE | {"sources:write", "records:write", "protected:read", "audit:read"}
_ADMIN = _INVESTIGATE | {"users:manage", "keys:manage", "case:backup", "case:restore"}

PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset(_ADMIN),
    "investigator": frozenset(_INVESTIGATE | {"case:backup"}),
    "analyst": frozenset(_ANALYSE),
    "reviewer": frozenset(_READ | {"audit:read", "case:verify"}),
    "public": frozenset(_READ),
}
ALL_PERMISSIONS = frozenset().union(*PERMISSIONS.values())
assert set(PERMISSIONS) == set(ROLES)

# What a role sees: "full" (names), "pseudonymous" (W-0042 instead of names, no sensitive text,
# no sources without consent), "public" (only sources with consent `public`, all names masked).
VIEWS = {
    "admin": "full",
    "investigator": "full",
    "analyst": "pseudonymous",
    "reviewer": "public",
    "public": "public",
}


def allowed(actor: Actor, permission: str) -> bool:
    if permission not in ALL_PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    return permission in PERMISSIONS[actor.role]


def require(actor: Actor, permission: str) -> None:
    """Raise PermissionDenied unless the actor's role grants `permission`."""
    if not allowed(actor, permission):
        raise PermissionDenied(
            f"{actor.name} ({actor.role}) may not do this: it needs '{permission}'"
        )


def view_of(actor: Actor) -> str:
    return VIEWS[actor.role]


def may_see_source(actor: Actor, consent: str) -> bool:
    """Which sources a role may see at all: the public view only consented-public ones; the
    pseudonymous view all but those whose witness gave no consent."""
    view = view_of(actor)
    if view == "full":
        return True
    if view == "pseudonymous":
        return consent != "none"
    return consent == "public"
