"""Figures: a number with what it counts and the place it is about ("some 3,000 inmates" at
Camp 12 -> 3000 inmates, about "Camp 12"). Years, dates and ages are not figures."""

from __future__ import annotations

import re
from bisect import bisect_left

from docket.extract._spans import Occupied
from docket.extract._types import DateMention, Figure, PlaceMention

_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "a thousand": 1000,
    "one thousand": 1000,
    "a dozen": 12,
    "two dozen": 24,
}
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "만": 10_000, "천": 1000}
_COUNTED = (
    r"(?:(?:political|former|female|male|women|child|young|other|North Korean|South Korean|"
    r"pregnant|repatriated|fellow|new|elderly)\s+)?"
    r"(?P<noun>inmates|prisoners|detainees|people|persons|men|women|children|families|"
    r"guards|bodies|deaths|executions|defectors|refugees|survivors|witnesses|victims|"
    r"workers|babies|infants|cases|individuals|relatives|residents|Christians|believers|"
    r"escapees|soldiers|officials|interviews|testimonies|households|crew members|crew|"
    r"fishermen|sailors|citizens|nationals|abductees|missionaries|students|pupils|"
    r"(?:detention )?sites|facilities|"
    r"(?:South |North )?Koreans|Japanese)"
)
_QUAL = (
    r"(?:(?:some|about|around|approximately|roughly|nearly|almost|over|more than|at least|"
    r"up to|as many as|an estimated|estimated|fewer than|less than|close to|perhaps|"
    r"between)\s+)?"
)
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand|hundred))?"
    r"|(?:"
    + "|".join(sorted(_WORDS, key=len, reverse=True))
    + r")(?:\s+(?:thousand|hundred|million))?)"
)
_EN = re.compile(rf"(?<![\w,.]){_QUAL}{_NUMBER}(?:\s+(?:and|to|or)\s+[\d,]+)?\s+{_COUNTED}\b", re.I)
_KO = re.compile(
    r"(?:약\s?|최소\s?|최대\s?)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<scale>만|천)?\s?명(?:\s?(?:이상|가량|정도))?"
)
_KO_NOUN = re.compile(r"(수감자|죄수|주민|사람|탈북자|여성|어린이|가족|경비원)")


def _value(num: str) -> float | int | None:
    s = num.lower().strip()
    parts = s.split()
    scale = 1
    if len(parts) > 1 and parts[-1] in _SCALE:
        scale = _SCALE[parts[-1]]
        s = " ".join(parts[:-1])
    if s in _WORDS:
        base: float = _WORDS[s]
    else:
        try:
            base = float(s.replace(",", ""))
        except ValueError:
            return None
    value = base * scale
    return int(value) if value == int(value) else value


_SENTENCE_END = re.compile(r"(?<!\bNo)[.!?](?:\s|$)|\n")


def _sentence_end(text: str, end: int) -> int:
    """Where the sentence that `end` is in ends, read in the text from `end` on (a mark right
    at `end` ends it whatever is before): first in a short stretch, whose answer stands where
    the stretch's own end could not have made it, so that no figure copies the rest of the
    text."""
    size = 512
    while True:
        stretch = text[end : end + size]
        m = _SENTENCE_END.search(stretch)
        if end + size >= len(text) or (m and m.start() + 2 < len(stretch)):
            return end + m.start() if m else len(text)
        size *= 8


def _about(
    text: str, start: int, end: int, places: list[PlaceMention], starts: list[int]
) -> PlaceMention | None:
    """The facility named in the same sentence (the nearest after, else before), else the
    last one mentioned earlier in the text (articles name the camp once, then say "the camp").
    `places` in order of start, `starts` their starts: found by bisection."""
    sent_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), -1) + 1
    sent_end = _sentence_end(text, end)
    lo, hi = bisect_left(starts, sent_start), bisect_left(starts, sent_end)
    same = [p for p in places[lo:hi] if p.end <= sent_end]
    after = [p for p in same if p.start >= end]
    if after:
        return after[0]
    if same:
        return same[-1]
    i = bisect_left(starts, start)
    return places[i - 1] if i else None


def find_figures(text: str, places: list[PlaceMention], dates: list[DateMention]) -> list[Figure]:
    out: list[Figure] = []
    places = sorted(places, key=lambda p: p.start)  # as found; a stable sort keeps ties
    starts = [p.start for p in places]
    taken: Occupied[DateMention] = Occupied()  # the dates: a number inside one is a date's
    for d in dates:
        taken.add(d.start, d.end, d)
    for m in _EN.finditer(text):
        num = m.start("num")
        if not taken.free(num, num + 1):  # some date with start <= num < end
            continue
        value = _value(m.group("num"))
        if value is None:
            continue
        about = _about(text, m.start(), m.end(), places, starts)
        out.append(
            Figure(
                m.group(0),
                value,
                m.group("noun").lower(),
                about.text if about else None,
                m.start(),
                m.end(),
                about.place_id if about else None,
            )
        )
    for m in _KO.finditer(text):
        value = _value(m.group("num"))
        if value is None:
            continue
        if m.group("scale"):
            value = int(value * _SCALE[m.group("scale")])
        before = text[max(0, m.start() - 12) : m.start()]
        noun = _KO_NOUN.findall(before)
        about = _about(text, m.start(), m.end(), places, starts)
        out.append(
            Figure(
                m.group(0),
                value,
                noun[-1] if noun else "명",
                about.text if about else None,
                m.start(),
                m.end(),
                about.place_id if about else None,
            )
        )
    return sorted(out, key=lambda f: f.start)
