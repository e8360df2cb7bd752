"""Who is acting: every service function takes one, so roles and audit have a single entry point."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

ROLES = ("admin", "investigator", "analyst", "reviewer", "public")


@dataclass(frozen=True)
class Actor:
    """A person (or process) acting on a case, with the role that bounds what they may do."""

    name: str
    role: str = "admin"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; expected one of {', '.join(ROLES)}")


def local_actor() -> Actor:
    """The owner of a local case folder: the OS user (or DOCKET_USER), with full rights."""
    try:
        name = os.environ.get("DOCKET_USER") or getpass.getuser()
    except OSError:
        name = "unknown"
    return Actor(name=name, role="admin")
