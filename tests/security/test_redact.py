"""Masking protected names in free text, in the spellings docket knows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from docket.actor import Actor
from docket.security.redact import NAME_WITHHELD, WITHHELD, Redactor
from docket.security.variants import NameMatcher, fallback_variants, name_variants


@pytest.mark.parametrize(
    "spelling",
    [
        "Ri Yong Chol", "ri yong chol", "RI YONG-CHOL", "Ri Yongchol", "Ri Yŏng-chŏl",
        "Yong Chol Ri", "Yong-chol Ri", "Ri  Yong\nChol",
    ],
)  # fmt: skip
def test_every_spelling_of_a_latin_name_is_masked(spelling):
    matcher = NameMatcher([("Ri Yong-chol", "[X]")])
    assert matcher.replace(f"Witness said {spelling}, twice.") == "Witness said [X], twice."


@pytest.mark.parametrize("spelling", ["이영철", "이 영철", "이영철씨", "이영철은"])
def test_hangul_names_are_masked_with_spaces_and_particles(spelling):
    out = NameMatcher([("이영철", "[X]")]).replace(f"증언: {spelling} 봤다")
    assert "영철" not in out and "[X]" in out


def test_names_inside_other_words_are_left_alone():
    matcher = NameMatcher([("Ri Yong", "[X]")])
    assert matcher.replace("Ririyong and Rio Yongsan") == "Ririyong and Rio Yongsan"


def test_variants_include_both_surname_orders():
    assert fallback_variants("Pak Sun-hui") == {"Pak Sun hui", "Sun hui Pak", "hui Pak Sun"}
    assert "Pak Sun hui" in name_variants("Pak Sun-hui")


def test_longest_name_wins_and_offsets_map_back_to_the_original():
    matcher = NameMatcher([("Kim", "[short]"), ("Kim Chŏl-su", "[long]")])
    text = "Then KIM CHOL-SU left; Kim stayed."
    assert matcher.replace(text) == "Then [long] left; [short] stayed."
    start, end, _ = matcher.spans(text)[0]
    assert text[start:end] == "KIM CHOL-SU"


def test_redactor_views_and_fields():
    names = [("Ri Yong-chol", "[W-0001]")]
    analyst = Redactor(Actor("a", "analyst"), names)
    public = Redactor(Actor("p", "public"), [("Ri Yong-chol", NAME_WITHHELD)])
    admin = Redactor(Actor("x", "admin"), names)
    row = {"name": "Ri Yong-chol", "note": "seen with Ri Yong-chol", "count": 3}
    assert admin.fields(row) == row
    assert analyst.fields(row, pseudonym="W-0001") == {
        "name": "W-0001", "note": "seen with [W-0001]", "count": 3,
    }  # fmt: skip
    assert public.fields(row, pseudonym="W-0001")["name"] == WITHHELD
    assert public.text("Ri Yong-chol spoke") == f"{NAME_WITHHELD} spoke"


def test_romanisation_variants_come_from_docket_names_when_present(monkeypatch):
    """The seam for docket.names: its variants are masked too, in both surname orders."""
    import sys
    import types

    fake = types.ModuleType("docket.names")
    fake.name_variants = lambda name: {"Yi Yong-chol", "Lee Young-chul"}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "docket.names", fake)
    matcher = NameMatcher([("Ri Yong-chol", "[X]")])
    assert matcher.replace("Yi Yongchol met Young-chul Lee") == "[X] met [X]"
    assert "Lee Young chul" in name_variants("Ri Yong-chol")


def test_the_matcher_is_reused_until_a_masked_value_changes(planted):
    """One matcher per case and view while nothing it masks changes; any change to a masked
    value (a new witness name, a changed pseudonym) gives a new one that masks it."""
    from docket.security.fields import redaction_version
    from docket.store.models import Allegation, Witness

    analyst = Actor("a", "analyst")

    def redactor() -> tuple[Redactor, str]:
        with planted.session() as session:
            return Redactor.for_actor(session, analyst), redaction_version(session)

    first, version = redactor()
    assert version and redactor()[0]._matcher is first._matcher
    with planted.session() as session:  # not a masked value: same version, same matcher
        session.add(Allegation(summary="SYNTHETIC", status="reported", created_by="t"))
    again, same = redactor()
    assert same == version and again._matcher is first._matcher
    assert again.text("seen: Vornaquil Zebedrin") == "seen: Vornaquil Zebedrin"

    with planted.session() as session:
        witness = session.scalars(select(Witness).where(Witness.name.is_(None))).first()
        witness.name = "Vornaquil Zebedrin"
        pseudonym = witness.pseudonym
    after, changed = redactor()
    assert changed != version and after._matcher is not first._matcher
    assert after.text("seen: ZEBEDRIN Vornaquil") == f"seen: [{pseudonym}]"

    with planted.session() as session:
        session.get(Witness, witness.id).pseudonym = "W-0999"
    assert redactor()[0].text("seen: Vornaquil Zebedrin") == "seen: [W-0999]"
    before = redactor()[1]
    with pytest.raises(RuntimeError), planted.session() as session:
        session.get(Witness, witness.id).name = "Other Name"  # rolled back: no new version
        session.flush()
        assert redaction_version(session) != before
        raise RuntimeError
    assert redactor()[1] == before


def test_every_protected_column_is_masked_in_free_text(planted):
    """One list: each protected (encrypted) column of every model is also what the Redactor
    masks. A value in any of them, set on a stored row, is masked in the next analyst's text."""
    from docket.security.fields import MASKED_ATTRIBUTES, MASKED_VALUES, protected_attributes
    from docket.store.models import Base

    protected = {
        mapper.class_: set(protected_attributes(mapper.class_))
        for mapper in Base.registry.mappers
        if protected_attributes(mapper.class_)
    }
    assert {cls: set(fields) for cls, fields in MASKED_VALUES.items()} == protected
    for cls, fields in MASKED_VALUES.items():
        assert set(fields) <= set(MASKED_ATTRIBUTES[cls])

    analyst = Actor("a", "analyst")
    planted_values: dict[str, str] = {}
    with planted.session() as session:
        for n, (cls, fields) in enumerate(MASKED_VALUES.items()):
            row = session.scalars(select(cls).order_by(cls.id)).first()
            assert row is not None, f"the planted case has no {cls.__name__}"
            for m, attr in enumerate(fields):
                value = f"Zqarvel Onthrup{n}x{m}"
                setattr(row, attr, value)
                planted_values[f"{cls.__name__}.{attr}"] = value
    with planted.session() as session:
        red = Redactor.for_actor(session, analyst)
        for where, value in planted_values.items():
            masked = red.text(f"seen: {value} today")
            assert value not in masked and masked.startswith("seen: ["), (where, masked)
