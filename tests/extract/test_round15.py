"""Speaker rules of round fifteen, each on a short SYNTHETIC text written for the test (people,
bodies and events are invented)."""

from __future__ import annotations

import pytest

from .conftest import extract_checked, speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the verb whose clause holds the quote speaks, not a nearer one beside it
        (
            'Rep. Moon Jae-sook said the account was "the worst this panel has read" and asked '
            "the ministry to reply by March.",
            "the worst this panel",
            "Moon Jae-sook",
        ),
        # "so-called" is no speech verb
        (
            "The envoy said that the so-called EU monitors who visited the site were "
            '"spreading fairy tales for money".',
            "spreading fairy tales",
            "The envoy",
        ),
        # the passive subject of "was quoted … as saying" speaks, not the outlet
        (
            'Han Bo-ra was quoted in the bulletin as saying she "never heard from him again."',
            "never heard from him again",
            "Han Bo-ra",
        ),
    ],
)
def test_verb_that_governs_the_quote(text: str, words: str, speaker: str) -> None:
    assert speaker_of(extract_checked(text), words) == speaker


def test_name_the_parser_did_not_make_a_subject() -> None:
    # a short surname before "said" that the parser takes for an interjection is the speaker
    text = (
        "Deputy Minister Oh Tae-sung spoke for the ministry. Oh said that a review would be "
        "finished before the summer recess."
    )
    assert speaker_of(extract_checked(text), "a review would be finished") == "Oh Tae-sung"


def test_statement_is_not_by_the_author_of_a_report_it_answers() -> None:
    text = (
        "The spokesperson for the Korean Association for Legal and Historical Studies issued the "
        "following statement on 3 May in response to a report by the group Lantern Watch on "
        "Camp 12.\n\n"
        '"The report is a heap of lies told by criminals who fled," the statement said.'
    )
    assert speaker_of(extract_checked(text), "The report is a heap") == (
        "Korean Association for Legal and Historical Studies"
    )


def test_title_that_ner_cut_to_its_last_word() -> None:
    text = (
        "BERN - The council heard the Special Rapporteur on food in the region on Friday.\n\n"
        "Presenting her findings, the Special Rapporteur said that families in the north "
        "were eating grass by April."
    )
    assert (speaker_of(extract_checked(text), "families in the north") or "").endswith(
        "Special Rapporteur"
    )
