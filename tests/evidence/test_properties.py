"""Properties of the weighing itself (pure functions, no database)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docket.evidence._items import EvidenceItem
from docket.evidence.assess import ESTABLISHED, Claim, assess
from docket.evidence.independence import Clustering, SourceCluster
from docket.evidence.standards import DEFAULT_STANDARDS

CLAIM = Claim(facility_id="KWN-15", place_text=None, earliest="1997-01-01", latest="1997-12-31")

item_strategy = st.tuples(
    st.sampled_from(["supports", "supports", "contradicts"]),
    st.booleans(),
    st.sampled_from([None, "A", "B", "C", "D", "E", "F"]),
    st.sampled_from([None, 1, 2, 3, 6]),
    st.integers(min_value=1, max_value=6),  # source id
    st.sampled_from([None, "KWN-15", "KWN-14"]),
    st.sampled_from([(None, None), ("1997-03-01", "1997-05-31"), ("2010-01-01", "2010-12-31")]),
)


def _items(rows) -> list[EvidenceItem]:
    return [
        EvidenceItem(
            link_id=i + 1,
            stance=stance,
            first_hand=fh,
            reliability=rel,
            credibility=cred,
            excerpt_id=i + 1,
            event_id=None,
            source_ids=(sid,),
            quote="SYNTHETIC",
            facility_id=place,
            earliest=when[0],
            latest=when[1],
        )
        for i, (stance, fh, rel, cred, sid, place, when) in enumerate(rows)
    ]


def _clustering(groups: dict[int, int]) -> Clustering:
    """groups: source id -> cluster number."""
    members: dict[int, list[int]] = {}
    for sid, number in groups.items():
        members.setdefault(number, []).append(sid)
    clusters = [
        SourceCluster(n, sorted(m), [f"source {s}" for s in sorted(m)])
        for n, m in sorted(members.items())
    ]
    return Clustering(clusters, dict(groups))


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(item_strategy, max_size=10),
    merge=st.lists(st.integers(min_value=1, max_value=3), min_size=6, max_size=6),
)
def test_weighing_is_monotone(rows, merge) -> None:
    items = _items(rows)
    alone = _clustering({s: s for s in range(1, 7)})
    merged = _clustering({s: merge[s - 1] for s in range(1, 7)})
    for rule in DEFAULT_STANDARDS:
        separate = assess(items, alone, CLAIM, rule)
        together = assess(items, merged, CLAIM, rule)
        # merging origins never adds independent support
        assert together.independent_sources <= separate.independent_sources
        assert separate.independent_sources <= len(
            {i.source_ids[0] for i in items if i.stance == "supports"}
        )
    # a stricter default standard met implies every weaker one is met
    met = [assess(items, alone, CLAIM, rule).status == ESTABLISHED for rule in DEFAULT_STANDARDS]
    for stricter in range(1, len(met)):
        if met[stricter]:
            assert all(met[:stricter])
