"""CSV for Uwazi (HURIDOCS): one file per template-like entity type, and import of Uwazi CSV.

Uwazi's CSV import matches columns to template properties by name: `title` is required, other
columns are property names (lower case, no spaces), several values in one cell are separated by
`|`, a geolocation is one column `lat|lon`, a date range `from:to`. Dates are written
`YYYY/MM/DD`: set the collection's date format to that before importing. An Uwazi CSV *export*
names columns by their labels ("Title", "Date added", "Template", …); the importer accepts both,
comparing names in lower case with spaces and hyphens as underscores.

Files: facilities.csv, events.csv, allegations.csv, sources.csv, persons.csv. Acts carry both
docket's code (`act`) and the HURIDOCS Types of Acts codes (`huridocs_act`).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.fuzzytime import parse_fuzzy_date
from docket.report.view import CaseView, act_labels, huridocs_codes
from docket.security import record_audit, require
from docket.store.models import Event, Place
from docket.store.places import find_or_create_place
from docket.vocab import facility_by_id, facility_id_for

SEP = "|"
TEMPLATES = {
    "facility": "facilities.csv",
    "event": "events.csv",
    "allegation": "allegations.csv",
    "source": "sources.csv",
    "person": "persons.csv",
}
EVENT_COLUMNS = ["title", "template", "docket_id", "act", "act_label", "huridocs_act",
                 "huridocs_act_label", "date", "date_text", "facility", "place", "geolocation",
                 "description", "source"]  # fmt: skip
ALLEGATION_COLUMNS = ["title", "template", "docket_id", "act", "huridocs_act", "facility",
                      "place", "date", "date_text", "victims", "perpetrator", "details", "status",
                      "standard", "independent_sources", "first_hand_sources", "sources",
                      "reasoning"]  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return SEP.join(str(v).replace(SEP, "/") for v in value if v not in (None, ""))
    return str(value)


def uwazi_date(earliest: str | None, latest: str | None) -> str:
    """An ISO interval as Uwazi's date range `from:to` (open ends allowed)."""
    if not earliest and not latest:
        return ""
    fmt = lambda d: d.replace("-", "/") if d else ""  # noqa: E731
    return f"{fmt(earliest)}:{fmt(latest)}"


def _geo(lat: float | None, lon: float | None) -> str:
    return f"{lat}{SEP}{lon}" if lat is not None and lon is not None else ""


def _huridocs(codes: list[str]) -> tuple[list[str], list[str]]:
    pairs = [p for code in codes for p in huridocs_codes().get(code, ())]
    return [c for c, _ in pairs], [label for _, label in pairs]


def uwazi_tables(view: CaseView) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """template -> (columns, rows) for every entity type the view holds."""
    facilities = [
        {
            "title": f["name"], "template": "facility", "docket_id": f["id"],
            "hangul": f["hangul"], "alt_names": f["alt_names"], "type": f["type"],
            "province": f["province"], "county": f["county"],
            "geolocation": _geo(f["lat"], f["lon"]),
            "status": f["status"], "status_year": f["status_year"],
            "population_estimates": [f"{e['population']} ({e['year']})"
                                     for e in f["population_estimates"]],
            "population_source": f["source"],
        }
        for f in view.facilities
    ]  # fmt: skip
    events = []
    for e in view.events:
        codes, labels = _huridocs([e["act_code"]])
        events.append({
            "title": f"{e['act_label'] or e['act_code']}: {e['place'] or 'place unknown'}, "
                     f"{e['time'] or 'date unknown'}",
            "template": "event", "docket_id": e["id"], "act": e["act_code"],
            "act_label": e["act_label"], "huridocs_act": codes, "huridocs_act_label": labels,
            "date": uwazi_date(e["earliest"], e["latest"]), "date_text": e["time"],
            "facility": e["facility_id"], "place": e["place"],
            "geolocation": _geo(e["lat"], e["lon"]), "description": e["description"],
            "source": e["source_id"],
        })  # fmt: skip
    allegations = []
    for f in view.findings:
        codes, _ = _huridocs(f["act_codes"])
        sources = sorted({i for key in ("supporting", "contradicting") for item in f[key]
                          for i in item["source_ids"]})  # fmt: skip
        allegations.append({
            "title": f["summary"], "template": "allegation", "docket_id": f["id"],
            "act": f["act_codes"], "huridocs_act": codes, "facility": f["facility_id"],
            "place": f["place"], "date": uwazi_date(f["earliest"], f["latest"]),
            "date_text": f["time"], "victims": f["victims"], "perpetrator": f["perpetrator"],
            "details": f["details"], "status": f["status"], "standard": f["standard"],
            "independent_sources": f["independent_sources"],
            "first_hand_sources": f["first_hand_sources"], "sources": sources,
            "reasoning": "\n".join(f["reasons"]),
        })  # fmt: skip
    sources = [
        {
            "title": s["title"] or s["filename"], "template": "source", "docket_id": s["id"],
            "kind": s["kind"], "date": uwazi_date(s["published_earliest"], s["published_latest"]),
            "date_text": s["published"], "language": s["language"], "outlet": s["outlet"],
            "consent": s["consent"], "witness": s["witness"], "sha256": s["sha256"],
        }
        for s in view.sources
    ]  # fmt: skip
    persons = [
        {
            "title": p["name"], "template": "person", "docket_id": p["id"], "role": p["role"],
            "sex": p["sex"], "birth_year": p["birth_year"], "facility": p["facility_id"],
            "event_date": p["event_date"], "identity": p["identity"], "source": p["source_id"],
        }
        for p in view.persons
    ]  # fmt: skip
    return {
        "facility": (["title", "template", "docket_id", "hangul", "alt_names", "type", "province",
                      "county", "geolocation", "status", "status_year", "population_estimates",
                      "population_source"], facilities),
        "event": (EVENT_COLUMNS, events),
        "allegation": (ALLEGATION_COLUMNS, allegations),
        "source": (["title", "template", "docket_id", "kind", "date", "date_text", "language",
                    "outlet", "consent", "witness", "sha256"], sources),
        "person": (["title", "template", "docket_id", "role", "sex", "birth_year", "facility",
                    "event_date", "identity", "source"], persons),
    }  # fmt: skip


def write_uwazi_csv(view: CaseView, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    synthetic = view.provenance.synthetic
    for template, (columns, rows) in uwazi_tables(view).items():
        if synthetic:  # every file of a synthetic case says so; Uwazi ignores extra columns
            columns = [*columns, "synthetic"]
            rows = [{**row, "synthetic": "SYNTHETIC DATA"} for row in rows]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
        path = folder / TEMPLATES[template]
        path.write_text(buffer.getvalue(), encoding="utf-8")
        written.append(path)
    notice = folder / "README.txt"
    lines = [f"Uwazi CSV export of {view.provenance.case_name}, {view.provenance.view} view",
             f"case fingerprint {view.provenance.fingerprint.value}"]  # fmt: skip
    if view.provenance.synthetic:
        lines.insert(0, "SYNTHETIC DATA: generated for demonstration; no real person or event.")
    notice.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*written, notice]


# --- import ---------------------------------------------------------------------------------


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(SEP) if v.strip()]


def _parse_range(value: str, where: str) -> tuple[str | None, str | None]:
    """`from:to` (each YYYY/MM/DD, YYYY-MM-DD or YYYY; either may be empty) to ISO dates."""
    if not value.strip():
        return None, None
    first, colon, last = value.partition(":")
    out = []
    for part, end in ((first, False), (last if colon else first, True)):
        part = part.strip()
        if not part:
            out.append(None)
            continue
        m = re.fullmatch(r"(\d{4})(?:[/-](\d{1,2})[/-](\d{1,2}))?", part)
        if not m:
            raise BadInput(
                f"cannot read the date {part!r} (expected YYYY/MM/DD or YYYY)", where=where
            )
        if m.group(2):
            out.append(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
        else:
            out.append(f"{m.group(1)}-12-31" if end else f"{m.group(1)}-01-01")
    return out[0], out[1]


def _acts(row: dict[str, str], where: str) -> list[str]:
    known = act_labels()
    codes = [c for c in _split(row.get("act", "")) if c]
    if not codes:
        reverse: dict[str, set[str]] = {}
        for act, pairs in huridocs_codes().items():
            for code, _ in pairs:
                reverse.setdefault(code, set()).add(act)
        for code in _split(row.get("huridocs_act", "")):
            matches = reverse.get(code, set())
            if len(matches) == 1:
                codes.append(next(iter(matches)))
    unknown = [c for c in codes if c not in known]
    if unknown or not codes:
        raise BadInput(f"no act code docket knows ({', '.join(unknown) or 'none given'}); "
                       "give `act` (docket code) or `huridocs_act`", where=where)  # fmt: skip
    return list(dict.fromkeys(codes))


def _place(session: Any, row: dict[str, str]) -> Place | None:
    facility_id = row.get("facility", "").strip() or None
    if facility_id and facility_id not in facility_by_id():
        facility_id = facility_id_for(facility_id)
    if facility_id is None and row.get("place"):
        facility_id = facility_id_for(row["place"])
    if facility_id:
        return find_or_create_place(session, facility_id, row.get("place", ""))
    name = (row.get("place") or "").strip()
    if not name:
        return None
    lat = lon = None
    geo = _split(row.get("geolocation", ""))
    if len(geo) == 2:
        lat, lon = float(geo[0]), float(geo[1])
    return find_or_create_place(session, None, name, kind="area", lat=lat, lon=lon)


def _read(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"cannot read as UTF-8 CSV ({exc})", where=str(path)) from exc
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "title" not in {_key(f) for f in reader.fieldnames}:
        raise BadInput("no `title` column: not an Uwazi CSV", where=f"{path}:line 1")
    return [{_key(k): (v or "") for k, v in row.items() if k} for row in reader]


def _template_of(path: Path, rows: list[dict[str, str]], given: str | None) -> str:
    if given:
        wanted = _key(given)
    elif rows and rows[0].get("template"):
        wanted = _key(rows[0]["template"])
    else:
        wanted = path.stem.lower().rstrip("s").replace("allegation", "allegation")
    for name in ("event", "allegation"):
        if wanted.startswith(name):
            return name
    raise BadInput(f"cannot import template {wanted!r}: docket imports events and allegations",
                   where=str(path))  # fmt: skip


def import_uwazi_csv(
    case: Case, path: Path, *, actor: Actor, template: str | None = None
) -> dict[str, Any]:
    """Import one Uwazi CSV of events or allegations; returns what was created. The whole file
    is read and checked before anything is written (one transaction)."""
    require(actor, "records:write")
    path = Path(path)
    rows = _read(path)
    kind = _template_of(path, rows, template)
    created: list[int] = []
    if kind == "allegation":
        from docket.evidence import add_allegation

        checked = []
        for n, row in enumerate(rows, start=2):
            where = f"{path}:line {n}"
            if not row.get("title", "").strip():
                raise BadInput("empty title", where=where)
            checked.append((row, _acts(row, where), _time_words(row, where)))
        for row, acts, time in checked:
            created.append(add_allegation(
                case, actor=actor, summary=row["title"], act_codes=acts,
                place=row.get("facility") or row.get("place") or None, time=time,
                victims=row.get("victims") or None, perpetrator=row.get("perpetrator") or None,
                details=row.get("details") or None,
            ))  # fmt: skip
        with case.session() as session:
            record_audit(session, actor, "import.uwazi", str(path.name),
                         {"template": kind, "allegations": len(created)})  # fmt: skip
    else:
        with case.session() as session:
            for n, row in enumerate(rows, start=2):
                where = f"{path}:line {n}"
                (act,) = _acts(row, where)[:1]
                earliest, latest = _parse_range(row.get("date", ""), where)
                event = Event(
                    act_code=act, place=_place(session, row),
                    time_text=row.get("date_text") or None, earliest=earliest, latest=latest,
                    description=row.get("description") or row.get("title"),
                    created_by=actor.name,
                )  # fmt: skip
                session.add(event)
                session.flush()
                created.append(event.id)
            record_audit(session, actor, "import.uwazi", str(path.name),
                         {"template": kind, "events": len(created)})  # fmt: skip
    return {"file": str(path), "template": kind, "created": len(created), "ids": created}


def _time_words(row: dict[str, str], where: str) -> str | None:
    words = (row.get("date_text") or "").strip()
    if words and parse_fuzzy_date(words) is not None:
        return words
    earliest, latest = _parse_range(row.get("date", ""), where)
    if earliest is None and latest is None:
        return None
    if (
        earliest
        and latest
        and earliest[:4] != latest[:4]
        and earliest[5:] == "01-01"
        and latest[5:] == "12-31"
    ):
        return f"{earliest[:4]}-{latest[:4]}"
    return earliest[:4] if earliest and latest and earliest[:4] == latest[:4] else earliest
