"""The labelled evaluation set is well-formed: enough documents, SYNTHETIC, labels that point at
real words, codes and gazetteer ids. (Scores are measured by bench/extract.py, not asserted.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from docket.vocab import acts, facility_by_id

ROOT = Path(__file__).parent / "eval"
DOCS = sorted(ROOT.glob("*/*/*.md"))


def test_set_sizes() -> None:
    dev = [d for d in DOCS if d.parts[-3] == "dev"]
    assert sum(d.parent.name == "en" for d in dev) >= 30
    assert sum(d.parent.name == "ko" for d in dev) >= 10
    assert any(d.parts[-3] == "heldout" for d in DOCS)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: "/".join(p.parts[-3:]))
def test_gold_labels_point_at_the_text(doc: Path) -> None:
    raw = doc.read_text("utf-8")
    gold_path = doc.with_suffix(".gold.yaml")
    assert "SYNTHETIC" in raw and "SYNTHETIC" in gold_path.read_text("utf-8")
    text = raw.split("---", 2)[2]
    gold = yaml.safe_load(gold_path.read_text("utf-8"))
    for label, names in gold["entities"].items():
        assert label in {"PERSON", "ORG", "GPE", "FACILITY"}
        for name in names or []:
            assert name in text, name
    for quote in gold["quotes"] or []:
        assert quote["text"] in text and quote["speaker"]
    for d in gold["dates"] or []:
        assert str(d["text"]) in text
        assert date.fromisoformat(str(d["earliest"])) <= date.fromisoformat(str(d["latest"]))
    for f in gold["figures"] or []:
        assert f["about"] is None or f["about"] in facility_by_id()
    assert set(gold["places"] or []) <= set(facility_by_id())
    assert set(gold["acts"] or []) <= {a.code for a in acts()}


@pytest.mark.parametrize(("language", "at_least", "negatives"), [("en", 300, 50), ("ko", 200, 35)])
def test_training_passages_are_labelled_with_known_codes(
    language: str, at_least: int, negatives: int
) -> None:
    path = ROOT / "passages" / f"{language}.yaml"
    raw = path.read_text("utf-8")
    assert raw.startswith("# SYNTHETIC")
    items = yaml.safe_load(raw)
    codes = {a.code for a in acts()}
    assert len(items) >= at_least
    for item in items:
        assert set(item) == {"acts", "text"}, item
        assert isinstance(item["acts"], list) and isinstance(item["text"], str), item
        assert set(item["acts"]) <= codes, item
        assert len(set(item["acts"])) == len(item["acts"]), item
    assert sum(not item["acts"] for item in items) >= negatives
    assert len({item["text"] for item in items}) == len(items)
