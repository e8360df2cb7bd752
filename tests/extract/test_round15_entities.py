"""Entity rules of round fifteen, each on a short SYNTHETIC text written for the test (people,
places and events are invented)."""

from __future__ import annotations

import pytest

from docket.extract.acts import find_acts
from docket.extract.korean import korean_names
from docket.extract.names import find_korean_names
from docket.extract.places import camp_phrase_end

from .conftest import extract_checked


def _found(text: str, lang: str = "auto") -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in extract_checked(text, lang).entities}


def test_a_camp_word_must_be_whole() -> None:
    # "prisoners" is no "prison": the facility is the short name alone
    text = "The group spoke to former Yodok prisoners in March."
    assert text[: camp_phrase_end(text, len("The group spoke to former Yodok"))].endswith("Yodok")
    assert ("FACILITY", "Yodok prison") not in _found(text)
    # a plural type word stays with the name
    text = "She described the Yodok camps to the panel."
    assert text[: camp_phrase_end(text, len("She described the Yodok"))].endswith("Yodok camps")


def test_town_in_the_genitive_is_not_part_of_the_numbered_camp() -> None:
    text = "조사단은 회령의 제22호 관리소와 온성 제12호 관리소를 언급했다."
    found = _found(text, "ko")
    assert ("FACILITY", "제22호 관리소") in found
    assert ("GPE", "회령") in found
    assert ("FACILITY", "온성 제12호 관리소") in found  # no genitive: the town names the camp


def test_headed_name_joined_by_and() -> None:
    text = "The Trade and Reconciliation Committee heard two witnesses on Friday."
    found = _found(text)
    assert ("ORG", "Trade and Reconciliation Committee") in found
    assert ("ORG", "Reconciliation Committee") not in found


def test_full_country_name_is_a_place() -> None:
    text = "A delegate of the Democratic People's Republic of Korea walked out of the meeting."
    found = _found(text)
    assert ("GPE", "Democratic People's Republic of Korea") in found
    assert not any(label == "ORG" and "Republic" in words for label, words in found)


def test_dateline_city_in_capitals() -> None:
    text = "OSLO (4 May 2031) - A panel heard from three former detainees about Camp 15."
    assert ("GPE", "OSLO") in _found(text)


def test_a_role_is_not_an_organisation() -> None:
    # the model calls "State" in "Secretary of State" an organisation
    found = _found("The Secretary of State will reply to the families in writing.")
    assert not {w.lower() for label, w in found if label == "ORG"} & {"state", "secretary of state"}


def test_one_word_after_in_is_a_place_when_the_model_says_organisation() -> None:
    text = "Ahn Mi-rae, 70, now lives in Gunsan and sells vegetables at a market."
    found = _found(text)
    assert ("ORG", "Gunsan") not in found


@pytest.mark.parametrize(
    ("text", "not_names"),
    [
        ("In April 2019 the family was moved. In Hyesan nobody spoke of it.", 2),
        ("On Tuesday, An Myong-ok returned. In June it rained.", 1),
    ],
)
def test_calendar_words_and_opening_in_are_not_korean_names(text: str, not_names: int) -> None:
    names = [text[s:e] for s, e in find_korean_names(text)]
    assert not any(n.startswith("In ") for n in names), names
    if not_names == 1:
        assert names == ["An Myong-ok"]


def test_hyphenated_given_name_after_in_is_a_person() -> None:
    text = "In Sol-mi said nothing. She met In Sun Hui later."
    names = [text[s:e] for s, e in find_korean_names(text)]
    assert names == ["In Sol-mi", "In Sun Hui"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("우리 가족은 갑산군 산골로 쫓겨났다.", "갑산군"),
        ("그는 평양 모란봉구역에서 자랐다.", "모란봉구역"),
    ],
)
def test_korean_unit_ending_is_a_place(text: str, place: str) -> None:
    found = {(e.label, e.text) for e in korean_names(text, 0, len(text))}
    assert ("GPE", place) in found
    assert not any(label == "PERSON" and place in w for label, w in found)


def test_korean_building_before_a_locative_is_not_a_town() -> None:
    text = "그는 구류장에서 석 달을 보낸 뒤 평화기념관에서 증언했다."
    found = {(e.label, e.text) for e in korean_names(text, 0, len(text))}
    assert not any(label == "GPE" for label, _ in found)


def test_korean_honorific_name_may_end_like_an_institution() -> None:
    text = "탈북민 조상국 씨는 당시를 떠올렸다."
    found = {(e.label, e.text) for e in korean_names(text, 0, len(text))}
    assert ("PERSON", "조상국") in found


def test_a_sea_is_neither_a_town_nor_a_person() -> None:
    text = "어선은 동해에서 조업하다 납치됐고, 선원 가족들은 서해로 떠났다."
    found = {(e.label, e.text) for e in korean_names(text, 0, len(text))}
    assert not any(w in ("동해", "서해") for _, w in found)


def test_interrogators_question_is_no_evidence_of_religious_persecution() -> None:
    asked = (
        "The officer asked me again and again whether I had gone to church in China.",
        '그는 "보위원이 교회에 갔느냐고 계속 물었다"고 말했다.',
    )
    for text in asked:
        assert "V-RELIGION" not in {a.type for a in find_acts(text)}, text
    # the same words as the reason for punishment are evidence
    text = "She was sent to the camp because she had gone to church in China."
    assert "V-RELIGION" in {a.type for a in find_acts(text)}


def test_a_listed_body_with_the_united_nations_before_it_is_one_name() -> None:
    text = "The United Nations General Assembly adopted the text without a vote on Monday."
    found = _found(text)
    assert ("ORG", "United Nations General Assembly") in found
    assert ("ORG", "United Nations") not in found


def test_a_span_ending_in_a_role_is_no_place() -> None:
    # the model calls this span a facility
    text = "Moon urged the UN Special Rapporteur on the right to food to visit the camps."
    assert not any("Rapporteur" in w and label != "ORG" for label, w in _found(text))


def test_transcript_speaker_label_is_a_person() -> None:
    text = "THE CHAIR: Please go on.\nMR OKAFOR (member): Were you ever told why?\nMR RI: No."
    found = {(label, w.lower()) for label, w in _found(text)}
    assert ("PERSON", "okafor") in found


def test_korean_place_of_origin_is_a_place() -> None:
    text = "함경남도 단천 출신 탈북민 유정숙 씨가 입을 열었다."
    found = {(e.label, e.text) for e in korean_names(text, 0, len(text))}
    assert ("GPE", "단천") in found
    assert ("PERSON", "유정숙") in found


def test_the_town_a_camp_is_at_is_a_place() -> None:
    text = (
        "Satellite images show new barracks at the camp at Hwasong. Former guards of the "
        "camps at Hwasong and Pukchang described the mines. Hwasong camp is the largest."
    )
    ex = extract_checked(text)
    found = {(e.label, e.text) for e in ex.entities}
    assert ("GPE", "Hwasong") in found
    assert ("GPE", "Pukchang") in found
    assert ("FACILITY", "Hwasong camp") in found  # with its type word it names the camp
    assert "KWN-16" in {p.place_id for p in ex.places}  # the gazetteer id is still found


def test_listed_korean_town_keeps_its_unit() -> None:
    found = _found("그는 혜산시에서 자랐고 어머니는 청진으로 떠났다.", "ko")
    assert ("GPE", "혜산시") in found
    assert ("GPE", "혜산") not in found
    assert ("GPE", "청진") in found
