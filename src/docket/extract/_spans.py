"""Non-overlapping span bookkeeping in O(log n) per query, so long documents stay linear."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from typing import Generic, TypeVar

from docket.extract._types import Entity

T = TypeVar("T")


class Occupied(Generic[T]):
    """Disjoint (start, end) spans, each with an item; find what overlaps a new span."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int, int]] = []  # (start, end, key)
        self._items: dict[int, T] = {}
        self._next = 0

    def overlapping(self, start: int, end: int) -> list[T]:
        i = bisect_left(self._spans, (start, -1, -1))
        out = []
        j = i - 1  # at most one earlier span can reach into [start, end): they are disjoint
        if j >= 0 and self._spans[j][1] > start:
            out.append(self._items[self._spans[j][2]])
        while i < len(self._spans) and self._spans[i][0] < end:
            if self._spans[i][1] > start or self._spans[i][0] == start:
                out.append(self._items[self._spans[i][2]])
            i += 1
        return out

    def free(self, start: int, end: int) -> bool:
        return not self.overlapping(start, end)

    def add(self, start: int, end: int, item: T) -> None:
        key = self._next
        self._next += 1
        self._items[key] = item
        insort(self._spans, (start, end, key))

    def remove(self, start: int, end: int, item: T) -> None:
        for k, (s, e, key) in enumerate(self._spans):
            if s == start and e == end and self._items[key] is item:
                del self._spans[k]
                del self._items[key]
                return

    def items(self) -> list[T]:
        return [self._items[k] for _, _, k in self._spans]


def starting_in(items: list[Entity], lo: int, hi: int) -> list[Entity]:
    """The entities of `items` (in order of start) that start in [lo, hi), found by bisection,
    so that no lookup scans all of a long document's entities."""
    i = bisect_left(items, lo, key=lambda e: e.start)
    return items[i : bisect_left(items, hi, lo=i, key=lambda e: e.start)]


def last_ending_by(
    items: list[Entity], pos: int, skip: Callable[[Entity], bool] | None = None
) -> Entity | None:
    """The last of `items` (in order of start) that ends by `pos` and that `skip` does not
    skip: back from `pos` by bisection, not a scan of all of them."""
    i = bisect_left(items, pos, key=lambda e: e.start)
    while i > 0:
        i -= 1
        if items[i].end <= pos and not (skip and skip(items[i])):
            return items[i]
    return None
