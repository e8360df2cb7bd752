"""Record linkage of person reports across lists, Korean-name aware, on Splink.

Public surface: `link_records` (a DataFrame in, LinkResult out), `dedupe` (the standalone
`docket dedupe` on contract CSVs), `read_person_records`, `cluster_pairs`.
"""

from docket.link._cluster import cluster_pairs
from docket.link._dedupe import dedupe
from docket.link._input import read_person_records
from docket.link._run import (
    DEFAULT_REVIEW_BAND,
    DEFAULT_THRESHOLD,
    LinkResult,
    link_records,
)

__all__ = [
    "DEFAULT_REVIEW_BAND",
    "DEFAULT_THRESHOLD",
    "LinkResult",
    "cluster_pairs",
    "dedupe",
    "link_records",
    "read_person_records",
]
