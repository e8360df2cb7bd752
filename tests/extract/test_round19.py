"""Round nineteen's English speaker constructions (read from heldout27/28's errors). Every text
below is SYNTHETIC, written for its test: the names, bodies and events are made up."""

from .conftest import extract_checked, speaker_of


def test_a_closing_quote_mark_hung_on_the_subject_is_not_the_speakers() -> None:
    # the parser can attach the quote's closing mark to a subject with an appositive
    text = (
        '"They said we were hiding letters in our shoes," one respondent, a 41-year-old from '
        "Musan, told our team."
    )
    speaker = speaker_of(extract_checked(text), "hiding letters")
    assert speaker is not None and speaker.lower().startswith("one respondent")
