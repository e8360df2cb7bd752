"""Patterns across events: counts per facility, per year, per act type, as plain data for reports.

An event dated only to a span of years is not spread over them (that would invent precision):
it is counted once under its period ("1995–1999"), with `year` None, so a timeline can show it
as a bar rather than a point.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.security import require
from docket.store.models import Citation, Event, Excerpt


@dataclass
class PatternRow:
    facility_id: str | None
    place: str | None
    act_code: str
    year: int | None  # None: unknown, or a span of years (see period)
    period: str  # "1997", "1995–1999" or "unknown"
    events: int
    sources: int  # distinct sources behind those events


@dataclass
class Patterns:
    rows: list[PatternRow] = field(default_factory=list)

    def by_facility_year(self) -> dict[str, dict[str, int]]:
        """place -> period -> events: the table a report prints per facility."""
        table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in self.rows:
            table[r.place or "unknown place"][r.period] += r.events
        return {k: dict(sorted(v.items())) for k, v in sorted(table.items())}

    def by_act(self) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for r in self.rows:
            totals[r.act_code] += r.events
        return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))

    def timeline(self) -> list[dict[str, Any]]:
        """One entry per period and act: start/end years for a chart, unknown periods last."""
        merged: dict[tuple[str, str], int] = defaultdict(int)
        for r in self.rows:
            merged[(r.period, r.act_code)] += r.events
        out = []
        for (period, act), n in merged.items():
            years = [int(y) for y in period.split("–")] if period != "unknown" else []
            first, last = (years[0], years[-1]) if years else (None, None)
            out.append(
                {"period": period, "start": first, "end": last, "act_code": act, "events": n}
            )
        return sorted(out, key=lambda e: (e["start"] is None, e["start"] or 0, e["act_code"]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": [asdict(r) for r in self.rows],
            "by_facility_year": self.by_facility_year(),
            "by_act": self.by_act(),
            "timeline": self.timeline(),
        }


def _period(earliest: str | None, latest: str | None) -> tuple[int | None, str]:
    first = int(earliest[:4]) if earliest else None
    last = int(latest[:4]) if latest else None
    if first is None and last is None:
        return None, "unknown"
    if first is None or last is None or first == last:
        year = first if first is not None else last
        return year, str(year)
    return None, f"{first}–{last}"


def event_patterns(
    case: Case, *, actor: Actor, facility_id: str | None = None, act_code: str | None = None
) -> Patterns:
    """Events grouped by facility, period and act type, with the number of sources behind them."""
    require(actor, "records:read")
    groups: dict[tuple[str | None, str | None, str, int | None, str], list[set[int]]] = defaultdict(
        list
    )
    with case.session() as session:
        cited: dict[int, set[int]] = defaultdict(set)
        for event_id, source_id in session.execute(
            select(Citation.record_id, Excerpt.source_id)
            .join(Excerpt, Citation.excerpt_id == Excerpt.id)
            .where(Citation.record_type == "event")
        ):
            cited[event_id].add(source_id)
        for event in session.scalars(select(Event).order_by(Event.id)):
            gid = event.place.gazetteer_id if event.place else None
            if facility_id and gid != facility_id:
                continue
            if act_code and event.act_code != act_code:
                continue
            year, period = _period(event.earliest, event.latest)
            sources = cited[event.id] | ({event.source_id} if event.source_id else set())
            name = event.place.name if event.place else None
            groups[(gid, name, event.act_code, year, period)].append(sources)
    rows = [
        PatternRow(gid, name, act, year, period, len(found), len(set().union(*found)))
        for (gid, name, act, year, period), found in groups.items()
    ]
    rows.sort(key=lambda r: (r.place or "~", r.period, r.act_code))
    return Patterns(rows)
