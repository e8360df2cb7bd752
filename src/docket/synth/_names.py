"""Invented Korean names and the many ways sources write them.

Surnames come from the shipped vocabulary (`docket.vocab.surname_spellings`); given names are built
from a small syllable table below. One `KoreanName` renders in the styles real sources mix: Hangul
with South or North Korean spelling (이/리), DPRK-style romanization ("Ri Yong Chol"),
McCune-Reischauer without diacritics ("Yi Yong-chol"), Revised Romanization ("I Yeong-cheol")
and the popular South Korean passport style ("Lee Young-chul"), in either name order.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache

from docket.vocab import surname_spellings


@dataclass(frozen=True)
class Syllable:
    hangul: str
    rr: str
    mr: str
    dprk: str
    popular: tuple[str, ...]


def _syl(hangul: str, rr: str, mr: str, dprk: str, *popular: str) -> Syllable:
    return Syllable(hangul, rr, mr, dprk, popular or (rr,))


# Given-name syllables, written for this module. `popular` lists passport-style spellings, most
# frequent first.
MALE_FIRST = (
    _syl("영", "Yeong", "Yong", "Yong", "Young", "Yeong"),
    _syl("광", "Gwang", "Kwang", "Kwang", "Kwang"),
    _syl("성", "Seong", "Song", "Song", "Sung", "Seong"),
    _syl("명", "Myeong", "Myong", "Myong", "Myung", "Myeong"),
    _syl("동", "Dong", "Tong", "Tong", "Dong"),
    _syl("학", "Hak", "Hak", "Hak", "Hak"),
    _syl("창", "Chang", "Chang", "Chang", "Chang"),
    _syl("경", "Gyeong", "Kyong", "Kyong", "Kyung", "Kyeong"),
    _syl("만", "Man", "Man", "Man", "Man"),
    _syl("상", "Sang", "Sang", "Sang", "Sang"),
    _syl("태", "Tae", "Tae", "Thae", "Tae"),
    _syl("국", "Guk", "Kuk", "Kuk", "Kook", "Guk"),
)
MALE_SECOND = (
    _syl("철", "Cheol", "Chol", "Chol", "Chul", "Cheol"),
    _syl("호", "Ho", "Ho", "Ho", "Ho"),
    _syl("남", "Nam", "Nam", "Nam", "Nam"),
    _syl("수", "Su", "Su", "Su", "Soo", "Su"),
    _syl("석", "Seok", "Sok", "Sok", "Seok", "Suk"),
    _syl("일", "Il", "Il", "Il", "Il"),
    _syl("진", "Jin", "Jin", "Jin", "Jin"),
    _syl("혁", "Hyeok", "Hyok", "Hyok", "Hyuk", "Hyeok"),
    _syl("길", "Gil", "Gil", "Kil", "Gil", "Kil"),
    _syl("복", "Bok", "Bok", "Pok", "Bok"),
    _syl("무", "Mu", "Mu", "Mu", "Moo"),
    _syl("환", "Hwan", "Hwan", "Hwan", "Hwan"),
)
FEMALE_FIRST = (
    _syl("영", "Yeong", "Yong", "Yong", "Young", "Yeong"),
    _syl("순", "Sun", "Sun", "Sun", "Soon", "Sun"),
    _syl("미", "Mi", "Mi", "Mi", "Mi"),
    _syl("옥", "Ok", "Ok", "Ok", "Ok"),
    _syl("금", "Geum", "Kum", "Kum", "Keum", "Geum"),
    _syl("정", "Jeong", "Chong", "Jong", "Jung", "Jeong"),
    _syl("은", "Eun", "Un", "Un", "Eun"),
    _syl("명", "Myeong", "Myong", "Myong", "Myung"),
    _syl("혜", "Hye", "Hye", "Hye", "Hye"),
    _syl("선", "Seon", "Son", "Son", "Sun", "Seon"),
    _syl("춘", "Chun", "Chun", "Chun", "Choon", "Chun"),
)
FEMALE_SECOND = (
    _syl("희", "Hui", "Hui", "Hui", "Hee", "Hui"),
    _syl("숙", "Suk", "Suk", "Suk", "Sook", "Suk"),
    _syl("자", "Ja", "Ja", "Ja", "Ja"),
    _syl("화", "Hwa", "Hwa", "Hwa", "Hwa"),
    _syl("애", "Ae", "Ae", "Ae", "Ae"),
    _syl("란", "Ran", "Ran", "Ran", "Ran"),
    _syl("실", "Sil", "Sil", "Sil", "Sil"),
    _syl("향", "Hyang", "Hyang", "Hyang", "Hyang"),
    _syl("녀", "Nyeo", "Nyo", "Nyo", "Nyeo"),
    _syl("월", "Wol", "Wol", "Wol", "Wol"),
)

# Real, well-known people (leaders, officials, prominent survivors): never generate these.
REAL_PUBLIC_FIGURES = (
    "김일성",
    "김정일",
    "김정은",
    "김여정",
    "김경희",
    "김평일",
    "장성택",
    "최룡해",
    "최선희",
    "리선권",
    "리설주",
    "신동혁",
    "강철환",
    "이순옥",
    "정광일",
    "안명철",
    "김영순",
    "김혜숙",
    "박연미",
    "이현서",
    "지성호",
    "태영호",
    "황장엽",
    "김주애",
    "Kim Il Sung",
    "Kim Jong Il",
    "Kim Jong Un",
    "Kim Yo Jong",
    "Kim Kyong Hui",
    "Jang Song Thaek",
    "Choe Ryong Hae",
    "Choe Son Hui",
    "Ri Son Gwon",
    "Ri Sol Ju",
    "Shin Dong Hyuk",
    "Kang Chol Hwan",
    "Lee Soon Ok",
    "Jeong Kwang Il",
    "Ahn Myong Chol",
    "Kim Young Soon",
    "Kim Hye Sook",
    "Park Yeon Mi",
    "Lee Hyeon Seo",
    "Ji Seong Ho",
    "Thae Yong Ho",
    "Hwang Jang Yop",
)


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z가-힣]", "", text.lower())


_BLOCKED = frozenset(_key(n) for n in REAL_PUBLIC_FIGURES)


@dataclass(frozen=True)
class Surname:
    hangul: str
    hangul_dprk: str
    rr: str
    mr: str
    dprk: str
    popular: tuple[str, ...]
    rank: int


@cache
def surnames() -> tuple[Surname, ...]:
    """The 40 most frequent surnames, with one spelling per romanization system."""
    grouped: dict[tuple[int, str, str], dict[str, list[str]]] = {}
    for s in surname_spellings():
        if s.rank is None or s.rank > 40:
            continue
        kinds = grouped.setdefault((s.rank, s.hangul, s.hangul_dprk), {})
        kinds.setdefault(s.kind, []).append(s.spelling)
    out = []
    for (rank, hangul, hangul_dprk), kinds in sorted(grouped.items()):
        pop = kinds.get("popular") or kinds["rr"]
        out.append(
            Surname(
                hangul=hangul,
                hangul_dprk=hangul_dprk,
                rr=kinds["rr"][0],
                mr=kinds.get("mr_ascii", kinds["rr"])[0],
                dprk=kinds.get("dprk_ascii", kinds["rr"])[0],
                popular=tuple(pop[:3]),
                rank=rank,
            )
        )
    return tuple(out)


STYLES = ("hangul", "hangul_dprk", "dprk", "mr", "rr", "popular", "popular_western", "upper")


@dataclass(frozen=True)
class KoreanName:
    """A person's name; `pop_surname` is the spelling this person's passport would use."""

    surname: Surname
    given: tuple[Syllable, Syllable]
    pop_surname: str

    @property
    def hangul(self) -> str:
        return self.surname.hangul + "".join(s.hangul for s in self.given)

    @property
    def hangul_dprk(self) -> str:
        return self.surname.hangul_dprk + "".join(s.hangul for s in self.given)

    def render(self, style: str) -> str:
        g1, g2 = self.given
        if style == "hangul":
            return self.hangul
        if style == "hangul_dprk":
            return self.hangul_dprk
        if style == "dprk":
            return f"{self.surname.dprk} {g1.dprk} {g2.dprk}"
        if style == "mr":
            return f"{self.surname.mr} {g1.mr}-{g2.mr.lower()}"
        if style == "rr":
            return f"{self.surname.rr} {g1.rr}-{g2.rr.lower()}"
        given = f"{g1.popular[0]}-{g2.popular[0].lower()}"
        if style == "popular":
            return f"{self.pop_surname} {given}"
        if style == "popular_western":
            return f"{given} {self.pop_surname}"
        if style == "upper":
            return f"{self.surname.dprk} {g1.dprk} {g2.dprk}".upper()
        raise ValueError(f"unknown name style {style!r}; expected one of {STYLES}")

    def all_forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.render(s) for s in STYLES))

    def family(self, style: str) -> str:
        """The surname alone as a given style writes it ("Mrs Pak", "리씨")."""
        return {
            "hangul": self.surname.hangul,
            "hangul_dprk": self.surname.hangul_dprk,
            "dprk": self.surname.dprk,
            "mr": self.surname.mr,
            "rr": self.surname.rr,
        }.get(style, self.pop_surname)


class NameMaker:
    """Draws unique invented names; never a real public figure, never the same Hangul twice."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()
        ranks = surnames()
        self._surnames = ranks
        # Frequent surnames are drawn more often, roughly like the population.
        self._weights = [1.0 / (s.rank**0.7) for s in ranks]

    def reserve(self, name: KoreanName) -> None:
        """Never hand out this name (used so press aliases differ from every real-world name)."""
        self._used.update(_key(f) for f in name.all_forms())

    def make(self, sex: str) -> KoreanName:
        firsts, seconds = (MALE_FIRST, MALE_SECOND) if sex == "M" else (FEMALE_FIRST, FEMALE_SECOND)
        for _ in range(1000):
            surname = self._rng.choices(self._surnames, weights=self._weights)[0]
            given = (self._rng.choice(firsts), self._rng.choice(seconds))
            pop = self._rng.choices(surname.popular, weights=[8, 2, 1][: len(surname.popular)])[0]
            name = KoreanName(surname, given, pop)
            keys = {_key(f) for f in name.all_forms()}
            # Distinct in every spelling, so a name in one document cannot be mistaken for
            # another person's by accident; a real public figure's name is never produced.
            if keys & self._used or keys & _BLOCKED:
                continue
            self._used.update(keys)
            return name
        raise RuntimeError("ran out of distinct synthetic names")  # pragma: no cover


def is_real_public_figure(text: str) -> bool:
    return _key(text) in _BLOCKED
