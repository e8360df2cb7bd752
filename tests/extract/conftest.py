"""Shared fixtures: the spaCy model loads once per test session."""

from __future__ import annotations

import pytest

from docket.extract import warm_up


@pytest.fixture(scope="session", autouse=True)
def english_model() -> None:
    """Load the model once, so each test pays only for its own work."""
    warm_up()


def assert_spans(result) -> None:  # noqa: ANN001 - an Extraction
    """Every span indexes the text exactly (the contract's promise)."""
    text = result.text
    for name in ("entities", "quotes", "dates", "figures", "places", "acts"):
        for item in getattr(result, name):
            assert 0 <= item.start <= item.end <= len(text), (name, item)
            assert text[item.start : item.end] == item.text, (name, item)
    for q in result.quotes:
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
