"""Resolve who a speaker mention refers to: the fullest name the document gives.

Pronouns go to the nearest person named before them; surnames and short forms to the longest
name that contains them; descriptions ("the former guard") to the person the text described that
way ("Pak Sun Hui, a former guard, ..."); documents and bodies ("the report", "the ministry")
to the nearest organisation that fits.
"""

from __future__ import annotations

import re

from docket.extract._types import Entity

PRONOUNS = {"he", "she", "him", "her", "i", "we", "they", "his", "hers"}
_DOC_HEADS = {
    "report",
    "statement",
    "document",
    "study",
    "survey",
    "letter",
    "resolution",
    "agency",
    "ministry",
    "commission",
    "government",
    "organisation",
    "organization",
    "group",
    "committee",
    "council",
    "office",
    "department",
    "authorities",
    "regime",
    "inquiry",
    "centre",
    "center",
    "institute",
    "database",
    "newspaper",
    "outlet",
    "broadcaster",
    "court",
    "embassy",
    "mission",
}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


class Resolver:
    """Holds a document's entities and the descriptions attached to persons."""

    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.text = text
        self.persons = [e for e in entities if e.label == "PERSON"]
        self.orgs = [e for e in entities if e.label == "ORG"]
        self.descriptions: list[tuple[int, str, str]] = []  # (pos, head word, person)
        self._learn_descriptions()

    def fullest(self, name: str, label: str = "PERSON") -> str:
        """The longest entity text that contains `name`'s words, else `name`."""
        words = set(re.findall(r"[\w'-]+", name.lower()))
        pool = self.persons if label == "PERSON" else self.orgs
        best = name
        for e in pool:
            ew = set(re.findall(r"[\w'-]+", e.text.lower()))
            if words and words <= ew and len(e.text) > len(best):
                best = e.text
        return _norm(best)

    def _learn_descriptions(self) -> None:
        # "Pak Sun Hui, a 45-year-old former guard," / "former guard Pak Sun Hui"
        for p in self.persons:
            after = self.text[p.end : p.end + 120]
            m = re.match(r",\s+(?:a|an|the|who is a|who was a)\s+([^,.;]{3,100}?)[,.;]", after)
            if m:
                for w in re.findall(r"[a-z]+", m.group(1).lower()):
                    self.descriptions.append((p.start, w, self.fullest(p.text)))
            before = self.text[max(0, p.start - 60) : p.start]
            m2 = re.search(r"((?:[a-z][\w-]*\s+){1,4})$", before)
            if m2:
                for w in re.findall(r"[a-z]+", m2.group(1).lower())[-2:]:
                    self.descriptions.append((p.start, w, self.fullest(p.text)))

    def person_before(self, pos: int) -> str | None:
        """The nearest person mentioned before `pos`, given by the fullest name."""
        before = [p for p in self.persons if p.end <= pos]
        return self.fullest(before[-1].text) if before else None

    def org_before(self, pos: int, head: str | None = None) -> str | None:
        before = [o for o in self.orgs if o.end <= pos]
        if head:
            fitting = [o for o in before if head in o.text.lower()]
            if fitting:
                return self.fullest(fitting[-1].text, "ORG")
        return self.fullest(before[-1].text, "ORG") if before else None

    def resolve(self, mention: str, start: int) -> str | None:
        """Resolve a subject phrase found at `start` to a speaker name."""
        m = _norm(mention)
        low = m.lower()
        if not m:
            return None
        if low in PRONOUNS:
            if low == "they":
                return self.org_before(start) or self.person_before(start)
            return self.person_before(start)
        for p in self.persons:
            if p.start <= start < p.end or (start <= p.start and p.end <= start + len(mention)):
                return self.fullest(p.text)
        for o in self.orgs:
            if o.start <= start < o.end or (start <= o.start and o.end <= start + len(mention)):
                return self.fullest(o.text, "ORG")
        words = re.findall(r"[a-z]+", low)
        head = words[-1] if words else low
        if head in _DOC_HEADS or (words and words[0] in ("the", "its") and head in _DOC_HEADS):
            found = self.org_before(start, head)
            return found or m
        if words and words[0] in ("the", "this", "that"):
            desc = [d for d in self.descriptions if d[0] < start and d[1] == head]
            if desc:
                return desc[-1][2]
        return m
