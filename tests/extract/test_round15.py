"""Speaker rules of round fifteen, each on a short SYNTHETIC text written for the test (people,
bodies and events are invented): one table of (text, words of the quote, speaker), the speaker
compared without case."""

from __future__ import annotations

import pytest

from docket.extract._quote_marks import inner_spans, quote_spans

from .conftest import extract_checked, innermost_speaker_of, speaker_of

CASES = [
    # the verb whose clause holds the quote speaks, not a nearer one beside it
    (
        'Rep. Moon Jae-sook said the account was "the worst this panel has read" and asked the '
        "ministry to reply by March.",
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
    # a short surname before "said" that the parser takes for an interjection speaks
    (
        "Deputy Minister Oh Tae-sung spoke for the ministry. Oh said that a review would be "
        "finished before the summer recess.",
        "a review would be finished",
        "Oh Tae-sung",
    ),
    # a statement is not by the author of a report it answers
    (
        "The spokesperson for the Korean Association for Legal and Historical Studies issued the "
        "following statement on 3 May in response to a report by the group Lantern Watch on "
        'Camp 12.\n\n"The report is a heap of lies told by criminals who fled," the statement '
        "said.",
        "The report is a heap",
        "Korean Association for Legal and Historical Studies",
    ),
    # a title that NER cut to its last word ("Rapporteur") names itself
    (
        "BERN - The council heard the Special Rapporteur on food in the region on Friday.\n\n"
        "Presenting her findings, the Special Rapporteur said that families in the north were "
        "eating grass by April.",
        "families in the north",
        "Special Rapporteur",
    ),
    # a pronoun goes on with the person the sentence before was about, named or not
    (
        "My uncle, Ryu Song-il, was taken in 2009. Years later a man who had worked beside him "
        'in the mine found my aunt. He said, "Your husband still sings at night."',
        "Your husband still sings",
        "a man",
    ),
    (
        "In May the border police came to the farm with a list. They said a neighbour had named "
        "me.",
        "a neighbour had named me",
        "the border police",
    ),
    (
        "My mother waited at the gate for news of my brother, Noh Chan-woo. A woman who had been "
        'freed from the same prison came to my mother. She said, "He is alive."',
        "He is alive",
        "A woman",
    ),
    (
        "The delegate of Freedonia rejected the findings in full. He said the panel was "
        '"a tool of its sponsors."',
        "a tool of its sponsors",
        "The delegate of Freedonia",
    ),
    # a description with a body's name in it ("of the Republic of Freedonia") is still a person
    (
        "The delegate of Japan asked for time. The representative of the Federal Republic of "
        "Freedonia rejected the report in full. He said the mandate was "
        '"a weapon of hostile states."',
        "a weapon of hostile states",
        "The representative of the Federal Republic of Freedonia",
    ),
    # someone of the other gender in between: the rule gives way to the named person
    (
        "Baek Soon-ja, 61, speaks slowly. Her son, Baek Il, then nine, was kept in a cellar. He "
        'was beaten daily, she recalls, "until the guard grew bored."',
        "until the guard grew bored",
        "Baek Soon-ja",
    ),
    # "my mother" as the subject is the person the text gave as the narrator's mother
    (
        "My mother, Seo Kyung-ja, raised us alone. My mother took my hand at the gate. She "
        'said, "Do not look at them."',
        "Do not look at them",
        "Seo Kyung-ja",
    ),
    # a short quote that is the verdict of "rejected/dismissed … as" is speech, not scare quotes
    (
        'A Freedonian envoy dismissed the findings as a "cheap stunt" on Monday.',
        "cheap stunt",
        "A Freedonian envoy",
    ),
    # "quoted X, Y, as saying": the part with a name, else the more specific appositive
    (
        "The radio also quoted a second source, a fisherman in Sinpo, as saying that the boats "
        "had been seized at dawn.",
        "the boats had been seized",
        "a fisherman in Sinpo",
    ),
    # a label or name the text gives a description stands for it
    (
        "2.1 A woman from Kilju, referred to here as Witness 12, was held for a year. She said "
        "she was made to carry stones every day.",
        "she was made to carry stones",
        "Witness 12",
    ),
    (
        "2.2 Another interviewee, Witness 30, a former driver, told researchers that the trucks "
        "left before dawn.",
        "the trucks left before dawn",
        "Witness 30",
    ),
    (
        '"We counted the dead every morning," said one woman, referred to here as Ms. Gye.',
        "We counted the dead",
        "Gye",
    ),
    (
        "A: The interrogator, a man called Ryang, sat down. He said I would never see my children "
        "again.",
        "I would never see my children",
        "Ryang",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_round15_speaker(text: str, words: str, speaker: str) -> None:
    assert (speaker_of(extract_checked(text), words) or "").lower() == speaker.lower()


KO_CASES = [
    # a name after a title, and the surname with the title later
    (
        '통일부 차관 배성진은 "수용소 문제를 계속 제기하겠다"고 말했다. 배 차관은 "가족들의 '
        '고통이 크다"고 강조했다.',
        "가족들의 고통이 크다",
        "배성진",
    ),
    # a name before 씨 that ends like an institution (국) is still a name
    ('탈북민 오민국 씨는 "밤마다 점호가 있었다"고 말했다.', "밤마다 점호가 있었다", "오민국"),
    # "…다는 입장을 밝혀 왔다": reported speech
    (
        "한편 외무성은 그동안 월경자는 모두 범죄자이며 법대로 처리한다는 입장을 밝혀 왔다.",
        "월경자는 모두 범죄자이며",
        "외무성",
    ),
    # "전해 주었습니다" is a speech verb
    (
        "그 사람은 삼촌이 광산에서 일하다가 다쳤다고 전해 주었습니다.",
        "삼촌이 광산에서 일하다가",
        "그 사람",
    ),
    # no name and no topic: the phrase the subject particle marks before the quote
    (
        '다음 날 아침 마을 반장이 찾아와서 "오늘 밤 안으로 집을 비워야 한다"고 했습니다.',
        "오늘 밤 안으로 집을 비워야 한다",
        "마을 반장",
    ),
    # a paragraph-long quote after "…이렇게 전했다." is the announcer's
    (
        "탈북민 남궁은비(38) 씨는 당시 상황을 이렇게 전했다.\n\n"
        '"새벽마다 우리를 깨워 벽돌을 나르게 했어요. 쉬면 밥을 주지 않았습니다."',
        "새벽마다 우리를 깨워",
        "남궁은비",
    ),
    # a body with its abbreviation in brackets is the subject
    (
        '가상인권연대(FHRA)는 "수감자 수가 늘고 있다"고 밝혔다.',
        "수감자 수가 늘고 있다",
        "가상인권연대",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), KO_CASES)
def test_round15_korean_speaker(text: str, words: str, speaker: str) -> None:
    assert speaker_of(extract_checked(text, lang="ko"), words) == speaker


# quotes inside quotes: the speaker of the innermost suggested quote that holds the words (as
# bench/extract.py scores them)
NESTED = [
    # a quote inside a witness's quote: the subject of the verb before it, and "he" in the
    # witness's words is the officer or guard the account brought in
    (
        "\"One man told us the guard said, 'If you run, we shoot your brother,'\" Pyo Hae-ran "
        "said.",
        "If you run, we shoot your brother",
        "the guard",
        "en",
    ),
    (
        '"The officer kept shouting the same question at me," Yeo Min-ji said. "Then he told '
        "me, 'Nobody will ever find you here.'\"",
        "Nobody will ever find you here",
        "The officer",
        "en",
    ),
    # a quote inside a quote: the phrase 이/가 marks before it in the outer quote speaks
    (
        "탈북민 모희정(40) 씨는 \"계호원이 '여기서는 울어도 소용없다'고 소리쳤어요\"라고 말했다.",
        "여기서는 울어도 소용없다",
        "계호원",
        "ko",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker", "lang"), NESTED)
def test_round15_nested_quote(text: str, words: str, speaker: str, lang: str) -> None:
    got = innermost_speaker_of(extract_checked(text, lang=lang), words)
    assert (got or "").lower() == speaker.lower()


def test_nested_quotes_are_sentences_in_single_marks() -> None:
    # lower-case words in single marks are scare quotes, an apostrophe is no mark
    text = (
        "\"There is no 'prison camp' here. We don't hide anything. He said, 'Go home now.'\" "
        "the envoy said."
    )
    spans = inner_spans(text, quote_spans(text))
    assert [text[a:b] for a, b in spans] == ["Go home now"]
