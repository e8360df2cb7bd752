"""Security failures, with the contract's exit codes. Messages never carry protected values."""

from __future__ import annotations

from docket.errors import DocketError


class KeyFailure(DocketError):
    """The case key cannot be unlocked: wrong passphrase, missing or bad key file, no key given."""

    exit_code = 2


class CorruptCiphertext(DocketError):
    """A sealed value or blob does not open: altered, moved between rows, or from another case."""

    exit_code = 2


class PermissionDenied(DocketError):
    """The actor's role does not allow the operation."""

    exit_code = 1


class AuthenticationFailed(DocketError):
    """Unknown user, wrong password, inactive user or revoked token."""

    exit_code = 2
