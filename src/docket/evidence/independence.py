"""Which sources are really independent: clusters of sources that share an origin.

Two sources fall in one cluster, with the reason recorded, when
- they are the same witness: the same Witness (pseudonym), or witness PersonReports on them that
  linkage put in the same Identity (one person under two romanizations);
- one republishes the other: near-duplicate texts (MinHash over character 5-shingles, estimated
  Jaccard >= TEXT_THRESHOLD, 0.8: reprints score 0.9-1.0, while templated but unrelated pages of
  the demo corpus reach 0.6), or, when one of them is not a witness's own testimony, excerpts
  in near-identical words (estimated containment of the shorter excerpt's shingles in the
  other's >= QUOTE_THRESHOLD: the same quote reprinted, perhaps inside a longer span);
- a reviewer recorded that one cites or republishes the other (SourceRelation), transitively;
- one event cites both.
Clusters are connected components: if A reprints B and B quotes C, all three are one origin.
Two testimonies of different witnesses are never merged on wording alone: templates and shared
experience make honest witnesses sound alike, so only the full-text rule applies to them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from docket.evidence._items import EvidenceItem
from docket.store.models import PersonReport, Source, SourceRelation

if TYPE_CHECKING:  # datasketch pulls in scipy (about a second): load it only when hashing
    from datasketch import MinHash

SHINGLE = 5
NUM_PERM = 128
SEED = 1
TEXT_THRESHOLD = 0.8  # reprints score 0.9-1.0; templated but unrelated texts reach 0.6
QUOTE_THRESHOLD = 0.7
MIN_QUOTE_CHARS = 40  # shorter excerpts share too many shingles by chance


@dataclass
class SourceCluster:
    """Sources of one origin; `reasons` says why each was joined to the others."""

    number: int
    source_ids: list[int]
    labels: list[str]
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "cluster": self.number,
            "source_ids": self.source_ids,
            "sources": self.labels,
            "reasons": self.reasons,
        }


@dataclass
class Clustering:
    clusters: list[SourceCluster]
    cluster_of: dict[int, int]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[\W_]+", " ", folded).strip()


def shingles(text: str) -> set[str]:
    body = _normalise(text)
    return {body[i : i + SHINGLE] for i in range(max(1, len(body) - SHINGLE + 1))}


def minhash(text: str) -> MinHash:
    """MinHash of the character 5-shingles of the normalised text (works for Hangul too)."""
    from datasketch import MinHash

    sketch = MinHash(num_perm=NUM_PERM, seed=SEED)
    sketch.update_batch([s.encode("utf-8") for s in shingles(text)])
    return sketch


_SKETCHES: OrderedDict[str, MinHash] = OrderedDict()
_SKETCH_CACHE_SIZE = 20_000


def source_sketch(source: Source) -> MinHash:
    """A source's MinHash, cached by the hash of its text: sources never change once ingested."""
    key = source.text_sha256
    sketch = _SKETCHES.get(key)
    if sketch is None:
        sketch = _SKETCHES[key] = minhash(source.text)
        if len(_SKETCHES) > _SKETCH_CACHE_SIZE:
            _SKETCHES.popitem(last=False)
    else:
        _SKETCHES.move_to_end(key)
    return sketch


def source_label(source: Source) -> str:
    who = f", witness {source.witness.pseudonym}" if source.witness else ""
    outlet = f", {source.outlet}" if source.outlet else ""
    title = f" “{source.title}”" if source.title else ""
    return f"source {source.id} ({source.kind}{who}{outlet}){title}"


def cluster_sources(session: Session, items: list[EvidenceItem]) -> Clustering:
    ids = sorted({sid for item in items for sid in item.source_ids})
    query = select(Source).where(Source.id.in_(ids)).options(selectinload(Source.witness))
    sources = {s.id: s for s in session.scalars(query)}
    uf = _UnionFind()
    edges: list[tuple[int, int, str]] = []

    def join(a: int, b: int, why: str) -> None:
        if uf.find(a) != uf.find(b):
            edges.append((a, b, why))
        uf.union(a, b)

    for sid in ids:
        uf.find(sid)
    for item in items:
        for a, b in zip(item.source_ids, item.source_ids[1:], strict=False):
            join(a, b, f"sources {a} and {b}: cited by the same event {item.event_id}")
    _same_witness(sources, join)
    _same_identity(session, ids, join)
    _relations(session, ids, uf, join)
    _near_duplicates(sources, items, join)

    groups: dict[int, list[int]] = defaultdict(list)
    for sid in ids:
        groups[uf.find(sid)].append(sid)
    clusters: list[SourceCluster] = []
    cluster_of: dict[int, int] = {}
    for number, root in enumerate(sorted(groups), start=1):
        members = groups[root]
        reasons = [why for a, _b, why in edges if uf.find(a) == root]
        clusters.append(
            SourceCluster(number, members, [source_label(sources[s]) for s in members], reasons)
        )
        for sid in members:
            cluster_of[sid] = number
    return Clustering(clusters, cluster_of)


def _same_witness(sources: dict[int, Source], join) -> None:  # type: ignore[no-untyped-def]
    by_witness: dict[int, list[int]] = defaultdict(list)
    for source in sources.values():
        if source.witness_id is not None:
            by_witness[source.witness_id].append(source.id)
    for members in by_witness.values():
        first = members[0]
        pseudonym = sources[first].witness.pseudonym if sources[first].witness else "?"
        for other in members[1:]:
            join(first, other, f"sources {first} and {other}: same witness {pseudonym}")


def _same_identity(session: Session, ids: list[int], join) -> None:  # type: ignore[no-untyped-def]
    rows = session.execute(
        select(PersonReport.source_id, PersonReport.identity_id).where(
            PersonReport.source_id.in_(ids),
            PersonReport.role == "witness",
            PersonReport.identity_id.is_not(None),
        )
    ).all()
    by_identity: dict[int, list[int]] = defaultdict(list)
    for source_id, identity_id in rows:
        by_identity[identity_id].append(source_id)
    for identity_id, members in by_identity.items():
        members = sorted(set(members))
        for other in members[1:]:
            join(
                members[0],
                other,
                f"sources {members[0]} and {other}: the witnesses are one "
                f"person after linkage (identity {identity_id})",
            )


def _relations(session: Session, ids: list[int], uf: _UnionFind, join) -> None:  # type: ignore[no-untyped-def]
    """Follow recorded relations through sources not themselves linked as evidence."""
    seen = set(ids)
    frontier = set(ids)
    relations: list[SourceRelation] = []
    while frontier:
        found = session.scalars(
            select(SourceRelation).where(
                or_(SourceRelation.source_id.in_(frontier), SourceRelation.related_id.in_(frontier))
            )
        ).all()
        new = [r for r in found if r not in relations]
        relations.extend(new)
        frontier = {x for r in new for x in (r.source_id, r.related_id)} - seen
        seen |= frontier
    for r in sorted(relations, key=lambda r: r.id):
        join(
            r.source_id,
            r.related_id,
            f"source {r.source_id} {r.relation} source {r.related_id} (recorded by {r.created_by})",
        )


def _near_duplicates(sources: dict[int, Source], items: list[EvidenceItem], join) -> None:  # type: ignore[no-untyped-def]
    sketches = {sid: source_sketch(s) for sid, s in sources.items() if s.text.strip()}
    for a, b in combinations(sorted(sketches), 2):
        if sources[a].text_sha256 == sources[b].text_sha256:
            join(a, b, f"sources {a} and {b}: identical text")
            continue
        score = sketches[a].jaccard(sketches[b])
        if score >= TEXT_THRESHOLD:
            join(
                a,
                b,
                f"sources {a} and {b}: near-duplicate text, one republishes the other "
                f"(estimated Jaccard {score:.2f} >= {TEXT_THRESHOLD})",
            )
    quotes = [
        (i, minhash(i.quote), len(shingles(i.quote)))
        for i in items
        if i.excerpt_id is not None and len(_normalise(i.quote)) >= MIN_QUOTE_CHARS
    ]
    for (x, hx, nx), (y, hy, ny) in combinations(quotes, 2):
        a, b = x.source_ids[0], y.source_ids[0]
        if a == b or (sources[a].witness_id and sources[b].witness_id):
            continue
        score = containment(hx.jaccard(hy), nx, ny)
        if score >= QUOTE_THRESHOLD:
            join(
                a,
                b,
                f"sources {a} and {b}: the same words reprinted (excerpts {x.excerpt_id} "
                f"and {y.excerpt_id}, estimated containment {score:.2f} >= {QUOTE_THRESHOLD})",
            )


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set inside the larger, from Jaccard: a quote inside a longer excerpt."""
    if not size_a or not size_b:
        return 0.0
    common = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, common / min(size_a, size_b))
