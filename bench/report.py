"""Benchmark: report and exports on the SYNTHETIC demo case (66 sources, 5 allegations).

Builds the demo case in a temporary folder (or reuses --case), then times the redacted view,
the case fingerprint, HTML, PDF, a full-view bag and its verification, and the CSV export.

    PYTHONPATH=src python bench/report.py [--case DIR]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from docket.actor import Actor
from docket.case import open_case
from docket.demo import DEMO_KEY_FILE, run_demo
from docket.export import export_case, verify_bag, write_bag
from docket.report import case_fingerprint, case_view, render_html, render_pdf


def _time(label: str, fn, results: dict[str, float]):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    out = fn()
    results[label] = time.perf_counter() - start
    print(f"{label:<28} {results[label]:7.2f} s")  # noqa: T201
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", type=Path)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-report-"))
    if args.case:
        os.environ.setdefault("DOCKET_KEY_FILE", str(args.case / DEMO_KEY_FILE))
        case = open_case(args.case)
    else:
        case = run_demo(tmp / "demo")
    admin, analyst = Actor("bench", "admin"), Actor("bench", "analyst")
    results: dict[str, float] = {}
    with case.session() as session:
        _time("fingerprint", lambda: case_fingerprint(session, case.keyring,
                                                      case.config.case_id), results)  # fmt: skip
    view = _time("case_view (analyst)", lambda: case_view(case, actor=analyst, purpose="bench"),
                 results)  # fmt: skip
    html = _time("render HTML", lambda: render_html(view), results)
    import weasyprint  # noqa: F401  (import time is not the PDF's)

    pdf = _time("render PDF", lambda: render_pdf(html), results)
    print(f"HTML {len(html.encode()):,} bytes, PDF {len(pdf):,} bytes")  # noqa: T201
    bag = _time("bag (full view)", lambda: write_bag(case, tmp / "bag", actor=admin), results)
    _time("verify-bag", lambda: verify_bag(bag), results)
    public = Actor("bench", "public")
    _time("export csv (public)", lambda: export_case(case, "csv", tmp / "csv", actor=public),
          results)  # fmt: skip
    case.close()


if __name__ == "__main__":
    main()
