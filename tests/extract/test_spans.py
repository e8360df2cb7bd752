"""The span bookkeeping that keeps rule selection linear on long documents."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from docket.extract._spans import Occupied


def test_overlap_queries() -> None:
    occ: Occupied[str] = Occupied()
    occ.add(10, 20, "a")
    occ.add(30, 40, "b")
    assert occ.overlapping(0, 10) == []
    assert occ.overlapping(19, 31) == ["a", "b"]
    assert occ.overlapping(20, 30) == []
    assert occ.free(40, 50) and not occ.free(35, 36)
    occ.remove(10, 20, "a")
    assert occ.items() == ["b"]


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)), max_size=40))
def test_greedy_selection_matches_brute_force(spans: list[tuple[int, int]]) -> None:
    occ: Occupied[tuple[int, int]] = Occupied()
    chosen: list[tuple[int, int]] = []
    for start, width in spans:
        span = (start, start + width)
        brute = all(span[1] <= c[0] or c[1] <= span[0] for c in chosen)
        assert occ.free(*span) == brute
        if brute:
            chosen.append(span)
            occ.add(*span, span)
    assert sorted(chosen) == occ.items()
