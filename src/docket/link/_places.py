"""Facility and birth-place keys through the gazetteer, so "Yodok", "Camp 15" and "요덕" agree."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from docket.names import word_key
from docket.names._table import fold
from docket.vocab import facilities

_GENERIC = {
    "camp",
    "political",
    "prison",
    "kwanliso",
    "kwan",
    "li",
    "so",
    "no",
    "kyohwaso",
    "kyo",
    "hwa",
    "detention",
    "centre",
    "center",
    "labor",
    "labour",
    "training",
    "the",
    "of",
    "interrogation",
    "facility",
    "ssd",
    "mps",
    "holding",
    "point",
    "repatriation",
    "underground",
    "internment",
    "reeducation",
    "zone",
    "county",
    "city",
    "province",
}
_TYPE_WORDS = {
    "kwanliso": ("kwanliso", "kwan li so", "kwan-li-so", "관리소", "political prison camp"),
    "kyohwaso": ("kyohwaso", "kyo hwa so", "kyo-hwa-so", "교화소"),
}
_PLACE_SUFFIX = re.compile(
    r"(\s+(county|city|province|district|ri|gun|kun|si|do)|-(gun|kun|si|do|ri)|[군시도구역리])$",
    re.IGNORECASE,
)


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z가-힣]", "", fold(text))


@cache
def _facility_index() -> tuple[dict[str, str], dict[tuple[str, str], str], dict[str, str]]:
    exact: dict[str, str] = {}
    numbered: dict[tuple[str, str], str] = {}
    words: dict[str, set[str]] = {}
    for f in facilities():
        for name in f.all_names:
            exact.setdefault(_norm(name), f.id)
            for tok in re.split(r"[\s,()/]+", name):
                if is_distinctive(tok):
                    k = word_key(tok)
                    if k:
                        words.setdefault(k, set()).add(f.id)
        if f.number:
            numbered[(f.type, f.number)] = f.id
    unique_words = {k: next(iter(v)) for k, v in words.items() if len(v) == 1}
    return exact, numbered, unique_words


def is_distinctive(token: str) -> bool:
    t = fold(token).strip(".-'")
    return (
        bool(t)
        and not t.isdigit()
        and t not in _GENERIC
        and not re.search(r"\d", t)
        and (len(t) > 2 or not t.isascii())
        and not any(w in token for w in ("관리소", "교화소", "제"))
    )


@lru_cache(maxsize=20_000)
def facility_key(text: str | None) -> str | None:
    """Gazetteer id ("KWN-15") when the name is known; else "?" + the folded text."""
    if not text or not text.strip():
        return None
    exact, numbered, words = _facility_index()
    norm = _norm(text)
    if norm in exact:
        return exact[norm]
    low = fold(text)
    number = re.search(r"(\d+)", text)
    if number:
        for ftype, cues in _TYPE_WORDS.items():
            if any(c in low or c in text for c in cues) or (ftype == "kwanliso" and "camp" in low):
                fid = numbered.get((ftype, number[1]))
                if fid:
                    return fid
    for tok in re.split(r"[\s,()/]+", text):
        if is_distinctive(tok):
            fid = words.get(word_key(tok) or "")
            if fid:
                return fid
    return "?" + norm


@lru_cache(maxsize=20_000)
def place_key(text: str | None) -> str | None:
    """Sound key of a birth place without its administrative suffix ("Musan County" = 무산)."""
    if not text or not text.strip():
        return None
    t = text.strip()
    for _ in range(2):
        t = _PLACE_SUFFIX.sub("", t).strip()
    return word_key(t)
