"""Allegations weighed against the evidence: independence of sources and standards of proof.

Public API (every function takes the case and the acting person):
- allegations: add_allegation, list_allegations, get_allegation, findings, reassess
- evidence: link_evidence, unlink_evidence, create_excerpt, relate_sources
- standards: get_standards, set_standards, load_standards_file, Standard, StandardSet
- finding evidence: suggest_evidence; patterns: event_patterns
- demo: add_demo_allegations
"""

from docket.evidence.allegations import (
    Finding,
    add_allegation,
    findings,
    get_allegation,
    get_standards,
    list_allegations,
    reassess,
    set_standards,
)
from docket.evidence.assess import STATUSES, Assessment
from docket.evidence.links import create_excerpt, link_evidence, relate_sources, unlink_evidence
from docket.evidence.standards import (
    DEFAULT_STANDARDS,
    Standard,
    StandardSet,
    load_standards_file,
)

__all__ = [
    "DEFAULT_STANDARDS",
    "STATUSES",
    "Assessment",
    "Finding",
    "Standard",
    "StandardSet",
    "add_allegation",
    "create_excerpt",
    "findings",
    "get_allegation",
    "get_standards",
    "link_evidence",
    "list_allegations",
    "load_standards_file",
    "reassess",
    "relate_sources",
    "set_standards",
    "unlink_evidence",
]
