"""Standards of proof: readable rules, stored per case, validated, applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from docket.actor import Actor
from docket.case import Case
from docket.errors import BadInput
from docket.evidence import (
    DEFAULT_STANDARDS,
    add_allegation,
    get_allegation,
    get_standards,
    link_evidence,
    load_standards_file,
    set_standards,
)
from tests.evidence.corpus import QUOTES


def test_default_rules_read_as_sentences() -> None:
    by_key = {s.key: s for s in DEFAULT_STANDARDS}
    assert (
        by_key["reasonable_grounds"]
        .describe()
        .startswith("at least 2 independent supporting sources, at least 1 of them first-hand")
    )
    assert "no unrebutted contradiction from a source of reliability A–B" in (
        by_key["reasonable_grounds"].describe()
    )
    assert "cannot be rebutted" in by_key["beyond_reasonable_doubt"].describe()
    assert "credibility 1–2" in by_key["beyond_reasonable_doubt"].describe()


TOML = """
default = "lenient"
[standards.lenient]
label = "SYNTHETIC lenient"
min_independent = 1
min_first_hand = 1
block_reliability = "A"
rebuttal = 1
[standards.strict]
min_independent = 3
min_first_hand = 3
min_reliability = "B"
place_time = "stated"
"""


def test_standards_load_store_and_reassess(case: Case, corpus, admin: Actor, tmp_path: Path):
    aid = add_allegation(
        case, actor=admin, summary="SYNTHETIC", act_codes=["CAH-F"], place="Yodok", time="1997"
    )
    finding = link_evidence(
        case,
        aid,
        actor=admin,
        stance="supports",
        source_id=corpus["w1"],
        quote=QUOTES["w1"],
        first_hand=True,
        reliability="B",
    )
    assert finding.status == "insufficient"
    assert finding.met_standards == []
    path = tmp_path / "standards.toml"
    path.write_text(TOML, encoding="utf-8")
    [finding] = set_standards(case, load_standards_file(path), actor=admin)
    assert finding.status == finding.recorded_status == "established"
    assert finding.assessment.standard.key == "lenient"
    assert finding.met_standards == ["lenient"]
    stored = get_standards(case, actor=admin)
    assert [s.key for s in stored.standards] == ["lenient", "strict"]
    assert stored.get(None).label == "SYNTHETIC lenient"
    assert stored.get("strict").describe().startswith("at least 3 independent")


def test_an_allegation_can_name_a_stricter_standard(case: Case, corpus, admin: Actor) -> None:
    strict = add_allegation(
        case,
        actor=admin,
        summary="SYNTHETIC",
        act_codes=["CAH-F"],
        place="Yodok",
        time="1997",
        standard="beyond_reasonable_doubt",
    )
    for key in ("w1", "w2"):
        finding = link_evidence(
            case,
            strict,
            actor=admin,
            stance="supports",
            source_id=corpus[key],
            quote=QUOTES[key],
            first_hand=True,
            reliability="B",
            place="Yodok",
            time="1997",
        )
    assert finding.status == "insufficient"
    assert finding.met_standards == ["reasonable_grounds"]
    assert get_allegation(case, strict, actor=admin).to_dict()["standard"] == (
        "beyond_reasonable_doubt"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[standards.x]\nmin_independent = 'two'\n", "whole number"),
        ("[standards.x]\nmin_reliability = 'Z'\n", "must be one of"),
        ("[standards.x]\nplace_time = 'roughly'\n", "must be one of"),
        ("[standards.x]\nmin_independent = 1\nmin_first_hand = 2\n", "cannot exceed"),
        ("[standards.x]\nspeed = 3\n", "unknown field"),
        ("default = 'y'\n[standards.x]\nmin_independent = 1\n", "default 'y'"),
        ("nothing = 1\n", r"expected \[standards"),
        ("[standards.x\n", "not valid TOML"),
    ],
)
def test_bad_standards_files_name_the_problem(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(BadInput, match=message) as info:
        load_standards_file(path)
    assert str(path) in str(info.value)


def test_cannot_drop_a_standard_an_allegation_uses(sqlite_case: Case, admin: Actor, tmp_path):
    add_allegation(
        sqlite_case,
        actor=admin,
        summary="SYNTHETIC",
        act_codes=["CAH-F"],
        standard="clear_and_convincing",
    )
    path = tmp_path / "s.toml"
    path.write_text("[standards.only]\nmin_independent = 1\n", encoding="utf-8")
    with pytest.raises(BadInput, match="clear_and_convincing"):
        set_standards(sqlite_case, load_standards_file(path), actor=admin)
