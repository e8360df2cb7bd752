"""Fuzzy birth years and event dates as intervals (earliest, latest); the words stay in the input.

"1960-1965" -> (1960, 1965); "c. 1962" -> (1960, 1964); "1960s" -> (1960, 1969).
Event dates are months since year 0: "spring 1997" -> (Mar 1997, May 1997).
"""

from __future__ import annotations

import re
from functools import lru_cache

_YEAR = r"(1[89]\d\d|20\d\d)"
_CIRCA = 2  # "c. 1962" means within two years either side


@lru_cache(maxsize=20_000)
def birth_year_interval(text: str | None) -> tuple[int, int] | None:
    """None when empty or unreadable (treated as unknown, not as an error)."""
    if not text:
        return None
    t = text.strip().lower()
    if m := re.fullmatch(_YEAR, t):
        y = int(m[1])
        return (y, y)
    if m := re.fullmatch(_YEAR + r"\s*[-–/~]\s*" + _YEAR, t):
        a, b = int(m[1]), int(m[2])
        return (min(a, b), max(a, b))
    if m := re.fullmatch(r"(?:c\.?|ca\.?|circa|about|approx\.?|~)\s*" + _YEAR + r"\??", t):
        y = int(m[1])
        return (y - _CIRCA, y + _CIRCA)
    if m := re.fullmatch(_YEAR + r"\?", t):
        y = int(m[1])
        return (y - _CIRCA, y + _CIRCA)
    if m := re.fullmatch(r"(1[89]\d|20\d)0s", t):
        y = int(m[1]) * 10
        return (y, y + 9)
    return None


_SEASON = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 14),
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
}
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}


@lru_cache(maxsize=50_000)
def event_month_interval(text: str | None) -> tuple[int, int] | None:
    """Months since year 0 covering a date or partial date; None when empty or unreadable."""
    if not text:
        return None
    t = text.strip().lower()
    if m := re.fullmatch(_YEAR + r"(?:-(\d{1,2})(?:-\d{1,2})?)?", t):
        y = int(m[1])
        if m[2]:
            mo = int(m[2])
            return (y * 12 + mo - 1, y * 12 + mo - 1) if 1 <= mo <= 12 else None
        return (y * 12, y * 12 + 11)
    if m := re.fullmatch(r"([a-z]+)\.?\s+" + _YEAR, t):
        word, y = m[1], int(m[2])
        if word in _SEASON:
            a, b = _SEASON[word]
            return (y * 12 + a - 1, y * 12 + b - 1)
        if word[:3] in _MONTHS:
            mo = _MONTHS[word[:3]]
            return (y * 12 + mo - 1, y * 12 + mo - 1)
    if m := re.fullmatch(r"(1[89]\d|20\d)0s", t):
        y = int(m[1]) * 10
        return (y * 12, (y + 9) * 12 + 11)
    return None
