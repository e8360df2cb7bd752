"""One entry point for `docket export KIND --out PATH`: every kind made from one redacted view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.export.bag import write_bag
from docket.export.geojson import geojson
from docket.export.json_export import allegations_json, events_json, popolo, sources_json
from docket.export.uwazi import write_uwazi_csv
from docket.report.view import case_view

KINDS = ("bag", "csv", "json", "geojson")


def _write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n",
                    encoding="utf-8")  # fmt: skip
    return path


def export_case(case: Case, kind: str, out: Path, *, actor: Actor) -> list[Path]:
    """Write one export for `actor`'s view; returns the files (or bag folder) written."""
    out = Path(out)
    if kind not in KINDS:
        raise BadInput(f"unknown export {kind!r}; use one of {', '.join(KINDS)}", where="KIND")
    if kind == "bag":
        return [write_bag(case, out, actor=actor)]
    view = case_view(case, actor=actor, purpose=f"export {kind}")
    if kind == "geojson":
        return [_write_json(out, geojson(view))]
    if kind == "csv":
        return write_uwazi_csv(view, out)
    return [
        _write_json(out / "popolo.json", popolo(view)),
        _write_json(out / "events.json", events_json(view)),
        _write_json(out / "allegations.json", allegations_json(view)),
        _write_json(out / "sources.json", sources_json(view)),
    ]
