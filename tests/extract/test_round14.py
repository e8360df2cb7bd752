"""Entity and place rules of round fourteen, each on a short SYNTHETIC text written for the test
(people, places and events are invented)."""

from __future__ import annotations

import pytest

from docket.extract import extract_text

from .conftest import assert_spans


@pytest.mark.parametrize("spelling", ["labour", "labor"])
def test_british_spelling_names_the_listed_labor_camp(spelling: str) -> None:
    # the gazetteer lists "Chongjin labor training camp"; "labour" is the same camp, not the town
    text = f"My cousin spent a year at the Chongjin {spelling} training camp, a neighbour said."
    ex = extract_text(text)
    assert_spans(ex)
    found = {(e.label, e.text) for e in ex.entities}
    assert ("FACILITY", f"Chongjin {spelling} training camp") in found
    assert ("GPE", "Chongjin") not in found
    assert [p.place_id for p in ex.places] == ["LTC-CHJ"]
