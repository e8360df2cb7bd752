"""Surname lookups over docket.vocab.surname_spellings() (korean-surnames.csv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from docket.names._jamo import south_initial
from docket.names._table import fold
from docket.vocab import surname_spellings


@dataclass(frozen=True)
class Surname:
    """One Hangul surname (South form) with its North form, rank and every known spelling."""

    hangul: str
    hangul_dprk: str
    rank: int
    spellings: tuple[tuple[str, str], ...]  # (spelling as printed, kind)


_UNRANKED = 10_000


@cache
def surnames() -> dict[str, Surname]:
    acc: dict[str, dict] = {}
    for s in surname_spellings():
        entry = acc.setdefault(
            s.hangul,
            {"dprk": s.hangul_dprk or s.hangul, "rank": s.rank or _UNRANKED, "sp": []},
        )
        if (s.spelling, s.kind) not in entry["sp"]:
            entry["sp"].append((s.spelling, s.kind))
    return {h: Surname(h, e["dprk"], e["rank"], tuple(e["sp"])) for h, e in acc.items()}


@cache
def by_spelling() -> dict[str, tuple[str, ...]]:
    """Folded spelling -> South-form Hangul surnames, most common first."""
    acc: dict[str, set[str]] = {}
    for h, s in surnames().items():
        for spelling, _kind in s.spellings:
            key = fold(spelling).replace("-", "").replace(" ", "")
            acc.setdefault(key, set()).add(south_initial(h[0]) + h[1:])
    return {k: tuple(sorted(v, key=lambda h: (rank(h), h))) for k, v in acc.items()}


@cache
def by_hangul() -> dict[str, str]:
    """Any written Hangul surname (South or North form) -> South form."""
    out: dict[str, str] = {}
    for h, s in surnames().items():
        out[h] = h
        out.setdefault(s.hangul_dprk, h)
    return out


def south_surname(hangul: str) -> str:
    """South form of a written Hangul surname; unknown ones get the initial-sound rule only."""
    known = by_hangul().get(hangul, hangul)
    return south_initial(known[0]) + known[1:] if known else known


@lru_cache(maxsize=1024)
def rank(hangul: str) -> int:
    """Frequency rank (1 = most common); a South form also takes its North twin's rank."""
    ranks = [
        s.rank
        for h, s in surnames().items()
        if h == hangul or south_initial(h[0]) + h[1:] == hangul
    ]
    return min(ranks, default=_UNRANKED)
