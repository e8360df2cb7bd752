"""Witness protection: field encryption, case keys, roles, redaction, audit chain, backups.

The API other stages use:
- `require(actor, "sources:read")`: the permission check at the top of every service function
  (names listed in docket.security.policy); `view_of(actor)` -> "full" | "pseudonymous" | "public".
- `Redactor.for_actor(session, actor)`: the one redaction step for every listing, export, report.
- `record_audit(session, actor, action, target, details)`: append to the audit chain inside the
  operation's own transaction (every write; every read of protected data).
- `case.session()` is the encrypting session: protected columns are encrypted on flush and
  decrypted on load; `decrypt_value(case.keyring, table, column, uid, stored)` for Core queries;
  `case.keyring.blind_index("person-name", name)` for exact lookups.
"""

from docket.security.audit import audit_log, verify_audit
from docket.security.audit import record as record_audit
from docket.security.backup import backup_case, restore_case
from docket.security.crypto import Keyring
from docket.security.errors import (
    AuthenticationFailed,
    CorruptCiphertext,
    KeyFailure,
    PermissionDenied,
)
from docket.security.fields import decrypt_value
from docket.security.keys import KeySource, new_key_file
from docket.security.manage import find_by_name, get_witness, rotate_key
from docket.security.policy import allowed, may_see_source, require, view_of
from docket.security.redact import Redactor, person_pseudonym
from docket.security.users import (
    actor_for_token,
    add_user,
    authenticate,
    issue_token,
    list_users,
    revoke_token,
)
from docket.security.variants import NameMatcher, name_variants

__all__ = [
    "AuthenticationFailed", "CorruptCiphertext", "KeyFailure", "KeySource", "Keyring",
    "NameMatcher", "PermissionDenied", "Redactor", "actor_for_token", "add_user", "allowed",
    "audit_log", "authenticate", "backup_case", "decrypt_value", "find_by_name", "get_witness",
    "issue_token", "list_users", "may_see_source", "name_variants", "new_key_file",
    "person_pseudonym", "record_audit", "require", "restore_case", "revoke_token", "rotate_key",
    "verify_audit", "view_of",
]  # fmt: skip
