"""The synthetic person generator: deterministic, labelled SYNTHETIC, contract-valid."""

from __future__ import annotations

import pandas as pd

from docket.synth.people import generate_people, synthetic_records, write_demo_lists


def test_deterministic_for_a_seed() -> None:
    a = synthetic_records(300, seed=7)
    b = synthetic_records(300, seed=7)
    c = synthetic_records(300, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


def test_demo_lists_are_contract_csvs_marked_synthetic(tmp_path) -> None:
    paths = write_demo_lists(tmp_path, seed=1)
    assert len(paths) == 4
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in paths]
    allrec = pd.concat(frames)
    assert allrec["record_id"].is_unique
    assert ((allrec["name"] != "") | (allrec["name_hangul"] != "")).all()
    assert (allrec["note"] == "SYNTHETIC").all()
    # lists overlap: some people are on more than one list, some on one only
    lists_per_person = allrec.groupby("person_id")["source"].nunique()
    assert (lists_per_person > 1).any() and (lists_per_person == 1).any()
    # within-list duplicates exist
    assert allrec.groupby(["source", "person_id"]).size().max() > 1


def test_variation_covers_scripts_systems_and_fuzzy_years() -> None:
    recs = synthetic_records(600, seed=2, variation=2.0)
    names = recs["name"]
    assert (recs["name_hangul"].str.startswith("리")).any()  # North spelling
    assert (recs["name_hangul"].str.startswith("이")).any()  # South spelling
    assert names.str.contains("ŏ").any()  # McCune–Reischauer diacritics
    assert names.str.startswith("Ri ").any()  # DPRK official
    assert names.str.endswith(" Lee").any()  # Western order
    assert recs["birth_year"].str.contains("-").any()
    assert recs["birth_year"].str.startswith("c. ").any()


def test_namesakes_exist() -> None:
    people = generate_people(2000, seed=4)
    full = people["surname"] + people["given"]
    assert full.duplicated().sum() >= 40  # 3% namesakes plus chance
