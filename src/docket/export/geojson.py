"""GeoJSON (RFC 7946) of facilities and of events that have coordinates.

Coordinates are [longitude, latitude] in WGS 84. Facilities without published coordinates and
events whose place has none are left out and counted in `docket.omitted`.
"""

from __future__ import annotations

from typing import Any

from docket.report.view import CaseView


def geojson(view: CaseView) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    omitted = {"facilities": 0, "events": 0}
    for f in view.facilities:
        if f["lat"] is None or f["lon"] is None:
            omitted["facilities"] += 1
            continue
        props = {k: v for k, v in f.items() if k not in ("lat", "lon")}
        features.append({
            "type": "Feature",
            "id": f"facility/{f['id']}",
            "geometry": {"type": "Point", "coordinates": [f["lon"], f["lat"]]},
            "properties": {"feature": "facility", **props},
        })  # fmt: skip
    for e in view.events:
        if e["lat"] is None or e["lon"] is None:
            omitted["events"] += 1
            continue
        props = {k: v for k, v in e.items() if k not in ("lat", "lon", "participants")}
        features.append({
            "type": "Feature",
            "id": f"event/{e['id']}",
            "geometry": {"type": "Point", "coordinates": [e["lon"], e["lat"]]},
            "properties": {"feature": "event", **props},
        })  # fmt: skip
    meta = view.provenance.to_dict()
    if view.provenance.synthetic:
        meta["notice"] = "SYNTHETIC DATA: generated for demonstration; no real person or event"
    return {
        "type": "FeatureCollection",
        "docket": {**meta, "omitted": omitted},
        "features": features,
    }
