"""Shared fixtures: the spaCy model loads once per test session."""

from __future__ import annotations

import pytest

from docket.extract import extract_text, warm_up


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


def extract_checked(text: str, lang: str = "auto"):  # noqa: ANN201 - an Extraction
    """`extract_text`, every span checked against the text."""
    result = extract_text(text, lang=lang)
    assert_spans(result)
    return result


def speaker_of(result, words: str) -> str | None:  # noqa: ANN001 - an Extraction
    """The speaker of the first suggested quote that contains `words` (a test fails if none)."""
    found = [q for q in result.quotes if words in q.text]
    assert found, [q.text for q in result.quotes]
    return found[0].speaker


def innermost_speaker_of(result, words: str) -> str | None:  # noqa: ANN001 - an Extraction
    """The speaker of the innermost suggested quote that contains `words`, as the evaluation
    scores a quote nested in a witness's words (a test fails if none)."""
    found = [q for q in result.quotes if words in q.text]
    assert found, [q.text for q in result.quotes]
    return min(found, key=lambda q: len(q.text)).speaker
