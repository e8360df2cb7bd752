"""Act types from the vocabulary, each suggested with the words that evidence it.

Patterns live in data/act_patterns.tsv (code, regex) so investigators can extend them without
touching code; codes and Rome Statute articles come from `docket.vocab.acts()`. A pattern may
write an English verb as `<verb>` to match every inflection ("<die>" = die, dies, died, dying):
lemmatising the patterns instead of the text keeps spaCy's lemmatizer out of the pipeline.
Each type takes its own longest matches, so the same words may evidence two types, except where
one type is a case of the other (`_hides`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from docket.extract._inflect import inflect as _inflect
from docket.extract._spans import Occupied
from docket.extract._types import ActMention, PlaceMention
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
        regex = _VERB.sub(lambda m: _inflect(m.group(1)), regex)
        boundary = r"(?<![A-Za-z])(?:" + regex + r")(?![A-Za-z])"
        rows.append((code, re.compile(boundary, re.I)))
    return tuple(rows)


_VERB = re.compile(r"<([a-z]+)>")
_DETENTION = re.compile(
    r"camps?|prisons?|prisoners?|cells?|guards?|inmates?|detainees?|detention|custody|"
    r"interrogat\w*|kwanliso|kyohwaso|kwan-li-so|kyo-hwa-so|jail|수용소|교화소|관리소|구류장|감방|"
    r"보위부|수감|경비원|보위원|예심",
    re.I,
)


_NEGATION = re.compile(r"\b(?:not|never|n't|no longer)\s+(?:(?:been|being|be)\s+)?$", re.I)


def _negated(text: str, start: int) -> bool:
    """'he was not beaten': a witness denying an act is no evidence of it. (An official's
    denial, 'there is no torture', still names the act and is kept.)"""
    return bool(_NEGATION.search(text[max(0, start - 20) : start]))


# What an interrogator asks about ("wanted to know if I had gone to church", "did you go to
# church", "교회에 갔느냐") is the topic of the questioning, not evidence that the person was
# persecuted for a belief or for what they watched: those types need words of their own.
_QUESTION_TOPICS = frozenset({"V-RELIGION", "V-INFO"})
_ASKED_BEFORE = re.compile(
    r"(?:\b(?:ask\w*|wanted to know|want(?:s|ed)? to know|demand\w* to know|question\w*)"
    r"(?: [\w']+){0,8}? (?:if|whether)|\b(?:did|have|had|do) you)(?: [\w',]+){0,6}? $",
    re.I,
)
_ASKED_AFTER = re.compile(r"^[^.!?\n\"”]{0,10}?(?:느냐|냐고|냐는|냐며|는지\s?(?:물|캐))")


def _questioned(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] are what someone asked about."""
    before = text[max(0, start - 80) : start]
    before = re.split(r"[.!?\n]", before)[-1]
    return bool(_ASKED_BEFORE.search(before) or _ASKED_AFTER.match(text[end : end + 12]))


@cache
def _context_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return _load("act_context_patterns.tsv")


@cache
def _acts_by_code() -> dict[str, Act]:
    return {a.code: a for a in acts()}


# Detention is the state most other acts happen in, so its words may be shared with theirs
# ("relatives were sent to Camp 15" is guilt by association *and* imprisonment; "labour camp" is
# forced labour and imprisonment): these codes are chosen in a layer of their own.
_OWN_LAYER = frozenset({"CAH-E"})
_PARAGRAPH = re.compile(r"[^\n]+")
_INTO_VERBS = (
    "send take hold keep bring move transfer detain imprison confine deport lock return live"
)
_INTO_PLACE_EN = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(_inflect(v) for v in _INTO_VERBS.split())
    + r"|born|grew up|spent (?:\w+ ){1,3})(?: \w+){0,3}? (?:to|at|in|inside|into)(?: the)? $",
    re.I,
)
_INTO_PLACE_KO = re.compile(
    r"^(?:으로|로|에|에서)\s?(?:\S+\s)?(?:끌려|보내|보냈|수감|갇혀|갇혔|이송)"
)


def _into_places(text: str, places: list[PlaceMention]) -> list[tuple[int, int]]:
    """'sent to Yodok', 'held at Kyo-hwa-so No. 12', '요덕 관리소로 끌려': a person put into a
    gazetteer facility is imprisonment, whatever the facility is called."""
    out = []
    for p in places:
        m = _INTO_PLACE_EN.search(text, max(0, p.start - 60), p.start)
        if m and m.end() == p.start:
            out.append((m.start(), p.end))
            continue
        k = _INTO_PLACE_KO.match(text[p.end : p.end + 30])
        if k:
            out.append((p.start, p.end + k.end()))
    return out


Match = tuple[int, int, int, str]  # start, end, pattern rank, code


def _free(occ: dict[str, Occupied[Match]], start: int, end: int) -> bool:
    return all(o.free(start, end) for o in occ.values())


# the means of a death are not a second act in its words: "beaten to death" is murder,
# "died of hunger" a death in custody (the labelling convention of every evaluation set)
_DEATH_HIDES = {("CAH-A", "CAH-F"), ("V-DEATHCUST", "CAH-F"), ("V-DEATHCUST", "CAH-K")}


def _hides(specific: str, general: str) -> bool:
    """A specific type hides the general category it is a case of in the same words
    ("publicly executed" is not also murder; "died from beatings" is also torture)."""
    acts_ = _acts_by_code()
    return (specific, general) in _DEATH_HIDES or (
        specific.startswith("V-")
        and general.startswith("CAH-")
        and acts_[general].rome_statute in acts_[specific].rome_statute
    )


def _select(
    text: str,
    patterns: list[tuple[int, str, re.Pattern[str]]],
    context: list[tuple[int, str, re.Pattern[str]]],
    extra: list[tuple[int, int, str]],
) -> list[Match]:
    cands: list[Match] = [(s, e, -1, c) for s, e, c in extra]
    for rank, code, pattern in patterns:
        for m in pattern.finditer(text):
            if (
                m.end() > m.start()
                and not _negated(text, m.start())
                and not (code in _QUESTION_TOPICS and _questioned(text, m.start(), m.end()))
            ):
                cands.append((m.start(), m.end(), rank, code))
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    # each type takes its own longest matches: the same words may evidence two types
    # ("families were relocated to a farm": guilt by association and banishment)
    occ: dict[str, Occupied[Match]] = {}
    for c in cands:
        o = occ.setdefault(c[3], Occupied())
        if o.free(c[0], c[1]):
            o.add(c[0], c[1], c)
    for code in list(occ):
        for c in occ[code].items():
            if any(
                _hides(other, code) and occ[other].overlapping(c[0], c[1])
                for other in occ
                if other != code
            ):
                occ[code].remove(c[0], c[1], c)
    # words that count only where the paragraph, or the one before it, is about detention
    # ("many died", "held"): a testimony names the camp, then goes on without naming it again
    prev_about = False
    for para in _PARAGRAPH.finditer(text):
        about = bool(_DETENTION.search(para.group(0)))
        if not (about or prev_about):
            prev_about = about
            continue
        prev_about = about
        found = {code for code, o in occ.items() if o.overlapping(para.start(), para.end())}
        for rank, code, pattern in context:
            if code in found:
                continue
            for m in pattern.finditer(text, para.start(), para.end()):
                if (
                    m.end() > m.start()
                    and _free(occ, m.start(), m.end())
                    and not _negated(text, m.start())
                ):
                    c = (m.start(), m.end(), rank, code)
                    occ.setdefault(code, Occupied()).add(c[0], c[1], c)
                    found.add(code)
                    break
    return [c for o in occ.values() for c in o.items()]


def find_acts(text: str, places: list[PlaceMention] | None = None) -> list[ActMention]:
    """Every act mention: per type the longest match wins, then the earlier pattern."""
    main = [(r, c, p) for r, (c, p) in enumerate(_patterns())]
    ctx = [(r, c, p) for r, (c, p) in enumerate(_context_patterns(), start=len(main))]
    into = [(s, e, "CAH-E") for s, e in _into_places(text, places or [])]
    chosen = []
    for own in (False, True):
        chosen += _select(
            text,
            [x for x in main if (x[1] in _OWN_LAYER) == own],
            [x for x in ctx if (x[1] in _OWN_LAYER) == own],
            into if own else [],
        )
    by_code = _acts_by_code()
    out = []
    for start, end, _, code in sorted(chosen):
        act = by_code[code]
        out.append(ActMention(text[start:end], code, act.label, act.rome_statute, start, end))
    return out
