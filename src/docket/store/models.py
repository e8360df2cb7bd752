"""The domain tables: the spine every stage reads and writes.

Design rules:
- Sources are immutable evidence: bytes live in the blob store under their sha256; the row keeps
  metadata and the extracted plain text. Nothing downstream edits a source.
- Evidence is cited as Excerpts: character spans into a source's text, with the hash of the words.
- Fuzzy time is an interval (earliest, latest as ISO dates) plus the original words.
- PersonReports are persons as one source reports them; Identities are clusters made by linkage
  and are reversible (reports point to identities, decisions are stored separately).
- Witness-identifying fields are `protected_text` columns (see store.types).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from docket.store.types import protected_text, pseudonym_column, row_uid


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


SOURCE_KINDS = ("testimony", "article", "statement", "document", "list")
CONSENT_LEVELS = ("none", "internal", "anonymous", "public")


class CaseSetting(Base):
    """Key/value facts about the case kept with its data (case id, created, key material)."""

    __tablename__ = "case_settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# session.info flag: this transaction wrote something readers see (docket.security.fields
# turns it into a new CHANGE_VERSION at commit)
CHANGED = "docket.changed"
CHANGE_VERSION = "case.version"
REDACTION_VERSION = "redaction.version"  # what the Redactor masks (docket.security.fields)
# settings that hold no data of the case: writing them is no change readers see
UNVERSIONED_SETTINGS = frozenset({REDACTION_VERSION, CHANGE_VERSION, "audit.head"})


def put_setting(session: Session, key: str, value: str) -> None:
    """Insert or replace one setting in a single statement (both backends support ON CONFLICT),
    without loading it first as `session.merge` would; a loaded copy is expired. Any setting but
    the versions and the audit head is a change readers may see."""
    if key not in UNVERSIONED_SETTINGS:
        session.info[CHANGED] = True
    session.connection().execute(
        sql_text("INSERT INTO case_settings (key, value) VALUES (:k, :v) "
             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {"k": key, "v": value},
    )  # fmt: skip
    loaded = session.identity_map.get(session.identity_key(CaseSetting, key))
    if loaded is not None:
        session.expire(loaded)


class Witness(Base):
    """A person who gave testimony. Identity fields are protected; analysts see the pseudonym."""

    __tablename__ = "witnesses"
    id: Mapped[int] = mapped_column(primary_key=True)
    pseudonym: Mapped[str] = pseudonym_column(unique=True)
    uid: Mapped[str | None] = row_uid()
    name: Mapped[str | None] = protected_text(masked_as="person", nullable=True)
    name_index: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    contact: Mapped[str | None] = protected_text(nullable=True)
    family_details: Mapped[str | None] = protected_text(nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Source(Base):
    """One preserved original: its bytes are in the blob store under `sha256`."""

    __tablename__ = "sources"
    __table_args__ = (
        CheckConstraint(f"kind IN {SOURCE_KINDS!r}", name="ck_source_kind"),
        CheckConstraint(f"consent IN {CONSENT_LEVELS!r}", name="ck_source_consent"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = row_uid()
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    author: Mapped[str | None] = mapped_column(Text, nullable=True)
    outlet: Mapped[str | None] = mapped_column(Text, nullable=True)
    language: Mapped[str | None] = mapped_column(String(20), nullable=True)
    published_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    published_earliest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    published_latest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    collected_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    consent: Mapped[str] = mapped_column(String(20), default="internal")
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    witness_id: Mapped[int | None] = mapped_column(ForeignKey("witnesses.id"), nullable=True)
    interviewer: Mapped[str | None] = mapped_column(Text, nullable=True)
    interview_place: Mapped[str | None] = protected_text(nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    # True: `text` is stored encrypted (sensitive, or it contains protected names) and is not in
    # the search index in plain; `blob_sealed`: the original bytes are encrypted in the blob store.
    text_encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    blob_sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    text_sha256: Mapped[str] = mapped_column(String(64))
    warc_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)

    witness: Mapped[Witness | None] = relationship()
    pages: Mapped[list[SourcePage]] = relationship(
        back_populates="source", order_by="SourcePage.number", cascade="all, delete-orphan"
    )


class SourcePage(Base):
    """Where each PDF page lies in the source's text, so citations can give page numbers."""

    __tablename__ = "source_pages"
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    source: Mapped[Source] = relationship(back_populates="pages")


class CustodyEntry(Base):
    """Chain of custody: who did what to which original, when, from where, with which hash."""

    __tablename__ = "custody_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    origin: Mapped[str] = mapped_column(Text)
    docket_version: Mapped[str] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Excerpt(Base):
    """A character span of a source's text: the unit of evidence every record cites."""

    __tablename__ = "excerpts"
    __table_args__ = (
        UniqueConstraint("source_id", "start", "end", name="uq_excerpt_span"),
        CheckConstraint('start >= 0 AND "end" >= start', name="ck_excerpt_span"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text_sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[Source] = relationship()


class Suggestion(Base):
    """Something extraction proposes; a person accepts, edits or rejects it."""

    __tablename__ = "suggestions"
    __table_args__ = (
        UniqueConstraint("source_id", "kind", "start", "end", "label", name="uq_suggestion"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(60), default="")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    decided_by: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    record_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    record_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Identity(Base):
    """A cluster of PersonReports judged to be one human; made by `link`, undone by review."""

    __tablename__ = "identities"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(40), unique=True)
    link_run_id: Mapped[int | None] = mapped_column(ForeignKey("link_runs.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PersonReport(Base):
    """A person as one source describes them. Names are protected: they identify."""

    __tablename__ = "person_reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    excerpt_id: Mapped[int | None] = mapped_column(ForeignKey("excerpts.id"), nullable=True)
    record_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    role: Mapped[str] = mapped_column(String(20), default="victim")
    uid: Mapped[str | None] = row_uid()
    name: Mapped[str | None] = protected_text(masked_as="person", nullable=True)
    name_index: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    name_hangul: Mapped[str | None] = protected_text(masked_as="person", nullable=True)
    sex: Mapped[str | None] = mapped_column(String(1), nullable=True)
    birth_year_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    birth_year_earliest: Mapped[int | None] = mapped_column(Integer, nullable=True)
    birth_year_latest: Mapped[int | None] = mapped_column(Integer, nullable=True)
    birth_place: Mapped[str | None] = mapped_column(Text, nullable=True)
    facility_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    facility_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    event_date_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    event_earliest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    event_latest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("identities.id"), nullable=True, index=True
    )
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)


class LinkRun(Base):
    """One run of linkage, with the model spec stored so a reviewer can rerun it."""

    __tablename__ = "link_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(Text)
    backend: Mapped[str] = mapped_column(String(20))
    threshold: Mapped[float] = mapped_column()
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)


class LinkDecision(Base):
    """A reviewer's verdict on a pair of reports; every later run must respect it."""

    __tablename__ = "link_decisions"
    __table_args__ = (UniqueConstraint("report_a", "report_b", name="uq_link_pair"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    report_a: Mapped[int] = mapped_column(ForeignKey("person_reports.id"))
    report_b: Mapped[int] = mapped_column(ForeignKey("person_reports.id"))
    is_match: Mapped[bool] = mapped_column(Boolean)
    decided_by: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


class Organization(Base):
    """An institution or unit, e.g. a ministry or a camp's guard detachment."""

    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    name_hangul: Mapped[str | None] = mapped_column(Text, nullable=True)
    kind: Mapped[str | None] = mapped_column(String(40), nullable=True)


class Place(Base):
    """A place: a gazetteer entry (gazetteer_id set) or one an investigator added."""

    __tablename__ = "places"
    id: Mapped[int] = mapped_column(primary_key=True)
    gazetteer_id: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(40), nullable=True)
    lat: Mapped[float | None] = mapped_column(nullable=True)
    lon: Mapped[float | None] = mapped_column(nullable=True)


class Event(Base):
    """An act: who did what to whom, when, where (HURIDOCS events), citing its words."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    act_code: Mapped[str] = mapped_column(String(20), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), nullable=True)
    time_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    earliest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    latest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), nullable=True)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    place: Mapped[Place | None] = relationship()
    participants: Mapped[list[EventParticipant]] = relationship(cascade="all, delete-orphan")


class EventParticipant(Base):
    """A victim, perpetrator or witness of an event: a reported person or an organisation."""

    __tablename__ = "event_participants"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    person_report_id: Mapped[int | None] = mapped_column(
        ForeignKey("person_reports.id"), nullable=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id"), nullable=True
    )
    description: Mapped[str | None] = mapped_column(Text, nullable=True)


class Citation(Base):
    """Ties a record (event, person report, organisation, place link) to the excerpt behind it."""

    __tablename__ = "citations"
    __table_args__ = (
        UniqueConstraint("record_type", "record_id", "excerpt_id", name="uq_citation"),
        Index("ix_citation_record", "record_type", "record_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    excerpt_id: Mapped[int] = mapped_column(ForeignKey("excerpts.id"))


class Allegation(Base):
    """A general claim weighed against a standard of proof; status is recomputed, not typed."""

    __tablename__ = "allegations"
    id: Mapped[int] = mapped_column(primary_key=True)
    summary: Mapped[str] = mapped_column(Text)
    act_codes: Mapped[list[Any]] = mapped_column(default=list)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), nullable=True)
    time_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    earliest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    latest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    victims: Mapped[str | None] = mapped_column(Text, nullable=True)
    perpetrator: Mapped[str | None] = mapped_column(Text, nullable=True)
    details: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(40), default="unassessed")
    standard: Mapped[str | None] = mapped_column(String(60), nullable=True)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    created_by: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    place: Mapped[Place | None] = relationship()
    evidence: Mapped[list[EvidenceLink]] = relationship(
        back_populates="allegation", cascade="all, delete-orphan"
    )


class EvidenceLink(Base):
    """An excerpt or event bearing on an allegation, with its stance and grading."""

    __tablename__ = "evidence_links"
    __table_args__ = (
        CheckConstraint("stance IN ('supports', 'contradicts')", name="ck_evidence_stance"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    allegation_id: Mapped[int] = mapped_column(ForeignKey("allegations.id"), index=True)
    excerpt_id: Mapped[int | None] = mapped_column(ForeignKey("excerpts.id"), nullable=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), nullable=True)
    stance: Mapped[str] = mapped_column(String(20))
    first_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    reliability: Mapped[str | None] = mapped_column(String(1), nullable=True)
    credibility: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    allegation: Mapped[Allegation] = relationship(back_populates="evidence")


class DocList(Base):
    """A systematic documentation project (a list); its entries feed estimation."""

    __tablename__ = "lists"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), nullable=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)


class ListEntry(Base):
    """One row of a list: which person report it produced, from which line of the file."""

    __tablename__ = "list_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"), index=True)
    person_report_id: Mapped[int] = mapped_column(ForeignKey("person_reports.id"))
    line: Mapped[int] = mapped_column(Integer)


class User(Base):
    """Someone who signs in; the role decides what they may see and do."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ApiToken(Base):
    """An API token; only its hash is stored."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    label: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    """One link of the tamper-evident audit chain: hash = sha256(prev_hash + canonical entry)."""

    __tablename__ = "audit_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str | None] = mapped_column(Text, nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# --- evidence (issue #6): relations between sources and place/time details of evidence links ---

from sqlalchemy.orm import backref  # noqa: E402  kept here so this section merges cleanly

SOURCE_RELATIONS = ("cites", "republishes")


class SourceRelation(Base):
    """One source cites or republishes another, so the two are not independent evidence."""

    __tablename__ = "source_relations"
    __table_args__ = (
        UniqueConstraint("source_id", "related_id", "relation", name="uq_source_relation"),
        CheckConstraint(f"relation IN {SOURCE_RELATIONS!r}", name="ck_source_relation"),
        CheckConstraint("source_id <> related_id", name="ck_source_relation_self"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    related_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    relation: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EvidenceDetail(Base):
    """Where and when one piece of evidence says the act happened, to test consistency."""

    __tablename__ = "evidence_details"
    link_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_links.id", ondelete="CASCADE"), primary_key=True
    )
    facility_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    place_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    time_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    earliest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    latest: Mapped[str | None] = mapped_column(String(10), nullable=True)
    link: Mapped[EvidenceLink] = relationship(
        backref=backref("detail", uselist=False, cascade="all, delete-orphan")
    )


# --- estimation (issue #9): each run's spec and result, so reports show what was run ---


class EstimateRun(Base):
    """One `docket estimate --case` run: the capture histories' spec and the result as JSON."""

    __tablename__ = "estimate_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(20))
    lists: Mapped[list[Any]] = mapped_column(default=list)
    strata: Mapped[list[Any]] = mapped_column(default=list)
    spec: Mapped[dict[str, Any]] = mapped_column(default=dict)
    result: Mapped[dict[str, Any]] = mapped_column(default=dict)
    link_run_id: Mapped[int | None] = mapped_column(ForeignKey("link_runs.id"), nullable=True)
