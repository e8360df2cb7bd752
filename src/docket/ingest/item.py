"""What one file carries through an ingest batch, and what its fate was."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from docket.errors import DocketError
from docket.ingest.base import ParsedSource
from docket.security.redact import WITHHELD
from docket.security.variants import NameMatcher


@dataclass
class IngestOutcome:
    path: str
    status: str  # ingested | present | failed
    source_id: int | None = None
    kind: str | None = None
    kind_guessed: bool = False
    reason: str | None = None


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


@dataclass
class Item:
    """One file on its way through a batch; `outcome` is set once its fate is known."""

    path: Path
    data: bytes = b""
    digest: str = ""
    outcome: IngestOutcome | None = None
    parsed: ParsedSource | None = None
    guessed: bool = False
    seal: bool = False
    matcher: NameMatcher | None = None
    warc_digest: str | None = None
    real_path: str = ""  # the resolved absolute path, when the batch's reader already knows it

    def fail(self, exc: DocketError) -> None:
        self.outcome = IngestOutcome(str(self.path), "failed", reason=str(exc))

    @cached_property
    def resolved(self) -> Path:
        """The absolute path with every symbolic link resolved (needed twice: resolved once)."""
        return Path(self.real_path) if self.real_path else self.path.resolve()


def protection(parsed: ParsedSource) -> tuple[bool, NameMatcher | None]:
    """Whether the original bytes must be sealed, and a matcher for the protected values that
    came with them (to keep them out of every plain column and the search index).

    Sealed: testimonies (their header names the witness), lists (names of persons) and anything
    marked sensitive."""
    seal = parsed.kind in ("testimony", "list") or parsed.sensitive or bool(parsed.persons)
    witness = parsed.witness
    values = [v for v in (witness.name, witness.contact, witness.family_details) if v] if witness \
        else []  # fmt: skip
    return seal, NameMatcher((v, WITHHELD) for v in values) if values else None
