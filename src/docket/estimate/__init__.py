"""Multiple systems estimation: how many people no list recorded, with an honest interval.

Entry points: `estimate_file` (the CLI's contract CSV), `estimate_from_identities` (a frame of
linked identities from a case), `estimate_histories` (capture histories already built). Every
result carries its method, interval and diagnostics, and serialises to the contract's JSON.
"""

from docket.estimate._charts import chart_figure, save_chart
from docket.estimate._datasets import load_published, published_names
from docket.estimate._histories import CaptureHistories, from_mapping, from_patterns
from docket.estimate._input import histories_from_identities, read_capture_csv
from docket.estimate._result import EstimateResult
from docket.estimate._text import format_table, plain_language_summary
from docket.estimate.api import (
    METHODS,
    EstimateOptions,
    estimate_file,
    estimate_from_identities,
    estimate_histories,
)

__all__ = [
    "METHODS",
    "CaptureHistories",
    "EstimateOptions",
    "EstimateResult",
    "chart_figure",
    "estimate_file",
    "estimate_from_identities",
    "estimate_histories",
    "format_table",
    "from_mapping",
    "from_patterns",
    "histories_from_identities",
    "load_published",
    "plain_language_summary",
    "published_names",
    "read_capture_csv",
    "save_chart",
]
