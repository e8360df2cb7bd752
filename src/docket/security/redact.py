"""The one redaction step every listing, export and report goes through.

Driven by the reader's view (docket.security.policy.view_of) and each source's consent:
- full (admin, investigator): everything, names included (reads of protected data are audited
  by the service function that shows them);
- pseudonymous (analyst): sources whose witness consented to any use; witness names replaced by
  their pseudonym (W-0042), listed persons by P-00012; sensitive text withheld;
- public (reviewer, public): only sources with consent `public`; every protected name masked;
  sensitive text withheld.

Names are masked in free text in all the spellings docket.security.variants knows.

Usage (inside a service function, after `require(actor, ...)`):

    with case.session() as session:
        red = Redactor.for_actor(session, actor)
        for source in sources:
            if red.can_see(source):
                out.append(red.source_text(source))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from docket.actor import Actor
from docket.security.policy import may_see_source, view_of
from docket.security.variants import NameMatcher
from docket.store.models import PersonReport, Source, Witness

WITHHELD = "[withheld]"
NAME_WITHHELD = "[name withheld]"
SENSITIVE_WITHHELD = "[sensitive text withheld: ask an investigator]"
# Keys that exports and records use for protected values; `fields()` redacts them.
PROTECTED_KEYS = frozenset({
    "name", "name_hangul", "witness_name", "contact", "witness_contact", "family_details",
    "witness_family", "interview_place",
})  # fmt: skip


def person_pseudonym(report_id: int) -> str:
    """The stable per-case pseudonym of a person report, as analysts see it."""
    return f"P-{report_id:05d}"


class Redactor:
    """Applies one reader's view. Build one per request or export with `for_actor`."""

    def __init__(self, actor: Actor, names: Iterable[tuple[str, str]] = ()) -> None:
        self.actor = actor
        self.view = view_of(actor)
        self._names = list(names)
        self._matcher: NameMatcher | None = None

    @classmethod
    def for_actor(cls, session: Session, actor: Actor) -> Redactor:
        """A redactor that knows every protected value in the case (decrypted in memory)."""
        if view_of(actor) == "full":
            return cls(actor)
        public = view_of(actor) == "public"
        names: list[tuple[str, str]] = []
        for witness in session.scalars(select(Witness)):
            label = NAME_WITHHELD if public else f"[{witness.pseudonym}]"
            names += [(v, label) for v in (witness.name,) if v]
            names += [(v, WITHHELD) for v in (witness.contact, witness.family_details) if v]
        for report in session.scalars(select(PersonReport)):
            label = NAME_WITHHELD if public else f"[{person_pseudonym(report.id)}]"
            names += [(v, label) for v in (report.name, report.name_hangul) if v]
        for source in session.scalars(select(Source).where(Source.interview_place.is_not(None))):
            names.append((source.interview_place or "", WITHHELD))
        return cls(actor, names)

    @property
    def full(self) -> bool:
        return self.view == "full"

    def can_see(self, source: Source) -> bool:
        return may_see_source(self.actor, source.consent)

    def text(self, text: str) -> str:
        """Free text with every known spelling of a protected value masked (unless full view)."""
        if self.full or not text:
            return text
        if self._matcher is None:
            self._matcher = NameMatcher(self._names)
        return self._matcher.replace(text)

    def source_text(self, source: Source) -> str:
        if self.full:
            return source.text
        if source.sensitive:
            return SENSITIVE_WITHHELD
        return self.text(source.text)

    def witness_label(self, witness: Witness | None) -> str | None:
        """What this reader may call a witness: the name (full view) or the pseudonym."""
        if witness is None:
            return None
        return witness.name or witness.pseudonym if self.full else witness.pseudonym

    def witness_pseudonym(self, witness: Witness | None) -> str | None:
        """The pseudonym, except in the public view: pseudonyms shared across published
        material let readers pool one witness's statements, a step towards re-identification."""
        if witness is None or self.view == "public":
            return None
        return witness.pseudonym

    def person_name(self, report: PersonReport) -> str | None:
        if self.full:
            return report.name or report.name_hangul
        return person_pseudonym(report.id) if self.view == "pseudonymous" else None

    def fields(self, row: Mapping[str, Any], pseudonym: str | None = None) -> dict[str, Any]:
        """An export row with protected keys replaced (by `pseudonym` for analysts) and every
        other string masked as free text."""
        if self.full:
            return dict(row)
        out: dict[str, Any] = {}
        for key, value in row.items():
            if key in PROTECTED_KEYS and value not in (None, ""):
                out[key] = pseudonym if (pseudonym and self.view == "pseudonymous") else WITHHELD
            elif isinstance(value, str):
                out[key] = self.text(value)
            else:
                out[key] = value
        return out
