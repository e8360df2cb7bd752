from __future__ import annotations

import pytest

from docket.link._fuzzy import birth_year_interval, event_month_interval
from docket.link._places import facility_key, place_key


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("1962", (1962, 1962)),
        ("1960-1965", (1960, 1965)),
        ("c. 1962", (1960, 1964)),
        ("ca 1962", (1960, 1964)),
        ("1962?", (1960, 1964)),
        ("1960s", (1960, 1969)),
        ("", None),
        ("unknown", None),
    ],
)
def test_birth_year_interval(text, interval) -> None:
    assert birth_year_interval(text) == interval


def test_event_month_interval() -> None:
    y = 1997 * 12
    assert event_month_interval("1997") == (y, y + 11)
    assert event_month_interval("spring 1997") == (y + 2, y + 4)
    assert event_month_interval("1997-04") == (y + 3, y + 3)
    assert event_month_interval("April 1997") == (y + 3, y + 3)
    assert event_month_interval("") is None


@pytest.mark.parametrize(
    "text",
    [
        "Yodok",
        "Yodŏk",
        "Yoduk",
        "요덕",
        "Kwanliso 15",
        "Camp 15",
        "Kwan-li-so No. 15",
        "Yodok political prison camp",
        "요덕 제15호 관리소",
    ],
)
def test_facility_aliases_resolve_to_gazetteer_id(text) -> None:
    assert facility_key(text) == "KWN-15"


def test_unknown_facility_keeps_its_text_apart_from_ids() -> None:
    assert facility_key("Some Other Place") == "?someotherplace"
    assert facility_key("Camp 14") != facility_key("Camp 15")


def test_place_key_ignores_romanization_and_suffix() -> None:
    assert place_key("Hamhung") == place_key("Hamheung-si") == place_key("함흥")
    assert place_key("Hoeryeong") == place_key("Hoeryong County") == place_key("회령")
    assert place_key("Musan") != place_key("Hamhung")
