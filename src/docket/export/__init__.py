"""Exports others can verify, each made for one reader's view through the one redaction step
(docket.report.view.case_view): BagIt packages, Uwazi-compatible CSV, Popolo-like JSON,
events and allegations JSON, GeoJSON; and import of Uwazi CSV.
"""

from docket.export.bag import BagReport, verify_bag, write_bag
from docket.export.geojson import geojson
from docket.export.json_export import allegations_json, events_json, popolo, sources_json
from docket.export.run import KINDS, export_case
from docket.export.uwazi import import_uwazi_csv, write_uwazi_csv

__all__ = [
    "KINDS", "BagReport", "allegations_json", "events_json", "export_case", "geojson",
    "import_uwazi_csv", "popolo", "sources_json", "verify_bag", "write_bag", "write_uwazi_csv",
]  # fmt: skip
