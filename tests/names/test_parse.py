from __future__ import annotations

import pytest

from docket.names import parse_name


@pytest.mark.parametrize(
    ("text", "surname", "given", "order"),
    [
        ("Ri Yong Chol", "ri", ("yong", "chol"), "surname_first"),
        ("Young-chul Lee", "lee", ("young", "chul"), "surname_last"),
        ("LEE, Young Chul", "lee", ("young", "chul"), "comma"),
        ("CHOE MYONG-NAM", "choe", ("myong", "nam"), "surname_first"),
        ("Yong-chol KIM", "kim", ("yong", "chol"), "surname_last"),
        ("Ch'oe Myŏng-nam", "choe", ("myong", "nam"), "surname_first"),
        ("리영철", "리", ("영", "철"), "surname_first"),
        ("남궁민", "남궁", ("민",), "surname_first"),
        ("이 영철", "이", ("영", "철"), "surname_first"),
        ("Park Jisung", "park", ("ji", "sung"), "surname_first"),
    ],
)
def test_parse(text, surname, given, order) -> None:
    p = parse_name(text)
    assert (p.surname, p.given, p.order) == (surname, given, order)


def test_written_form_is_kept() -> None:
    p = parse_name("리영철")
    assert p.surname == "리" and p.surname_hangul == ("이",) and p.original == "리영철"


def test_clean_parse_has_no_flags() -> None:
    assert parse_name("Ri Yong Chol").ok


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("", "empty"),
        ("John Smith", "unknown_surname"),
        ("John Smith", "unparsed_syllable"),
        ("Kim Song", "order_ambiguous"),  # both could be the surname
        ("Kimyongchol", "no_separator"),
        ("Kim Jongun", "segmentation_ambiguous"),  # jong-un or jon-gun
        ("Pak", "no_given_name"),
        ("Bak Yong-chol", "surname_ambiguous"),  # 박 or 백
        ("Kim 영철", "mixed_script"),
    ],
)
def test_guesses_are_flagged(text: str, flag: str) -> None:
    assert flag in parse_name(text).flags


def test_single_run_splits_known_surname() -> None:
    p = parse_name("Kimyongchol")
    assert p.surname == "kim" and p.given == ("yong", "chol")
