"""The English pipeline (one BLAS thread, numpy's BLAS) and extraction in batches."""

from __future__ import annotations

from pathlib import Path

from threadpoolctl import ThreadpoolController

from docket.errors import BadInput
from docket.extract import Request, extract_text, extract_texts, load_file
from docket.extract import core as extract_core
from docket.extract.pipeline import english, parse_many

EVAL = Path(__file__).parent / "eval"


def test_layers_multiply_with_numpy_blas_not_blis() -> None:
    nlp = english()
    assert "lemmatizer" not in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert all(not proc.model.ops.use_blis for _, proc in nlp.pipeline if hasattr(proc, "model"))


def test_parse_limits_blas_threads_only_while_it_runs() -> None:
    blas = ThreadpoolController().select(user_api="blas")
    before = [lib["num_threads"] for lib in blas.info()]
    (doc,) = parse_many(["SYNTHETIC. Pak Sun Hui said the guards at Yodok beat him."])
    assert [t.text for t in doc][:2] == ["SYNTHETIC", "."]
    assert any(e.text == "Pak Sun Hui" for e in doc.ents)
    assert [lib["num_threads"] for lib in blas.info()] == before


def _requests() -> list[Request]:
    paths = (
        sorted((EVAL / "dev" / "en").glob("*.md"))[:5]
        + sorted((EVAL / "dev" / "ko").glob("*.md"))[:2]
    )
    docs = [load_file(p) for p in paths]
    return [Request(d.text, published=d.published, title=d.title) for d in docs]


def test_extraction_in_batches_equals_one_by_one(monkeypatch) -> None:
    requests = _requests()
    one_by_one = [extract_text(r.text, published=r.published, title=r.title).to_dict()
                  for r in requests]  # fmt: skip
    monkeypatch.setattr(extract_core, "BATCH_DOCUMENTS", 3)
    assert [x.to_dict() for x in extract_texts(requests)] == one_by_one


def test_a_bad_request_takes_its_place_and_the_rest_go_on() -> None:
    good = _requests()[:2]
    results = list(extract_texts([good[0], Request("   "), Request("x", lang="fr"), good[1]]))
    assert isinstance(results[1], BadInput) and "no text" in str(results[1])
    assert isinstance(results[2], BadInput) and "unknown language" in str(results[2])
    assert results[3].to_dict() == extract_text(good[1].text, published=good[1].published,
                                                title=good[1].title).to_dict()  # fmt: skip


def test_batches_end_at_a_count_or_a_size(monkeypatch) -> None:
    monkeypatch.setattr(extract_core, "BATCH_DOCUMENTS", 3)
    monkeypatch.setattr(extract_core, "BATCH_CHARS", 100)
    sizes = [10, 10, 10, 10, 95, 200, 5]
    batches = list(extract_core._batches(Request("a" * n) for n in sizes))
    assert [[len(r.text) for r in b] for b in batches] == [[10, 10, 10], [10], [95], [200], [5]]


def test_documents_are_read_one_batch_ahead_not_all_at_once(monkeypatch) -> None:
    monkeypatch.setattr(extract_core, "BATCH_DOCUMENTS", 2)
    read = []
    docs = [load_file(p) for p in sorted((EVAL / "dev" / "en").glob("*.md"))[:5]]

    def lazily():
        for doc in docs:
            read.append(doc)
            yield doc

    results = extract_core.extract_documents(lazily())
    first = next(results)
    assert len(read) <= 3  # the first batch and the document that closed it
    assert first.sha256 == docs[0].sha256
    assert [r.sha256 for r in results] == [d.sha256 for d in docs[1:]]


def test_files_come_back_in_order_with_unreadable_ones_in_place(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(extract_core, "BATCH_DOCUMENTS", 2)
    good = sorted((EVAL / "dev" / "en").glob("*.md"))[:3]
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    missing = tmp_path / "missing.txt"
    paths = [empty, good[0], missing, good[1], good[2], empty]
    out = list(extract_core.extract_files(paths))
    assert [p for p, _ in out] == paths
    kinds = [type(r).__name__ for _, r in out]
    assert kinds == ["BadInput", "Extraction", "BadInput", "Extraction", "Extraction", "BadInput"]
    assert str(empty) in str(out[0][1]) and str(missing) in str(out[2][1])
    assert out[3][1].to_dict() == extract_core.extract_file(good[1]).to_dict()
