"""Write the act classifier's training data from the labelled SYNTHETIC evaluation sets.

The texts are read as `extract` reads them (`load_file`: front matter off), each with the act
codes its gold file lists. The sets are named, not globbed, so a new held-out set is never
trained on by accident: it must be scored first, then added here on purpose. The SYNTHETIC
training passages (tests/extract/eval/passages/{en,ko}.yaml: a list of `{acts, text}`) are
added as sets "passages-en" and "passages-ko"; they are training data only, never scored.

    PYTHONPATH=src python scripts/build_act_training.py   # rewrites src/docket/extract/data/...
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests/extract/eval"
OUT = ROOT / "src/docket/extract/data/act_training.jsonl"
SETS = ("dev", "heldout", *(f"heldout{i}" for i in range(2, 33)))
# SYNTHETIC labelled passages written as training data only (never scored): always trained on,
# never left out by leave-one-set-out; absent files are skipped
PASSAGES = {"passages-en": EVAL / "passages/en.yaml", "passages-ko": EVAL / "passages/ko.yaml"}


def set_rows(name: str) -> list[dict]:
    """One row per labelled document of eval set `name`, in a stable order (also read by
    bench/extract_acts_cv.py to score sets not yet trained on)."""
    sys.path.insert(0, str(ROOT / "src"))
    from docket.extract.loading import load_file

    out = []
    for f in sorted((EVAL / name).glob("*/*.md")):
        gold = yaml.safe_load(f.with_suffix(".gold.yaml").read_text("utf-8")) or {}
        out.append(
            {
                "set": name,
                "doc": f"{f.parent.name}/{f.name}",
                "acts": sorted(set(gold.get("acts") or [])),
                "text": load_file(f).text,
            }
        )
    return out


def rows() -> list[dict]:
    """One row per labelled document, in a stable order."""
    out = [row for name in SETS for row in set_rows(name)]
    for name, path in PASSAGES.items():
        items = yaml.safe_load(path.read_text("utf-8")) if path.exists() else None
        for i, item in enumerate(items or [], start=1):
            out.append(
                {
                    "set": name,
                    "doc": f"{path.name}#{i}",
                    "acts": sorted(set(item.get("acts") or [])),
                    "text": str(item["text"]).strip(),
                }
            )
    return out


def render() -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows())


if __name__ == "__main__":
    OUT.write_text(render(), "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")  # noqa: T201
