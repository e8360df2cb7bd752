"""Full-text search over sources, one workflow with a dialect per backend.

Both backends index the same prepared text (`index_body`): words with diacritics folded, and every
Hangul run expanded into overlapping character bigrams, so that a Korean word is found inside a
longer phrase (요덕 inside 요덕수용소) without a morphological analyser. Hit offsets and snippets
are computed from the source's own text, so they point at the words as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_TOKEN = re.compile(r"[\uac00-\ud7a3]+|\w+", re.UNICODE)


def _fold(word: str) -> str:
    """Lower-case and strip Latin diacritics (ŏ -> o) without touching Hangul."""
    if word.isascii():
        return word.lower()
    if _HANGUL.fullmatch(word):
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _bigrams(run: str) -> list[str]:
    return [run] if len(run) < 2 else [run[i : i + 2] for i in range(len(run) - 1)]


# ASCII text: every byte that is not a word character (a-z, 0-9, _ once lower-cased) becomes a
# space, so that splitting gives the same words as _TOKEN, in C, at a quarter of the regex's cost.
_ASCII_NON_WORD = bytes(
    c if chr(c).isascii() and (chr(c).isalnum() or chr(c) == "_") else 0x20 for c in range(256)
)


def index_body(source_text: str) -> str:
    """The text as both indexes see it: folded words; Hangul runs as bigrams."""
    if source_text.isascii():
        words = source_text.lower().encode("ascii").translate(_ASCII_NON_WORD).split()
        return b" ".join(words).decode("ascii")
    out: list[str] = []
    for token in _TOKEN.findall(source_text):
        out.extend(_bigrams(token) if _HANGUL.fullmatch(token) else [_fold(token)])
    return " ".join(out)


@dataclass(frozen=True)
class QueryTerm:
    """One word of a query: its index tokens (several bigrams for Hangul) and how to find it."""

    word: str
    tokens: tuple[str, ...]
    prefix: bool = False


def parse_query(query: str) -> list[QueryTerm]:
    terms = []
    for token in _TOKEN.findall(unicodedata.normalize("NFC", query)):
        if _HANGUL.fullmatch(token):
            terms.append(QueryTerm(token, tuple(_bigrams(token)), prefix=len(token) == 1))
        else:
            terms.append(QueryTerm(token, (_fold(token),)))
    return terms


@dataclass
class SearchHit:
    source_id: int
    score: float
    title: str | None
    kind: str
    hits: list[tuple[int, int]] = field(default_factory=list)
    snippet: str = ""


class SearchDialect:
    """The seam between backends: how to index a body and how to rank matches."""

    def index(self, session: Session, source_id: int, body: str) -> None:
        self.index_many(session, [(source_id, body)])

    def index_many(self, session: Session, rows: list[tuple[int, str]]) -> None:
        """Index (source id, body) pairs in one statement (one round trip for a whole batch)."""
        raise NotImplementedError

    def remove(self, session: Session, source_id: int) -> None:
        raise NotImplementedError

    def ranked_ids(self, session: Session, terms: list[QueryTerm], limit: int) -> list[tuple]:
        raise NotImplementedError


class SqliteSearch(SearchDialect):
    def index_many(self, session: Session, rows: list[tuple[int, str]]) -> None:
        if rows:
            session.execute(
                text("INSERT INTO source_fts(rowid, body) VALUES (:id, :body)"),
                [{"id": source_id, "body": body} for source_id, body in rows],
            )

    def remove(self, session: Session, source_id: int) -> None:
        session.execute(text("DELETE FROM source_fts WHERE rowid = :id"), {"id": source_id})

    def ranked_ids(self, session: Session, terms: list[QueryTerm], limit: int) -> list[tuple]:
        parts = []
        for term in terms:
            phrase = " ".join(t.replace('"', '""') for t in term.tokens)
            parts.append(f'"{phrase}"' + ("*" if term.prefix else ""))
        rows = session.execute(
            text(
                "SELECT rowid, bm25(source_fts) AS rank FROM source_fts "
                "WHERE source_fts MATCH :q ORDER BY rank LIMIT :limit"
            ),
            {"q": " AND ".join(parts), "limit": limit},
        )
        return [(row[0], -float(row[1])) for row in rows]


class PostgresSearch(SearchDialect):
    def index_many(self, session: Session, rows: list[tuple[int, str]]) -> None:
        if rows:
            session.execute(
                text("INSERT INTO source_search(source_id, body) VALUES (:id, :body)"),
                [{"id": source_id, "body": body} for source_id, body in rows],
            )

    def remove(self, session: Session, source_id: int) -> None:
        session.execute(text("DELETE FROM source_search WHERE source_id = :id"), {"id": source_id})

    def ranked_ids(self, session: Session, terms: list[QueryTerm], limit: int) -> list[tuple]:
        params: dict[str, object] = {"limit": limit}
        clauses = []
        for i, term in enumerate(terms):
            pieces = [re.sub(r"[^\w]", "", t) for t in term.tokens]
            joined = " <-> ".join(pieces) + (":*" if term.prefix else "")
            params[f"q{i}"] = joined
            clauses.append(f"to_tsquery('simple', :q{i})")
        query = " && ".join(clauses)
        rows = session.execute(
            text(
                f"SELECT source_id, ts_rank(tsv, {query}) AS rank FROM source_search "
                f"WHERE tsv @@ ({query}) ORDER BY rank DESC, source_id LIMIT :limit"
            ),
            params,
        )
        return [(row[0], float(row[1])) for row in rows]


def dialect_for(session: Session) -> SearchDialect:
    name = session.get_bind().dialect.name
    return SqliteSearch() if name == "sqlite" else PostgresSearch()


def find_hits(source_text: str, terms: list[QueryTerm]) -> list[tuple[int, int]]:
    """Spans of the source's own words that match a query term, as the index would match them."""
    spans: set[tuple[int, int]] = set()
    hangul_terms = [t.word for t in terms if _HANGUL.fullmatch(t.word)]
    latin_terms = {t.tokens[0] for t in terms if not _HANGUL.fullmatch(t.word)}
    for match in _TOKEN.finditer(source_text):
        token = match.group()
        if _HANGUL.fullmatch(token):
            for word in hangul_terms:
                start = token.find(word)
                while start >= 0:
                    spans.add((match.start() + start, match.start() + start + len(word)))
                    start = token.find(word, start + 1)
        elif _fold(token) in latin_terms:
            spans.add(match.span())
    return sorted(spans)


def make_snippet(source_text: str, hits: list[tuple[int, int]], width: int = 80) -> str:
    """A window of text around the first hit, hits marked with [ ]."""
    if not hits:
        return source_text[: 2 * width].replace("\n", " ")
    start = max(0, hits[0][0] - width)
    end = min(len(source_text), hits[0][1] + width)
    pieces, cursor = [], start
    for hit_start, hit_end in hits:
        if hit_start < cursor or hit_end > end:
            continue
        pieces += [source_text[cursor:hit_start], "[", source_text[hit_start:hit_end], "]"]
        cursor = hit_end
    pieces.append(source_text[cursor:end])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(source_text) else ""
    return prefix + "".join(pieces).replace("\n", " ") + suffix
