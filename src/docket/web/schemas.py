"""What the API sends and accepts. `…Public` schemas have no witness-identifying fields (no
witness name, contact, family details, interview place; persons by pseudonym only), so no
forgotten filter can leak one: what is not in the schema is never serialised."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True, extra="ignore")


class TokenRequest(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)
    label: str | None = Field(default=None, max_length=200)


class RevokeRequest(BaseModel):
    token: str = Field(min_length=1, max_length=200)


class TokenPublic(_Out):
    token: str
    username: str
    role: str


class WhoAmIPublic(_Out):
    username: str
    role: str
    view: str


class SourcePublic(_Out):
    id: int
    kind: str
    title: str | None
    language: str | None
    published: str | None
    sha256: str
    filename: str
    consent: str
    witness: str | None = Field(description="the witness's pseudonym (W-0042), never a name")


class CustodyPublic(_Out):
    action: str
    actor: str
    at: str
    origin: str
    sha256: str
    docket_version: str | None = None


class SourceDetailPublic(SourcePublic):
    media_type: str
    size: int
    origin: str
    author: str | None
    outlet: str | None
    warc_sha256: str | None
    pages: list[tuple[int, int]]
    custody: list[CustodyPublic]
    text: str


class SearchHitPublic(_Out):
    source_id: int
    score: float
    title: str | None
    kind: str
    hits: list[tuple[int, int]]
    snippet: str


class IngestOutcomePublic(_Out):
    filename: str
    status: str
    source_id: int | None
    kind: str | None
    reason: str | None


class SuggestionPublic(_Out):
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


class SuggestionEditIn(BaseModel):
    """Corrections made while accepting; every field optional."""

    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    label: str | None = Field(default=None, max_length=60)
    name: str | None = Field(default=None, max_length=300)
    role: str | None = Field(default=None, max_length=20)
    place_id: str | None = Field(default=None, max_length=40)
    time_text: str | None = Field(default=None, max_length=200)
    victims: list[int] = Field(default_factory=list, max_length=100)
    perpetrators: list[int] = Field(default_factory=list, max_length=100)


class RejectIn(BaseModel):
    reason: str | None = Field(default=None, max_length=1000)


class PersonReportPublic(_Out):
    id: int
    pseudonym: str
    role: str
    sex: str | None
    birth_year: str | None
    facility_id: str | None
    when: str | None
    source_id: int | None
    identity: str | None


class EvidencePublic(_Out):
    link_id: int
    stance: str
    first_hand: bool
    reliability: str | None
    credibility: int | None
    source_ids: list[int]
    quote: str
    note: str | None
    place: str | None
    time: str | None
    cluster: int | None
    counts: bool | None
    why: list[str]


class ClusterPublic(_Out):
    cluster: int
    source_ids: list[int]
    sources: list[str]
    reasons: list[str]


class FindingPublic(_Out):
    id: int
    summary: str
    act_codes: list[str]
    place: str | None
    facility_id: str | None
    time: str | None
    status: str
    recorded_status: str
    standard: str
    standard_rule: str
    independent_sources: int
    reasons: list[str]
    met_standards: list[str]


class FindingDetailPublic(FindingPublic):
    supporting: list[EvidencePublic]
    contradicting: list[EvidencePublic]
    clusters: list[ClusterPublic]


class PopulationEstimatePublic(_Out):
    population: str
    year: str


class FacilityPublic(_Out):
    id: str
    type: str
    name: str
    hangul: str
    province: str
    county: str
    lat: float | None
    lon: float | None
    status: str
    status_year: str
    estimates: list[PopulationEstimatePublic]
    source: str


class AuditPublic(_Out):
    seq: int
    at: str
    actor: str
    action: str
    target: str | None


class AwaitingPublic(_Out):
    source_id: int
    title: str | None
    pending: int


class OverviewPublic(_Out):
    case_name: str
    sources: int
    sources_by_kind: dict[str, int]
    persons: int
    allegations_by_status: dict[str, int]
    pending_suggestions: int
    awaiting_review: list[AwaitingPublic]
    recent: list[AuditPublic]


class ErrorPublic(BaseModel):
    detail: str | list[Any]


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorPublic, "description": description}


# Every API route may answer with these; documented so clients (and schemathesis) know them.
ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("Bad input: the message names the field and what was expected"),
    401: _error("No credentials, or a wrong, revoked or expired token"),
    403: _error("The role may not do this (the message names the permission), or bad CSRF"),
    404: _error("No such record, or one this reader may not see"),
    409: _error("Conflicts with the record's state (e.g. a suggestion already decided)"),
}


class EstimateRowPublic(_Out):
    stratum: str
    observed: int
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    ok: bool


class EstimatePublic(_Out):
    run_id: int | None
    at: str | None
    actor: str | None
    method: str | None
    lists: list[str]
    strata: list[str]
    spec: dict[str, Any]
    rows: list[EstimateRowPublic]
    warnings: list[str]
    summary: str | None
    ci_level: float | None


class EstimateRunIn(BaseModel):
    method: str = Field(default="auto", pattern="^(auto|loglinear|lcmcr|dga|stepwise)$")
    strata: list[str] = Field(default_factory=list, max_length=3)


class PairSidePublic(_Out):
    """One person report of a pair: by pseudonym, never by name."""

    id: int
    sex: str | None
    birth_year: str | None
    list: str | None
    identity: int | None


class ReasonPublic(_Out):
    comparison: str
    level: Any
    weight: float | None


class PairPublic(_Out):
    report_a: int
    report_b: int
    match_probability: float
    match_weight: float
    reasons: list[ReasonPublic]
    a: PairSidePublic
    b: PairSidePublic


class LinkDecisionIn(BaseModel):
    report_a: int = Field(ge=1, le=2**31 - 1)
    report_b: int = Field(ge=1, le=2**31 - 1)
    is_match: bool
    note: str | None = Field(default=None, max_length=1000)


class LinkRunPublic(_Out):
    run_id: int
    reports: int
    identities: int
    multi_report_identities: int
    uncertain: int
    decisions_respected: int
