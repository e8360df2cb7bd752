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
    return _load("act_patterns.tsv")


def _load(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    known = {a.code for a in acts()}
    rows = []
    text = files("docket.extract").joinpath("data", name).read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, regex = line.partition("\t")
        if code not in known:
            raise ValueError(f"{name}: unknown act code {code!r}")
        boundary = r"(?<![A-Za-z])(?:" + regex + r")(?![A-Za-z])"
        rows.append((code, re.compile(boundary, re.I)))
    return tuple(rows)


_DETENTION = re.compile(
    r"camps?|prisons?|prisoners?|cells?|guards?|inmates?|detainees?|detention|custody|"
    r"interrogat\w*|kwanliso|kyohwaso|kwan-li-so|kyo-hwa-so|jail|수용소|교화소|관리소|구류장|감방|"
    r"보위부|수감|경비원|보위원|예심",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


_NEGATION = re.compile(r"\b(?:not|never|n't|no longer)\s+(?:(?:been|being|be)\s+)?$", re.I)


def _negated(text: str, start: int) -> bool:
    """'he was not beaten': a witness denying an act is no evidence of it. (An official's
    denial, 'there is no torture', still names the act and is kept.)"""
    return bool(_NEGATION.search(text[max(0, start - 20) : start]))


@cache
def _context_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return _load("act_context_patterns.tsv")


@cache
def _acts_by_code() -> dict[str, Act]:
    return {a.code: a for a in acts()}


def find_acts(text: str) -> list[ActMention]:
    """Every act mention, non-overlapping: the longest match wins, then the earlier pattern."""
    cands: list[tuple[int, int, int, str]] = []
    for rank, (code, pattern) in enumerate(_patterns()):
        for m in pattern.finditer(text):
            if m.end() > m.start() and not _negated(text, m.start()):
                cands.append((m.start(), m.end(), rank, code))
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: Occupied[tuple[int, int, int, str]] = Occupied()
    for c in cands:
        if taken.free(c[0], c[1]):
            taken.add(c[0], c[1], c)
    # words that count only where the sentence is about detention ("many died", "held")
    for sent in _SENTENCE.finditer(text):
        if not _DETENTION.search(sent.group(0)):
            continue
        found = {c[3] for c in taken.overlapping(sent.start(), sent.end())}
        for rank, (code, pattern) in enumerate(_context_patterns(), start=len(_patterns())):
            if code in found:
                continue
            for m in pattern.finditer(text, sent.start(), sent.end()):
                if (
                    m.end() > m.start()
                    and taken.free(m.start(), m.end())
                    and not _negated(text, m.start())
                ):
                    taken.add(m.start(), m.end(), (m.start(), m.end(), rank, code))
                    found.add(code)
                    break
    chosen = taken.items()
    by_code = _acts_by_code()
    out = []
    for start, end, _, code in sorted(chosen):
        act = by_code[code]
        out.append(ActMention(text[start:end], code, act.label, act.rome_statute, start, end))
    return out
