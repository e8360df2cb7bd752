"""Round eighteen's English speaker constructions (read from heldout23-26's errors). Every text
below is SYNTHETIC, written for its test: the names, bodies and events are made up. Each case
gives the text, words of one quote, and who should be suggested as its speaker (case ignored)."""

import pytest

from docket.extract.names import find_korean_names

from .conftest import extract_checked, innermost_speaker_of

CASES: dict[str, tuple[str, str, str]] = {
    # a full name after a capitalised word opening the sentence is still found, so the later
    # surname and "she" resolve to it
    "name-after-opening-word": (
        "After Yun Mi-rae left the factory, she worked in a kitchen. "
        '"Every day was the same," she said. Yun, who lives in Busan, says the foreman '
        "kept the keys.",
        "the foreman kept the keys",
        "Yun Mi-rae",
    ),
    # a title written out before a name is not part of the speaker
    "title-of-the-panel": (
        "Head of the tribunal Marguerite Olunde, a former prosecutor, said the hearings would "
        "resume in the spring.",
        "the hearings would resume",
        "Marguerite Olunde",
    ),
    # a body's name the model cut after "the X of" keeps its first word
    "body-the-x-of": (
        "The appeal was read at a meeting held by the Bridge of Hope Foundation, which helps "
        "families of the missing. The foundation said it had collected 300 letters.",
        "it had collected 300 letters",
        "Bridge of Hope Foundation",
    ),
    # a subject that is what someone said gives the quote to whoever said it
    "much-of-what-he-said": (
        "Lee Jae-sun was twenty when the police came. Now seventy, Lee talked all afternoon. "
        'Much of what he said came as one story:\n\n"Nobody warned us. We left at night."',
        "Nobody warned us",
        "Lee Jae-sun",
    ),
    # once the story has named people, a description opening a paragraph is someone new, not
    # the person named in the next paragraph
    "description-not-next-name": (
        "Mun Hee-jae, 39, said she was held at the depot for a month.\n\n"
        'A former driver at the depot, who fled in 2019, described the night transfers. "I '
        'drove the truck twice a week," he said.\n\n'
        'Ahn Byung-ho, whose father died there, said nobody was told. "We waited," he said.',
        "I drove the truck",
        "a former driver at the depot",
    ),
    # a body's name before a person word is only its modifier: the person is the speaker
    "body-name-as-modifier": (
        "Jeon Mi-ok, the group's director, said the files were incomplete.\n\n"
        "A former Bureau of Border Control officer who fled in 2017 said families were "
        'moved at night. "Nobody was told where," he said.',
        "Nobody was told where",
        "A former Bureau of Border Control officer",
    ),
    # "who" after "a former cook from <town>" is the person, never the town
    "who-not-the-place": (
        "The release quotes a second woman, a former cook from Hyesan, who said the kitchen "
        '"had no rice at all, only millet."',
        "had no rice at all",
        "a former cook from Hyesan",
    ),
    # a body that a named body only qualifies speaks as itself, not as the named body
    "qualified-body": (
        "The talks stalled after an EU commission of experts concluded in 2019 that factories "
        "had used prisoners for years.",
        "factories had used prisoners",
        "EU commission of experts",
    ),
    # "identified in the report only as "Mr. P"": the name given, with the title an initial
    # needs
    "identified-in-the-report-as": (
        'One former inmate, identified in the report only as "Mr. P," recalled: "In the '
        'kitchen we counted the bowls every night."',
        "we counted the bowls",
        "Mr. P",
    ),
    "identified-by-the-group-as": (
        'A guard, identified by the group as Mr. Rim, said: "We were told to shoot anyone."',
        "We were told to shoot",
        "Rim",
    ),
}


@pytest.mark.parametrize("text,words,speaker", CASES.values(), ids=CASES.keys())
def test_round18_english_speakers(text: str, words: str, speaker: str) -> None:
    got = innermost_speaker_of(extract_checked(text), words)
    assert (got or "").lower() == speaker.lower()


def test_a_capitalised_word_before_a_name_does_not_hide_it() -> None:
    text = "For Kang Su-bin, the trial was short. Witness Ro Myong-ok spoke next."
    assert [text[a:b] for a, b in find_korean_names(text)] == ["Kang Su-bin", "Ro Myong-ok"]


def test_a_title_before_a_capitalised_body_is_left_alone() -> None:
    text = "The Director of the Asan Policy Institute said the talks had stalled."
    quotes = [q for q in extract_checked(text).quotes if "talks had stalled" in q.text]
    assert quotes
    assert quotes[0].speaker == "The Director of the Asan Policy Institute"


@pytest.mark.parametrize(
    "text,words,speaker",
    [
        (
            'The envoy, Tal Ren, spoke last. He said the panel was "not the right place" for '
            "such claims.",
            'the panel was "not the right place"',
            "Tal Ren",
        ),
        (
            'Ren told members that there were "no forced labourers at all" in his country.',
            'there were "no forced labourers at all"',
            "Ren",
        ),
    ],
)
def test_a_partial_quote_in_reported_speech_keeps_its_lead_words(
    text: str, words: str, speaker: str
) -> None:
    """The reported subject and the quoted fragment it leads into are one quote, and the
    fragment is not suggested again on its own."""
    quotes = extract_checked(text).quotes
    hits = [q for q in quotes if words in q.text]
    assert hits and hits[0].speaker == speaker
    inner = words.split('"')[1]
    assert [q.text for q in quotes if inner in q.text] == [hits[0].text]
