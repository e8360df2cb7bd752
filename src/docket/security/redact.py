"""The one redaction step every listing, export and report goes through.

Driven by the reader's view (docket.security.policy.view_of) and each source's consent:
- full (admin, investigator): everything, names included (reads of protected data are audited
  by the service function that shows them);
- pseudonymous (analyst): sources whose witness consented to any use; witness names replaced by
  their pseudonym (W-0042), listed persons by P-00012; sensitive text withheld;
- public (reviewer, public): only sources with consent `public`; every protected name masked;
  sensitive text withheld.

Names are masked in free text in all the spellings docket.security.variants knows.

Building the name matcher takes seconds on a real case (hundreds of names, hundreds of thousands
of spellings), so `for_actor` keeps one per unlocked case (its Keyring) and view, valid for one
`redaction.version` (docket.security.fields writes a new one in the transaction of every change
to a masked value, from any process). Each call reads the version first, then, only if it
changed, the names: a matcher is never older than the version it is filed under. Names already
seen keep their spellings (`NameMatcher(memo=)`), so a rebuild after one new name is quick.

Usage (inside a service function, after `require(actor, ...)`):

    with case.session() as session:
        red = Redactor.for_actor(session, actor)
        for source in sources:
            if red.can_see(source):
                out.append(red.source_text(source))
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from docket.actor import Actor
from docket.readcache import PerObject
from docket.security.crypto import Keyring
from docket.security.fields import MASKED_VALUES, keyring_of, redaction_version
from docket.security.policy import may_see_source, view_of
from docket.security.variants import NameMatcher
from docket.store.models import PersonReport, Source, Witness

if TYPE_CHECKING:
    from docket.case import Case

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


# The pseudonym a row's "person" values are masked with, per class that has such values, in
# order of precedence: a witness who is also on a list is shown by the witness pseudonym.
_PSEUDONYM_OF: dict[type, Callable[[Any], str]] = {
    Witness: lambda witness: witness.pseudonym,
    PersonReport: lambda report: person_pseudonym(report.id),
}
_NAMED = {cls for cls, how in MASKED_VALUES.items() if "person" in how.values()}
if _NAMED - set(_PSEUDONYM_OF):  # a new kind of named row must say how its names are labelled
    raise RuntimeError(f"no pseudonym rule for the masked names of {_NAMED - set(_PSEUDONYM_OF)}")


def protected_names(session: Session, view: str) -> list[tuple[str, str]]:
    """Every protected value in the case (decrypted in memory) with its label in `view`.

    NameMatcher keeps the first label a spelling gets, so names come first, in _PSEUDONYM_OF's
    order, then withheld values."""
    public = view == "public"
    names: list[tuple[str, str]] = []
    withheld: list[tuple[str, str]] = []
    named_first = [*_PSEUDONYM_OF, *(cls for cls in MASKED_VALUES if cls not in _PSEUDONYM_OF)]
    for cls in named_first:
        fields = MASKED_VALUES[cls]
        present = or_(*(getattr(cls, attr).is_not(None) for attr in fields))
        for row in session.scalars(select(cls).where(present)):
            for attr, how in fields.items():
                value = getattr(row, attr)
                if not value:
                    continue
                if how == "withheld":
                    withheld.append((value, WITHHELD))
                else:
                    label = NAME_WITHHELD if public else f"[{_PSEUDONYM_OF[cls](row)}]"
                    names.append((value, label))
    return names + withheld


@dataclass
class _CaseMatchers:
    """The matchers of one unlocked case: per view, with the version they were built at."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    built: dict[str, tuple[str, NameMatcher]] = field(default_factory=dict)
    memo: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> its spelling keys

    def matcher(self, session: Session, view: str) -> NameMatcher:
        version = redaction_version(session)  # before the names: never file newer under older
        with self.lock:  # one build at a time; concurrent readers wait for it, then share it
            cached = self.built.get(view)
            if cached is not None and cached[0] == version:
                return cached[1]
            names = protected_names(session, view)
            matcher = NameMatcher(names, self.memo)
            current = {name for name, _ in names}
            for view_built in self.built.values():
                current |= view_built[1].names
            for gone in set(self.memo) - current:  # keep no spellings of deleted values
                del self.memo[gone]
            self.built[view] = (version, matcher)
            return matcher


_case_matchers: PerObject[Keyring, _CaseMatchers] = PerObject(_CaseMatchers)


def warm_matchers(case: Case) -> None:
    """Build the case's matchers for the pseudonymous and public views now (a server calls this
    at start, in the background, so that the first analyst does not wait for the build)."""
    with case.session() as session:
        keyring = keyring_of(session)
        if keyring is not None:
            for view in ("pseudonymous", "public"):
                _case_matchers(keyring).matcher(session, view)


class Redactor:
    """Applies one reader's view. Build one per request or export with `for_actor`."""

    def __init__(
        self,
        actor: Actor,
        names: Iterable[tuple[str, str]] = (),
        *,
        matcher: NameMatcher | None = None,
    ) -> None:
        self.actor = actor
        self.view = view_of(actor)
        self._names = list(names)
        self._matcher = matcher

    @classmethod
    def for_actor(cls, session: Session, actor: Actor) -> Redactor:
        """A redactor that knows every protected value in the case, through the case's cached
        matcher for the reader's view (rebuilt when a masked value has changed)."""
        view = view_of(actor)
        if view == "full":
            return cls(actor)
        keyring = keyring_of(session)
        if keyring is None:  # a session without the key: nothing to cache against
            return cls(actor, protected_names(session, view))
        return cls(actor, matcher=_case_matchers(keyring).matcher(session, view))

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
