"""Typed, cached readers for the shipped reference data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


def _rows(name: str) -> list[dict[str, str]]:
    text = files("docket.vocab").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


@dataclass(frozen=True)
class Act:
    """A kind of violation: Rome Statute art. 7 or a DPRK-specific type."""

    code: str
    label: str
    rome_statute: str
    coi_category: str
    description: str


@dataclass(frozen=True)
class Facility:
    """A detention facility from the gazetteer; population figures keep their year and source."""

    id: str
    type: str
    number: str
    name: str
    alt_names: tuple[str, ...]
    hangul: str
    province: str
    county: str
    lat: float | None
    lon: float | None
    status: str
    status_year: str
    est_population: tuple[str, ...]
    est_year: tuple[str, ...]
    source: str

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every name the facility is known by, the official one first."""
        names = [self.name, *self.alt_names]
        if self.hangul:
            names.append(self.hangul)
        return tuple(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True)
class SurnameSpelling:
    """One written form of a Korean surname in one romanization system."""

    rank: int | None
    hangul: str
    hangul_dprk: str
    spelling: str
    spelling_norm: str
    kind: str
    source: str


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


@cache
def acts() -> tuple[Act, ...]:
    return tuple(
        Act(r["code"], r["label"], r["rome_statute_article"], r["coi_category"], r["description"])
        for r in _rows("violations.csv")
    )


@cache
def facilities() -> tuple[Facility, ...]:
    return tuple(
        Facility(
            id=r["id"],
            type=r["type"],
            number=r["number"],
            name=r["name"],
            alt_names=_split(r["alt_names"]),
            hangul=r["hangul"].strip(),
            province=r["province"],
            county=r["county"],
            lat=_float(r["lat"]),
            lon=_float(r["lon"]),
            status=r["status"],
            status_year=r["status_year"],
            est_population=_split(r["est_population"]),
            est_year=_split(r["est_year"]),
            source=r["source"],
        )
        for r in _rows("facilities.csv")
    )


@cache
def facility_by_id() -> dict[str, Facility]:
    return {f.id: f for f in facilities()}


@cache
def surname_spellings() -> tuple[SurnameSpelling, ...]:
    return tuple(
        SurnameSpelling(
            rank=int(r["rank_kostat2015"]) if r["rank_kostat2015"].strip() else None,
            hangul=r["hangul"],
            hangul_dprk=r["hangul_dprk"],
            spelling=r["spelling"],
            spelling_norm=r["spelling_norm"],
            kind=r["kind"],
            source=r["source"],
        )
        for r in _rows("korean-surnames.csv")
    )
