"""Suggestions from a source's text: entities, quotes with speakers, dates, figures, places and
act types, each anchored to a character span (`text[start:end] == words`).

Public API: `extract_text`, `extract_file`, `extract_document`, `load_file` and the records in
`Extraction`; `extract_texts` and `extract_documents` take many at once (spaCy parses them in
batches). Models load once per process; call `warm_up()` to pay that cost up front.
"""

from docket.extract._types import (
    ActMention,
    DateMention,
    Entity,
    Extraction,
    Figure,
    PlaceMention,
    Quote,
)
from docket.extract.act_model import model as _act_model
from docket.extract.core import (
    Request,
    detect_language,
    extract_document,
    extract_documents,
    extract_file,
    extract_text,
    extract_texts,
)
from docket.extract.loading import Document, load_bytes, load_file
from docket.extract.pipeline import english as _english


def warm_up() -> None:
    """Load the English model and train the act classifier now (else done on first use)."""
    _english()
    _act_model()


__all__ = [
    "ActMention",
    "DateMention",
    "Document",
    "Entity",
    "Extraction",
    "Figure",
    "PlaceMention",
    "Quote",
    "Request",
    "detect_language",
    "extract_document",
    "extract_documents",
    "extract_file",
    "extract_text",
    "extract_texts",
    "load_bytes",
    "load_file",
    "warm_up",
]
