"""Render a case view as one self-contained HTML file (inline CSS and SVG) or a PDF.

The PDF is WeasyPrint's rendering of the same HTML, so the two never disagree. Korean text
needs a CJK font on the machine (Debian: fonts-noto-cjk); the stylesheet names Noto Sans CJK KR.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput, DocketError
from docket.report.charts import facility_map, timeline
from docket.report.view import CaseView, case_view
from docket.vocab import facilities

FORMATS = ("html", "pdf")
VIEW_NOTES = {
    "full": "It shows names and sensitive text: keep it within the investigation team.",
    "pseudonymous": "Witnesses and listed persons appear under pseudonyms; sensitive text and "
    "sources without consent are left out.",
    "public": "Only sources whose witnesses consented to publication are shown; every name of a "
    "protected person is withheld.",
}


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("docket.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _summary_text(v: CaseView) -> str:
    kinds = Counter(s["kind"] for s in v.sources)
    parts = ", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k, n in sorted(kinds.items()))
    held = f" ({v.hidden_sources} more are not shown to this reader)" if v.hidden_sources else ""
    established = sum(1 for f in v.findings if f["status"] == "established")
    return (
        f"This case holds {len(v.sources)} sources shown here{held}: {parts or 'none'}. "
        f"{len(v.findings)} allegations were weighed against the case's standards of proof; "
        f"{established} met the standard that applies to them. {len(v.events)} coded events "
        f"and {len(v.facilities)} facilities are described below."
    )


def _facility_rows(v: CaseView) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {f["id"]: [] for f in v.facilities}
    for f in v.findings:
        if f.get("facility_id") in rows:
            rows[f["facility_id"]].append(f"allegation {f['id']} ({f['status']})")
    events = Counter(e["facility_id"] for e in v.events if e.get("facility_id") in rows)
    for fid, n in events.items():
        rows[fid].append(f"{n} coded event{'' if n == 1 else 's'}")
    persons = Counter(p["facility_id"] for p in v.persons if p.get("facility_id") in rows)
    for fid, n in persons.items():
        rows[fid].append(f"{n} person report{'' if n == 1 else 's'}")
    return rows


def _timeline_entries(v: CaseView) -> list[dict[str, Any]]:
    return [
        {
            "start": e["start"],
            "end": e["end"],
            "label": e["act_code"],
            "count": e["events"],
        }  # fmt: skip
        for e in v.patterns.get("timeline", [])
    ]


def _linkage_text(v: CaseView) -> str:
    runs = v.linkage["runs"]
    if not runs and not v.linkage["person_reports"]:
        return "No linkage has been run; this view holds no person reports."
    if not runs:
        return (
            f"No linkage has been run: each of the {v.linkage['person_reports']} person reports "
            "is counted as a separate person."
        )
    last = runs[-1]
    return (
        f"{len(runs)} linkage run(s); the last ({last['at']}, {last['backend']}, match threshold "
        f"{last['threshold']}) grouped {v.linkage['person_reports']} person reports into "
        f"{v.linkage['identities']} identities."
    )


def _svg_inline(svg: str) -> str:
    """An SVG file's text as an element to inline: prolog and doctype dropped."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else ""


def estimate_blocks(v: CaseView) -> list[dict[str, str]]:
    """Title, plain-language text and inline SVG chart of each stored estimate run."""
    if not v.estimates:
        return []
    import io

    from matplotlib.backends.backend_svg import FigureCanvasSVG

    from docket.estimate import EstimateResult, chart_figure, plain_language_summary

    blocks = []
    for run in v.estimates:
        result = EstimateResult.from_dict(run["result"])
        buffer = io.StringIO()
        FigureCanvasSVG(chart_figure(result)).print_svg(buffer)
        strata = ", ".join(run["strata"]) or "none"
        blocks.append({
            "title": f"Estimate run {run['run_id']} ({run['at']}): {result.method}, "
                     f"lists {', '.join(run['lists'])}; strata: {strata}",
            "text": plain_language_summary(result),
            "chart": _svg_inline(buffer.getvalue()),
        })  # fmt: skip
    return blocks


def render_html(v: CaseView) -> str:
    """The report as one HTML document with no external references."""
    p = v.provenance
    blocks = estimate_blocks(v)
    banner = "SYNTHETIC DATA — NOT REAL" if p.synthetic else f"{p.case_name} — {p.view} view"
    hot = {f["id"] for f in v.facilities}
    points = [{"id": f.id, "name": f.name, "lat": f.lat, "lon": f.lon} for f in facilities()]
    entries = _timeline_entries(v)
    statuses = Counter(f["status"] for f in v.findings)
    hidden = (
        f" {v.hidden_sources} source(s) of this case are not listed: this reader's view does not "
        "include them."
        if v.hidden_sources
        else ""
    )
    return (
        _env()
        .get_template("report.html.j2")
        .render(
            p=p,
            v=v,
            page_banner=banner.replace('"', "'"),
            view_note=VIEW_NOTES[p.view],
            summary_text=_summary_text(v),
            status_counts=sorted(statuses.items()),
            sources_text=f"This report rests on the {len(v.sources)} sources in the annex.{hidden}",
            linkage_text=_linkage_text(v),
            estimation_text=(
                "Multiple systems estimation (capture–recapture across lists) estimates how many "
                "victims no list recorded; its assumptions are stated with each estimate below."
                if blocks
                else "No estimate has been run on this case."
            ),
            map_svg=facility_map(points, hot, width=340),
            timeline_svg=timeline(entries) if entries else "",
            facility_rows=_facility_rows(v),
            estimate_blocks=blocks,
            annex_note=(
                "Every source this reader may see, with the SHA-256 of its original as preserved."
                + hidden
            ),
        )
    )


def render_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML  # heavy import: only when a PDF is asked for
    except ImportError as exc:
        raise DocketError(
            "PDF reports need WeasyPrint: pip install 'docket[pdf]' (HTML needs nothing)"
        ) from exc

    return HTML(string=html).write_pdf()


def build_report(case: Case, *, actor: Actor, fmt: str = "html") -> bytes:
    """The report for `actor`'s view, as HTML (UTF-8) or PDF bytes."""
    if fmt not in FORMATS:
        raise BadInput(f"unknown report format {fmt!r}; use html or pdf", where="--format")
    view = case_view(case, actor=actor, purpose=f"report {fmt}")
    html = render_html(view)
    return html.encode("utf-8") if fmt == "html" else render_pdf(html)


def write_report(case: Case, out: Path, *, actor: Actor, fmt: str | None = None) -> Path:
    """Write the report; the format follows `fmt`, else the file's suffix (.pdf or .html)."""
    fmt = fmt or ("pdf" if out.suffix.lower() == ".pdf" else "html")
    data = build_report(case, actor=actor, fmt=fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out
