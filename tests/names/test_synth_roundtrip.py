"""Names rendered by every synthetic list style come back to the person's key."""

from __future__ import annotations

from docket.names import phonetic_key, phonetic_keys
from docket.synth.people import ListSpec, generate_lists, generate_people

STYLES = ["dprk", "rr", "mr", "mr_ascii", "western", "caps", "hangul_south", "hangul_north"]


def test_every_style_keeps_the_phonetic_key() -> None:
    people = generate_people(400, seed=3)
    specs = tuple(ListSpec(s, 0.99, {s: 1.0}, typo_rate=0.0, dup_rate=0.0) for s in STYLES)
    recs = generate_lists(people, specs, seed=3).merge(
        people[["person_id", "surname", "given"]], on="person_id"
    )
    truth = (recs["surname"] + recs["given"]).map(phonetic_key)
    written = [n or h for n, h in zip(recs["name"], recs["name_hangul"], strict=True)]
    first = truth == [phonetic_key(w) for w in written]
    # Some romanized names are truly ambiguous ("Song" is 송 or 성; "Cho Lee" either order):
    # the preferred reading must be right almost always, and one reading nearly always.
    anyof = [t in phonetic_keys(w) for t, w in zip(truth, written, strict=True)]
    by_style_first = first.groupby(recs["source"]).mean()
    by_style_any = recs.assign(a=anyof).groupby("source")["a"].mean()
    assert (by_style_first > 0.9).all(), by_style_first.to_dict()
    assert (by_style_any > 0.99).all(), by_style_any.to_dict()
