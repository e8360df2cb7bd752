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
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from docket.extract._types import ActMention
from docket.extract.acts import _DETENTION, _acts_by_code

if TYPE_CHECKING:
    import scipy.sparse as sp

# chosen by leave-one-set-out over dev and heldout1-12 and kept over fourteen sets in round
# thirteen and twenty in round sixteen (bench/extract_acts_cv.py; the settings tried are in
# docs/benchmarks.md, rounds twelve, thirteen and sixteen)
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
        # the union's columns: character n-grams first, then words (`_scored` uses each alone)
        self._char_vectorizer = self.features.transformer_list[0][1]
        self._word_vectorizer = self.features.transformer_list[1][1]
        self._word_tokenizer = self._word_vectorizer.build_tokenizer()
        n_chars = len(self._char_vectorizer.vocabulary_)
        # C order: a sparse product with a strided slice copies the whole matrix every time
        self._char_weights = np.ascontiguousarray(self.weights[:n_chars])
        self._word_weights = np.ascontiguousarray(self.weights[n_chars:])

    def _scored(self, text: str) -> _Scored:
        """The document, each window and each sentence scored in one pass over the text.

        Character n-grams never cross a space (`char_wb`) and a sentence always ends before one,
        so a document's and a window's character counts are sums of its sentences' counts:
        each sentence is counted once for all three (the vectorizer counted every character
        four times, three quarters of the model's time). Word n-grams may cross sentences, so
        they are made per text from each sentence's tokens, tokenized once.
        """
        import scipy.sparse as sp  # imported with scikit-learn when the model was trained

        found = [m for m in _SENTENCE.finditer(text) if m.group(0).strip()]
        sents = [m.group(0).strip() for m in found]
        n, w = len(sents), self.window
        starts = self._window_starts(n)
        n_win = len(starts)
        # rows: the document, each window, each sentence
        rows = sp.vstack(
            [
                sp.csr_matrix(np.ones((1, n))),
                sp.csr_matrix(
                    (
                        np.ones(n_win * w),
                        np.add.outer(np.arange(n_win), np.arange(w)).ravel(),
                        np.arange(0, n_win * w + 1, w),
                    ),
                    shape=(n_win, n),
                ),
                sp.identity(n, format="csr"),
            ],
            format="csr",
        )
        lo, hi = self._char_vectorizer.ngram_range
        by_sentence = _counts(
            [char_wb_ngrams(s, lo, hi) for s in sents], self._char_vectorizer.vocabulary_
        )
        chars = _tfidf(rows @ by_sentence, self._char_vectorizer)
        tokenize = self._word_tokenizer
        tokens = [tokenize(s.lower()) for s in sents]
        groups = [[t for s in tokens for t in s]]
        groups += [[t for s in tokens[i : i + w] for t in s] for i in starts]
        groups += tokens
        lo, hi = self._word_vectorizer.ngram_range
        words = _tfidf(
            _counts([word_ngrams(g, lo, hi) for g in groups], self._word_vectorizer.vocabulary_),
            self._word_vectorizer,
        )
        scores = chars @ self._char_weights + words @ self._word_weights + self.bias
        return _Scored(found, scores[0], scores[1 : 1 + n_win], scores[1 + n_win :])

    def _window_starts(self, n: int) -> range:
        """Where each run of `window` consecutive sentences (stride 1, within and across
        paragraphs) begins, among `n` sentences; none when `n` is `window` or fewer."""
        return range(n - self.window + 1) if 0 < self.window < n else range(0)

    def _windows(self, text: str) -> list[str]:
        """The windows' texts, as `_scored` scores them."""
        sents = [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]
        return [" ".join(sents[i : i + self.window]) for i in self._window_starts(len(sents))]

    def raw(self, text: str) -> tuple[np.ndarray, np.ndarray | None]:
        """Per type: the whole document's probability, and the best window's (None: no
        windows)."""
        return self._raw(self._scored(text))

    @staticmethod
    def _raw(scored: _Scored) -> tuple[np.ndarray, np.ndarray | None]:
        doc = _sigmoid(scored.document)
        if not len(scored.windows):
            return doc, None
        return doc, _sigmoid(scored.windows).max(axis=0)

    def probabilities(self, text: str) -> dict[str, float]:
        """Each modelled type's probability that `text` evidences it: the whole document's, or
        its best window's where that is above `WINDOW_THRESHOLD` (a short passage may say what
        a long document dilutes)."""
        return self._probabilities(self._scored(text))

    def _probabilities(self, scored: _Scored) -> dict[str, float]:
        doc, win = self._raw(scored)
        if win is not None:
            doc = np.where(win >= WINDOW_THRESHOLD, np.maximum(doc, win), doc)
        return {c: float(v) for c, v in zip(self.codes, doc, strict=True)}

    def additions(self, text: str, found: set[str], threshold: float = THRESHOLD) -> list[str]:
        """Types at or above `threshold` not in `found`, in a text about violations."""
        if not _about_violations(text, found):
            return []
        return self._additions(self._scored(text), found, threshold)

    def _additions(
        self, scored: _Scored, found: set[str], threshold: float = THRESHOLD
    ) -> list[str]:
        probabilities = self._probabilities(scored)
        return [c for c, p in probabilities.items() if p >= threshold and c not in found]

    def suggest(self, text: str, found: set[str]) -> list[ActMention]:
        """The `additions`, each cited by the sentence that scores highest for its type."""
        if not _about_violations(text, found):
            return []
        scored = self._scored(text)
        new = self._additions(scored, found)
        if not new or not scored.sentences:
            return []
        by_code = _acts_by_code()
        out = []
        for code in new:
            best = scored.sentences[int(scored.by_sentence[:, self.codes.index(code)].argmax())]
            start = best.start() + len(best.group(0)) - len(best.group(0).lstrip())
            end = best.start() + len(best.group(0).rstrip())
            act = by_code[code]
            out.append(
                ActMention(text[start:end], code, act.label, act.rome_statute, start, end, "model")
            )
        return out


class _Scored(NamedTuple):
    """A text's scores per type (columns): whole, per window, per sentence."""

    sentences: list[re.Match[str]]
    document: np.ndarray
    windows: np.ndarray
    by_sentence: np.ndarray


def _about_violations(text: str, found: set[str]) -> bool:
    """Whether the rules see `text` as about violations (a type found, or detention named):
    every training document is, so elsewhere the model's judgement means nothing."""
    return bool(found) or bool(_DETENTION.search(text))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def char_wb_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """scikit-learn's `char_wb` n-grams of lower-cased `text` (a test holds them equal), by
    slicing each space-padded word at once rather than one n-gram per loop step."""
    out: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        size = len(padded)
        for n in range(lo, hi + 1):
            if size <= n:  # a short word counts once, whole
                out.append(padded)
                break
            out.extend([padded[i : i + n] for i in range(size - n + 1)])
    return out


def word_ngrams(tokens: list[str], lo: int, hi: int) -> list[str]:
    """scikit-learn's word n-grams of `tokens` (a test holds them equal)."""
    out = list(tokens) if lo == 1 else []
    for n in range(max(lo, 2), min(hi, len(tokens)) + 1):
        out.extend([" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)])
    return out


def _counts(grams: list[list[str]], vocabulary: dict[str, int]) -> sp.csr_matrix:
    """One row per list: how often each of the vocabulary's n-grams occurs in it."""
    import scipy.sparse as sp

    row_of = np.repeat(np.arange(len(grams)), [len(g) for g in grams])
    column = np.array([vocabulary.get(g, -1) for each in grams for g in each], dtype=np.int64)
    known = column >= 0
    return sp.csr_matrix(
        (np.ones(int(known.sum())), (row_of[known], column[known])),
        shape=(len(grams), len(vocabulary)),
    )  # duplicates are summed


def _tfidf(counts: sp.csr_matrix, vectorizer: Any) -> sp.csr_matrix:
    """What `vectorizer.transform` does after counting: sublinear tf, idf, rows to unit length."""
    counts = counts.tocsr()
    counts.sum_duplicates()
    data = (np.log(counts.data) + 1.0) * vectorizer.idf_[counts.indices]
    row = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    counts.data = data / np.sqrt(np.bincount(row, data * data, counts.shape[0]))[row]
    return counts


@cache
def model() -> ActModel:
    """The shipped model, trained once per process (about a second)."""
    return ActModel(training_rows())


def suggest_acts(text: str, found: list[ActMention]) -> list[ActMention]:
    """The model's suggestions for types the rules (`found`) did not suggest."""
    return model().suggest(text, {a.type for a in found})
