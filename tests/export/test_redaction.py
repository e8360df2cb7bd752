"""A planted witness name reaches no export made for the analyst or public role, in any spelling
docket.security knows, while the full view (proving the detector works) carries it."""

from __future__ import annotations

from pathlib import Path

import pytest

from docket.actor import Actor
from docket.export import export_case
from tests.security.plant import leaks


def _bytes_under(paths: list[Path]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        out.update({str(f): f.read_bytes() for f in files})
    return out


def _export_all(case, folder: Path, role: str) -> dict[str, bytes]:
    written: list[Path] = []
    for kind, target in (("bag", "bag"), ("csv", "csv"), ("json", "json"),
                         ("geojson", "case.geojson")):  # fmt: skip
        written += export_case(case, kind, folder / target, actor=Actor("x", role))
    return _bytes_under(written)


def test_the_full_view_carries_the_name(filled, tmp_path):
    files = _export_all(filled, tmp_path, "investigator")
    assert any(leaks(data) for data in files.values())


@pytest.mark.parametrize("role", ["analyst", "reviewer", "public"])
def test_no_export_for_a_restricted_role_carries_the_name(filled, tmp_path, role):
    files = _export_all(filled, tmp_path, role)
    assert len(files) > 10
    found = {name: leaks(data) for name, data in files.items() if leaks(data)}
    assert not found, found


def test_public_outputs_carry_no_witness_pseudonym(filled, tmp_path):
    """docket.security: pseudonyms shared across published material let readers pool one
    witness's statements; the analyst view keeps them, the public view has none."""
    from docket.report import build_report

    analyst = build_report(filled, actor=Actor("a", "analyst"))
    assert b"W-0777" in analyst
    public = {**_export_all(filled, tmp_path, "public"),
              "report": build_report(filled, actor=Actor("p", "public"))}  # fmt: skip
    found = [name for name, data in public.items() if b"W-0777" in data]
    assert not found, found
