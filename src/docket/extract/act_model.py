"""A small trained act classifier that adds the types the rules miss on fresh text.

The rules find acts by their terms; on text written after them they miss about half the acts,
which are described in ordinary words ("came back without the baby"). This model is one
logistic regression per act type over character and word n-grams, trained at first use,
deterministically, from the labelled SYNTHETIC texts shipped in data/act_training.jsonl: whole
documents and short passages (nothing is downloaded; `scripts/build_act_training.py` writes the
file from tests/extract/eval). It scores the whole document and every run of two sentences, so a
short passage can say what a long document dilutes. It only adds types the rules did not find,
and each suggestion cites the sentence that scores highest for its type, so a reviewer sees the
words behind it.
Leave-one-set-out scores are in docs/benchmarks.md ("## extract").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

import numpy as np

from docket.extract._types import ActMention
from docket.extract.acts import _DETENTION, _acts_by_code

# chosen by leave-one-set-out over dev and heldout1-12 and kept over fourteen sets in round
# thirteen (bench/extract_acts_cv.py; the settings tried are in docs/benchmarks.md, rounds twelve
# and thirteen)
THRESHOLD = 0.6
MIN_POSITIVES = 3  # a type with fewer labelled texts has no model
C = 10.0
CHARS = (2, 4)  # character n-gram lengths
WINDOW = 2  # sentences per scored window beside the whole document; 0: the document only
WINDOW_THRESHOLD = 0.8  # a window's probability counts only at or above this
PASSAGE_WEIGHT = 2.0  # a training passage's weight against a whole document's
# a sentence ends at . ! ? before a space, except after a title or "No." ("Kyo-hwa-so No. 12")
_SENTENCE = re.compile(
    r"[^\n]+?(?:(?<!\bNo)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bRev)(?<!\bSt)"
    r"[.!?][\"'”’)]*(?=\s)|$)",
    re.M,
)


def training_rows(exclude: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The shipped labelled documents, less the sets named in `exclude`."""
    text = files("docket.extract").joinpath("data", "act_training.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [r for r in rows if r["set"] not in exclude]


def _is_passage(row: dict[str, Any]) -> bool:
    """A SYNTHETIC training passage (a few sentences), not a whole labelled document."""
    return row["set"].startswith("passages")


class ActModel:
    """One binary classifier per act type over the same n-gram features."""

    def __init__(
        self,
        rows: list[dict[str, Any]],
        c: float = C,
        class_weight: str | None = "balanced",
        char_range: tuple[int, int] = CHARS,
        word_range: tuple[int, int] = (1, 2),
        window: int = WINDOW,
        passage_weight: float = PASSAGE_WEIGHT,
    ) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_union

        known = set(_acts_by_code())
        self.window = window
        self.features = make_union(
            TfidfVectorizer(
                analyzer="char_wb", ngram_range=char_range, min_df=2, sublinear_tf=True
            ),
            TfidfVectorizer(
                analyzer="word",
                ngram_range=word_range,
                min_df=2,
                sublinear_tf=True,
                token_pattern=r"(?u)\b\w+\b",
            ),
        )
        x = self.features.fit_transform([r["text"] for r in rows])
        weight = np.array([passage_weight if _is_passage(r) else 1.0 for r in rows])
        self.codes: list[str] = []
        weights, bias = [], []
        for code in sorted({c for r in rows for c in r["acts"]} & known):
            y = [code in r["acts"] for r in rows]
            if MIN_POSITIVES <= sum(y) < len(y):
                # liblinear's dual form: far fewer documents than features, so several times
                # faster than the primal (same weights to 1e-4) and than lbfgs
                clf = LogisticRegression(
                    C=c,
                    class_weight=class_weight,
                    solver="liblinear",
                    dual=True,
                    max_iter=1000,
                    random_state=0,
                ).fit(x, y, sample_weight=weight)
                self.codes.append(code)
                weights.append(clf.coef_[0])
                bias.append(clf.intercept_[0])
        # all types in one matrix: scoring a document is one sparse product
        self.weights = np.array(weights).T
        self.bias = np.array(bias)

    def _scores(self, texts: list[str]) -> np.ndarray:
        return self.features.transform(texts) @ self.weights + self.bias

    def _windows(self, text: str) -> list[str]:
        """Runs of `window` consecutive sentences (stride 1), within and across paragraphs."""
        sents = [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]
        if self.window <= 0 or len(sents) <= self.window:
            return []
        return [" ".join(sents[i : i + self.window]) for i in range(len(sents) - self.window + 1)]

    def raw(self, text: str) -> tuple[np.ndarray, np.ndarray | None]:
        """Per type: the whole document's probability, and the best window's (None: no
        windows)."""
        wins = self._windows(text)
        p = 1.0 / (1.0 + np.exp(-self._scores([text, *wins])))
        return p[0], (p[1:].max(axis=0) if wins else None)

    def probabilities(self, text: str) -> dict[str, float]:
        """Each modelled type's probability that `text` evidences it: the whole document's, or
        its best window's where that is above `WINDOW_THRESHOLD` (a short passage may say what
        a long document dilutes)."""
        doc, win = self.raw(text)
        if win is not None:
            doc = np.where(win >= WINDOW_THRESHOLD, np.maximum(doc, win), doc)
        return {c: float(v) for c, v in zip(self.codes, doc, strict=True)}

    def additions(self, text: str, found: set[str], threshold: float = THRESHOLD) -> list[str]:
        """Types at or above `threshold` not in `found`, in a text the rules see as about
        violations (a type found, or detention named): every training document is about
        them, so on unrelated text the model's judgement means nothing."""
        if not found and not _DETENTION.search(text):
            return []
        return [c for c, p in self.probabilities(text).items() if p >= threshold and c not in found]

    def suggest(self, text: str, found: set[str]) -> list[ActMention]:
        """The `additions`, each cited by the sentence that scores highest for its type."""
        new = self.additions(text, found)
        sents = [m for m in _SENTENCE.finditer(text) if m.group(0).strip()]
        if not new or not sents:
            return []
        scores = self._scores([m.group(0) for m in sents])
        by_code = _acts_by_code()
        out = []
        for code in new:
            best = sents[int(scores[:, self.codes.index(code)].argmax())]
            start = best.start() + len(best.group(0)) - len(best.group(0).lstrip())
            end = best.start() + len(best.group(0).rstrip())
            act = by_code[code]
            out.append(
                ActMention(text[start:end], code, act.label, act.rome_statute, start, end, "model")
            )
        return out


@cache
def model() -> ActModel:
    """The shipped model, trained once per process (about a second)."""
    return ActModel(training_rows())


def suggest_acts(text: str, found: list[ActMention]) -> list[ActMention]:
    """The model's suggestions for types the rules (`found`) did not suggest."""
    return model().suggest(text, {a.type for a in found})
