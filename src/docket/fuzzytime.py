"""Fuzzy time: partial dates as an interval (earliest, latest) that keeps the original words.

Structured fields (a list's birth_year or event_date, a page's published date) arrive as
"1997", "spring 1997", "c. 1962", "1960-1965", "1997-04", "the early 1990s" or "1997년 봄".
Approximate forms widen the interval rather than pretend to precision.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS["sept"] = 9
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
    "봄": (3, 5), "여름": (6, 8), "가을": (9, 11), "겨울": (12, 2),
}  # fmt: skip
_PARTS = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}
_CIRCA = re.compile(r"^(c\.|ca\.|circa|about|around|approx\.?|approximately|~|약)\s*", re.I)
CIRCA_YEARS = 2


@dataclass(frozen=True)
class FuzzyDate:
    """An interval of days; `text` is what the source wrote."""

    text: str
    earliest: date
    latest: date

    @property
    def earliest_iso(self) -> str:
        return self.earliest.isoformat()

    @property
    def latest_iso(self) -> str:
        return self.latest.isoformat()

    def overlaps(self, other: FuzzyDate) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _interval(words: str) -> tuple[date, date] | None:  # noqa: PLR0911 - one branch per form
    s = words.strip().lower().removeprefix("the ").strip()
    s = re.sub(r"\s+", " ", s)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[t ].*)?", s):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", s):
        y, mo = int(m[1]), int(m[2])
        if 1 <= mo <= 12:
            return date(y, mo, 1), _month_end(y, mo)
        return None
    if m := re.fullmatch(r"(\d{4}) ?[-–—/] ?(\d{4})", s):
        a, b = sorted((int(m[1]), int(m[2])))
        return date(a, 1, 1), date(b, 12, 31)
    if m := re.fullmatch(r"(\d{4})", s):
        return _year(int(m[1]))
    if m := re.fullmatch(r"(?:(early|mid|late)[- ])?(\d{3})0'?s", s):
        decade = int(m[2]) * 10
        lo, hi = (0, 9)
        if m[1]:
            lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[m[1]]
        return date(decade + lo, 1, 1), date(decade + hi, 12, 31)
    if m := re.fullmatch(r"(spring|summer|autumn|fall|winter)(?: of)? (\d{4})", s) or re.fullmatch(
        r"(\d{4})년 ?(봄|여름|가을|겨울)", s
    ):
        season, year = (m[1], int(m[2])) if m[1].isalpha() else (m[2], int(m[1]))
        first, last = _SEASONS[season]
        end_year = year + 1 if last < first else year
        return date(year, first, 1), _month_end(end_year, last)
    if m := re.fullmatch(r"(early|mid|middle|late)[- ](\d{4})", s):
        first, last = _PARTS[m[1]]
        return date(int(m[2]), first, 1), _month_end(int(m[2]), last)
    if m := re.fullmatch(r"(\d{4})년(?: ?(\d{1,2})월)?(?: ?(\d{1,2})일)?", s):
        y = int(m[1])
        if m[3] and m[2]:
            d = date(y, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            return date(y, int(m[2]), 1), _month_end(y, int(m[2]))
        return _year(y)
    if m := re.fullmatch(r"(?:(\d{1,2}) )?([a-z]+)\.?,? (?:(\d{1,2}),? )?(\d{4})", s):
        month = _MONTHS.get(m[2])
        if month is None:
            return None
        day = m[1] or m[3]
        y = int(m[4])
        if day:
            d = date(y, month, int(day))
            return d, d
        return date(y, month, 1), _month_end(y, month)
    return None


def parse_fuzzy_date(words: str | None) -> FuzzyDate | None:
    """The interval `words` denote, or None when they are empty or not a date docket knows.

    Raises nothing: callers decide whether an unknown form is bad input (structured fields) or
    simply not a date (free text).
    """
    if words is None or not words.strip():
        return None
    original = words.strip()
    body = _CIRCA.sub("", original)
    circa = body != original
    try:
        interval = _interval(body)
    except ValueError:  # e.g. 1997-02-30
        return None
    if interval is None:
        return None
    earliest, latest = interval
    if circa:
        earliest = date(earliest.year - CIRCA_YEARS, 1, 1)
        latest = date(latest.year + CIRCA_YEARS, 12, 31)
    return FuzzyDate(original, earliest, latest)


def parse_timestamp(words: str | None) -> FuzzyDate | None:
    """Like parse_fuzzy_date, also accepting full ISO timestamps from page metadata."""
    if words:
        try:
            moment = datetime.fromisoformat(words.strip().replace("Z", "+00:00"))
        except ValueError:
            return parse_fuzzy_date(words)
        return FuzzyDate(words.strip(), moment.date(), moment.date())
    return None
