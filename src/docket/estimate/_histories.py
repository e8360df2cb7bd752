"""Capture histories: the table of how many people each combination of lists recorded.

Everything downstream works on one canonical form: cell ``c`` (1 .. 2**k - 1) is the pattern whose
bit ``j`` says whether list ``j`` recorded the person; cell 0 (recorded by no list) is what MSE
estimates and never appears in the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from docket.errors import BadInput

MAX_LISTS = 62  # patterns are stored as 64-bit integers


@dataclass(frozen=True)
class CaptureHistories:
    """Observed capture patterns for k lists, as counts (one row per distinct pattern)."""

    lists: tuple[str, ...]
    cells: np.ndarray  # int64 pattern codes, bit j = list j; unique, sorted, never 0
    counts: np.ndarray  # int64, > 0
    label: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def k(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        return int(self.counts.sum())

    def patterns(self) -> np.ndarray:
        """0/1 matrix (rows = distinct observed patterns, columns = lists)."""
        return ((self.cells[:, None] >> np.arange(self.k)) & 1).astype(np.uint8)

    def full_table(self) -> np.ndarray:
        """Counts for every cell 1 .. 2**k - 1 (zeros included); index i holds cell i + 1."""
        if self.k > 20:
            raise BadInput(f"a full table over {self.k} lists has 2**{self.k} cells; too many")
        table = np.zeros(2**self.k - 1, dtype=np.int64)
        table[self.cells - 1] = self.counts
        return table

    def list_totals(self) -> dict[str, int]:
        pats = self.patterns()
        return {name: int((pats[:, j] * self.counts).sum()) for j, name in enumerate(self.lists)}

    def drop_empty_lists(self) -> CaptureHistories:
        """Remove lists that recorded nobody (allowed inside a stratum, where it happens)."""
        totals = self.list_totals()
        keep = [j for j, name in enumerate(self.lists) if totals[name] > 0]
        if len(keep) == self.k:
            return self
        dropped = [name for name in self.lists if totals[name] == 0]
        pats = self.patterns()[:, keep]
        note = f"list(s) {', '.join(dropped)} recorded nobody here and were left out"
        return from_patterns(
            [self.lists[j] for j in keep],
            pats,
            self.counts,
            label=self.label,
            notes=(*self.notes, note),
            allow_empty_lists=True,
        )

    def as_dict(self) -> dict[str, int]:
        """Pattern strings ('1010', one character per list, in list order) to counts."""
        pats = self.patterns()
        return {
            "".join(str(v) for v in row): int(c) for row, c in zip(pats, self.counts, strict=True)
        }


def from_patterns(
    lists: Sequence[str],
    patterns: np.ndarray | Sequence[Sequence[int]],
    counts: Iterable[int],
    *,
    label: str | None = None,
    notes: tuple[str, ...] = (),
    allow_empty_lists: bool = False,
) -> CaptureHistories:
    """Build and validate capture histories from a 0/1 matrix and counts (duplicates are summed)."""
    lists = tuple(str(x) for x in lists)
    pats = np.asarray(patterns, dtype=np.int64).reshape(-1, len(lists)) if len(lists) else None
    cnts = np.asarray(list(counts), dtype=np.int64)
    if len(lists) < 2:
        raise BadInput(f"need at least two lists, got {len(lists)}")
    if len(lists) > MAX_LISTS:
        raise BadInput(f"at most {MAX_LISTS} lists are supported, got {len(lists)}")
    if len(set(lists)) != len(lists):
        raise BadInput("list names must be unique")
    assert pats is not None
    if pats.shape[0] != cnts.shape[0]:
        raise BadInput("patterns and counts differ in length")
    if ((pats != 0) & (pats != 1)).any():
        raise BadInput("capture patterns must be 0 or 1")
    if (cnts < 0).any():
        raise BadInput("counts must not be negative")
    codes = (pats << np.arange(len(lists), dtype=np.int64)).sum(axis=1)
    if ((codes == 0) & (cnts > 0)).any():
        raise BadInput(
            "the all-zero pattern (recorded by no list) must not appear: it is what is estimated"
        )
    keep = cnts > 0
    cells, inverse = np.unique(codes[keep], return_inverse=True)
    summed = np.zeros(cells.shape[0], dtype=np.int64)
    np.add.at(summed, inverse, cnts[keep])
    if summed.sum() == 0:
        raise BadInput("no one was recorded on any list")
    ch = CaptureHistories(lists, cells, summed, label=label, notes=notes)
    if not allow_empty_lists:
        empty = [name for name, t in ch.list_totals().items() if t == 0]
        if empty:
            raise BadInput(
                f"list {', '.join(repr(e) for e in empty)} recorded nobody; "
                "remove it or check the data"
            )
    return ch


def from_mapping(
    lists: Sequence[str], counts: Mapping[str, int], *, label: str | None = None
) -> CaptureHistories:
    """From {'1010': 12, ...} (one character per list, the form the published datasets use)."""
    rows, cnts = [], []
    for key, value in counts.items():
        if len(key) != len(lists) or set(key) - {"0", "1"}:
            raise BadInput(f"pattern {key!r} is not {len(lists)} characters of 0/1")
        rows.append([int(ch) for ch in key])
        cnts.append(int(value))
    return from_patterns(lists, rows, cnts, label=label)
