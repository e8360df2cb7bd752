"""Round twenty's Korean speaker mechanisms (classes of error read from heldout29-32's Korean
errors). Every text below is SYNTHETIC, written for its test: the names, bodies and events are
made up. Each case gives the text, words of one quote, and who should be suggested as its
speaker."""

import pytest

from .conftest import extract_checked, speaker_of

CASES: dict[str, tuple[str, str, str]] = {
    # a quote left open at a paragraph's end runs on into the next, which closes it with only
    # its verb: the speaker of the paragraph before goes on
    "quote-run-on-across-paragraphs": (
        '문가은 씨는 "겨울에는 땔감이 없었다. 손이 얼어 터졌다.\n\n'
        '"봄이 와도 달라지지 않았다"고 덧붙였다.',
        "봄이 와도 달라지지 않았다",
        "문가은",
    ),
    # a paragraph that is only a quote, after a paragraph of narration about a person
    "quote-paragraph-after-narration": (
        '연구소는 "증언이 쌓이고 있다"고 밝혔다.\n\n'
        "증언자 가운데 한 명인 설미향 씨는 2001년 가을 수용소로 끌려갔다. 오빠가 국경을 "
        '넘었기 때문이었다.\n\n"그날 밤 트럭에 실려 갔어요. 아무도 이유를 말해 주지 '
        '않았어요."\n\n연구소는 보고서를 유엔에 보낼 계획이다.',
        "그날 밤 트럭에 실려 갔어요",
        "설미향",
    ),
    # 그/그녀 after a described speaker: the nearest subject, not the nearest name before it
    "pronoun-after-described-speaker": (
        '모임을 이끄는 남궁현 씨는 "답을 기다린다"고 말했다.\n\n'
        '국경에서 붙잡혔던 한 탈북 여성은 "밤마다 조사를 받았다"고 증언했다. 그는 "옆방에서 '
        '비명이 들렸다"고 덧붙였다.',
        "옆방에서 비명이 들렸다",
        "한 탈북 여성",
    ),
    # the same across paragraphs, with no name before at all
    "pronoun-after-description-next-paragraph": (
        '구류장에서 일했다는 한 남성은 "매일 구타가 있었다"고 말했다.\n\n'
        '그는 "나도 그 일을 했다"고 털어놓았다.',
        "나도 그 일을 했다",
        "한 남성",
    ),
    # a speaker described, not named, who names himself later: the name
    "described-then-self-named": (
        '50대 탈북 남성이 22일 "밤마다 끌려 나갔다"고 말했다.\n\n'
        "이 남성은 자신의 이름을 문태호라고 밝혔다.",
        "밤마다 끌려 나갔다",
        "문태호",
    ),
    "described-then-self-introduced-with-age": (
        '한 탈북 여성은 "딸을 잃었다"고 증언했다. 이 여성은 자신을 방순애(58)라고 소개했다.',
        "딸을 잃었다",
        "방순애",
    ),
    # a description ending in a title, then a person given that title: the person
    "described-then-named-with-the-title": (
        '행사를 연 단체 ‘새길기록원’의 원장은 "증언이 늘고 있다"고 말했다. 남기현 원장은 '
        '"기록을 계속하겠다"고 덧붙였다.',
        "증언이 늘고 있다",
        "남기현",
    ),
    # the agency of a dateline is not the speaker of the sentence it opens
    "dateline-agency-is-not-the-speaker": (
        '(부산=한결통신) 70대 탈북 남성이 "형이 총살됐다"고 말했다.',
        "형이 총살됐다",
        "탈북 남성",
    ),
    # a name in an adverbial ("유엔 보고서에 대해") is not the subject that 이/가 marks
    "name-in-adverbial-is-not-the-subject": (
        '북한이 유엔 보고서에 대해 "날조된 문서일 뿐"이라며 반발했다.',
        "날조된 문서일 뿐",
        "북한",
    ),
    # an unnamed speaker marked by 이/가 is described with the clause before the noun
    "described-with-relative-clause": (
        '교화소 마당에서 옆에 앉아 있던 노인이 조용히 "밥은 남기지 마라"고 일렀다.',
        "밥은 남기지 마라",
        "교화소 마당에서 옆에 앉아 있던 노인",
    ),
    # a clause before a noun of time makes it when, not who
    "time-noun-after-clause-is-not-the-speaker": (
        '우리가 끌려온 날 경비원이 "여기서는 이름이 없다"고 소리쳤다.',
        "여기서는 이름이 없다",
        "경비원",
    ),
    # "보고서에 따르면" after the report was published and quoted: who published it
    "according-to-report-is-its-publisher": (
        "민간단체 푸른길연구소가 3일 공개한 보고서 「긴 겨울」은 수용소를 다뤘다. 보고서는 "
        '"수감자 대부분이 가족 때문에 왔다"고 밝혔다.\n\n탈북민 문가은 씨는 보위부에 '
        "끌려갔다. 보고서에 따르면 수감자는 5천여 명에 이른다.",
        "수감자는 5천여 명에 이른다",
        "푸른길연구소",
    ),
    # a short characterisation with 이라며 and a verb of reacting is the subject's words
    "short-quote-with-ramyeo": (
        '북한이 민간단체의 보고서를 "날조"라며 강하게 반발했다.',
        "날조",
        "북한",
    ),
    # a country marked as the subject speaks, not a body named after it in the object
    "country-subject-before-unmarked-body": (
        '북한이 유엔총회 표결을 앞두고 인권단체 보고서를 "거짓 모략 문서"라고 비난했다.',
        "거짓 모략 문서",
        "북한",
    ),
    # a story that opens with a quote, then a paragraph whose subject is named after a long
    # clause: that person said it
    "lede-quote-then-long-subject-phrase": (
        '"문을 두드리는 소리에 잠이 깼어요."\n\n2004년 겨울 함흥에서 어머니와 함께 보위부 '
        "구류장으로 끌려간 문가은(58)씨는 그날을 잊지 못한다고 말했다.",
        "문을 두드리는 소리에 잠이 깼어요",
        "문가은",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_round20_korean_speaker(case: str) -> None:
    text, words, speaker = CASES[case]
    assert speaker_of(extract_checked(text, lang="ko"), words) == speaker


def test_pronoun_after_a_named_speaker_is_still_the_name() -> None:
    """A pronoun after a named speaker keeps the name (the described-speaker rule gives way)."""
    text = (
        '한 관계자는 "조사 중"이라고 말했다.\n\n탁은비 씨는 "다 말하겠다"고 밝혔다. 그녀는 '
        '"숨길 것이 없다"고 말했다.'
    )
    assert speaker_of(extract_checked(text, lang="ko"), "숨길 것이 없다") == "탁은비"


def test_a_later_person_without_the_title_does_not_name_a_description() -> None:
    """Only a person who names himself or takes the description's title is the described
    speaker: another person named next, as a witness, is not."""
    text = (
        '한 단체의 대표는 "조사를 계속한다"고 말했다. 탈북민 허진아 씨는 "집에 가고 싶다"고 말했다.'
    )
    assert speaker_of(extract_checked(text, lang="ko"), "조사를 계속한다") != "허진아"


def test_a_name_given_to_oneself_is_a_person() -> None:
    """'자신의 이름을 문태호라고 밝혔다': the name a person gives himself is a PERSON, though
    the tokeniser may read it as a common noun before 이라고."""
    ex = extract_checked("이 남성은 자신의 이름을 문태호라고 밝혔다.", lang="ko")
    assert ("PERSON", "문태호") in {(e.label, e.text) for e in ex.entities}


@pytest.mark.parametrize(
    "body", ["푸른숲인권기록원", "맑은물증언기록소", "새날기억연구회", "들꽃증언아카이브"]
)
def test_a_body_named_for_recording_testimony_is_an_org(body: str) -> None:
    """A one-word body ending in 기록원/기록소/연구회/아카이브 is an ORG, and its spokesman's
    words are its (not a person's whose 'name' is the body's first syllables)."""
    ex = extract_checked(f'{body} 관계자는 "명단을 넘기겠다"고 밝혔다.', lang="ko")
    assert ("ORG", body) in {(e.label, e.text) for e in ex.entities}
    assert speaker_of(ex, "명단을 넘기겠다") == body


def test_words_in_single_marks_before_a_speech_verb_are_a_quote() -> None:
    """'‘…’고 말했다' outside double marks is speech as '"…"고 말했다' is; a term in single
    marks with no verb of saying after it is not."""
    ex = extract_checked(
        "탈북민 문가은 씨는 ‘밤마다 이름을 불러 끌고 나갔다’고 말했다. 그곳은 ‘혁명화 구역 "
        "안쪽’이라고 불렸다.",
        lang="ko",
    )
    assert speaker_of(ex, "밤마다 이름을 불러 끌고 나갔다") == "문가은"
    assert not [q for q in ex.quotes if "혁명화 구역" in q.text]


def test_another_bodys_officer_with_the_same_title_is_not_the_described_speaker() -> None:
    """'한 단체의 대변인은 "…"' then '통일부 문태호 대변인은': another body's spokesman, not
    the name of the first."""
    text = (
        '행사를 연 한 단체의 대변인은 "모두 모략일 뿐"이라고 주장했다. 이에 대해 통일부 '
        '문태호 대변인은 "유감"이라고 말했다.'
    )
    assert speaker_of(extract_checked(text, lang="ko"), "모두 모략일 뿐") != "문태호"


def test_an_official_is_not_named_by_a_witness_naming_herself() -> None:
    """A witness who names herself later is not the official quoted before her."""
    text = (
        '한 탈북민 단체 관계자는 "증언을 모으고 있다"고 말했다.\n\n'
        "이 여성은 자신을 방순애라고 소개했다."
    )
    assert speaker_of(extract_checked(text, lang="ko"), "증언을 모으고 있다") != "방순애"
