"""Uwazi CSV (export, import, round trip), Popolo-like JSON, events/allegations JSON, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from docket.actor import Actor
from docket.case import create_case
from docket.errors import BadInput
from docket.export import export_case, import_uwazi_csv
from docket.security.keys import KeySource

ADMIN = Actor("t", "admin")
CARRIED = {
    "events.csv": ["act", "huridocs_act", "date", "date_text", "facility", "geolocation",
                   "description"],
    "allegations.csv": ["title", "act", "huridocs_act", "facility", "date", "date_text",
                        "victims", "perpetrator", "details"],
}  # fmt: skip


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_uwazi_csv_has_title_pipes_geolocation_and_huridocs_codes(filled, tmp_path):
    export_case(filled, "csv", tmp_path / "csv", actor=ADMIN)
    names = {p.name for p in (tmp_path / "csv").iterdir()}
    assert {"events.csv", "allegations.csv", "facilities.csv", "sources.csv",
            "persons.csv"} <= names  # fmt: skip
    (event,) = _rows(tmp_path / "csv" / "events.csv")
    assert event["title"] and event["act"] == "CAH-F"
    assert event["huridocs_act"] == "020111110000"  # HURIDOCS torture, cited in violations.csv
    assert event["geolocation"] == "39.5715602|126.0622053"
    assert event["date"] == "1997/03/01:1997/05/31"
    facility = next(
        r for r in _rows(tmp_path / "csv" / "facilities.csv") if r["docket_id"] == "KWN-15"
    )
    assert "|" in facility["population_estimates"] and "(2011)" in facility["population_estimates"]


def test_uwazi_round_trip_keeps_what_the_format_carries(filled, tmp_path, key_file):
    export_case(filled, "csv", tmp_path / "a", actor=ADMIN)
    other = create_case(tmp_path / "other", name="import (SYNTHETIC)",
                        key=KeySource.key_file(key_file))  # fmt: skip
    try:
        events = import_uwazi_csv(other, tmp_path / "a" / "events.csv", actor=ADMIN)
        allegations = import_uwazi_csv(other, tmp_path / "a" / "allegations.csv", actor=ADMIN)
        assert events["created"] == 1 and allegations["created"] == 1
        export_case(other, "csv", tmp_path / "b", actor=ADMIN)
    finally:
        other.close()
    for name, columns in CARRIED.items():
        before = [{c: r[c] for c in columns} for r in _rows(tmp_path / "a" / name)]
        after = [{c: r[c] for c in columns} for r in _rows(tmp_path / "b" / name)]
        assert after == before, name


def test_import_reads_uwazi_export_labels_and_huridocs_codes(sqlite_case, tmp_path):
    path = tmp_path / "uwazi-export.csv"
    path.write_text(
        "Title,Date added,Template,Huridocs Act,Date,Place,Geolocation,Description\n"
        'SYNTHETIC killing,2024/01/02,Event,010101020000,1999/01/01:1999/12/31,"Yodok",,x\n',
        encoding="utf-8",
    )
    result = import_uwazi_csv(sqlite_case, path, actor=ADMIN)
    assert result["template"] == "event" and result["created"] == 1
    export_case(sqlite_case, "csv", tmp_path / "out", actor=ADMIN)
    (row,) = _rows(tmp_path / "out" / "events.csv")
    assert row["act"] == "CAH-A" and row["facility"] == "KWN-15"
    assert row["date"] == "1999/01/01:1999/12/31"


def test_imported_free_text_place_keeps_its_position_and_is_one_row(sqlite_case, tmp_path):
    path = tmp_path / "uwazi-export.csv"
    path.write_text(
        "Title,Template,Act,Place,Geolocation\n"
        "SYNTHETIC one,Event,CAH-A,Somewhere Valley,40.5|127.25\n"
        "SYNTHETIC two,Event,CAH-F,Somewhere Valley,\n",
        encoding="utf-8",
    )
    assert import_uwazi_csv(sqlite_case, path, actor=ADMIN)["created"] == 2
    export_case(sqlite_case, "csv", tmp_path / "out", actor=ADMIN)
    rows = _rows(tmp_path / "out" / "events.csv")
    assert [r["geolocation"] for r in rows] == ["40.5|127.25", "40.5|127.25"]
    assert all(r["facility"] == "" for r in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name,act\nx,CAH-A\n", "no `title` column"),
        ("title,template,act,date\nx,event,CAH-A,yesterday\n", "line 2"),
        ("title,template,act\nx,event,NOPE\n", "NOPE"),
        ("title,template\nx,facility\n", "docket imports events and allegations"),
    ],
)
def test_bad_uwazi_files_are_refused_naming_the_place(sqlite_case, tmp_path, text, expected):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput) as err:
        import_uwazi_csv(sqlite_case, path, actor=ADMIN)
    assert expected in str(err.value)


def test_json_exports_popolo_events_allegations(filled, tmp_path):
    export_case(filled, "json", tmp_path / "j", actor=Actor("a", "analyst"))
    popolo = json.loads((tmp_path / "j" / "popolo.json").read_text())
    assert popolo["meta"]["view"] == "pseudonymous" and "SYNTHETIC" in popolo["meta"]["notice"]
    assert popolo["persons"] and all(p["name"].startswith("P-") for p in popolo["persons"])
    assert any(o["id"] == "facility/KWN-15" for o in popolo["organizations"])
    events = json.loads((tmp_path / "j" / "events.json").read_text())["events"]
    assert events[0]["huridocs"] == [{"code": "020111110000", "label": "torture"}]
    allegation = json.loads((tmp_path / "j" / "allegations.json").read_text())["allegations"][0]
    assert allegation["supporting"] and allegation["status"]
    assert allegation["huridocs"][0]["code"] == "300102010000"


def test_geojson_points_are_lon_lat(filled, tmp_path):
    (path,) = export_case(filled, "geojson", tmp_path / "c.geojson", actor=Actor("p", "public"))
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection"
    kinds = {f["properties"]["feature"] for f in data["features"]}
    assert kinds == {"facility", "event"}
    event = next(f for f in data["features"] if f["properties"]["feature"] == "event")
    assert event["geometry"]["coordinates"] == [126.0622053, 39.5715602]
    assert data["docket"]["omitted"]["facilities"] >= 1  # Yodok has no published coordinates


def test_every_export_file_of_a_synthetic_case_says_so(filled, tmp_path):
    written = []
    for kind, target in (("bag", "bag"), ("csv", "csv"), ("json", "json"),
                         ("geojson", "c.geojson")):  # fmt: skip
        written += export_case(filled, kind, tmp_path / target, actor=Actor("p", "public"))
    files = [p for w in written for p in ([w] if w.is_file() else w.rglob("*")) if p.is_file()]
    unmarked = [str(p) for p in files if b"synthetic" not in p.read_bytes().lower()]
    # BagIt's own fixed files and checksum lists carry no free text
    allowed = {"bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"}
    assert [p for p in unmarked if Path(p).name not in allowed] == []
