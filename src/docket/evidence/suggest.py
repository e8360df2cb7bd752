"""Finding evidence: candidate excerpts and events for an allegation, each with why it was found.

Candidates come from the full-text index (`docket.sources.search_sources`) queried with the
allegation's place names (gazetteer name, alternative romanizations, Hangul) and the words of
its act types (data/act_terms.csv), then every sentence of each hit source is scored: act words
+2; place name +2, or +1.5 when the last place the text named before the sentence is the
allegation's (testimony names the camp once, then tells what happened there); a year inside the
allegation's interval +1, a year outside -1; and the share of the summary's content words it
repeats (up to +1). Events are scored on act code, place and overlapping time. Nothing is
linked: a person decides.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from sqlalchemy import or_, select

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.evidence._items import _interval
from docket.evidence.allegations import get_allegation_row
from docket.security import require
from docket.sources import search_sources
from docket.store.models import Event, EvidenceLink, Excerpt, Place, Source
from docket.vocab import acts, facility_by_id

_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_WORD = re.compile(r"\w+")
CONTEXT_PLACE = 1.5  # the place is the last one the text named before this sentence
_STOP = {"with", "from", "that", "this", "were", "have", "their", "they", "into", "over",
         "under", "about", "against", "during", "synthetic", "camp", "prison"}  # fmt: skip


@dataclass
class Candidate:
    """A span or event that may bear on the allegation, with its score and reasons."""

    kind: str  # excerpt | event
    score: float
    text: str
    reasons: list[str]
    source_id: int | None = None
    start: int | None = None
    end: int | None = None
    event_id: int | None = None
    source_kind: str | None = None
    title: str | None = None
    stance_hint: str = "supports"  # statements are usually denials: a hint, not a coding
    first_hand_hint: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def act_terms() -> dict[str, tuple[str, ...]]:
    """Search words per act code: the shipped list, else the act's label."""
    text = files("docket.evidence").joinpath("data", "act_terms.csv").read_text(encoding="utf-8")
    table = {r["code"]: tuple(t.strip() for t in r["terms"].split(";") if t.strip())
             for r in csv.DictReader(text.splitlines())}  # fmt: skip
    for act in acts():
        table.setdefault(act.code, tuple(w for w in _WORD.findall(act.label.lower()) if len(w) > 3))
    return table


def _short_name(name: str) -> str:
    """The proper-name head of a facility name: "Jongo-ri reeducation labor camp" -> "Jongo-ri"."""
    head = []
    for token in name.split():
        if not token[:1].isupper() or (token.isupper() and len(token) > 1):
            break
        head.append(token)
    return " ".join(head)


def place_names(facility_id: str | None, place_text: str | None) -> list[str]:
    """Every name to search for: gazetteer names, romanizations, Hangul, the short name."""
    names: list[str] = []
    facility = facility_by_id().get(facility_id or "")
    if facility is not None:
        names.extend(facility.all_names)
        names.append(_short_name(facility.name))
        if facility.hangul:
            names.append(facility.hangul.split(" ")[0])
    elif place_text:
        names.append(place_text)
    return list(dict.fromkeys(n for n in names if n))


@cache
def _other_place_patterns(facility_id: str | None) -> tuple[re.Pattern[str], ...]:
    """Names of every other facility that are not also names of this one."""
    ours = {_fold(n) for n in place_names(facility_id, None)}
    others = {_fold(n) for f in facility_by_id() if f != facility_id
              for n in place_names(f, None)} - ours  # fmt: skip
    return tuple(_pattern(n) for n in sorted(others))


def _context_starts(
    folded: str, ours: list[re.Pattern[str]], others: tuple
) -> list[tuple[int, bool]]:
    """Where places are named in the text, and whether the name is the allegation's place."""
    marks = [(m.start(), True) for rx in ours for m in rx.finditer(folded)]
    marks += [(m.start(), False) for rx in others for m in rx.finditer(folded)]
    return sorted(marks)


def _pattern(term: str) -> re.Pattern[str]:
    folded = re.escape(_fold(term)).replace(r"\ ", r"\s+")
    if re.search(r"[\uac00-\ud7a3]", term):
        return re.compile(folded)
    return re.compile(rf"(?<!\w){folded}")  # word start: "beat" finds "beaten"


def suggest_evidence(
    case: Case, allegation_id: int, *, actor: Actor, limit: int = 20
) -> list[Candidate]:
    """Ranked candidates not yet linked to the allegation."""
    require(actor, "records:read")
    with case.session() as session:
        allegation = get_allegation_row(session, allegation_id)
        codes = list(allegation.act_codes)
        place = allegation.place
        facility_id, place_text = (place.gazetteer_id, place.name) if place else (None, None)
        interval = _interval(allegation.earliest, allegation.latest)
        summary_words = {w for w in _WORD.findall(_fold(allegation.summary))
                         if len(w) >= 4 and w not in _STOP}  # fmt: skip
        linked_excerpts = {
            (e.source_id, e.start, e.end)
            for e in session.scalars(
                select(Excerpt).join(EvidenceLink, EvidenceLink.excerpt_id == Excerpt.id)
                .where(EvidenceLink.allegation_id == allegation_id)
            )
        }  # fmt: skip
        linked_events = set(
            session.scalars(
                select(EvidenceLink.event_id).where(
                    EvidenceLink.allegation_id == allegation_id,
                    EvidenceLink.event_id.is_not(None),
                )
            )
        )
    terms = [t for code in codes for t in act_terms().get(code, ())]
    names = place_names(facility_id, place_text)
    source_ids: set[int] = set()
    for query in [*names, *terms]:
        try:
            source_ids |= {h.source_id for h in search_sources(case, query, actor=actor, limit=50)}
        except BadInput:  # a query with no searchable words
            continue
    act_res = [(t, _pattern(t)) for t in terms]
    place_res = [(n, _pattern(n)) for n in names]
    out: list[Candidate] = []
    others = _other_place_patterns(facility_id) if facility_id else ()
    with case.session() as session:
        for source in session.scalars(select(Source).where(Source.id.in_(source_ids))):
            marks = _context_starts(_fold(source.text), [rx for _, rx in place_res], others)
            for start, end, sentence in sentences(source.text):
                if (source.id, start, end) in linked_excerpts:
                    continue
                before = [ours for at, ours in marks if at < start]
                context = bool(before) and before[-1]
                found = _score(sentence, act_res, place_res, interval, summary_words, context)
                if found is None:
                    continue
                score, reasons = found
                out.append(Candidate(
                    "excerpt", score, sentence, reasons, source_id=source.id, start=start,
                    end=end, source_kind=source.kind, title=source.title,
                    stance_hint="contradicts" if source.kind == "statement" else "supports",
                    first_hand_hint=source.kind == "testimony",
                ))  # fmt: skip
        out.extend(_event_candidates(session, codes, facility_id, interval, linked_events))
    out.sort(key=lambda c: (-c.score, c.source_id or 0, c.start or 0, c.event_id or 0))
    return out[:limit]


def sentences(text: str) -> list[tuple[int, int, str]]:
    spans, at = [], 0
    for match in [*_SENTENCE.finditer(text), None]:
        stop = match.start() if match else len(text)
        chunk = text[at:stop]
        stripped = chunk.strip()
        if len(stripped) >= 15:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((at + lead, at + lead + len(stripped), stripped))
        at = match.end() if match else len(text)
    return spans


def _score(
    sentence: str,
    act_res: list[tuple[str, re.Pattern[str]]],
    place_res: list[tuple[str, re.Pattern[str]]],
    interval: tuple[date, date] | None,
    summary_words: set[str],
    context: bool = False,
) -> tuple[float, list[str]] | None:
    folded = _fold(sentence)
    acts_hit = [t for t, rx in act_res if rx.search(folded)]
    places_hit = [n for n, rx in place_res if rx.search(folded)]
    if not acts_hit and not places_hit:
        return None
    score, reasons = 0.0, []
    if acts_hit:
        score += 2
        reasons.append("act words: " + ", ".join(acts_hit[:4]))
    if places_hit:
        score += 2
        reasons.append("place: " + ", ".join(places_hit[:3]))
    elif context:
        score += CONTEXT_PLACE
        reasons.append("place from context: the last place named before it")
    years = {int(y) for y in _YEAR.findall(sentence)}
    if interval and years:
        inside = [y for y in years if interval[0].year <= y <= interval[1].year]
        score += 1 if inside else -1
        reasons.append(f"year {'inside' if inside else 'outside'} the allegation's interval: "
                       + ", ".join(map(str, sorted(years))))  # fmt: skip
    if summary_words:
        shared = summary_words & set(_WORD.findall(folded))
        if shared:
            score += len(shared) / len(summary_words)
            reasons.append("shares words with the summary: " + ", ".join(sorted(shared)[:5]))
    return round(score, 3), reasons


def _event_candidates(
    session: Any,
    codes: list[str],
    facility_id: str | None,
    interval: tuple[date, date] | None,
    linked: set[int | None],
) -> list[Candidate]:
    conditions = [Event.act_code.in_(codes)]
    if facility_id:
        conditions.append(Place.gazetteer_id == facility_id)
    query = select(Event).outerjoin(Place, Event.place_id == Place.id).where(or_(*conditions))
    out = []
    for event in session.scalars(query):
        if event.id in linked:
            continue
        score, reasons = 0.0, []
        if event.act_code in codes:
            score += 2
            reasons.append(f"act {event.act_code}")
        if facility_id and event.place is not None and event.place.gazetteer_id == facility_id:
            score += 2
            reasons.append(f"place {facility_id}")
        when = _interval(event.earliest, event.latest)
        if interval and when:
            overlap = when[0] <= interval[1] and interval[0] <= when[1]
            score += 1 if overlap else -1
            reasons.append("time overlaps" if overlap else "time does not overlap")
        out.append(Candidate("event", score, event.description or f"event {event.id}", reasons,
                             event_id=event.id, source_id=event.source_id))  # fmt: skip
    return out
