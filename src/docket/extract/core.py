"""The one entry point: text in, every kind of suggestion out, models loaded once per process."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from docket.errors import BadInput, DocketError
from docket.extract._quote_marks import quote_spans
from docket.extract._types import Entity, Extraction
from docket.extract.act_model import suggest_acts
from docket.extract.acts import find_acts
from docket.extract.dates import find_dates
from docket.extract.entities import find_entities
from docket.extract.figures import find_figures
from docket.extract.korean import (
    HANGUL,
    KoreanResolver,
    _surname_mentions,
    korean_names,
    korean_quotes,
)
from docket.extract.loading import Document, load_file
from docket.extract.pipeline import parse_many
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


class Request(NamedTuple):
    """One text to extract from, with what `extract_text` takes beside it."""

    text: str
    lang: str = "auto"
    kind: str = "auto"
    published: str | None = None
    title: str | None = None


# a batch parsed together: spaCy's gain levels off by 16 documents; a cap on characters keeps
# a batch of long texts from holding many large parses at once
BATCH_DOCUMENTS = 16
BATCH_CHARS = 200_000


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
    (extraction,) = extract_texts([Request(text, lang, kind, published, title)])
    if isinstance(extraction, BadInput):
        raise extraction
    return extraction


def extract_texts(requests: Iterable[Request]) -> Iterator[Extraction | BadInput]:
    """`extract_text` of each request, in order, spaCy parsing the English texts of a batch
    together (about a seventh less of its time than one by one, the same parses). A request
    that cannot be extracted from gives its BadInput in its place; the others go on."""
    for batch in _batches(requests):
        prepared = [_prepare(r) for r in batch]
        english = iter(
            parse_many([p.english for p in prepared if isinstance(p, _Prepared) and p.english])
        )
        for p in prepared:
            yield (
                p if isinstance(p, BadInput) else _extract(p, next(english) if p.english else None)
            )


def _batches(requests: Iterable[Request]) -> Iterator[list[Request]]:
    batch: list[Request] = []
    chars = 0
    for request in requests:
        if batch and (len(batch) == BATCH_DOCUMENTS or chars + len(request.text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(request)
        chars += len(request.text)
    if batch:
        yield batch


class _Prepared(NamedTuple):
    request: Request
    language: str
    paras: list[tuple[int, int, str]]
    english: str | None  # what spaCy parses: the text with Korean paragraphs blanked; None: none


def _prepare(request: Request) -> _Prepared | BadInput:
    text, lang, kind = request.text, request.lang, request.kind
    if lang not in LANGS:
        return BadInput(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    if kind not in KINDS:
        return BadInput(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not text.strip():
        return BadInput("no text to extract from")
    try:
        language = detect_language(text) if lang == "auto" else lang
    except BadInput as exc:
        return exc
    paras = _paragraph_langs(text)
    if lang in ("en", "ko"):
        paras = [(s, e, lang) for s, e, _ in paras]
    return _Prepared(request, language, paras, _english_text(text, paras))


def _extract(prepared: _Prepared, doc: Any) -> Extraction:
    text, _, kind, published, title = prepared.request
    paras = prepared.paras
    places = find_places(text)
    ko_names: list[Entity] = []
    for s, e, lg in paras:
        if lg == "ko":
            ko_names.extend(korean_names(text, s, e))
    entities = find_entities(text, doc, places, ko_names)
    quotes = find_quotes(text, doc, entities) if doc is not None else []
    if any(lg == "ko" for _, _, lg in paras):
        persons = [x for x in entities if x.label == "PERSON"]
        helpers = sorted(
            entities + _surname_mentions(text, 0, len(text), persons), key=lambda x: x.start
        )
        res = KoreanResolver(text, helpers)  # one per document, shared by its paragraphs
        for s, e, lg in paras:
            if lg == "ko":
                quotes.extend(korean_quotes(text, s, e, helpers, res))
        quotes.sort(key=lambda q: q.start)
    dates = find_dates(text, published)
    found_acts = find_acts(text, places)
    found_acts += suggest_acts(text, found_acts)
    return Extraction(
        text=text,
        language=prepared.language,
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


def _english_text(text: str, paras: list[tuple[int, int, str]]) -> str | None:
    """The text spaCy parses if any paragraph is English: Korean paragraphs blanked (same
    length) so offsets stay true and the English model sees no Hangul."""
    if not any(lg == "en" for _, _, lg in paras):
        return None
    if all(lg == "en" for _, _, lg in paras):
        return text
    chars = list(text)
    for s, e, lg in paras:
        if lg == "ko":
            chars[s:e] = " " * (e - s)
    return "".join(chars)


def extract_document(doc: Document, *, lang: str = "auto", kind: str = "auto") -> Extraction:
    (result,) = extract_documents([doc], lang=lang, kind=kind)
    if isinstance(result, BadInput):
        raise result
    return result


def extract_documents(
    docs: Iterable[Document], *, lang: str = "auto", kind: str = "auto"
) -> Iterator[Extraction | BadInput]:
    """`extract_document` of each, in batches (`extract_texts`), holding only the documents of
    the batch in hand (a case's sources are not all read into memory first)."""
    pending: deque[Document] = deque()

    def requests() -> Iterator[Request]:
        for doc in docs:
            pending.append(doc)
            yield Request(doc.text, lang, kind, doc.published, doc.title)

    for result in extract_texts(requests()):
        doc = pending.popleft()
        if isinstance(result, Extraction):
            result.sha256 = doc.sha256
            result.author = doc.author
            result.outlet = doc.outlet
        yield result


def extract_file(path: str | Path, *, lang: str = "auto", kind: str = "auto") -> Extraction:
    """Load a file (text, Markdown, HTML, PDF, optionally .gz) and extract from its main text.

    Raises BadInput (exit 2) naming the file for anything that is not readable text.
    """
    ((_, result),) = extract_files([Path(path)], lang=lang, kind=kind)
    if isinstance(result, DocketError):
        raise result
    return result


def extract_files(
    paths: Iterable[Path], *, lang: str = "auto", kind: str = "auto"
) -> Iterator[tuple[Path, Extraction | DocketError]]:
    """Each file with its extraction or the error naming it, in order; the texts are parsed in
    batches (`extract_documents`), and a file that cannot be read or extracted stops only itself."""
    pending: deque[tuple[Path, Document | DocketError]] = deque()

    def documents() -> Iterator[Document]:
        for path in paths:
            try:
                doc = load_file(path)
            except DocketError as exc:
                pending.append((path, exc))
                continue
            pending.append((path, doc))
            yield doc

    def unreadable_before_next() -> Iterator[tuple[Path, DocketError]]:
        while pending and isinstance(pending[0][1], DocketError):
            yield pending.popleft()  # type: ignore[misc]

    for result in extract_documents(documents(), lang=lang, kind=kind):
        yield from unreadable_before_next()
        path, _ = pending.popleft()
        if isinstance(result, BadInput) and result.where is None:
            result = BadInput(str(result), where=str(path))
        yield path, result
    yield from unreadable_before_next()
