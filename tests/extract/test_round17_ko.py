"""Round seventeen's Korean speaker constructions (read from heldout21/22's Korean errors).
Every text below is SYNTHETIC, written for its test: the names, bodies and events are made up.
Each case gives the text, words of one quote, and who should be suggested as its speaker."""

import pytest

from docket.extract.korean import korean_names

from .conftest import extract_checked, speaker_of

CASES: dict[str, tuple[str, str, str]] = {
    # 은/는 ending a modifier (많은, 지켜보는) is not the topic particle: the topic comes later
    "modifier-is-not-topic": (
        '많은 주민이 지켜보는 가운데, 보위원은 "다시는 도망치지 마라"고 외쳤다.',
        "다시는 도망치지",
        "보위원",
    ),
    # a described speaker after a clause that ends in a modifier; 또 before 다른 is kept
    "described-after-modifier": (
        '얼굴을 드러내지 않은 또 다른 탈북 여성은 "매일 맞았다"고 말했다.',
        "매일 맞았다",
        "또 다른 탈북 여성",
    ),
    # a proper noun before bare 에 ("안산에 머물고") is a place, so 그 is the person before it
    "place-before-e-is-not-a-person": (
        "탈북민 문경자 씨는 2015년 한국에 왔다. 지금은 안산에 머물고 있다. "
        '그는 "아직도 꿈을 꾼다"고 말했다.',
        "아직도 꿈을",
        "문경자",
    ),
    # 만/도 after the quotative particle: "…"라고만 했다, "…다고도 증언했다"
    "quotative-with-only": (
        '탈북민 노영삼 씨는 석방되던 날을 떠올렸다. 담당 보위원은 "잘 가라"라고만 했다.',
        "잘 가라",
        "담당 보위원",
    ),
    "reported-with-also": (
        '노영삼 씨는 "매일 맞았다"고 말했다. 그는 성경을 읽었다는 이유로 독방에 갇혔다고도 '
        "증언했다.",
        "성경을 읽었다는 이유로",
        "노영삼",
    ),
    # an estimate reported as "…ㄹ 것으로 추산했다"
    "estimated-as-geot": (
        "가상인권연대는 지난해 보고서에서 이 수용소에 약 8천 명이 갇혀 있을 것으로 추산했다.",
        "이 수용소에 약 8천 명이",
        "가상인권연대",
    ),
    # a subject with 이/가 between the reported words and the verb, with all its words
    "reported-then-described-subject": (
        "수용소 주변에 새 초소가 세워진 것이 확인됐다고 한 북한 전문 매체가 15일 보도했다.",
        "수용소 주변에 새 초소가",
        "한 북한 전문 매체",
    ),
    # "현지 소식통에 따르면": a described source, not the body named before
    "described-source-not-earlier-body": (
        '외교부는 13일 "상황을 주시하고 있다"고 밝혔다. 현지 소식통에 따르면 송환된 '
        "여성들은 모두 구류장에 갇혔다.",
        "송환된 여성들은",
        "현지 소식통",
    ),
    # "이 활동가는" in a later paragraph: the description given before
    "demonstrative-subject": (
        '한 인권단체 활동가는 "송환이 계속되고 있다"고 말했다.\n\n이 활동가는 올해만 수백 '
        "명이 송환됐을 것으로 추정했다.",
        "올해만 수백 명이",
        "한 인권단체 활동가",
    ),
    # a foreign name in Hangul before a title or 씨, the body before it with 의
    "foreign-name-before-title": (
        '국제수용소감시단의 마이클 윌리엄스 사무총장은 기자회견에서 "즉시 문을 열어야 한다"고 '
        "말했다.",
        "즉시 문을 열어야",
        "마이클 윌리엄스",
    ),
    "foreign-name-before-ssi": (
        '인권 변호사 캐서린 하워드 씨는 "증언이 서로 일치한다"고 말했다.',
        "증언이 서로 일치한다",
        "캐서린 하워드",
    ),
    # no subject before a quote with its verb: the subject of the sentence before goes on
    "left-out-subject-goes-on": (
        '할머니는 작년 겨울에 세상을 떠나셨다. 떠나기 전까지 "꼭 고향에 돌아가거라"고 하셨다.',
        "꼭 고향에 돌아가거라",
        "할머니",
    ),
    # a story's first quote as a paragraph of its own: the person the next paragraph opens
    # with, not a place named before that person
    "lede-quote-then-person": (
        '"그날 이후로 우리 가족은 죄인이 되었어요."\n\n함경북도 무산에서 자란 탈북민 '
        "공민서(47) 씨는 2001년 겨울을 잊지 못한다.",
        "그날 이후로 우리 가족은",
        "공민서",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_round17_korean_speaker(case: str) -> None:
    text, words, speaker = CASES[case]
    assert speaker_of(extract_checked(text, lang="ko"), words) == speaker


def test_round17_korean_term_in_quotes_is_not_speech() -> None:
    """A word in quotes inside a quote ("…'지옥'이라고 불렀어요") is a term, not a quote."""
    text = "탈북민 노영삼 씨는 \"다들 그곳을 '지옥'이라고 불렀어요\"라고 말했다."
    assert [q.text for q in extract_checked(text, lang="ko").quotes] == [
        "다들 그곳을 '지옥'이라고 불렀어요"
    ]


def test_round17_korean_full_name_before_e_stays_a_person() -> None:
    """Only a two-syllable proper noun before bare 에 is taken for a town ("안산에 머물고");
    a full name keeps its reading ("…는 조명수에 맞서 …")."""
    text = "그들은 조명수에 맞서 싸웠다. 지금은 안산에 머물고 있다."
    found = {(e.text, e.label) for e in korean_names(text, 0, len(text))}
    assert ("조명수", "PERSON") in found and ("안산", "GPE") in found
