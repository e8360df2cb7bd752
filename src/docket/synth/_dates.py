"""Partial dates as witnesses say them ("spring 1997", "1997년 봄", "the early 1990s")."""

from __future__ import annotations

import random
from dataclasses import dataclass

SEASONS_EN = ("spring", "summer", "autumn", "winter")
SEASONS_KO = ("봄", "여름", "가을", "겨울")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASON_OF_MONTH = (3, 3, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3)


@dataclass(frozen=True)
class When:
    """A moment known to the month; how precisely it is *said* is chosen per mention."""

    year: int
    month: int

    @property
    def season(self) -> int:
        return _SEASON_OF_MONTH[self.month - 1]

    def en(self, rng: random.Random) -> str:
        forms = [
            f"{SEASONS_EN[self.season]} {self.year}",
            f"the {SEASONS_EN[self.season]} of {self.year}",
            f"{MONTHS_EN[self.month - 1]} {self.year}",
            f"{self.year}",
            f"{self._part()}{self.year}",
        ]
        return rng.choice(forms)

    def _part(self) -> str:
        return "early " if self.month <= 4 else "late " if self.month >= 9 else "mid-"

    def ko(self, rng: random.Random) -> str:
        forms = [
            f"{self.year}년 {SEASONS_KO[self.season]}",
            f"{self.year}년 {self.month}월",
            f"{self.year}년",
            f"{self.year}년 {'초' if self.month <= 4 else '말' if self.month >= 9 else '중순'}",
        ]
        return rng.choice(forms)


def decade_en(year: int) -> str:
    part = "early" if year % 10 <= 3 else "late" if year % 10 >= 7 else "mid-"
    return f"the {part} {year // 10 * 10}s".replace("- ", "-")


def decade_ko(year: int) -> str:
    part = "초" if year % 10 <= 3 else "말" if year % 10 >= 7 else "중반"
    return f"{year // 10 * 10}년대 {part}"


def random_when(rng: random.Random, first_year: int, last_year: int) -> When:
    return When(rng.randint(first_year, last_year), rng.randint(1, 12))
