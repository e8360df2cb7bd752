"""Accept, edit or reject suggestions; the service functions the CLI, API and UI call."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.readcache import cached
from docket.review.records import (
    SuggestionEdit,
    excerpt_for,
    make_event,
    make_organization,
    make_person,
    make_place,
)
from docket.security import record_audit, require
from docket.security.redact import WITHHELD, Redactor
from docket.store.models import Source, Suggestion


@dataclass
class SuggestionView:
    id: int
    source_id: int
    kind: str
    label: str
    start: int
    end: int
    text: str
    status: str
    context: str
    payload: dict[str, Any]
    decided_by: str | None
    record_type: str | None
    record_id: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _view(s: Suggestion, source_text: str) -> SuggestionView:
    before = source_text[max(0, s.start - 80) : s.start]
    after = source_text[s.end : s.end + 80]
    return SuggestionView(
        id=s.id, source_id=s.source_id, kind=s.kind, label=s.label, start=s.start, end=s.end,
        text=s.text, status=s.status, context=f"{before}[{s.text}]{after}".replace("\n", " "),
        payload=s.payload, decided_by=s.decided_by, record_type=s.record_type,
        record_id=s.record_id,
    )  # fmt: skip


def _redacted(view: SuggestionView, red: Redactor, source_text: str) -> SuggestionView:
    """Suggestions quote the source's own words: outside the full view, names must not show.

    A span or its context may hold only part of a protected name (a given name alone, a name
    cut at the window's edge), which free-text masking cannot recognise. So the words are shown
    only when masking a window twice as wide changes nothing, and never for a person entity;
    otherwise span and context are withheld.
    """
    if red.full:
        return view
    wide = source_text[max(0, view.start - 160) : view.end + 160]
    person = view.kind == "entity" and view.label == "PERSON"
    if person or red.text(wide) != wide:
        view.text, view.context = WITHHELD, f"{WITHHELD} (names nearby)"
    payload = {k: v for k, v in view.payload.items() if k not in ("text", "name", "speaker")}
    view.payload = red.fields(payload)
    return view


def list_suggestions(
    case: Case, source_id: int, *, actor: Actor, status: str | None = None
) -> list[SuggestionView]:
    require(actor, "records:read")

    def compute() -> list[SuggestionView]:
        with case.session() as session:
            source = session.get(Source, source_id)
            red = Redactor.for_actor(session, actor)
            if source is None or not red.can_see(source):
                raise BadInput(f"no source with id {source_id}", where="SOURCE_ID")
            query = select(Suggestion).where(Suggestion.source_id == source_id)
            if status:
                query = query.where(Suggestion.status == status)
            rows = session.scalars(query.order_by(Suggestion.start, Suggestion.id))
            return [_redacted(_view(s, source.text), red, source.text) for s in rows]

    # computed once per change version and role (docket.readcache)
    return cached(case, ("suggestions", actor.role, source_id, status), compute)


def _pending(session, suggestion_id: int) -> Suggestion:
    suggestion = session.get(Suggestion, suggestion_id)
    if suggestion is None:
        raise BadInput(f"no suggestion with id {suggestion_id}", where="SUGGESTION_ID")
    if suggestion.status != "pending":
        raise BadInput(
            f"suggestion {suggestion_id} was already {suggestion.status} by "
            f"{suggestion.decided_by}",
            where="SUGGESTION_ID",
        )
    return suggestion


def accept(
    case: Case, suggestion_id: int, *, actor: Actor, edit: SuggestionEdit | None = None
) -> SuggestionView:
    """Make the record the suggestion stands for, citing its words, in one transaction."""
    require(actor, "records:write")
    edit = edit or SuggestionEdit()
    with case.session() as session:
        s = _pending(session, suggestion_id)
        source = session.get(Source, s.source_id)
        start = s.start if edit.start is None else edit.start
        end = s.end if edit.end is None else edit.end
        excerpt = excerpt_for(session, source, start, end)
        if (start, end) != (s.start, s.end):
            s.start, s.end, s.text = start, end, source.text[start:end]
        if s.kind == "entity" and s.label == "PERSON" and (edit.label in (None, "PERSON")):
            record = make_person(session, source, s, edit, excerpt)
        elif s.kind == "entity" and (edit.label or s.label) == "ORG":
            record = make_organization(session, s, edit, excerpt)
        elif s.kind == "place" or (s.kind == "entity" and s.label in ("GPE", "FACILITY")):
            record = make_place(session, s, edit, excerpt)
        elif s.kind == "act":
            record = make_event(session, source, s, edit, excerpt, actor)
        else:  # quotes, dates, figures: the excerpt itself is the record
            record = ("excerpt", excerpt.id)
        s.record_type, s.record_id = record
        s.status = "accepted" if edit.is_empty() else "edited"
        if edit.label:
            s.label = edit.label
        s.decided_by, s.decided_at = actor.name, datetime.now(UTC)
        session.flush()
        record = f"{s.record_type}:{s.record_id}"
        action = "suggestion.accept" if s.status == "accepted" else "suggestion.edit"
        record_audit(session, actor, action, f"suggestion:{s.id}", {"record": record})
        return _view(s, source.text)


def reject(case: Case, suggestion_id: int, *, actor: Actor, reason: str | None = None) -> None:
    """Remembered: the same span and label will not be suggested again."""
    require(actor, "records:write")
    with case.session() as session:
        record_audit(session, actor, "suggestion.reject", f"suggestion:{suggestion_id}")
        s = _pending(session, suggestion_id)
        s.status = "rejected"
        s.decided_by, s.decided_at = actor.name, datetime.now(UTC)
        if reason:
            s.payload = {**s.payload, "rejected_because": reason}
