"""Dates as intervals: absolute ("12 May 2016"), partial ("spring 1997", "the early 1990s") and
relative to the published date ("last month"). Seasons are northern-hemisphere meteorological
seasons; winter Y runs from December Y to February Y+1.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from docket.extract._spans import Occupied
from docket.extract._types import DateMention

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_PART = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9)}  # of a decade
_PART_YEAR = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), _last_day(y, m)


def _months(y: int, m1: int, m2: int) -> tuple[date, date]:
    if m2 < m1:  # winter
        return date(y, m1, 1), _last_day(y + 1, m2)
    return date(y, m1, 1), _last_day(y, m2)


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:the )?(?P<dec>1[89]\d0|20\d0)s and (?:the )?(?P<dec2>1[89]\d0|20\d0)s\b", re.I
        ),
        "decades",
    ),
    (
        re.compile(
            rf"\b(?:between|from) {_YEAR} (?:and|to|until) (?P<year2>1[89]\d\d|20\d\d)\b", re.I
        ),
        "range",
    ),
    (re.compile(rf"\b{_YEAR}\s?[-–]\s?(?P<year2>1[89]\d\d|20\d\d|\d\d)\b"), "range"),
    (re.compile(rf"\b{_YEAR} (?:to|until|through) (?P<year2>1[89]\d\d|20\d\d)\b"), "range"),
    (
        re.compile(
            r"(?P<year>1[89]\d\d|20\d\d)년\s?(?:부터|에서)\s?(?P<year2>1[89]\d\d|20\d\d)년\s?(?:까지|사이)"
        ),
        "range",
    ),
    (re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"), "iso"),
    (re.compile(rf"\b{_MON} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? {_YEAR}\b", re.I), "mdy"),
    (re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MON},? {_YEAR}\b", re.I), "dmy"),
    (re.compile(rf"\b(?:(?P<part>early|mid|late)[- ])?{_MON},? (?:of )?{_YEAR}\b", re.I), "my"),
    (
        re.compile(
            rf"\b(?:the )?(?P<season>spring|summer|autumn|fall|winter),? (?:of )?{_YEAR}\b", re.I
        ),
        "season",
    ),
    (re.compile(rf"\b{_YEAR} (?P<season>spring|summer|autumn|fall|winter)\b", re.I), "season"),
    (
        re.compile(
            r"\b(?:the )?(?:(?P<part>early|mid|late|middle)[- ])?(?P<dec>1[89]\d0|20\d0)(?:'s|s)\b",
            re.I,
        ),
        "decade",
    ),
    (
        re.compile(
            rf"\b(?P<part>early|mid|late|the middle of|the end of|the beginning of)[- ]{_YEAR}\b",
            re.I,
        ),
        "partyear",
    ),
    (
        re.compile(
            rf"(?<![\d,.$#])(?<!No\. ){_YEAR}\b"
            r"(?![,.]\d|\s*(?:inmates|people|prisoners|detainees|persons|refugees|defectors))"
        ),
        "year",
    ),
    # Korean
    (
        re.compile(
            r"(?P<year>1[89]\d\d|20\d\d)년\s?(?P<m>1[0-2]|[1-9])월\s?(?P<d>[1-9]|[12]\d|3[01])일"
        ),
        "iso",
    ),
    (re.compile(r"(?P<year>1[89]\d\d|20\d\d)년\s?(?P<m>1[0-2]|[1-9])월"), "ko_my"),
    (re.compile(r"(?P<year>1[89]\d\d|20\d\d)년\s?(?P<season>봄|여름|가을|겨울)"), "season"),
    (re.compile(r"(?P<dec>1[89]\d0|20\d0)년대\s?(?P<part>초반|중반|후반|초|중|말)?"), "decade"),
    (re.compile(r"(?P<year>1[89]\d\d|20\d\d)년(?!대)"), "year"),
    # relative to the published date
    (
        re.compile(
            r"\b(?P<rel>last|this|next|earlier this|later this) "
            r"(?P<unit>week|month|year|spring|summer|autumn|fall|winter)\b",
            re.I,
        ),
        "rel",
    ),
    (re.compile(r"\b(?P<rel>yesterday)\b", re.I), "rel"),
    (
        re.compile(
            r"\b(?:in|since|until|last|early|late) (?P<span>(?P<mon>January|February|March|April|"
            r"June|July|August|September|October|November|December))\b(?!,? \d)"
        ),
        "month",
    ),
    (re.compile(r"지난\s?(?P<m>1[0-2]|[1-9])월"), "ko_month"),
    (
        re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
        "weekday",
    ),
    (re.compile(rf"\b{_MON} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d)", re.I), "md"),
    (
        re.compile(
            r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) "
            r"(?P<unit>years|months|weeks) ago\b",
            re.I,
        ),
        "ago",
    ),
    (re.compile(r"(?P<rel>지난달|지난해|작년|올해|어제|지난주)"), "ko_rel"),
]
_KO_SEASON = {"봄": "spring", "여름": "summer", "가을": "autumn", "겨울": "winter"}
_KO_PART = {
    "초": "early",
    "초반": "early",
    "중": "mid",
    "중반": "mid",
    "말": "late",
    "후반": "late",
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUM = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _shift_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _interval(kind: str, m: re.Match[str], pub: date | None) -> tuple[date, date] | None:
    g = m.groupdict()
    if kind == "decades":
        a, b = int(g["dec"]), int(g["dec2"])
        return (date(a, 1, 1), date(b + 9, 12, 31)) if b >= a else None
    if kind == "range":
        y1 = int(g["year"])
        y2s = g["year2"]
        y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
        return (date(y1, 1, 1), date(y2, 12, 31)) if y2 >= y1 else None
    if kind == "iso":
        return (date(int(g["year"]), int(g["m"]), int(g["d"])),) * 2  # type: ignore[return-value]
    if kind in ("mdy", "dmy"):
        d = date(int(g["year"]), _MONTHS[g["mon"].lower()], int(g["day"]))
        return d, d
    if kind == "my":
        y, mo = int(g["year"]), _MONTHS[g["mon"].lower()]
        a, b = _month(y, mo)
        if g.get("part"):
            part = g["part"].lower()
            a, b = {
                "early": (a, a + timedelta(days=9)),
                "mid": (a + timedelta(days=10), a + timedelta(days=19)),
                "late": (a + timedelta(days=20), b),
            }[part]
        return a, b
    if kind == "ko_my":
        return _month(int(g["year"]), int(g["m"]))
    if kind == "season":
        season = _KO_SEASON.get(g["season"], g["season"].lower())
        m1, m2 = _SEASONS[season]
        return _months(int(g["year"]), m1, m2)
    if kind == "decade":
        dec = int(g["dec"])
        part = _KO_PART.get(g.get("part") or "", (g.get("part") or "").lower())
        lo, hi = _PART.get(part, (0, 9))
        return date(dec + lo, 1, 1), date(dec + hi, 12, 31)
    if kind == "partyear":
        y = int(g["year"])
        part = g["part"].lower()
        part = {"the middle of": "mid", "the end of": "late", "the beginning of": "early"}.get(
            part, part
        )
        m1, m2 = _PART_YEAR[part]
        return _months(y, m1, m2)
    if kind == "year":
        return _year(int(g["year"]))
    if pub is None:
        return None
    if kind in ("month", "ko_month"):
        mo = _MONTHS[g["mon"].lower()] if kind == "month" else int(g["m"])
        y = pub.year if mo <= pub.month else pub.year - 1
        return _month(y, mo)
    if kind == "weekday":
        wd = _WEEKDAYS.index(g["wd"].lower())
        d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        return d, d
    if kind == "md":
        d = date(pub.year, _MONTHS[g["mon"].lower()], int(g["day"]))
        if d > pub:
            d = date(pub.year - 1, d.month, d.day)
        return d, d
    if kind == "ago":
        n = _NUM.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        if unit == "years":
            return _year(pub.year - n)
        if unit == "months":
            return _month(*_shift_months(pub, -n))
        start = pub - timedelta(days=pub.weekday() + 7 * n)
        return start, start + timedelta(days=6)
    rel = g["rel"].lower()
    rel = {
        "지난달": "last month",
        "지난해": "last year",
        "작년": "last year",
        "올해": "this year",
        "어제": "yesterday",
        "지난주": "last week",
    }.get(rel, rel)
    if rel == "yesterday":
        return (pub - timedelta(days=1),) * 2  # type: ignore[return-value]
    if " " in rel:
        rel, g["unit"] = rel.split(" ", 1)[0], rel.split(" ", 1)[1]
    unit = g["unit"].lower()
    step = {"last": -1, "this": 0, "earlier this": 0, "later this": 0, "next": 1}[rel]
    if unit == "year":
        a, b = _year(pub.year + step)
    elif unit == "month":
        a, b = _month(*_shift_months(pub, step))
    elif unit == "week":
        a = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        b = a + timedelta(days=6)
    else:
        m1, m2 = _SEASONS[unit]
        y = pub.year + (step if step else 0)
        if rel == "last" and (m1 <= pub.month <= (m2 if m2 > m1 else 12)):
            y = pub.year - 1
        a, b = _months(y, m1, m2)
    if rel == "earlier this":
        b = min(b, pub)
    if rel == "later this":
        a = max(a, pub)
    return a, b


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Date mentions with intervals; relative ones only when the published date is known."""
    pub = None
    if published:
        try:
            pub = date.fromisoformat(published[:10])
        except ValueError:
            pub = None
    taken: Occupied[DateMention] = Occupied()
    out: list[DateMention] = []
    for pattern, kind in _RULES:
        for m in pattern.finditer(text):
            if not taken.free(m.start(), m.end()):
                continue
            try:
                iv = _interval(kind, m, pub)
            except (ValueError, KeyError):
                continue
            if iv is None:
                continue
            start, end = m.span("span") if "span" in m.groupdict() else m.span()
            while end > start and text[end - 1] == " ":
                end -= 1
            mention = DateMention(text[start:end], iv[0].isoformat(), iv[1].isoformat(), start, end)
            taken.add(start, end, mention)
            out.append(mention)
    return sorted(out, key=lambda d: d.start)
