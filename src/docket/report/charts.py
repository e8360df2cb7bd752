"""Charts as inline SVG strings: no scripts, no external files, the same in a browser and a PDF.

Every function returns a complete <svg> element with a <title> (read by screen readers) and
escapes every label it prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# Bounding box of the Korean peninsula (lon 124–131 E, lat 33–43.2 N): the map's frame.
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 124.0, 131.0, 33.0, 43.2
INK, MUTED, ACCENT, FAINT = "#1a1a1a", "#777777", "#b3261e", "#dddddd"


def _svg(width: int, height: int, title: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="sans-serif" font-size="11">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def facility_map(
    points: Sequence[dict], highlight: set[str] | None = None, *, width: int = 320,
    outline: str | None = None,
) -> str:  # fmt: skip
    """Facilities as dots on the peninsula's bounding box (equirectangular, graticule every
    degree). `points`: dicts with id, name, lat, lon; those in `highlight` are drawn larger,
    labelled and in the accent colour. `outline`: an optional SVG path (same projection)."""
    height = round(width * (LAT_MAX - LAT_MIN) / (LON_MAX - LON_MIN) * 0.82)
    pad = 24

    def xy(lat: float, lon: float) -> tuple[float, float]:
        x = pad + (lon - LON_MIN) / (LON_MAX - LON_MIN) * (width - 2 * pad)
        y = pad + (LAT_MAX - lat) / (LAT_MAX - LAT_MIN) * (height - 2 * pad)
        return round(x, 1), round(y, 1)

    parts = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f7f7f4"/>']
    for lon in range(int(LON_MIN), int(LON_MAX) + 1):
        x, _ = xy(LAT_MIN, lon)
        parts.append(f'<line x1="{x}" y1="{pad}" x2="{x}" y2="{height - pad}" stroke="{FAINT}"/>')
        parts.append(f'<text x="{x}" y="{height - 8}" fill="{MUTED}" text-anchor="middle" '
                     f'font-size="8">{lon}°E</text>')  # fmt: skip
    for lat in range(int(LAT_MIN) + 1, int(LAT_MAX) + 1):
        _, y = xy(lat, LON_MIN)
        parts.append(f'<line x1="{pad}" y1="{y}" x2="{width - pad}" y2="{y}" stroke="{FAINT}"/>')
        parts.append(f'<text x="4" y="{y + 3}" fill="{MUTED}" font-size="8">{lat}°N</text>')
    if outline:
        parts.append(outline)
    highlight = highlight or set()
    placed: list[tuple[float, float]] = []
    shown = 0
    for p in sorted(points, key=lambda p: p["id"] in highlight):
        if p.get("lat") is None or p.get("lon") is None:
            continue
        x, y = xy(p["lat"], p["lon"])
        hot = p["id"] in highlight
        colour, radius = (ACCENT, 5) if hot else (MUTED, 3)
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="{radius}" fill="{colour}" fill-opacity="0.85">'
            f"<title>{escape(p['name'])} ({p['lat']:.3f}, {p['lon']:.3f})</title></circle>"
        )
        if hot:
            ly = y + 4
            while any(abs(ly - py) < 11 and abs(x - px) < 60 for px, py in placed):
                ly += 11  # keep labels of nearby facilities apart
            placed.append((x, ly))
            parts.append(f'<text x="{x + 7}" y="{ly}" fill="{INK}">{escape(p["id"])}</text>')
        shown += 1
    if not shown:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" '
                     f'fill="{MUTED}">no coordinates</text>')  # fmt: skip
    return _svg(width, height, "Map of facilities by latitude and longitude", "".join(parts))


def timeline(entries: Sequence[dict], *, width: int = 560) -> str:
    """One row per label (e.g. act type), a bar per period on a year axis, darker for more
    events; the row's total at the right. Entries: label, start, end (years), count. Unknown
    periods (start None) only add to the total, never to the axis."""
    rows: dict[str, list[dict]] = {}
    for e in entries:
        rows.setdefault(str(e.get("label", "")), []).append(e)
    dated = [e for e in entries if e.get("start") is not None]
    height = 34 + max(len(rows), 1) * 18 + 8
    if not dated:
        body = (f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" fill="{MUTED}">'
                "no dated events</text>")  # fmt: skip
        return _svg(width, height, "Timeline: no dated events", body)
    first = min(e["start"] for e in dated)
    last = max(e["end"] for e in dated)
    span = max(last - first + 1, 1)
    left, right = 130, 44
    scale = (width - left - right) / span
    most = max(e.get("count", 1) for e in dated) or 1
    parts = []
    step = max(1, round(span / 8))
    for year in range(first, last + 2, step):
        x = round(left + (year - first) * scale, 1)
        parts.append(f'<line x1="{x}" y1="22" x2="{x}" y2="{height - 6}" stroke="{FAINT}"/>')
        parts.append(f'<text x="{x}" y="14" fill="{MUTED}" text-anchor="middle">{year}</text>')
    for i, (label, items) in enumerate(sorted(rows.items())):
        y = 28 + i * 18
        parts.append(f'<text x="{left - 6}" y="{y + 11}" text-anchor="end">{escape(label)}</text>')
        for e in items:
            if e.get("start") is None:
                continue
            x = round(left + (e["start"] - first) * scale, 1)
            w = max(round((e["end"] - e["start"] + 1) * scale, 1), 2)
            shade = round(0.25 + 0.75 * e.get("count", 1) / most, 2)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{w}" height="13" fill="{ACCENT}" '
                f'fill-opacity="{shade}"><title>{escape(label)} {e["start"]}–{e["end"]}: '
                f"{e.get('count', '')} event(s)</title></rect>"
            )
        total = sum(e.get("count", 0) for e in items)
        parts.append(f'<text x="{width - right + 6}" y="{y + 11}" fill="{INK}">{total}</text>')
    return _svg(width, height, "Timeline of events by act type and period", "".join(parts))


def bar_chart(
    bars: Sequence[tuple[str, float, float | None, float | None]], *, width: int = 560,
    title: str = "Estimates with intervals", unit: str = "",
) -> str:  # fmt: skip
    """Horizontal bars (label, value, low, high) with interval whiskers where given."""
    height = 30 + max(len(bars), 1) * 24 + 10
    if not bars:
        return _svg(width, height, title, f'<text x="10" y="30" fill="{MUTED}">no values</text>')
    top = max(max(v, hi or v) for _, v, _, hi in bars) or 1.0
    left, right = 170, 70
    scale = (width - left - right) / top
    parts = []
    for i, (label, value, low, high) in enumerate(bars):
        y = 20 + i * 24
        w = round(value * scale, 1)
        parts.append(f'<text x="{left - 6}" y="{y + 12}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{w}" height="16" fill="#4a6fa5"/>')
        if low is not None and high is not None:
            x1, x2 = round(left + low * scale, 1), round(left + high * scale, 1)
            parts.append(f'<line x1="{x1}" y1="{y + 8}" x2="{x2}" y2="{y + 8}" stroke="{INK}" '
                         'stroke-width="1.5"/>')  # fmt: skip
            for xe in (x1, x2):
                parts.append(f'<line x1="{xe}" y1="{y + 3}" x2="{xe}" y2="{y + 13}" '
                             f'stroke="{INK}" stroke-width="1.5"/>')  # fmt: skip
        end = round(left + max(w, (high or 0) * scale), 1) + 4
        parts.append(f'<text x="{end}" y="{y + 12}" fill="{INK}">{value:,.0f}{unit}</text>')
    return _svg(width, height, title, "".join(parts))
