from docket.vocab import acts, facilities, facility_by_id, surname_spellings


def test_facilities_carry_alt_names_and_sources():
    yodok = facility_by_id()["KWN-15"]
    assert "Yodŏk" in yodok.alt_names
    assert yodok.hangul.startswith("요덕")
    assert all(f.source for f in facilities())


def test_acts_map_to_rome_statute():
    by_code = {a.code: a for a in acts()}
    assert by_code["CAH-A"].rome_statute == "7(1)(a)"


def test_surname_spellings_include_dprk_forms():
    ri = [s for s in surname_spellings() if s.hangul == "이" and s.kind == "dprk"]
    assert ri and ri[0].hangul_dprk == "리"
