"""Review: extraction proposes suggestions; a person accepts, edits or rejects each one.

Accepted suggestions become records (PersonReport, Organization, Place, Event) that cite the
Excerpt they came from. Rejections stay in the table, so the same suggestion is never proposed
again; who decided what, and when, is kept on the suggestion.
"""

from docket.review.decide import (
    SuggestionEdit,
    SuggestionView,
    accept,
    list_suggestions,
    reject,
)
from docket.review.store import SUGGESTION_KINDS, store_suggestions

__all__ = [
    "SUGGESTION_KINDS",
    "SuggestionEdit",
    "SuggestionView",
    "accept",
    "list_suggestions",
    "reject",
    "store_suggestions",
]
