"""Ingestion: one reader per source kind; the pipeline preserves, hashes and indexes each file."""

from docket.ingest.base import ParsedSource, Reader, readers
from docket.ingest.pipeline import IngestOutcome, IngestReport, ingest_paths

__all__ = ["IngestOutcome", "IngestReport", "ParsedSource", "Reader", "ingest_paths", "readers"]
