"""The trained act classifier: shipped data in step with the eval sets, spans, additions only."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import CountVectorizer

from docket.extract import extract_text
from docket.extract.act_model import (
    _SENTENCE,
    THRESHOLD,
    WINDOW_THRESHOLD,
    ActModel,
    char_wb_ngrams,
    model,
    suggest_acts,
    training_rows,
    word_ngrams,
)
from docket.extract.acts import find_acts

ROOT = Path(__file__).resolve().parents[2]


def _build_script():  # noqa: ANN202 - a module
    spec = importlib.util.spec_from_file_location(
        "build_act_training", ROOT / "scripts/build_act_training.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_shipped_training_data_matches_the_eval_sets() -> None:
    """data/act_training.jsonl is what the build script makes from the gold files now."""
    shipped = (ROOT / "src/docket/extract/data/act_training.jsonl").read_text("utf-8")
    assert shipped == _build_script().render()


def test_training_data_names_only_scored_sets() -> None:
    """A held-out set must be scored before it is trained on: the sets are listed, not globbed."""
    script = _build_script()
    sets = {r["set"] for r in training_rows()}
    scored = sets - set(script.PASSAGES)
    assert scored == set(script.SETS)
    assert all(s == "dev" or s.removeprefix("heldout").isdigit() or s == "heldout" for s in scored)


def test_training_passages_are_read_as_rows(tmp_path, monkeypatch) -> None:
    """A passages file (a YAML list of {acts, text}) becomes one row per passage, in order."""
    script = _build_script()
    path = tmp_path / "en.yaml"
    path.write_text(
        "- acts: [V-FOOD]\n  text: SYNTHETIC. Rations were cut.\n- acts: []\n  text: Rain.\n",
        "utf-8",
    )
    monkeypatch.setattr(script, "SETS", ())
    monkeypatch.setattr(script, "PASSAGES", {"passages-en": path, "passages-ko": tmp_path / "no"})
    assert script.rows() == [
        {
            "set": "passages-en",
            "doc": "en.yaml#1",
            "acts": ["V-FOOD"],
            "text": "SYNTHETIC. Rations were cut.",
        },
        {"set": "passages-en", "doc": "en.yaml#2", "acts": [], "text": "Rain."},
    ]


def test_leaving_a_set_out_removes_its_documents() -> None:
    rows = training_rows(frozenset({"heldout10"}))
    assert rows and all(r["set"] != "heldout10" for r in rows)
    assert len(rows) < len(training_rows())


def test_training_is_deterministic() -> None:
    rows = training_rows(frozenset({"heldout9"}))
    text = "His wife and children were taken to a mountain village after he was arrested."
    assert ActModel(rows).probabilities(text) == ActModel(rows).probabilities(text)


def test_described_act_is_suggested_with_a_sentence_as_evidence() -> None:
    """Words no rule lists: the model adds the type and cites one whole sentence of the text."""
    text = (
        "Kim said the guards took her newborn the night it was born.\n\n"
        "She came back to the cell without the baby. No one would say where it had gone."
    )
    rules = find_acts(text)
    added = suggest_acts(text, rules)
    assert added, "the model should add at least one type here"
    for a in added:
        assert a.source == "model" and a.type not in {r.type for r in rules}
        assert text[a.start : a.end] == a.text and a.text.endswith(".")
        assert model().probabilities(text)[a.type] >= THRESHOLD


def test_the_model_never_repeats_a_type_the_rules_found() -> None:
    text = "He was tortured and imprisoned in Yodok, where prisoners died of hunger."
    rules = find_acts(text)
    assert {"CAH-F", "CAH-E"} <= {a.type for a in rules}
    assert not {a.type for a in suggest_acts(text, rules)} & {a.type for a in rules}


def test_text_about_nothing_gets_no_model_acts() -> None:
    result = extract_text("The weather in Seoul was mild and the markets were busy on Monday.")
    assert [a for a in result.acts if a.source == "model"] == []


def test_extract_marks_rule_and_model_acts() -> None:
    text = (
        "Two men from the security bureau took her away in 2009. Her family has heard nothing "
        "since, and her husband and son were later moved out of the city."
    )
    result = extract_text(text)
    assert {a.source for a in result.acts} <= {"rule", "model"}
    assert [a.start for a in result.acts] == sorted(a.start for a in result.acts)
    assert all(result.text[a.start : a.end] == a.text for a in result.acts)


def test_a_cited_sentence_does_not_end_at_no_or_a_title() -> None:
    """'Kyo-hwa-so No. 12' and 'Rev. Han' are inside one sentence."""
    text = "Rev. Han was held at Kyo-hwa-so No. 12 for years. He was freed."
    assert [m.group(0).strip() for m in _SENTENCE.finditer(text)] == [
        "Rev. Han was held at Kyo-hwa-so No. 12 for years.",
        "He was freed.",
    ]


def test_windows_are_runs_of_sentences_and_only_a_confident_one_counts() -> None:
    """A run of WINDOW sentences may raise a type's probability (at WINDOW_THRESHOLD or more),
    never lower it; a text of WINDOW sentences or fewer is scored whole only."""
    m = model()
    text = (
        "SYNTHETIC. Pak was arrested in 2004. Guards beat him every night.\n\n"
        "His wife was sent to a farm in the hills. Nobody has heard from him since."
    )
    wins = m._windows(text)
    assert len(wins) == 4 and wins[0] == "SYNTHETIC. Pak was arrested in 2004."
    doc, win = m.raw(text)
    got = m.probabilities(text)
    for i, code in enumerate(m.codes):
        want = max(doc[i], win[i]) if win[i] >= WINDOW_THRESHOLD else doc[i]
        assert got[code] == float(want) >= float(doc[i])
    assert m._windows("One sentence. Two sentences.") == []
    assert m.raw("One sentence. Two sentences.")[1] is None


# text with the characters that could split words or sentences differently: spaces of every
# kind, line breaks, sentence ends, quotes, case that changes length when lowered ("İ")
_TEXT = st.text(
    alphabet=st.sampled_from(list("ab İΣσ요덕. !?\n\t\u2028\u00a0\"'”)No.Mr")), max_size=120
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_ngrams_are_scikit_learns(text: str) -> None:
    """The model counts n-grams itself for speed; they must be the vectorizer's own."""
    for lo, hi in ((2, 4), (1, 3), (3, 3)):
        analyzer = CountVectorizer(analyzer="char_wb", ngram_range=(lo, hi)).build_analyzer()
        assert char_wb_ngrams(text, lo, hi) == analyzer(text)
    words = CountVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b")
    tokens = words.build_tokenizer()(text.lower())
    assert word_ngrams(tokens, 1, 2) == words.build_analyzer()(text)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_scores_from_sentences_equal_the_vectorizers_scores(text: str) -> None:
    """Document, window and sentence scores built from each sentence's counts are what the
    fitted vectorizers give each of those texts whole."""
    m = model()
    scored = m._scored(text)
    sents = [s.group(0) for s in scored.sentences]
    whole = m.features.transform([text, *m._windows(text), *sents]) @ m.weights + m.bias
    n_win = len(m._windows(text))
    assert np.allclose(scored.document, whole[0], atol=1e-9)
    assert np.allclose(scored.windows, whole[1 : 1 + n_win], atol=1e-9)
    assert np.allclose(scored.by_sentence, whole[1 + n_win :], atol=1e-9)
