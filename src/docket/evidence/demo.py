"""Demo allegations for a case holding the synthetic demo corpus (or any corpus like it).

Each allegation is added, its candidates found with `suggest_evidence`, and the best ones linked
with a simple, stated coding policy, so the findings table shows a mix of statuses:
- testimony: first-hand, graded B2; articles and documents: not first-hand, graded C3;
- official statements: contradicting, graded as the template says (one is graded A so that an
  unrebutted denial contests an otherwise established allegation);
- each link records the place (when the sentence names it) and any year the sentence gives, so
  sentences dated outside the allegation's period are shown as not counting.
Testimony excerpts are also coded as events (with a citation) so `event_patterns` has data.
With few matches the demo links what it finds: fewer links, weaker statuses, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.evidence._coding import parse_time, place_for
from docket.evidence.allegations import add_allegation
from docket.evidence.links import excerpt_in, link_evidence
from docket.evidence.suggest import Candidate, sentences, suggest_evidence
from docket.sources import get_source, search_sources
from docket.store.models import Citation, Event

MIN_SCORE = 3.5  # act words and the place, named in the sentence or just before it
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class _Template:
    summary: str
    act_codes: tuple[str, ...]
    place: str
    time: str | None
    testimonies: int = 4
    articles: int = 2
    denial_grade: str | None = "C"


TEMPLATES = (
    _Template("SYNTHETIC DEMO: forced labour of prisoners at Yodok political prison camp "
              "(Camp 15), 1990–2009", ("V-FORCEDLAB",), "KWN-15", "1990-2009"),
    _Template("SYNTHETIC DEMO: beatings and torture of prisoners at Kaechon political prison "
              "camp (Camp 14)", ("CAH-F",), "KWN-14", None, denial_grade="A"),
    _Template("SYNTHETIC DEMO: public executions at Hwasong political prison camp (Camp 16), "
              "as reported in the press", ("V-PUBEXEC",), "KWN-16", None, testimonies=0),
    _Template("SYNTHETIC DEMO: forced abortions of repatriated women at Chongori "
              "reeducation labour camp", ("V-FORCEDABORT",), "KHS-12", None, testimonies=1),
    _Template("SYNTHETIC DEMO: prolonged starvation of prisoners at Yodok political prison "
              "camp, 1995–1999", ("CAH-K",), "KWN-15", "1995-1999", denial_grade=None),
)  # fmt: skip


def add_demo_allegations(case: Case, actor: Actor) -> list[int]:
    """Create the demo allegations and link the evidence found; returns their ids."""
    ids = []
    for template in TEMPLATES:
        aid = add_allegation(
            case, actor=actor, summary=template.summary, act_codes=list(template.act_codes),
            place=template.place, time=template.time,
            victims="prisoners (SYNTHETIC demo)", perpetrator="camp guards (SYNTHETIC demo)",
        )  # fmt: skip
        _link_found(case, actor, aid, template)
        ids.append(aid)
    return ids


def _link_found(case: Case, actor: Actor, aid: int, template: _Template) -> None:
    candidates = [c for c in suggest_evidence(case, aid, actor=actor, limit=200)
                  if c.kind == "excerpt"]  # fmt: skip
    quota = {"testimony": template.testimonies, "article": template.articles, "document": 1}
    used: set[int] = set()
    for cand in candidates:
        kind = cand.source_kind or ""
        if cand.score < MIN_SCORE or quota.get(kind, 0) <= 0 or cand.source_id in used:
            continue  # needs both act words and the place; one excerpt per source
        quota[kind] -= 1
        used.add(cand.source_id or 0)
        first_hand = kind == "testimony"
        _link(case, actor, aid, cand, "supports", "B" if first_hand else "C",
              2 if first_hand else 3, first_hand, template)  # fmt: skip
    if template.denial_grade:
        denial = _denial(case, actor, candidates)
        if denial is not None:
            _link(case, actor, aid, denial, "contradicts", template.denial_grade, 3, False,
                  template)  # fmt: skip


def _denial(case: Case, actor: Actor, candidates: list[Candidate]) -> Candidate | None:
    for cand in candidates:
        if cand.source_kind == "statement":
            return cand
    for query in ("prison camp", "수용소"):
        for hit in search_sources(case, query, actor=actor, limit=5, kind="statement"):
            if not hit.hits:
                continue
            at = hit.hits[0][0]
            text = get_source(case, hit.source_id, actor=actor).text
            for start, end, sentence in sentences(text):
                if start <= at < end:
                    return Candidate("excerpt", 0, sentence, ["official statement"],
                                     source_id=hit.source_id, start=start, end=end,
                                     source_kind="statement")  # fmt: skip
    return None


def _link(
    case: Case, actor: Actor, aid: int, cand: Candidate, stance: str, reliability: str,
    credibility: int, first_hand: bool, template: _Template,
) -> None:  # fmt: skip
    years = sorted({int(y) for y in _YEAR.findall(cand.text)})
    when = f"{years[0]}-{years[-1]}" if len(years) > 1 else (str(years[0]) if years else None)
    names_place = any(r.startswith("place:") for r in cand.reasons)
    try:
        link_evidence(
            case, aid, actor=actor, stance=stance, source_id=cand.source_id, start=cand.start,
            end=cand.end, first_hand=first_hand, reliability=reliability,
            credibility=credibility, place=template.place if names_place else None, time=when,
            note="SYNTHETIC demo coding",
        )  # fmt: skip
    except BadInput:
        return  # already linked, or a span the source no longer has: skip it
    if first_hand and stance == "supports":
        _code_event(case, actor, cand, template, when)


def _code_event(
    case: Case, actor: Actor, cand: Candidate, template: _Template, when: str | None
) -> None:
    time_text, earliest, latest = parse_time(when)
    with case.session() as session:
        excerpt = excerpt_in(session, cand.source_id or 0, cand.start or 0, cand.end or 0)
        event = Event(
            act_code=template.act_codes[0], place=place_for(session, template.place),
            time_text=time_text, earliest=earliest, latest=latest,
            description=f"SYNTHETIC demo event: {cand.text[:200]}",
            source_id=cand.source_id, created_by=actor.name,
        )  # fmt: skip
        session.add(event)
        session.flush()
        session.add(Citation(record_type="event", record_id=event.id, excerpt_id=excerpt.id))
