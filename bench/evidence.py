"""Benchmark: weighing one allegation with many linked excerpts, and the findings table.

Builds a SYNTHETIC case in a temporary folder: N testimonies (one witness each, every tenth
witness interviewed twice), N/2 articles of which groups of four are reprints of one story,
links one excerpt of each to allegations, and times link, evaluation and `findings`.

    PYTHONPATH=src python bench/evidence.py --sources 300 --allegations 5
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from docket.actor import Actor
from docket.case import create_case
from docket.evidence import add_allegation, findings, link_evidence
from docket.ingest import ingest_paths

_VOCABULARY = (
    "guards prisoners quarry mine barracks rations winter roll-call cell yard gate shift hunger "
    "cold stick lamp corn bean field river hill night morning"
)
WORDS = _VOCABULARY.split()


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "."


def build(folder: Path, n: int, rng: random.Random) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        pseudonym = f"W-B{(i - 1 if i % 10 == 1 else i):04d}"
        body = " ".join(_sentence(rng) for _ in range(12))
        (folder / f"t{i:04d}.md").write_text(
            f"---\nwitness_pseudonym: {pseudonym}\nlanguage: en\n---\nSYNTHETIC testimony. "
            f"At Yodok in 1997 the guards beat prisoners at the quarry. {body}\n",
            encoding="utf-8",
        )
    for story in range(n // 8):
        body = " ".join(f"<p>{_sentence(rng)}</p>" for _ in range(10))
        for outlet in range(4):
            (folder / f"a{story:03d}_{outlet}.html").write_text(
                f"<html><head><title>SYNTHETIC story {story} outlet {outlet}</title></head><body>"
                f"<article><h1>SYNTHETIC story {story}</h1><p>Guards at Yodok beat prisoners "
                f"at the quarry in 1997, a former prisoner said.</p>{body}</article></body></html>",
                encoding="utf-8",
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=300)
    parser.add_argument("--allegations", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(6)
    actor = Actor("bench")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(root / "files", args.sources, rng)
        case = create_case(root / "case")
        t0 = time.perf_counter()
        report = ingest_paths(case, [root / "files"], actor=actor)
        ids = [(o.source_id, o.kind) for o in report.outcomes if o.source_id]
        t_ingest = time.perf_counter() - t0
        links = 0
        t0 = time.perf_counter()
        for a in range(args.allegations):
            aid = add_allegation(
                case,
                actor=actor,
                summary=f"SYNTHETIC bench {a}",
                act_codes=["CAH-F"],
                place="Yodok",
                time="1997",
            )
            share = len(ids) // args.allegations
            for sid, kind in ids[a * share : (a + 1) * share]:
                testimony = kind == "testimony"
                quote = "guards beat prisoners at the quarry" if testimony else "Guards at Yodok"
                link_evidence(
                    case, aid, actor=actor, stance="supports", source_id=sid, quote=quote,
                    first_hand=testimony, reliability="B",
                )  # fmt: skip
                links += 1
        t_link = time.perf_counter() - t0
        t0 = time.perf_counter()
        rows = findings(case, actor=actor)
        t_findings = time.perf_counter() - t0
        case.close()
    per_alleg = links / args.allegations
    print(
        f"sources {len(ids)} (ingest {t_ingest:.1f} s); allegations {args.allegations}, "
        f"{links} links ({per_alleg:.0f} per allegation)"
    )
    print(
        f"link_evidence (each recomputes its allegation): {t_link:.1f} s total, "
        f"{1000 * t_link / links:.0f} ms per link on average"
    )
    print(f"findings for {len(rows)} allegations: {t_findings:.2f} s")
    print(
        "independent / linked per allegation:",
        [f"{f.assessment.supporting_clusters}/{len(f.assessment.items)}" for f in rows],
    )


if __name__ == "__main__":
    main()
