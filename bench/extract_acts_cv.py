"""Leave-one-set-out estimate of the act classifier (docket.extract.act_model).

For each labelled set the model is trained on every other set in the shipped training data and
scored on the one left out, alone and added to the rules. The current rules are tuned on every
set, so "current rules + model" flatters; `--first` also scores the model
added to each held-out set's *first-scoring* rules (the rules as they were when the set was
written, taken from git history), which is how the model meets fresh text. The SYNTHETIC
training passages (sets "passages-*") are always in training and never scored. A set in FIRST
that is not yet in the training data (scored once, not yet added) is scored too, by the model
trained on all of it: left out by construction.

Since round eleven the extractor that first scored a set included the model of its day, so
"first rules" are the first scoring's acts, that model's suggestions included (as the earlier
rounds' tables report them); `--first-rules-only` drops that model's suggestions, so "first rules
+ model" is the first rules with only the left-out model beside them, not two models.

    PYTHONPATH=src python bench/extract_acts_cv.py [--first] [--first-rules-only]
        [--thresholds 0.5 0.6 0.7] [--c 10] [--window-threshold 0.8] [--passage-weight 2]
        [--digits 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_act_training import set_rows  # noqa: E402

from docket.extract import act_model  # noqa: E402
from docket.extract.acts import find_acts  # noqa: E402
from docket.extract.places import find_places  # noqa: E402

# the commit whose rules first scored each held-out set (docs/benchmarks.md, "## extract")
FIRST = {
    "heldout": "5f9d272",
    "heldout2": "377f787",
    "heldout3": "b653d3f",
    "heldout4": "5f83118",
    "heldout5": "5ba1223",
    "heldout6": "f2bb26e",
    "heldout7": "d2d4fe4",
    "heldout8": "5f5b296",
    "heldout9": "4bc1f3e",
    # round ten's rules, unchanged until round eleven's model (main before it)
    "heldout10": "e765b96",
    "heldout11": "e765b96",
    "heldout12": "e765b96",
    # written before round twelve; first scored by main's rules before it (round eleven's)
    "heldout13": "451e47d",
    "heldout14": "451e47d",
    # each scored once after the round that followed its writing was frozen
    "heldout15": "d4c432f",
    "heldout16": "d4c432f",
    "heldout17": "f3cbb60",
    "heldout18": "f3cbb60",
    "heldout19": "0fcd6da",
    "heldout20": "0fcd6da",
    "heldout21": "7b17d29",
    "heldout22": "7b17d29",
    "heldout23": "dee09ff",
    "heldout24": "dee09ff",
    "heldout25": "dee09ff",
    "heldout26": "dee09ff",
    "heldout27": "2bf8e77",
    "heldout28": "2bf8e77",
    "heldout29": "90d7f9a",
    "heldout30": "90d7f9a",
    "heldout31": "eb81dde",
    "heldout32": "eb81dde",
    "heldout33": "eb81dde",
    "heldout34": "eb81dde",
    "heldout35": "0766c7f",
    "heldout36": "0766c7f",
}
# pooled groups of sets written together
PAIRS = [(f"heldout{i}", f"heldout{i + 1}") for i in range(9, 36, 2)]
LATEST = [f"heldout{i}" for i in range(23, 33)]  # the ten newest fresh sets, pooled
CACHE = Path(tempfile.gettempdir()) / "docket-acts-cv"
_DUMP = """
import json, sys
from pathlib import Path
from docket.extract import extract_document, load_file
out = {}
for f in sorted(Path(sys.argv[1]).glob("*/*.md")):
    acts = extract_document(load_file(f)).acts
    out[f"{f.parent.name}/{f.name}"] = {"all": sorted({a.type for a in acts}), "rules": sorted(
        {a.type for a in acts if getattr(a, "source", "rule") != "model"})}
print(json.dumps(out))
"""


def first_rules(name: str, rules_only: bool = False) -> dict[str, list[str]]:
    """Act codes per document as the extractor that first scored set `name` found them (git
    history; `rules_only`: less its model's suggestions), cached by commit and the set's texts
    (a commit's rules never change)."""
    if name not in FIRST:
        return {}
    split = _first_extraction(name)
    return {doc: kinds["rules" if rules_only else "all"] for doc, kinds in split.items()}


def _first_extraction(name: str) -> dict[str, dict[str, list[str]]]:
    folder = ROOT / "tests/extract/eval" / name
    digest = hashlib.sha256(
        b"".join(f.read_bytes() for f in sorted(folder.glob("*/*.md")))
    ).hexdigest()[:16]
    cached = CACHE / f"{name}-{FIRST[name]}-{digest}-split.json"
    if cached.exists():
        return json.loads(cached.read_text("utf-8"))
    older = CACHE / f"{name}-{FIRST[name]}-{digest}.json"  # one list per document
    has_model = not subprocess.run(
        ["git", "cat-file", "-e", f"{FIRST[name]}:src/docket/extract/act_model.py"],
        cwd=ROOT,
        capture_output=True,
    ).returncode
    if older.exists() and not has_model:  # before the model, every act was the rules'
        acts = json.loads(older.read_text("utf-8"))
        return {doc: {"all": codes, "rules": codes} for doc, codes in acts.items()}
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", FIRST[name], "src"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        out = subprocess.run(
            [sys.executable, "-c", _DUMP, str(ROOT / "tests/extract/eval" / name)],
            env={"PYTHONPATH": f"{tmp}/src", "PATH": "/usr/bin:/bin"},
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    CACHE.mkdir(exist_ok=True)
    cached.write_text(out, "utf-8")
    return json.loads(out)


def prf(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float, float]:
    tp = sum(len(g & p) for g, p in pairs)
    fp = sum(len(p - g) for g, p in pairs)
    fn = sum(len(g - p) for g, p in pairs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


DIGITS = 2  # decimals printed (`--digits`)


def fmt(pairs: list[tuple[set[str], set[str]]]) -> str:
    return "/".join(f"{v:.{DIGITS}f}" for v in prf(pairs))


def main() -> None:
    global DIGITS
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--first", action="store_true", help="also add to first-scoring rules")
    ap.add_argument(
        "--first-rules-only",
        action="store_true",
        help="first rules without the model of their day (needs --first)",
    )
    ap.add_argument("--thresholds", nargs="+", type=float, default=[act_model.THRESHOLD])
    ap.add_argument("--c", type=float, default=act_model.C, help="regularisation (model setting)")
    ap.add_argument("--window-threshold", type=float, default=act_model.WINDOW_THRESHOLD)
    ap.add_argument("--passage-weight", type=float, default=act_model.PASSAGE_WEIGHT)
    ap.add_argument("--digits", type=int, default=DIGITS, help="decimals printed")
    args = ap.parse_args()
    DIGITS = args.digits
    act_model.WINDOW_THRESHOLD = args.window_threshold  # read by ActModel.probabilities
    rows = act_model.training_rows()
    # the SYNTHETIC training passages are never scored and never left out
    sets = [s for s in dict.fromkeys(r["set"] for r in rows) if not s.startswith("passages")]
    scored_only = [s for s in FIRST if s not in sets]  # scored once, not yet trained on
    rows += [r for s in scored_only for r in set_rows(s)]
    sets += scored_only
    results = []  # (set, language, gold, current rules, first rules or None, model)
    for name in sets:
        model = act_model.ActModel(
            act_model.training_rows(frozenset({name})),
            c=args.c,
            passage_weight=args.passage_weight,
        )
        firsts = first_rules(name, args.first_rules_only) if args.first and name != "dev" else {}
        for r in (r for r in rows if r["set"] == name):
            rules = {a.type for a in find_acts(r["text"], find_places(r["text"]))}
            first = set(firsts[r["doc"]]) if r["doc"] in firsts else None
            lang = r["doc"].split("/")[0]
            results.append((name, lang, set(r["acts"]), rules, first, (model, r["text"])))
    held = [x for x in results if x[0] != "dev"]
    groups = {name: [x for x in results if x[0] == name] for name in sets}
    groups["held-out pooled"] = held
    groups["— English"] = [x for x in held if x[1] == "en"]
    groups["— Korean"] = [x for x in held if x[1] == "ko"]
    for pair in PAIRS:
        groups["+".join(pair).replace("+heldout", "+")] = [x for x in held if x[0] in pair]
    groups[f"{LATEST[0]}-{LATEST[-1][7:]}"] = [x for x in held if x[0] in LATEST]
    print("left-out set: P/R/F1 of acts (model trained on every other set)")
    for t in args.thresholds:
        print(f"\n-- threshold {t}")

        def add(x: tuple, base: set[str], t: float = t) -> set[str]:
            model, text = x[5]
            return base | set(model.additions(text, base, t))

        cols = ["model alone", "current rules", "current rules + model"]
        if args.first:
            cols += ["first rules", "first rules + model"]
        print(f"{'set':<16}" + "".join(f"{c:>24}" for c in cols))
        for name, sel in groups.items():
            line = [
                fmt([(x[2], add(x, set())) for x in sel]),
                fmt([(x[2], x[3]) for x in sel]),
                fmt([(x[2], add(x, x[3])) for x in sel]),
            ]
            if args.first and all(x[4] is not None for x in sel):
                line += [fmt([(x[2], x[4]) for x in sel]), fmt([(x[2], add(x, x[4])) for x in sel])]
            print(f"{name:<16}" + "".join(f"{c:>24}" for c in line))


if __name__ == "__main__":
    main()
