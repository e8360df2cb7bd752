"""The one entry point: text in, every kind of suggestion out, models loaded once per process."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docket.errors import BadInput
from docket.extract._quote_marks import quote_spans
from docket.extract._types import Entity, Extraction
from docket.extract.act_model import suggest_acts
from docket.extract.acts import find_acts
from docket.extract.dates import find_dates
from docket.extract.entities import find_entities
from docket.extract.figures import find_figures
from docket.extract.korean import HANGUL, _surname_mentions, korean_persons, korean_quotes
from docket.extract.loading import Document, load_file
from docket.extract.pipeline import parse
from docket.extract.places import find_places
from docket.extract.quotes import find_quotes

LANGS = ("auto", "en", "ko")
KINDS = ("auto", "article", "testimony", "statement")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def _paragraph_langs(text: str) -> list[tuple[int, int, str]]:
    """Each paragraph with 'ko' where Hangul dominates its letters, else 'en'."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        para = m.group(0)
        hangul = len(HANGUL.findall(para))
        latin = len(_LATIN.findall(para))
        out.append((m.start(), m.end(), "ko" if hangul > latin / 3 else "en"))
    return out


def detect_language(text: str) -> str:
    """'en', 'ko' or 'mixed'; BadInput when the text is in neither supported script."""
    sample = text[:200_000]
    hangul = len(HANGUL.findall(sample))
    latin = len(_LATIN.findall(sample))
    letters = len(_LETTER.findall(sample))
    if letters and (hangul + latin) / letters < 0.5:
        raise BadInput(
            "text is mostly in a script extract does not support (expected English or Korean); "
            "pass --lang en or --lang ko to force one"
        )
    if hangul and latin and min(hangul * 3, latin) / max(hangul * 3, latin) > 0.2:
        return "mixed"
    return "ko" if hangul * 3 > latin else "en"


def extract_text(
    text: str,
    *,
    lang: str = "auto",
    kind: str = "auto",
    published: str | None = None,
    title: str | None = None,
) -> Extraction:
    """Every suggestion for `text`; offsets index `text` exactly.

    `lang='auto'` handles English, Korean and documents that mix them paragraph by paragraph.
    `published` (ISO date) anchors relative dates ("last month"). `kind` is recorded for the
    reviewer; the rules are the same for articles, testimonies and statements.
    """
    if lang not in LANGS:
        raise BadInput(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    if kind not in KINDS:
        raise BadInput(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not text.strip():
        raise BadInput("no text to extract from")
    language = detect_language(text) if lang == "auto" else lang
    paras = _paragraph_langs(text)
    if lang == "en":
        paras = [(s, e, "en") for s, e, _ in paras]
    elif lang == "ko":
        paras = [(s, e, "ko") for s, e, _ in paras]
    doc = _english_doc(text, paras)
    places = find_places(text)
    ko_persons: list[Entity] = []
    for s, e, lg in paras:
        if lg == "ko":
            ko_persons.extend(korean_persons(text, s, e))
    entities = find_entities(text, doc, places, ko_persons)
    quotes = find_quotes(text, doc, entities) if doc is not None else []
    if any(lg == "ko" for _, _, lg in paras):
        persons = [x for x in entities if x.label == "PERSON"]
        helpers = sorted(
            entities + _surname_mentions(text, 0, len(text), persons), key=lambda x: x.start
        )
        for s, e, lg in paras:
            if lg == "ko":
                quotes.extend(korean_quotes(text, s, e, helpers))
        quotes.sort(key=lambda q: q.start)
    dates = find_dates(text, published)
    found_acts = find_acts(text, places)
    found_acts += suggest_acts(text, found_acts)
    return Extraction(
        text=text,
        language=language,
        kind=guess_kind(text) if kind == "auto" else kind,
        title=title,
        published=published,
        entities=entities,
        quotes=quotes,
        dates=dates,
        figures=find_figures(text, places, dates),
        places=places,
        acts=sorted(found_acts, key=lambda a: (a.start, a.end)),
    )


_FIRST_PERSON = re.compile(r"(?:\b(?:I|me|my|we|us|our)\b|저는|나는|우리는)")
_STATEMENT = re.compile(
    r"\b(?:statement|spokes(?:man|woman|person)|press release|communiqu[eé])\b|담화|성명", re.I
)


def guess_kind(text: str) -> str:
    """'testimony' when the narrator speaks in the first person outside quotes, 'statement'
    when the opening says it is one, else 'article'. A hint for the reviewer, not a rule."""
    head = text[:600]
    if re.search(r"\b(?:testimony|witness statement|interview)\b|증언", head[:120], re.I):
        return "testimony"
    sample = text[:5000]
    spans = quote_spans(sample)
    outside = "".join(
        sample[a:b]
        for a, b in zip(
            [0] + [e for _, e in spans], [s for s, _ in spans] + [len(sample)], strict=True
        )
    )
    if len(_FIRST_PERSON.findall(outside)) * 250 >= max(len(outside), 1):
        return "testimony"
    if _STATEMENT.search(head):
        return "statement"
    return "article"


def _english_doc(text: str, paras: list[tuple[int, int, str]]) -> Any:
    """Parse the whole text once if any paragraph is English; Korean paragraphs are blanked
    (same length) so offsets stay true and the English model sees no Hangul."""
    if not any(lg == "en" for _, _, lg in paras):
        return None
    if all(lg == "en" for _, _, lg in paras):
        return parse(text)
    chars = list(text)
    for s, e, lg in paras:
        if lg == "ko":
            chars[s:e] = " " * (e - s)
    blanked = "".join(chars)
    return parse(blanked)


def extract_document(doc: Document, *, lang: str = "auto", kind: str = "auto") -> Extraction:
    result = extract_text(doc.text, lang=lang, kind=kind, published=doc.published, title=doc.title)
    result.sha256 = doc.sha256
    result.author = doc.author
    result.outlet = doc.outlet
    return result


def extract_file(path: str | Path, *, lang: str = "auto", kind: str = "auto") -> Extraction:
    """Load a file (text, Markdown, HTML, PDF, optionally .gz) and extract from its main text.

    Raises BadInput (exit 2) naming the file for anything that is not readable text.
    """
    document = load_file(path)
    try:
        return extract_document(document, lang=lang, kind=kind)
    except BadInput as exc:
        raise BadInput(str(exc), where=str(path)) from None
