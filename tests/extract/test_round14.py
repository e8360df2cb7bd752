"""Entity and place rules of round fourteen, each on a short SYNTHETIC text written for the test
(people, places and events are invented)."""

from __future__ import annotations

import pytest

from docket.extract import extract_text

from .conftest import assert_spans, extract_checked, speaker_of


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


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # in first-person testimony "she"/"he" is never the narrator: a guard or officer the
        # paragraph brought in speaks, by the name the paragraph gave if it gave one
        (
            "Testimony of Moon Ga-eun (SYNTHETIC).\n\nA: We reached the post at night. The female "
            'guard made us stand in the cold. She said, "Nobody here will help you."',
            "Nobody here will help you",
            "the female guard",
        ),
        (
            "Kim Sang-chul, 40, described his arrest (SYNTHETIC).\n\nA: The interrogator, a man "
            'called Ryang, kicked me. He said, "Tell the truth."',
            "Tell the truth",
            "Ryang",
        ),
        # no first person in the paragraph: the named person still speaks
        (
            'Kim Ok-ran said the guard beat her. She said, "I still cannot sleep."',
            "I still cannot sleep",
            "Kim Ok-ran",
        ),
        # a guard of the other gender is not who "she" means
        (
            "Testimony of Moon Ga-eun (SYNTHETIC).\n\nA: The male guard laughed at us. My friend "
            'Seo Hye-jin cried. She said, "We will not survive this."',
            "We will not survive this",
            "Seo Hye-jin",
        ),
    ],
)
def test_pronoun_in_testimony_means_the_guard(text: str, words: str, speaker: str) -> None:
    assert (speaker_of(extract_checked(text), words) or "").lower() == speaker.lower()
