"""Web-side service functions: each checks the role (directly or through the stage function it
calls), composes stage functions into what one page or endpoint shows, and redacts for the
reader's view. Route handlers call exactly one of these (or one stage function)."""

from __future__ import annotations

import functools
import io
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePath
from typing import Any

from matplotlib.backends.backend_svg import FigureCanvasSVG

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.estimate import EstimateResult, chart_figure, plain_language_summary
from docket.estimate.case import estimate_case, latest_estimate
from docket.evidence import Finding, get_allegation, list_allegations
from docket.ingest import ingest_paths, readers
from docket.link.case import link_case, uncertain_pairs
from docket.readcache import cached
from docket.review import SuggestionView, list_suggestions
from docket.security.policy import allowed, require, view_of
from docket.security.redact import Redactor, person_pseudonym
from docket.sources import SourceDetail, SourceSummary, get_source, list_sources, search_sources
from docket.store.search import parse_query
from docket.vocab import facilities
from docket.web.geo import HEIGHT, WIDTH, project

MAX_UPLOAD_FILES = 50


# ---- upload ---------------------------------------------------------------------------------


@dataclass
class Upload:
    filename: str
    data: bytes


def ingest_uploads(
    case: Case,
    uploads: list[Upload],
    *,
    actor: Actor,
    kind: str | None = None,
    lang: str | None = None,
) -> list[dict[str, Any]]:
    """Uploaded files are written to a private temporary folder under their own (base) names and
    ingested like files given to `docket ingest`; the folder is removed afterwards."""
    require(actor, "sources:write")
    if not uploads:
        raise BadInput("choose at least one file to upload", where="files")
    if len(uploads) > MAX_UPLOAD_FILES:
        raise BadInput(f"at most {MAX_UPLOAD_FILES} files at once", where="files")
    with tempfile.TemporaryDirectory(prefix="docket-upload-") as folder:
        paths = []
        for number, upload in enumerate(uploads):
            name = PurePath(upload.filename.replace("\\", "/")).name.lstrip(".") or "upload"
            sub = Path(folder) / f"{number:03d}"
            sub.mkdir()
            path = sub / name
            path.write_bytes(upload.data)
            paths.append(path)
        report = ingest_paths(case, paths, kind=kind or None, lang=lang or None, actor=actor)
    return [
        {"filename": PurePath(o.path).name, "status": o.status, "source_id": o.source_id,
         "kind": o.kind, "reason": (o.reason or "").replace(folder, "upload") or None}
        for o in report.outcomes
    ]  # fmt: skip


# ---- source page ----------------------------------------------------------------------------


@dataclass
class Segment:
    """A run of the source text; `suggestion` set where a suggestion covers it."""

    text: str
    suggestion: int | None = None
    status: str | None = None
    kind: str | None = None


@dataclass
class SourcePage:
    source: SourceDetail
    suggestions: list[SuggestionView]
    segments: list[Segment]
    can_review: bool
    spans_shown: bool


def segments(text: str, suggestions: list[SuggestionView]) -> list[Segment]:
    """Split the text at suggestion boundaries; overlapping suggestions: the first one wins."""
    out: list[Segment] = []
    at = 0
    for s in sorted(suggestions, key=lambda v: (v.start, -v.end, v.id)):
        if s.start < at or s.end > len(text) or s.end <= s.start:
            continue
        if s.start > at:
            out.append(Segment(text[at : s.start]))
        out.append(Segment(text[s.start : s.end], s.id, s.status, s.kind))
        at = s.end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out


def source_page(case: Case, source_id: int, *, actor: Actor) -> SourcePage:
    """The text with its suggestions. Spans are drawn on the text only where the reader sees it
    unchanged (full view); masked text shifts offsets, so other views get the list alone."""
    detail = get_source(case, source_id, actor=actor)
    views = list_suggestions(case, source_id, actor=actor)
    full = view_of(actor) == "full"
    return SourcePage(
        source=detail,
        suggestions=views,
        segments=segments(detail.text, views) if full else [Segment(detail.text)],
        can_review=allowed(actor, "records:write"),
        spans_shown=full,
    )


# ---- allegations ----------------------------------------------------------------------------


def _redact_finding(data: dict[str, Any], red: Redactor) -> dict[str, Any]:
    if red.full:
        return data
    for key in ("summary", "victims", "perpetrator", "details"):
        if data.get(key):
            data[key] = red.text(data[key])
    for key in ("supporting", "contradicting"):
        for item in data.get(key, []):
            item["quote"] = red.text(item["quote"])
            item["note"] = red.text(item["note"]) if item.get("note") else item.get("note")
    for cluster in data.get("clusters", []):
        cluster["sources"] = [red.text(label) for label in cluster["sources"]]
        cluster["reasons"] = [red.text(reason) for reason in cluster["reasons"]]
    return data


def _reader(case: Case, actor: Actor) -> Redactor:
    with case.session() as session:
        return Redactor.for_actor(session, actor)


def allegation_list(case: Case, *, actor: Actor) -> list[dict[str, Any]]:
    """Every finding as the reader's role sees it; evaluating them all (independence clustering,
    loading the evidence) is the slowest read, so it is computed once per change version."""
    require(actor, "records:read")

    def compute() -> list[dict[str, Any]]:
        rows: list[Finding] = list_allegations(case, actor=actor)
        red = _reader(case, actor)
        return [_redact_finding(f.to_dict(), red) for f in rows]

    return cached(case, ("allegations", actor.role), compute)


def allegation_detail(case: Case, allegation_id: int, *, actor: Actor) -> dict[str, Any]:
    require(actor, "records:read")
    finding = get_allegation(case, allegation_id, actor=actor)
    return _redact_finding(finding.to_dict(), _reader(case, actor))


# ---- facilities -----------------------------------------------------------------------------


@dataclass
class FacilityView:
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
    estimates: list[dict[str, str]]
    source: str
    x: float | None = None
    y: float | None = None


@dataclass
class FacilitiesPage:
    facilities: list[FacilityView]
    width: int = WIDTH
    height: int = HEIGHT
    statuses: list[str] = field(default_factory=list)


def facilities_page(*, actor: Actor, status: str | None = None) -> FacilitiesPage:
    """The gazetteer (public reference data with its sources) placed on the offline outline;
    shipped data, the same for every reader: made once per status filter (do not change it)."""
    require(actor, "records:read")
    return _facilities_page(status)


@functools.lru_cache(maxsize=64)
def _facilities_page(status: str | None) -> FacilitiesPage:
    rows = []
    every = facilities()
    for f in every:
        if status and f.status != status:
            continue
        xy = project(lat=f.lat, lon=f.lon) if f.lat is not None and f.lon is not None else None
        rows.append(FacilityView(
            id=f.id, type=f.type, name=f.name, hangul=f.hangul, province=f.province,
            county=f.county, lat=f.lat, lon=f.lon, status=f.status, status_year=f.status_year,
            estimates=[{"population": p, "year": y} for p, y in
                       zip(f.est_population, f.est_year, strict=False)],
            source=f.source, x=round(xy[0], 1) if xy else None, y=round(xy[1], 1) if xy else None,
        ))  # fmt: skip
    return FacilitiesPage(rows, statuses=sorted({f.status for f in every}))


# ---- search page ----------------------------------------------------------------------------

_MARK = re.compile(r"\[([^\[\]]+)\]")


@dataclass
class HitView:
    source_id: int
    title: str | None
    kind: str
    score: float
    snippet: list[tuple[str, bool]]  # (text, is a hit)


@dataclass
class SourcesPage:
    sources: list[SourceSummary]
    kinds: list[str]
    kind: str | None
    q: str
    hits: list[HitView] | None  # None when no search was asked for
    can_upload: bool


def _snippet_parts(snippet: str, words: set[str]) -> list[tuple[str, bool]]:
    """Search marks hits with [ ]; pseudonyms like [W-0042] also use brackets, so only bracketed
    words that match a query word are highlighted."""
    parts: list[tuple[str, bool]] = []
    at = 0
    for match in _MARK.finditer(snippet):
        inner = match.group(1)
        folded = inner.casefold()
        if not any(w in folded for w in words):
            continue
        parts += [(snippet[at : match.start()], False), (inner, True)]
        at = match.end()
    parts.append((snippet[at:], False))
    return [p for p in parts if p[0]]


def sources_page(case: Case, *, actor: Actor, kind: str | None = None, q: str = "") -> SourcesPage:
    listed = list_sources(case, actor=actor, kind=kind or None)
    hits = None
    if q.strip():
        words = {t.word.casefold() for t in parse_query(q)}
        hits = [
            HitView(h.source_id, h.title, h.kind, round(h.score, 3),
                    _snippet_parts(h.snippet, words))
            for h in search_sources(case, q, actor=actor, kind=kind or None, limit=50)
        ]  # fmt: skip
    return SourcesPage(
        sources=listed,
        kinds=sorted(readers()),
        kind=kind or None,
        q=q,
        hits=hits,
        can_upload=allowed(actor, "sources:write"),
    )


# ---- estimates ------------------------------------------------------------------------------


@dataclass
class EstimateRow:
    stratum: str
    observed: int
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    ok: bool


@dataclass
class EstimatePage:
    run_id: int | None
    at: str | None
    actor: str | None
    method: str | None
    lists: list[str]
    strata: list[str]
    spec: dict[str, Any]
    rows: list[EstimateRow]
    warnings: list[str]
    summary: str | None
    ci_level: float | None
    can_run: bool


def _rows(result: EstimateResult) -> list[EstimateRow]:
    parts = [*result.strata, result] if result.strata else [result]
    return [
        EstimateRow(
            stratum=("total" if (r is result and result.strata) else (r.stratum or "all")),
            observed=r.observed, estimate=r.estimate, ci_low=r.ci_low, ci_high=r.ci_high,
            ok=r.ok,
        )
        for r in parts
    ]  # fmt: skip


def estimate_page(case: Case, *, actor: Actor) -> EstimatePage:
    """The latest stored estimate of the case, with its plain-language paragraph."""
    latest = latest_estimate(case, actor=actor)
    can_run = allowed(actor, "estimate:run")
    if latest is None:
        return EstimatePage(None, None, None, None, [], [], {}, [], [], None, None, can_run)
    run, result = latest
    return EstimatePage(
        run_id=run.id, at=run.at.isoformat(timespec="seconds"), actor=run.actor,
        method=result.method, lists=list(result.lists), strata=list(run.strata or []),
        spec=dict(run.spec or {}), rows=_rows(result), warnings=list(result.warnings),
        summary=plain_language_summary(result), ci_level=result.ci_level, can_run=can_run,
    )  # fmt: skip


def estimate_chart_svg(case: Case, *, actor: Actor) -> str:
    """The latest estimate's chart (dot = estimate, bar = interval) as SVG text."""
    latest = latest_estimate(case, actor=actor)
    if latest is None:
        raise BadInput("no estimate has been run on this case yet", where="ESTIMATE_ID")
    figure = chart_figure(latest[1], title=f"estimate run {latest[0].id}")
    out = io.StringIO()
    FigureCanvasSVG(figure).print_svg(out)
    return out.getvalue()


def run_estimate(
    case: Case, *, actor: Actor, strata: list[str] | None = None, method: str = "auto"
) -> EstimatePage:
    estimate_case(case, actor=actor, strata=strata or None, method=method)
    return estimate_page(case, actor=actor)


# ---- link review ----------------------------------------------------------------------------

_NAME_FIELDS = ("name", "name_hangul")


def _side(fields: dict[str, Any], red: Redactor) -> dict[str, Any]:
    """One report of a pair as this reader may see it: names as pseudonyms outside the full
    view, free text masked."""
    if red.full:
        return dict(fields)
    out = dict(fields)
    out["name"] = person_pseudonym(int(fields["id"])) if red.view == "pseudonymous" else None
    out["name_hangul"] = None
    for key in ("birth_place", "facility", "source"):
        if out.get(key):
            out[key] = red.text(str(out[key]))
    return out


@dataclass
class LinkReviewPage:
    pairs: list[dict[str, Any]]
    fields: list[str]
    can_review: bool


PAIR_FIELDS = ["name", "name_hangul", "sex", "birth_year", "birth_place", "facility",
               "event_date", "list", "source", "identity"]  # fmt: skip


def link_review_page(case: Case, *, actor: Actor, limit: int = 30) -> LinkReviewPage:
    """Uncertain pairs of the latest linkage run, side by side with the match-weight breakdown."""
    pairs = uncertain_pairs(case, actor=actor, limit=limit)
    red = _reader(case, actor)
    shown = [
        {"report_a": p.report_a, "report_b": p.report_b,
         "match_probability": p.match_probability, "match_weight": p.match_weight,
         "reasons": p.reasons, "a": _side(p.a, red), "b": _side(p.b, red)}
        for p in pairs
    ]  # fmt: skip
    return LinkReviewPage(shown, PAIR_FIELDS, allowed(actor, "link:run"))


def run_linkage(case: Case, *, actor: Actor) -> dict[str, Any]:
    return asdict(link_case(case, actor=actor))
