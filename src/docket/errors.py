"""The exceptions every stage raises, mapped to the contract's exit codes in one place.

Exit codes (shared/contracts/README.md): 0 success; 2 bad input (the message names the file, line
or field and what was expected); 1 any other failure.
"""

from __future__ import annotations


class DocketError(Exception):
    """A failure the user can act on; the message is shown as is, without a traceback."""

    exit_code = 1


class BadInput(DocketError):
    """Input that does not meet its contract. The message must name where and what was expected."""

    exit_code = 2

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class CaseNotFound(DocketError):
    """No case in the current folder or its parents, and none given with --case."""

    exit_code = 2


class IntegrityFailure(DocketError):
    """Stored evidence does not match its recorded hash (tampering, corruption or loss)."""

    exit_code = 1
