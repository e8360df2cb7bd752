"""Lists: CSV in the person-records contract; each row becomes a PersonReport and a ListEntry."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docket.errors import BadInput
from docket.fuzzytime import parse_fuzzy_date
from docket.ingest.base import ParsedSource, PersonRow, Reader, decode_text, register

REQUIRED = ("record_id", "source")
NAME_COLUMNS = ("name", "name_hangul")


def read_person_records(text: str, where: str) -> list[PersonRow]:
    """Validate every row before anything is stored; the first problem names line and column."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise BadInput("the CSV is empty; expected a header row", where=where) from None
    except csv.Error as exc:
        raise BadInput(f"malformed CSV header ({exc})", where=f"{where}:line 1") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise BadInput(f"missing column(s) {', '.join(missing)}", where=f"{where}:line 1")
    if not any(c in header for c in NAME_COLUMNS):
        raise BadInput("needs a 'name' or 'name_hangul' column", where=f"{where}:line 1")
    if len(set(header)) != len(header):
        raise BadInput("duplicate column names in the header", where=f"{where}:line 1")
    rows: list[PersonRow] = []
    seen: dict[str, int] = {}
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise BadInput(
                    f"has {len(values)} fields, expected {len(header)} as in the header",
                    where=f"{where}:line {line}",
                )
            row = {h: v.strip() for h, v in zip(header, values, strict=True)}
            rows.append(_validated(row, line, where, seen))
    except csv.Error as exc:
        raise BadInput(f"malformed CSV ({exc})", where=f"{where}:line {reader.line_num}") from None
    if not rows:
        raise BadInput("the list has a header but no rows", where=where)
    return rows


def _validated(row: dict[str, str], line: int, where: str, seen: dict[str, int]) -> PersonRow:
    at = f"{where}:line {line}"
    record_id = row["record_id"]
    if not record_id:
        raise BadInput("column 'record_id' is empty; expected a unique id", where=at)
    if record_id in seen:
        raise BadInput(
            f"column 'record_id' repeats the id of line {seen[record_id]}; ids must be unique",
            where=at,
        )
    seen[record_id] = line
    if not row["source"]:
        raise BadInput("column 'source' is empty; expected the list's name", where=at)
    if not any(row.get(c) for c in NAME_COLUMNS):
        raise BadInput("neither 'name' nor 'name_hangul' is filled", where=at)
    if row.get("sex") and row["sex"].upper() not in ("M", "F"):
        raise BadInput(f"column 'sex' is {row['sex']!r}; expected M, F or empty", where=at)
    for column in ("birth_year", "event_date"):
        if row.get(column) and parse_fuzzy_date(row[column]) is None:
            raise BadInput(
                f"column '{column}' is {row[column]!r}; expected a year, a range like "
                "'1960-1965', 'c. 1962', a date or a partial date like 'spring 1997'",
                where=at,
            )
    return PersonRow(line=line, record_id=record_id, source=row["source"], fields=row)


@register
class ListReader(Reader):
    kind = "list"
    suffixes = (".csv",)
    description = "CSV in the person-records contract; rows become PersonReports"

    def read(self, data: bytes, path: Path, *, lang: str | None) -> ParsedSource:
        where = str(path)
        text = decode_text(data, where)
        persons = read_person_records(text, where)
        lists = sorted({p.source for p in persons})
        return ParsedSource(
            kind=self.kind,
            media_type="text/csv",
            text=f"List file {path.name}: {len(persons)} records from {', '.join(lists)}",
            title=path.stem,
            language=lang,
            persons=persons,
            meta={"lists": lists, "rows": len(persons)},
        )
