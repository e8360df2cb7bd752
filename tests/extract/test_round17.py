"""Round seventeen's English speaker constructions (read from heldout21/22's errors). Every text
below is SYNTHETIC, written for its test: the names, bodies and events are made up. Each case
gives the text, words of one quote, and who should be suggested as its speaker (case ignored);
the innermost quote holding the words is the one checked, as the evaluation does."""

import pytest

from .conftest import extract_checked, innermost_speaker_of

CASES: dict[str, tuple[str, str, str]] = {
    # a quote inside a witness's words: "he" is the person their own sentence before was about
    "nested-subject-same-quote": (
        "Choi Man-su, who served as a guard at the mine, told the panel about one morning. "
        "\"Our team leader read out the names. Then he told us, 'These men will not come "
        "back.'\"",
        "These men will not come back",
        "Our team leader",
    ),
    # ... also where the witness's attribution stands between the two quotes
    "nested-subject-previous-quote": (
        '"An old man from the next village stopped me at the market," Seo Hye-jin said. '
        "\"He kept asking, 'Where did they take my son?' I could not tell him.\"",
        "Where did they take my son",
        "An old man from the next village",
    ),
    # the subject of a later clause after the narrator's "we", named in its appositive,
    # whose gender the appositive gives
    "appositive-names-supervisor": (
        "We sewed uniforms all day, and the supervisor, a prisoner herself whom the women "
        'called Sister Ahn, walked behind Lim Ok-sun and me. "Sew faster or we all lose '
        'supper," she would say.',
        "Sew faster",
        "Sister Ahn",
    ),
    # a transcript's speaker label is no subject: "he" goes on with the description after it
    "transcript-label-description": (
        "Host: Where did you hear that?\n\n"
        "Lee Min-ji: A man who had worked at the mine told my aunt that my father was alive. "
        'He said my father was "pale but still standing."',
        "pale but still standing",
        "A man",
    ),
    "transcript-short-label": (
        "Host: With me is Choi Hana, who left in 2015. Did anyone see your brother later?\n\n"
        "Choi: A woman who was released from the camp in 2011 told us she had seen him there. "
        'She said he was "thin but still joking."',
        "thin but still joking",
        "A woman",
    ),
    # "where, X said, a soldier announced: '…'": the soldier speaks the quote
    "mid-attribution-introduces-quote": (
        "They reached the border post at dawn, where, Moon Ji-ho said, a soldier on duty "
        'announced: "Turn back or we shoot."',
        "Turn back or we shoot",
        "a soldier on duty",
    ),
    # a body's acronym in brackets is not part of its name
    "acronym-in-brackets": (
        "The UN Special Rapporteur on Torture (SRT) said on Monday that it had been denied "
        "access to the northern provinces.",
        "it had been denied access",
        "The UN Special Rapporteur on Torture",
    ),
    # "the institute's annual report": the institute
    "possessor-of-report": (
        "The Bright Path Institute held a news conference in Seoul with Human Rights Watch. "
        "According to the institute's annual report, at least 40 detainees died of illness.",
        "at least 40 detainees died",
        "Bright Path Institute",
    ),
    # a document about a person, written by no one named, speaks as itself
    "persons-document-itself": (
        "Yoon Chang-ho was freed in 2015 after Amnesty International took up his case, but his "
        'release letter called him "a reformed element."',
        "a reformed element",
        "his release letter",
    ),
    # "the document", never called that before: the document the text introduced first with
    # its source, not the one it answers
    "document-first-introduced": (
        "The state news agency published what it called a rebuttal from the Korean Lawyers "
        "Committee, a body in Pyongyang. Much of it targeted a report by the group Free Voices "
        'Network. "No citizen of our country is ever punished for belief," the document stated.',
        "No citizen of our country",
        "Korean Lawyers Committee",
    ),
    # a witness's label beside the name: the name
    "label-beside-name": (
        "5. Witness K-11, Mr Pyo Chang-min, a former driver, said that the trucks ran at night. "
        '"I drove them myself," he said.',
        "I drove them myself",
        "Pyo Chang-min",
    ),
    # "the witness" is the labelled witness before it, not one named later
    "the-witness-label-before": (
        "Witness C-2 stated that she was held for a month. Asked whether anyone helped her, "
        'the witness replied: "No one came to the cell." Witness D-9, Mr Oh Tae-sik, '
        "testified next.",
        "No one came to the cell",
        "Witness C-2",
    ),
    # "told X he …": a clause without "that" the parser took for a relative clause
    "told-listener-clause": (
        "Cho Eun-mi said her interrogator had beaten her every day. She told the tribunal he "
        "deserved to be punished.",
        "he deserved to be punished",
        "Cho Eun-mi",
    ),
    # "reminded X that …" and "conceded that …" report
    "reminded-that": (
        "The judge, Anna Berg, reminded the panel that the testimony would be kept confidential.",
        "the testimony would be kept",
        "Anna Berg",
    ),
    "conceded-that": (
        "Cross-examined by counsel, Han Tae-jin conceded that he had never visited the camp.",
        "he had never visited",
        "Han Tae-jin",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_round17_speaker(case: str) -> None:
    text, words, speaker = CASES[case]
    suggested = innermost_speaker_of(extract_checked(text), words)
    assert suggested is not None and suggested.casefold() == speaker.casefold()


def test_words_that_only_attribute_a_quote_report_nothing() -> None:
    text = (
        "They reached the border post at dawn, where, Moon Ji-ho said, a soldier on duty "
        'announced: "Turn back or we shoot."'
    )
    assert not [q for q in extract_checked(text).quotes if "soldier on duty" in q.text]


def test_what_someone_called_keeps_the_reported_words() -> None:
    text = 'Park said three men died of what the guards called "the lazy sickness" that winter.'
    assert [q for q in extract_checked(text).quotes if "three men died" in q.text]


def test_an_interviewers_question_reports_nothing() -> None:
    text = "Q: And you believe she is still held in the camp?\n\nA: Yes. Nobody has seen her."
    assert not [q for q in extract_checked(text).quotes if "still held" in q.text]


def test_a_speech_verb_under_if_reports_nothing() -> None:
    text = "A: If a prisoner said he was ill, the guards cut his ration for a week."
    assert not [q for q in extract_checked(text).quotes if "he was ill" in q.text]


def test_according_to_after_a_direct_quote_adds_no_second_quote() -> None:
    text = (
        '"The prisoners are well fed and content," an official said on Monday, according to the '
        "state news agency Unity Press."
    )
    quotes = [q for q in extract_checked(text).quotes if "well fed" in q.text]
    assert len(quotes) == 1 and quotes[0].kind == "direct"


def test_told_a_listener_described_by_a_relative_clause_reports_nothing() -> None:
    text = "Kim Chol-min was arrested in 2010. He told the woman he met in Yanji about the camp."
    assert not [q for q in extract_checked(text).quotes if "he met in Yanji" in q.text]
