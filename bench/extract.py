"""Benchmark `docket extract` on the labelled SYNTHETIC evaluation set.

Reports precision, recall and F1 per kind (entities per label, quotes, speakers, dates, figures,
places, acts) and throughput (articles per second, whole extract, one process, one core: per
wall and per CPU second one document at a time, and per wall second in batches as `docket extract
--case` runs).

    PYTHONPATH=src python bench/extract.py [--sets dev heldout ... heldout10]
        [--model NAME_OR_PATH] [--lang en|ko]
        [--repeat 3] [--json out.json] [--errors] [--by-act]
    PYTHONPATH=src python bench/extract.py --long 85000 340000 1000000   # one long document
    PYTHONPATH=src python bench/extract.py --long 40000 160000 340000 --lang ko

`--long` joins the English documents (with `--lang ko`, the Korean ones) of every set into one
text of each size and times its extraction (models loaded first): the seconds per 100,000
characters should not grow with length.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from docket.extract import (  # noqa: E402
    Extraction,
    extract_document,
    extract_documents,
    extract_text,
    load_file,
    pipeline,  # noqa: E402
)


def norm(s: str) -> str:
    s = re.sub(r"\s+", " ", s.replace("’", "'")).strip().strip(' ,."“”')
    s = re.sub(r"^(?:the|a|an)\s+", "", s, flags=re.I)
    s = re.sub(r"'s$", "", s)
    return s.lower()


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def set_score(score: Score, gold: set, pred: set, errors: list, doc: str, kind: str) -> None:
    score.add(len(gold & pred), len(pred - gold), len(gold - pred))
    for g in sorted(gold - pred, key=str):
        errors.append(f"{doc} {kind} MISSED {g}")
    for p in sorted(pred - gold, key=str):
        errors.append(f"{doc} {kind} EXTRA {p}")


def evaluate(pairs: list[tuple[Path, dict, Extraction]]) -> tuple[dict, list[str]]:
    s: dict[str, Score] = defaultdict(Score)
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[str] = []
    for path, gold, ex in pairs:
        doc = f"{path.parent.name}/{path.name}"
        # entities: distinct (label, text) per document
        g_ents = {
            (lab, norm(t))
            for lab, texts in (gold.get("entities") or {}).items()
            for t in texts or []
        }
        p_ents = {
            (e.label, norm(e.text))
            for e in ex.entities
            if e.label in ("PERSON", "ORG", "GPE", "FACILITY")
        }
        for lab in ("PERSON", "ORG", "GPE", "FACILITY"):
            set_score(
                s[f"entities.{lab}"],
                {x for x in g_ents if x[0] == lab},
                {x for x in p_ents if x[0] == lab},
                errors,
                doc,
                "entity",
            )
        s["entities (all)"].add(len(g_ents & p_ents), len(p_ents - g_ents), len(g_ents - p_ents))
        # quotes: a gold quote is found when a predicted quote contains its words
        used: set[int] = set()
        for gq in gold.get("quotes") or []:
            want = norm(gq["text"])
            speakers = gq["speaker"] if isinstance(gq["speaker"], list) else [gq["speaker"]]
            # the innermost suggested quote that holds the words: in '"He told me, 'Lie …'"'
            # the officer's words, not the witness's quote around them
            hits = [i for i, q in enumerate(ex.quotes) if want in norm(q.text)]
            hit = min(hits, key=lambda i: len(ex.quotes[i].text)) if hits else None
            acc["quote->speaker"][1] += 1
            if hit is None:
                errors.append(f"{doc} quote MISSED {gq['text']!r} ({speakers[0]})")
                continue
            used.add(hit)
            got = ex.quotes[hit].speaker or ""
            if norm(got) in {norm(x) for x in speakers}:
                acc["quote->speaker"][0] += 1
            else:
                errors.append(
                    f"{doc} speaker WRONG {gq['text']!r}: got {got!r}, want {speakers[0]!r}"
                )
        n_gold_q = len(gold.get("quotes") or [])
        s["quotes"].add(len(used), len(ex.quotes) - len(used), n_gold_q - len(used))
        for i, q in enumerate(ex.quotes):
            if i not in used:
                errors.append(f"{doc} quote EXTRA {q.text[:60]!r} ({q.speaker})")
        # dates: by words; the interval is scored separately
        g_dates = {
            norm(d["text"]): (str(d["earliest"]), str(d["latest"])) for d in gold.get("dates") or []
        }
        p_dates = {norm(d.text): (d.earliest, d.latest) for d in ex.dates}
        set_score(s["dates"], set(g_dates), set(p_dates), errors, doc, "date")
        for k in set(g_dates) & set(p_dates):
            acc["date interval"][1] += 1
            if g_dates[k] == p_dates[k]:
                acc["date interval"][0] += 1
            else:
                errors.append(f"{doc} date interval WRONG {k}: got {p_dates[k]}, want {g_dates[k]}")
        # figures: by value; "about" scored separately
        g_fig = {float(f["value"]): f.get("about") for f in gold.get("figures") or []}
        p_fig = {float(f.value): f.place_id for f in ex.figures}
        set_score(s["figures"], set(g_fig), set(p_fig), errors, doc, "figure")
        for k in set(g_fig) & set(p_fig):
            acc["figure about"][1] += 1
            if g_fig[k] == p_fig[k]:
                acc["figure about"][0] += 1
            else:
                errors.append(f"{doc} figure about WRONG {k}: got {p_fig[k]}, want {g_fig[k]}")
        set_score(
            s["places"],
            set(gold.get("places") or []),
            {p.place_id for p in ex.places},
            errors,
            doc,
            "place",
        )
        g_acts, p_acts = set(gold.get("acts") or []), {a.type for a in ex.acts}
        set_score(s["acts"], g_acts, p_acts, errors, doc, "act")
        for code in g_acts | p_acts:  # per violation type, to see which ones are missed
            s[f"act {code}"].add(
                int(code in g_acts and code in p_acts),
                int(code in p_acts - g_acts),
                int(code in g_acts - p_acts),
            )
    out = {
        k: dict(zip(("precision", "recall", "f1"), v.prf(), strict=True))
        | {"tp": v.tp, "fp": v.fp, "fn": v.fn}
        for k, v in sorted(s.items())
    }
    for k, (ok, n) in acc.items():
        out[k] = {"accuracy": ok / n if n else 0.0, "correct": ok, "n": n}
    return out, errors


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--root", default=str(ROOT / "tests/extract/eval"))
    ap.add_argument(
        "--sets",
        nargs="+",
        default=[
            "dev",
            "heldout",
            "heldout2",
            "heldout3",
            "heldout4",
            "heldout5",
            "heldout6",
            "heldout7",
            "heldout8",
            "heldout9",
            "heldout10",
        ],
    )
    ap.add_argument("--model", default=None, help="spaCy model package name or path")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the set")
    ap.add_argument("--json", default=None)
    ap.add_argument("--errors", action="store_true", help="list every miss and extra")
    ap.add_argument("--by-act", action="store_true", help="also print a row per act type")
    ap.add_argument("--lang", choices=("en", "ko"), help="only the documents in this language")
    ap.add_argument("--long", nargs="+", type=int, metavar="CHARS", help="time one long document")
    args = ap.parse_args()
    if args.model:
        pipeline.SPACY_MODEL = args.model
    with contextlib.suppress(AttributeError, OSError):  # one core, as the target says
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    t0 = time.perf_counter()
    pipeline.english()
    pipeline.korean()
    load_s = time.perf_counter() - t0
    report: dict = {"model": pipeline.SPACY_MODEL, "model_load_s": round(load_s, 2), "sets": {}}
    print(f"model {report['model']}; load {load_s:.1f} s")
    if args.long:
        report["long"] = run_long(Path(args.root), args.long, args.lang or "en")
        args.sets = []
    for name in args.sets:
        folder = Path(args.root) / name
        report["sets"][name] = run_set(folder, args.repeat, args.errors, args.by_act, args.lang)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))


def run_set(
    folder: Path, repeat: int, show_errors: bool, by_act: bool = False, lang: str | None = None
) -> dict:
    files = sorted(folder.glob(f"{lang or '*'}/*.md"))
    golds = [yaml.safe_load(f.with_suffix(".gold.yaml").read_text("utf-8")) for f in files]
    docs = [load_file(f) for f in files]
    extractions = [extract_document(d) for d in docs]  # warm pass, also the scored one
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for f in files:
            extract_document(load_file(f))
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0  # steadier than wall on a shared machine
    # as `docket extract --case` runs: spaCy parses a batch of documents together
    t0 = time.perf_counter()
    for _ in range(repeat):
        for _extraction in extract_documents(load_file(f) for f in files):
            pass
    batched = time.perf_counter() - t0
    n = len(files) * repeat
    scores, errors = evaluate(list(zip(files, golds, extractions, strict=True)))
    by_lang: dict[str, dict] = {}
    for lang in ("en", "ko"):
        sel = [
            (f, g, e)
            for f, g, e in zip(files, golds, extractions, strict=True)
            if f.parent.name == lang
        ]
        by_lang[lang] = evaluate(sel)[0]
    chars = sum(len(d.text) for d in docs)
    out = {
        "documents": len(files),
        "articles_per_s": round(n / elapsed, 1),
        "articles_per_cpu_s": round(n / cpu, 1),
        "articles_per_s_batched": round(n / batched, 1) if batched else None,
        "chars_per_s": round(chars * repeat / elapsed),
        "scores": scores,
        "by_language": by_lang,
    }
    langs = {lg: sum(1 for f in files if f.parent.name == lg) for lg in by_lang}
    print(
        f"\n== {folder.name}: {len(files)} documents ({langs}); {out['articles_per_s']} "
        f"articles/s on one core ({out['chars_per_s']:,} chars/s; "
        f"{out['articles_per_cpu_s']} per CPU second; "
        f"{out['articles_per_s_batched']} articles/s in batches)"
    )
    print(f"{'kind':<22}{'P':>7}{'R':>7}{'F1':>7}   " + "   ".join(f"{lg} F1" for lg in by_lang))
    for k, v in scores.items():
        if "f1" in v and (by_act or not k.startswith("act ")):
            per = "   ".join(
                f"{by_lang[lg].get(k, {}).get('f1', float('nan')):5.2f}" for lg in by_lang
            )
            print(f"{k:<22}{v['precision']:7.2f}{v['recall']:7.2f}{v['f1']:7.2f}   {per}")
    for k, v in scores.items():
        if "accuracy" in v:
            per = "   ".join(
                f"{by_lang[lg].get(k, {}).get('accuracy', float('nan')):5.2f}" for lg in by_lang
            )
            print(f"{k:<22}accuracy {v['accuracy']:.2f} ({v['correct']}/{v['n']})   {per}")
    if show_errors:
        print("\n".join(errors))
    return out


def long_text(root: Path, size: int, lang: str = "en") -> str:
    """One text of `size` characters: the sets' documents in `lang`, one after another, over
    again until it is long enough."""
    texts = [load_file(f).text for f in sorted(root.glob(f"*/{lang}/*.md"))]
    parts, n = [], 0
    while n < size:
        for t in texts:
            parts.append(t)
            n += len(t) + 2
            if n >= size:
                break
    return "\n\n".join(parts)[:size]


def run_long(root: Path, sizes: list[int], lang: str = "en") -> list[dict]:
    """One document of each size made of the sets' documents in `lang`, one after another."""
    extract_text("SYNTHETIC. Pak said the guards at Yodok beat him.")  # the act model trains
    if lang == "ko":  # and the Korean rules build their patterns and lists, once per process
        extract_text('SYNTHETIC. 박순희 씨는 "경비대가 우리를 매일 때렸다"고 말했다.')
    out = []
    for size in sizes:
        text = long_text(root, size, lang)
        t0, c0 = time.perf_counter(), time.process_time()
        ex = extract_text(text)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        row = {
            "chars": len(text),
            "s": round(wall, 1),
            "cpu_s": round(cpu, 1),
            "s_per_100k_chars": round(wall * 100_000 / len(text), 1),
            "quotes": len(ex.quotes),
        }
        print(
            f"{row['chars']:>9,} chars: {row['s']} s ({row['cpu_s']} CPU s; "
            f"{row['s_per_100k_chars']} s per 100,000 chars; {row['quotes']} quotes)"
        )
        out.append(row)
    return out


if __name__ == "__main__":
    main()
