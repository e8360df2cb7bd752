"""Round nineteen's Korean speaker constructions (read from heldout27/28's Korean errors).
Every text below is SYNTHETIC, written for its test: the names, bodies and events are made up.
Each case gives the text, words of one quote, and who should be suggested as its speaker."""

import pytest

from .conftest import extract_checked, speaker_of

CASES: dict[str, tuple[str, str, str]] = {
    # a body's long name before a Korean name and title is not part of a foreign name
    "body-before-name-and-title": (
        '푸른기억연구네트워크는 보고서를 냈다. 푸른기억연구네트워크 남궁서 연구원은 "구조가 '
        '같다"고 설명했다.',
        "구조가 같다",
        "남궁서",
    ),
    # a title compounded with its unit in one word (조사팀장, 정책실장) after a name
    "unit-title-after-name": (
        '단체의 오세린 정책실장은 "송환을 멈춰야 한다"고 강조했다.',
        "송환을 멈춰야 한다",
        "오세린",
    ),
    # a foreign name of two proper nouns as subject, the second not a surname's sound
    "foreign-name-no-title": (
        '노르웨이 출신 안나 크로그스타는 "답을 기다린다"고 말했다.',
        "답을 기다린다",
        "안나 크로그스타",
    ),
    # "이 보고서는" with no fuller description before: the head noun
    "demonstrative-head-alone": (
        '지난주 나온 이 보고서는 "수감자 수가 줄지 않았다"고 지적했다.',
        "수감자 수가 줄지 않았다",
        "보고서",
    ),
    # "이 단체는": the body named last before
    "this-body-is-named-body": (
        '북한인권정보센터는 증언집을 냈다. 이 단체는 "유엔에 전달하겠다"고 밝혔다.',
        "유엔에 전달하겠다",
        "북한인권정보센터",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_round19_korean_speaker(case: str) -> None:
    text, words, speaker = CASES[case]
    assert speaker_of(extract_checked(text, lang="ko"), words) == speaker


def test_another_thread_does_not_clear_a_documents_tokens(monkeypatch) -> None:
    """A document's paragraph tokens stay cached while another thread reads another document
    (one shared cache was cleared under the first, which then read a missing key)."""
    import threading

    from docket.extract import korean as ko

    kiwi = ko.korean()
    calls: list[str] = []

    class Counting:
        def tokenize(self, chunk: str) -> list:
            calls.append(chunk)
            return kiwi.tokenize(chunk)

    monkeypatch.setattr(ko, "korean", lambda: Counting())
    mine = "SYNTHETIC. 김철수 씨는 수용소에서 일했다."
    other = "SYNTHETIC. 박영희 씨는 요덕에 있었다."
    first = ko._tokens(mine, 0, len(mine))
    reader = threading.Thread(target=ko._tokens, args=(other, 0, len(other)))
    reader.start()
    reader.join()
    assert ko._tokens(mine, 0, len(mine)) is first
    assert calls == [mine, other]
