"""Act types from the vocabulary, each suggested with the words that evidence it.

Patterns live in data/act_patterns.tsv (code, regex) so investigators can extend them without
touching code; codes and Rome Statute articles come from `docket.vocab.acts()`.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from docket.extract._spans import Occupied
from docket.extract._types import ActMention
from docket.vocab import Act, acts


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    known = {a.code for a in acts()}
    rows = []
    text = files("docket.extract").joinpath("data", "act_patterns.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, regex = line.partition("\t")
        if code not in known:
            raise ValueError(f"act_patterns.tsv: unknown act code {code!r}")
        boundary = r"(?<![A-Za-z])(?:" + regex + r")(?![A-Za-z])"
        rows.append((code, re.compile(boundary, re.I)))
    return tuple(rows)


@cache
def _acts_by_code() -> dict[str, Act]:
    return {a.code: a for a in acts()}


def find_acts(text: str) -> list[ActMention]:
    """Every act mention, non-overlapping: the longest match wins, then the earlier pattern."""
    cands: list[tuple[int, int, int, str]] = []
    for rank, (code, pattern) in enumerate(_patterns()):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                cands.append((m.start(), m.end(), rank, code))
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: Occupied[tuple[int, int, int, str]] = Occupied()
    for c in cands:
        if taken.free(c[0], c[1]):
            taken.add(c[0], c[1], c)
    chosen = taken.items()
    by_code = _acts_by_code()
    out = []
    for start, end, _, code in sorted(chosen):
        act = by_code[code]
        out.append(ActMention(text[start:end], code, act.label, act.rome_statute, start, end))
    return out
