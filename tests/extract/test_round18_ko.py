"""Round eighteen's Korean speaker constructions (read from heldout23–26's Korean errors).
Every text below is SYNTHETIC, written for its test: the names, bodies and events are made up.
Each case gives the text, words of one quote, and who should be suggested as its speaker."""

import pytest

from .conftest import extract_checked, speaker_of

CASES: dict[str, tuple[str, str, str]] = {
    # a sentence right after a closing quote mark: the mark is no part of its subject
    "closing-mark-before-subject": (
        '탈북민 배순자 씨는 "매일 밤 울었다." 그녀는 같은 방 여성 열 명 중 셋이 병으로 '
        "죽었다고 했다.",
        "같은 방 여성 열 명 중 셋이",
        "배순자",
    ),
    # "그녀에 따르면": the pronoun is resolved like any subject
    "pronoun-according-to": (
        "탈북민 배순자 씨는 2012년에 풀려났다. 그녀에 따르면 수감자들은 하루 열네 시간 일했다.",
        "수감자들은 하루 열네 시간",
        "배순자",
    ),
    # reported words that open with 가 ("가장 …다고 X는 기억했다") keep it; 기억하다 reports
    "reported-words-keep-opening-ga": (
        "탈북민 배순자 씨는 2012년에 풀려났다. 가장 무서웠던 것은 겨울이었다고 배씨는 기억했다.",
        "가장 무서웠던 것은 겨울이었다",
        "배순자",
    ),
    # a ranked title after a name (책임연구원) leaves the name as the subject
    "ranked-title-after-name": (
        '한누리연구소의 고태민 선임연구원은 "수용소는 아직 있다"고 말했다.',
        "수용소는 아직 있다",
        "고태민",
    ),
    # a place that only modifies the subject ("도쿄 주재 … 서기관") is not the speaker
    "place-modifying-subject": (
        '도쿄 주재 북한 총련의 한 서기관은 "그런 시설은 없다"고 말했다.',
        "그런 시설은 없다",
        "도쿄 주재 북한 총련의 한 서기관",
    ),
    # a bare title as subject is the fuller description given to it before
    "bare-title-is-described-before": (
        '북한 외무성 대변인은 "모두 거짓"이라고 주장했다. 대변인은 "날조된 모략 문서"라고 '
        "덧붙였다.",
        "날조된 모략 문서",
        "북한 외무성 대변인",
    ),
    # a paragraph that is one quote without attribution goes on with the speaker of the quote
    # in the paragraph before it, over a run of such paragraphs
    "quote-paragraphs-go-on": (
        '탈북민 석영호 씨는 경비병이었다. 그는 "처음에는 몰랐다"며 이야기를 이어 갔다.\n\n'
        '"매일 아침 점호가 있었습니다. 늦으면 맞았습니다.\n\n'
        '"겨울에는 많은 사람이 얼어 죽었습니다."',
        "겨울에는 많은 사람이",
        "석영호",
    ),
    # "X 측은" with X a short form of a body named before as one word
    "side-of-body-named-before": (
        "민간단체 새빛기록원은 증언 200건을 모았다. 기록원 측은 증언을 서로 대조했다고 밝혔다.",
        "증언을 서로 대조했다",
        "새빛기록원",
    ),
    # a district after a metropolitan city is a place, so 그녀 is not taken for it
    "district-is-not-a-person": (
        "탈북민 나은경 씨는 17일 서울 노원구의 한 카페에서 기자를 만났다. 그녀는 "
        '"구류장에서 매일 맞았다"고 말했다.',
        "구류장에서 매일 맞았다",
        "나은경",
    ),
    # 그 after "허씨는" is the person the story is about, not a relative with that surname
    "pronoun-after-surname-mention": (
        '탈북민 허진수 씨는 "아버지가 끌려갔다"고 말했다. 그의 아버지 허만복 씨는 교사였다.\n\n'
        '허씨는 곧 추방됐다. 그는 "아무도 설명하지 않았다"고 했다.',
        "아무도 설명하지",
        "허진수",
    ),
    # a quote that only names a charge does not make its sentence a direct quote's
    "quote-naming-a-charge": (
        '탈북민 염태식 씨는 형이 "지도자를 모독했다"는 혐의로 끌려간 뒤 추방됐다고 밝혔다.',
        "형이",
        "염태식",
    ),
    # "…다는 이야기도 전했다": the story that …, told by the subject
    "reported-story": (
        "증언회 참석자들은 구류장에서 아이들이 굶었다는 이야기도 전했다.",
        "구류장에서 아이들이 굶었다",
        "증언회 참석자들",
    ),
    # "…다고 한다" with no subject after a witness's sentence is the witness's account
    "hearsay-after-witness": (
        "탈북민 염태식 씨는 2001년 구류장에 갇혔다고 말했다. 면회는 한 번도 허락되지 "
        "않았다고 한다.",
        "면회는 한 번도 허락되지 않았다",
        "염태식",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_round18_korean_speaker(case: str) -> None:
    text, words, speaker = CASES[case]
    assert speaker_of(extract_checked(text, lang="ko"), words) == speaker


def test_round18_korean_nested_quote_subject() -> None:
    """The subject of a quote inside a witness's quote speaks it, whatever Kiwi makes of the
    word before its 이/가."""
    text = (
        "탈북민 나은경 씨는 2009년에 붙잡혔다. 그녀는 “예심원이 ‘여기서는 아무도 못 나간다’며 "
        "웃었다”고 말했다."
    )
    found = {q.text: q.speaker for q in extract_checked(text, lang="ko").quotes}
    assert found["여기서는 아무도 못 나간다"] == "예심원"


def test_round18_korean_hearsay_after_a_place_is_nothing() -> None:
    """ "…다고 한다" after a sentence whose topic is a place suggests no quote."""
    text = "구류장 감방 한 칸에는 스무 명이 있었다. 밤에는 누울 자리도 없었다고 한다."
    assert [q.text for q in extract_checked(text, lang="ko").quotes] == []
