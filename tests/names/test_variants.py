from __future__ import annotations

from docket.names import hangul_candidates, name_variants


def test_hangul_candidates_contain_the_name_and_rank_common_first() -> None:
    cands = hangul_candidates("Ri Yong Chol")
    assert "이영철" in cands
    assert cands.index("이영철") < cands.index("이영촐")


def test_hangul_candidates_empty_when_not_korean() -> None:
    assert hangul_candidates("John Smith") == []


def test_variants_cover_all_systems_orders_and_scripts() -> None:
    v = name_variants("이영철")
    for form in [
        "이영철",
        "리영철",
        "Ri Yong Chol",
        "Lee Young-chul",
        "Yi Yŏng-ch'ŏl",
        "Young-chul Lee",
        "LEE, Young-chul",
        "I Yeong-cheol",
        "Ri Yongchol",
        "Rhee Young Chul",
    ]:
        assert form in v, form


def test_variants_of_romanized_name_include_its_hangul() -> None:
    v = name_variants("Choe Myong Nam")
    assert {"최명남", "Choi Myung-nam", "Choe Myong Nam", "Myong Nam Choe"} <= v


def test_variants_of_unparseable_name_is_itself() -> None:
    assert name_variants("John Smith") == {"John Smith"}
