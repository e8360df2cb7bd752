"""Read person-record CSVs (contract: person-records.md) and refuse bad rows before any work.

The check is one vectorised pass over the parsed table; only when a row is bad do we walk the
file again with the csv module to name its real line (quoted fields may span lines).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from docket.errors import BadInput

REQUIRED = ("record_id", "source")
NAME_COLUMNS = ("name", "name_hangul")


def _line_of(path: Path, row_index: int) -> int:
    """1-based line where data row row_index (0-based, after the header) starts."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        start = 1
        for i, _row in enumerate(reader):
            if i == row_index + 1:
                return start
            start = reader.line_num + 1
    return start


def _read_one(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise BadInput("file not found", where=str(path))
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"not UTF-8 ({exc.reason})", where=str(path)) from None
    except pd.errors.EmptyDataError:
        raise BadInput("empty file; expected a header row", where=str(path)) from None
    except pd.errors.ParserError as exc:
        raise BadInput(f"not a valid CSV ({exc})", where=str(path)) from None
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise BadInput(
            f"missing column(s) {', '.join(missing)}; expected record_id, source and name "
            "and/or name_hangul",
            where=f"{path}:line 1",
        )
    if not any(c in df.columns for c in NAME_COLUMNS):
        raise BadInput("expected a name or name_hangul column", where=f"{path}:line 1")
    return df


def read_person_records(paths: list[str | Path]) -> pd.DataFrame:
    """All inputs as one table of strings ("" for missing); raises BadInput naming the line."""
    frames = []
    seen: dict[str, tuple[Path, int]] = {}
    for raw in paths:
        path = Path(raw)
        df = _read_one(path)
        rid = df["record_id"].str.strip()
        blank = rid == ""
        if blank.any():
            i = int(blank.to_numpy().nonzero()[0][0])
            raise BadInput("missing record_id", where=f"{path}:line {_line_of(path, i)}")
        names = pd.Series(False, index=df.index)
        for c in NAME_COLUMNS:
            if c in df.columns:
                names |= df[c].str.strip() != ""
        if not names.all():
            i = int((~names).to_numpy().nonzero()[0][0])
            raise BadInput(
                "neither name nor name_hangul given", where=f"{path}:line {_line_of(path, i)}"
            )
        dup = rid.duplicated()
        if dup.any():
            i = int(dup.to_numpy().nonzero()[0][0])
            raise BadInput(
                f"duplicate record_id {rid.iloc[i]!r}", where=f"{path}:line {_line_of(path, i)}"
            )
        clash = rid[rid.isin(seen.keys())] if seen else rid.iloc[:0]
        if len(clash):
            i = int(clash.index[0])
            other, other_i = seen[clash.iloc[0]]
            raise BadInput(
                f"duplicate record_id {clash.iloc[0]!r} (also {other}:line "
                f"{_line_of(other, other_i)})",
                where=f"{path}:line {_line_of(path, i)}",
            )
        if len(paths) > 1:
            seen.update({r: (path, i) for i, r in enumerate(rid)})
        df["record_id"] = rid
        for c in (*NAME_COLUMNS, "sex", "birth_year", "birth_place", "facility", "event_date"):
            if c not in df.columns:
                df[c] = ""
        frames.append(df)
    if not frames:
        raise BadInput("no input files")
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
