"""Standards of proof as data: a few thresholds that read back as one sentence.

A case keeps its standards in the `case_settings` row `evidence.standards` (JSON), so they travel
with the database and every assessment can name the exact rule it applied. Grades follow the
Admiralty (NATO STANAG 2511) scheme: source reliability A (completely reliable) to F (cannot be
judged), information credibility 1 (confirmed) to 6 (cannot be judged). Ungraded evidence is
treated as F / 6: it counts only under rules that accept any grade.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from docket.errors import BadInput
from docket.store.models import CaseSetting, put_setting

RELIABILITY = "ABCDEF"
CREDIBILITY = (1, 2, 3, 4, 5, 6)
PLACE_TIME = ("ignore", "no_conflict", "stated")
SETTING_KEY = "evidence.standards"


@dataclass(frozen=True)
class Standard:
    """One standard of proof. Thresholds apply to independent sources (clusters), not mentions."""

    key: str
    label: str
    min_independent: int = 1
    min_first_hand: int = 0
    min_reliability: str = "F"  # a supporting source counts if graded this or better
    min_credibility: int = 6  # ... and its information credibility is this or better
    place_time: str = "no_conflict"  # ignore | no_conflict | stated
    block_reliability: str | None = "B"  # contradictions graded this or better block the finding
    rebuttal: int | None = (
        2  # counted sources at least as reliable needed to rebut one; None: never
    )

    def describe(self) -> str:
        """The rule as a sentence an investigator can read aloud."""
        parts = [
            f"at least {self.min_independent} independent supporting source"
            + ("s" if self.min_independent != 1 else "")
        ]
        if self.min_first_hand:
            parts.append(f"at least {self.min_first_hand} of them first-hand")
        grade = []
        if self.min_reliability != "F":
            grade.append(f"reliability {_span(self.min_reliability)}")
        if self.min_credibility != 6:
            grade.append(f"credibility 1–{self.min_credibility}")
        if grade:
            parts.append("each graded " + " and ".join(grade))
        if self.place_time == "no_conflict":
            parts.append("none placing the act at another place or time")
        elif self.place_time == "stated":
            parts.append("each stating a place and time consistent with the allegation")
        sentence = ", ".join(parts)
        if self.block_reliability is None:
            return sentence + "; contradictions are shown but do not block the finding"
        sentence += (
            f", and no unrebutted contradiction from a source of reliability "
            f"{_span(self.block_reliability)}"
        )
        if self.rebuttal is None:
            return sentence + " (such a contradiction cannot be rebutted)"
        return sentence + (
            f" (a contradiction is rebutted by {self.rebuttal} counted independent sources "
            "graded at least as reliable)"
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _span(grade: str) -> str:
    return "A" if grade == "A" else f"A–{grade}"


def grade_rank(reliability: str | None) -> int:
    """0 for A (best) to 5 for F; ungraded counts as F."""
    return RELIABILITY.index(reliability) if reliability in tuple(RELIABILITY) else 5


DEFAULT_STANDARDS: tuple[Standard, ...] = (
    Standard(
        "reasonable_grounds",
        "reasonable grounds",
        min_independent=2,
        min_first_hand=1,
        min_reliability="D",
        place_time="no_conflict",
        block_reliability="B",
        rebuttal=2,
    ),
    Standard(
        "clear_and_convincing",
        "clear and convincing",
        min_independent=3,
        min_first_hand=2,
        min_reliability="C",
        place_time="stated",
        block_reliability="C",
        rebuttal=3,
    ),
    Standard(
        "beyond_reasonable_doubt",
        "beyond reasonable doubt",
        min_independent=4,
        min_first_hand=3,
        min_reliability="B",
        min_credibility=2,
        place_time="stated",
        block_reliability="D",
        rebuttal=None,
    ),
)
DEFAULT_KEY = "reasonable_grounds"


@dataclass(frozen=True)
class StandardSet:
    """The case's standards, weakest first, and the one applied unless an allegation says."""

    standards: tuple[Standard, ...]
    default: str

    def get(self, key: str | None) -> Standard:
        wanted = key or self.default
        for standard in self.standards:
            if standard.key == wanted:
                return standard
        known = ", ".join(s.key for s in self.standards)
        raise BadInput(
            f"unknown standard of proof {wanted!r}; this case has {known}", where="standard"
        )

    def to_dict(self) -> dict[str, Any]:
        return {"default": self.default, "standards": [s.to_dict() for s in self.standards]}


def _check(value: Any, where: str, name: str, kind: type, allowed: Any = None) -> Any:
    if value is None and name in ("block_reliability", "rebuttal"):
        return None
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise BadInput(f"'{name}' must be a whole number, not {value!r}", where=where)
    if kind is str and not isinstance(value, str):
        raise BadInput(f"'{name}' must be text, not {value!r}", where=where)
    if allowed is not None and value not in allowed:
        raise BadInput(
            f"'{name}' must be one of {', '.join(map(str, allowed))}, not {value!r}", where=where
        )
    if kind is int and value < 0:
        raise BadInput(f"'{name}' must not be negative", where=where)
    return value


_RULES: dict[str, tuple[type, Any]] = {
    "label": (str, None),
    "min_independent": (int, None),
    "min_first_hand": (int, None),
    "min_reliability": (str, tuple(RELIABILITY)),
    "min_credibility": (int, CREDIBILITY),
    "place_time": (str, PLACE_TIME),
    "block_reliability": (str, tuple(RELIABILITY)),
    "rebuttal": (int, None),
}


def standard_from_dict(key: str, data: dict[str, Any], where: str) -> Standard:
    unknown = set(data) - set(_RULES) - {"key"}
    if unknown:
        raise BadInput(
            f"unknown field(s) {', '.join(sorted(unknown))}; expected " + ", ".join(_RULES),
            where=where,
        )
    values = {n: _check(data[n], where, n, *_RULES[n]) for n in _RULES if n in data}
    values.setdefault("label", key.replace("_", " "))
    standard = Standard(key=key, **values)
    if standard.min_first_hand > standard.min_independent:
        raise BadInput("'min_first_hand' cannot exceed 'min_independent'", where=where)
    return standard


def parse_standards(data: dict[str, Any], where: str) -> StandardSet:
    """From `{"default": key, "standards": {key: {...}}}` (TOML tables) or a list of dicts."""
    raw = data.get("standards")
    if isinstance(raw, dict):
        items = [(k, v) for k, v in raw.items()]
    elif isinstance(raw, list):
        items = [(str(v.get("key", "")), v) for v in raw if isinstance(v, dict)]
    else:
        raise BadInput("expected [standards.<key>] tables", where=where)
    if not items:
        raise BadInput("no standards defined", where=where)
    standards = []
    for key, body in items:
        if not key or not isinstance(body, dict):
            raise BadInput("each standard needs a key and a table of fields", where=where)
        standards.append(standard_from_dict(key, body, f"{where}: [standards.{key}]"))
    default = data.get("default", standards[0].key)
    if default not in {s.key for s in standards}:
        raise BadInput(f"default {default!r} is not one of the standards", where=where)
    return StandardSet(tuple(standards), str(default))


def load_standards_file(path: Path) -> StandardSet:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInput(f"cannot read ({exc.strerror})", where=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"not valid TOML ({exc})", where=str(path)) from None
    return parse_standards(data, str(path))


def read_standards(session: Session) -> StandardSet:
    """The case's standards; the defaults until someone sets others."""
    row = session.get(CaseSetting, SETTING_KEY)
    if row is None:
        return StandardSet(DEFAULT_STANDARDS, DEFAULT_KEY)
    return parse_standards(json.loads(row.value), f"case setting {SETTING_KEY}")


def write_standards(session: Session, standards: StandardSet) -> None:
    put_setting(session, SETTING_KEY, json.dumps(standards.to_dict()))


STANDARD_FIELDS = tuple(f.name for f in fields(Standard))
