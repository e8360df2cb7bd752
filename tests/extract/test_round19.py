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


def test_a_quote_a_sentence_introduces_with_a_colon_is_its_subjects() -> None:
    # no speech verb: the quote after the colon is the sentence's subject's, not the last
    # speaker's in the paragraph before
    text = (
        "Park Mi-sun spent six years in the camp. The ministry has no office in Oslo. Its "
        'envoy in Geneva has called such claims "lies" in the past.\n\n'
        "Park was quoted in the hearing transcript as ending her account with a plea: "
        '"Do not forget them. They were people."'
    )
    assert speaker_of(extract_checked(text), "Do not forget them") == "Park Mi-sun"


def test_a_colon_after_a_thing_gives_no_speaker() -> None:
    text = 'The sign at the gate read: "No entry for anyone without a permit from the office."'
    assert speaker_of(extract_checked(text), "No entry") is None
