"""Reports others can verify: self-contained HTML and PDF, redacted for their reader.

- `build_report(case, actor=, fmt="html"|"pdf") -> bytes`, `write_report(case, out, actor=)`
- `case_view(case, actor=, purpose=)`: the redacted data every report and export formats
- `case_fingerprint(session, keyring, case_id)`: the hash a report states as its provenance
"""

from docket.report.build import FORMATS, build_report, render_html, render_pdf, write_report
from docket.report.fingerprint import Fingerprint, case_fingerprint
from docket.report.view import CaseView, case_view, huridocs_codes, is_synthetic, reader_for

__all__ = [
    "FORMATS", "CaseView", "Fingerprint", "build_report", "case_fingerprint", "case_view",
    "huridocs_codes", "is_synthetic", "reader_for", "render_html", "render_pdf", "write_report",
]  # fmt: skip
