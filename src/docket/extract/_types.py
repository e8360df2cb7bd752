"""The suggestion records `extract` produces; every one is anchored to a span of the text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # PERSON, ORG, GPE, FACILITY
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """Quoted or reported words; `speaker` is the fullest name the document gives the speaker.

    `start`/`end` bound the quoted words; `speaker_start`/`speaker_end` bound the speaker's own
    mention (which may be a pronoun or surname) when one is named, so a reviewer can check the
    resolution.
    """

    text: str
    speaker: str | None
    start: int
    end: int
    kind: str = "direct"  # direct, partial, reported, according_to
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True)
class DateMention:
    """A date as written and the interval it can mean (ISO dates, inclusive)."""

    text: str
    earliest: str | None
    latest: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    text: str
    value: float | int
    counts: str  # what is counted ("inmates")
    about: str | None  # the place or facility the figure is about, as written
    start: int
    end: int
    place_id: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    text: str
    place_id: str
    start: int
    end: int


@dataclass(frozen=True)
class ActMention:
    """Words that evidence a kind of violation; `type` is the vocabulary code (e.g. CAH-F).

    `source` is "rule" when a pattern matched these words, "model" when the trained classifier
    judged the whole document and these are the sentence it scores highest (weaker evidence).
    """

    text: str
    type: str
    label: str
    rome_statute: str
    start: int
    end: int
    source: str = "rule"


@dataclass
class Extraction:
    """Everything `extract` suggests for one document. Offsets index `text`."""

    text: str
    language: str
    kind: str = "article"
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    sha256: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    acts: list[ActMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (shared/contracts/extract.md)."""
        out: dict[str, Any] = {
            "title": self.title,
            "published": self.published,
            "author": self.author,
            "outlet": self.outlet,
            "language": self.language,
            "kind": self.kind,
            "text": self.text,
            "sha256": self.sha256,
        }
        for name in ("entities", "quotes", "dates", "figures", "places", "acts"):
            out[name] = [asdict(item) for item in getattr(self, name)]
        return out
