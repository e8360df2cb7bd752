"""Table-driven: spellings of one name must share keys; near misses must not."""

from __future__ import annotations

import itertools

import pytest

from docket.names import canonical_hangul_key, phonetic_key, surname_key

# Each group: one person's name as different sources write it.
SAME = [
    [
        "Ri Yong Chol",
        "Lee Young-chul",
        "이영철",
        "리영철",
        "Young-chul Lee",
        "LEE, Young Chul",
        "Yi Yŏng-ch'ŏl",
        "I Yeong-cheol",
        "Rhee Yongchol",
        "Yong Chol Ri",
        "RI Yong-chol",
        "Ri Yong-chol",
        "Yi Yong-chol",
        "Lee Youngchul",
        "YoungChul Lee",
        "ri yong chol",
    ],
    [
        "Kim Jong Un",
        "김정은",
        "Kim Jong-eun",
        "Kim Chŏng-ŭn",
        "Kim Chong-un",
        "KIM Jong-un",
        "Jong-un Kim",
        "Kim Jeong-eun",
        "KIM, Jong Un",
        "Gim Jeong-eun",
    ],
    [
        "Choe Myong Nam",
        "최명남",
        "Myong-nam Choi",
        "Ch'oe Myŏng-nam",
        "Choi Myung-nam",
        "CHOE MYONG-NAM",
        "Choe Myeong-nam",
        "Choi Myungnam",
        "Myungnam Choi",
    ],
    [
        "Rim Kyong Hui",
        "임경희",
        "림경희",
        "Im Gyeong-hui",
        "Lim Kyung-hee",
        "Yim Kyong-hui",
        "Rim Kyŏng-hŭi",
        "Kyung-hee Lim",
        "LIM, Kyung Hee",
    ],
    ["Ryu Kyong", "류경", "유경", "Yu Kyung", "Yoo Kyeong", "Ryu Kyŏng", "Yu Gyeong"],
    ["Ro Su Ok", "노수옥", "로수옥", "Noh Soo-ok", "No Su-ok", "Roh Suok", "Su-ok Noh"],
    ["Ryang Chun", "양춘", "량춘", "Yang Choon", "Yang Ch'un", "Yang Chun"],
    [
        "Pak Song Chol",
        "박성철",
        "Park Sung-chul",
        "Pak Sŏng-ch'ŏl",
        "Bak Seong-cheol",
        "Sung-chul Park",
        "PARK Sung Chul",
        "Pak Song-chol",
    ],
    [
        "Jong Kum Sun",
        "정금순",
        "Jung Keum-soon",
        "Chŏng Kŭm-sun",
        "Chung Keum-sun",
        "Jeong Geum-sun",
        "Jong Kum-sun",
        "Keum-soon Jung",
    ],
    [
        "Jang Song Thaek",
        "장성택",
        "Chang Sŏng-t'aek",
        "Jang Seong-taek",
        "Chang Sung-taek",
        "Jang Song-thaek",
        "Sung-taek Chang",
    ],
    [
        "Kang Chol Hwan",
        "강철환",
        "Kang Chul-hwan",
        "Gang Cheol-hwan",
        "Kang Ch'ŏr-hwan",
        "Chul-hwan Kang",
        "Kang Cheolhwan",
    ],
    [
        "Shin Dong Hyuk",
        "신동혁",
        "Sin Dong-hyeok",
        "Shin Dong-hyuk",
        "Sin Tong-hyŏk",
        "Dong-hyuk Shin",
        "SHIN, Dong Hyuk",
    ],
    ["Han Kwang Sok", "한광석", "Han Gwang-seok", "Han Kwang-suk", "Han Kwang-sŏk"],
    ["Jo Myong Sun", "조명순", "Cho Myung-soon", "Jo Myeong-sun", "Cho Myŏng-sun"],
    ["Yun Hye Yong", "윤혜영", "Yoon Hye-young", "Yun Hye-yŏng", "Yun Hye-yeong"],
    ["O Jin Ho", "오진호", "Oh Jin-ho", "O Chin-ho", "Jin-ho Oh"],
    ["Hwang Min Ju", "황민주", "Hwang Min-joo", "Hwang Min-ju", "Hwang Minju"],
    ["Ri Ryon Hui", "이연희", "리련희", "Lee Yeon-hee", "Ri Ryŏn-hŭi", "Yi Yon-hui"],
    ["Kwon Ok Nam", "권옥남", "Kwŏn Ong-nam", "Gwon Ok-nam", "Kwon Ok-nam"],
    ["Namgung Min", "남궁민", "Namkoong Min", "Min Namgung", "NAMGUNG Min"],
    ["Ri Yong Ae", "이영애", "Lee Young-ae", "Yi Yŏng-ae", "Ri Yong-ae", "리영애"],
    ["Song Il Nam", "송일남", "Song Il-nam", "Il-nam Song", "Song Ilnam"],
]

# Pairs that must NOT share a phonetic key: one syllable, surname or order really differs.
DIFFERENT = [
    ("Ri Yong Chol", "Ri Yong Chan"),
    ("이영철", "이영찬"),
    ("Lee Young-chul", "Kim Young-chul"),
    ("Kim Jong Un", "Kim Jong Il"),
    ("Kim Jong Un", "Kim Jong Nam"),
    ("김정은", "김정일"),
    ("Choe Myong Nam", "Choe Myong Sun"),
    ("Pak Song Chol", "Pak Song Ho"),
    ("Jo Myong Sun", "Ju Myong Sun"),
    ("Park Sung-chul", "Paek Sung-chul"),
    ("Rim Kyong Hui", "Rim Kyong Ok"),
    ("Ryu Kyong", "Ryu Kyong Ho"),
    ("Han Kwang Sok", "Han Kwang"),
    ("Shin Dong Hyuk", "Jin Dong Hyuk"),
    ("Jang Song Thaek", "Jang Song Nam"),
    ("Kang Chol Hwan", "Kang Chol Ho"),
    ("Yun Hye Yong", "Yun Hye Ok"),
    ("O Jin Ho", "O Jin Su"),
    ("Hwang Min Ju", "Hwang Min Ho"),
    ("Song Il Nam", "Song Il Ho"),
    ("Kwon Ok Nam", "Kwon Ok Sun"),
    ("Ri Yong Ae", "Ri Yong Hui"),
    ("이영애", "이영희"),
    ("Ri Yong Chol", "Pak Yong Chol"),
    ("Kim Yong Chol", "Kim Chol Yong"),
    ("김영철", "김철영"),
    ("Lee Min-ho", "Lee Min-su"),
    ("Choi Ji-woo", "Choi Ji-hoon"),
    ("Jung Ha-na", "Jung Ha-neul"),
    ("Kim Su-jin", "Kim Su-bin"),
    ("Han Ye-seul", "Han Ye-jin"),
    ("Yoon Seo-yeon", "Yoon Seo-hyun"),
    ("Kang Min-ji", "Kang Min-a"),
    ("Ri Chun Hui", "Ri Chun Ok"),
    ("Pak Chol", "Pak Chul Ho"),
    ("Mun Song Il", "Mun Song Ho"),
]


def _pairs():
    for group in SAME:
        yield from itertools.combinations(group, 2)


SAME_PAIRS = list(_pairs())


def test_table_is_large():
    assert len(SAME_PAIRS) >= 500


@pytest.mark.parametrize(("a", "b"), SAME_PAIRS)
def test_same_person_same_phonetic_key(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b), (a, b)
    assert surname_key(a) == surname_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_near_misses_differ(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b), (a, b)


@pytest.mark.parametrize(
    ("north", "south"),
    [
        ("리영철", "이영철"),
        ("림경희", "임경희"),
        ("류경", "유경"),
        ("로수옥", "노수옥"),
        ("량춘", "양춘"),
        ("리련희", "이연희"),
        ("렴순", "염순"),
    ],
)
def test_initial_rule_normalises_hangul_key(north: str, south: str) -> None:
    assert canonical_hangul_key(north) == canonical_hangul_key(south) == south


def test_romanized_name_gets_no_guessed_hangul_key() -> None:
    # "Yong" may be 영 or 용, "Chol" 철 or 촐: no single Hangul key without guessing.
    assert canonical_hangul_key("Ri Yong Chol") is None
    # RR spellings that admit one reading do get one
    assert canonical_hangul_key("Im Gyeong-hui") == "임경희"
