"""The English pipeline: loaded once, without unused components, products on one BLAS thread."""

from __future__ import annotations

from threadpoolctl import ThreadpoolController

from docket.extract.pipeline import english, parse


def test_layers_multiply_with_numpy_blas_not_blis() -> None:
    nlp = english()
    assert "lemmatizer" not in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert all(not proc.model.ops.use_blis for _, proc in nlp.pipeline if hasattr(proc, "model"))


def test_parse_limits_blas_threads_only_while_it_runs() -> None:
    blas = ThreadpoolController().select(user_api="blas")
    before = [lib["num_threads"] for lib in blas.info()]
    doc = parse("SYNTHETIC. Pak Sun Hui said the guards at Yodok beat him.")
    assert [t.text for t in doc][:2] == ["SYNTHETIC", "."]
    assert any(e.text == "Pak Sun Hui" for e in doc.ents)
    assert [lib["num_threads"] for lib in blas.info()] == before
