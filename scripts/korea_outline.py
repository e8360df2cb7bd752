"""Derive the offline map outline of the Korean peninsula from Natural Earth (public domain).

Run once; the output is committed as src/docket/web/static/korea.svg and korea.geojson.

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/korea_outline.py /tmp/package/countries-50m.json

Source: Natural Earth 1:50m admin-0 countries (public domain, naturalearthdata.com) as TopoJSON
in the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock). The projection is plain
equirectangular with longitude scaled by cos(38°), enough for a gazetteer overview; the web
page uses the same numbers (docket.web.geo) to place facilities on it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from docket.web.geo import BOUNDS, HEIGHT, WIDTH, project  # noqa: E402

NAMES = ("North Korea", "South Korea")
OUT = Path(__file__).resolve().parents[1] / "src" / "docket" / "web" / "static"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers under a scale/translate transform."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(topo: dict, name: str) -> list[list[list[tuple[float, float]]]]:
    arcs = decode_arcs(topo)
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry["properties"].get("name") != name:
            continue
        shapes = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        return [[ring(arcs, r) for r in shape] for shape in shapes]
    raise SystemExit(f"{name} not found")


def inside(points: list[tuple[float, float]]) -> bool:
    (west, south), (east, north) = BOUNDS
    return any(west <= x <= east and south <= y <= north for x, y in points)


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text())
    features, paths = [], []
    for name in NAMES:
        shapes = [s for s in polygons(topo, name) if inside(s[0])]
        features.append({
            "type": "Feature",
            "properties": {"name": name, "source": "Natural Earth 1:50m via world-atlas 2.0.2"},
            "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[round(x, 4), round(y, 4)] for x, y in r] for r in s] for s in shapes]},
        })  # fmt: skip
        d = []
        for shape in shapes:
            for r in shape:
                xy = [project(lat=y, lon=x) for x, y in r]
                d.append("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in xy) + "Z")
        paths.append(
            f'<path class="country" data-name="{name}" fill="#f4f1e8" stroke="#7d7a70" '
            f'stroke-width="0.8" d="{"".join(d)}"/>'
        )
    (OUT / "korea.geojson").write_text(json.dumps({"type": "FeatureCollection",
                                                   "features": features}) + "\n")  # fmt: skip
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}">\n'
        "<!-- Korean peninsula outline. Source: Natural Earth 1:50m admin-0 countries (public "
        "domain), via the npm package world-atlas 2.0.2; made by scripts/korea_outline.py -->\n"
        + "\n".join(paths)
        + "\n</svg>\n"
    )
    (OUT / "korea.svg").write_text(svg)


if __name__ == "__main__":
    main(sys.argv[1])
