import pytest

from docket.errors import BadInput
from docket.ingest import ingest_paths
from docket.sources import search_sources
from tests.ingest.samples import write_samples


@pytest.fixture
def ingested(case, admin, tmp_path):
    ingest_paths(case, [write_samples(tmp_path / "in")["testimony"].parent], actor=admin)
    return case


def _titles(hits):
    return [h.title for h in hits]


def test_english_words_found_with_offsets_into_the_source_text(ingested, admin):
    hits = search_sources(ingested, "forced labour", actor=admin)
    assert _titles(hits) == ["SYNTHETIC: Former prisoners describe Camp 14"]
    from docket.sources import get_source

    text = get_source(ingested, hits[0].source_id, actor=admin).text
    assert [text[a:b].lower() for a, b in hits[0].hits] == ["forced", "labour"]
    assert "[forced] [labour]" in hits[0].snippet


def test_diacritics_fold_both_ways(ingested, admin):
    for query in ("Yodok", "yodŏk", "YODOK"):
        hits = search_sources(ingested, query, actor=admin)
        assert [h.kind for h in hits] == ["testimony"], query
        assert "[Yodŏk]" in hits[0].snippet


def test_korean_word_inside_a_longer_phrase(ingested, admin):
    # the text has 요덕수용소 written as one word; both parts must be findable
    for query in ("요덕", "수용소", "요덕수용소"):
        hits = search_sources(ingested, query, actor=admin)
        assert len(hits) == 1, query
        assert query in hits[0].snippet.replace("[", "").replace("]", "")
        assert f"[{query}]" in hits[0].snippet


def test_all_words_must_match(ingested, admin):
    assert search_sources(ingested, "gypsum mine", actor=admin)
    assert search_sources(ingested, "gypsum Hoeryong", actor=admin) == []


def test_ranking_prefers_the_source_with_more_hits(case, admin, tmp_path):
    folder = tmp_path / "rank"
    folder.mkdir()
    (folder / "a.txt").write_text("SYNTHETIC. A note that mentions starvation once.\n")
    (folder / "b.txt").write_text("SYNTHETIC. starvation, starvation and starvation again.\n")
    ingest_paths(case, [folder], actor=admin)
    hits = search_sources(case, "starvation", actor=admin)
    assert [h.title for h in hits] == ["b", "a"]
    assert hits[0].score >= hits[1].score


def test_query_with_only_punctuation_is_bad_input(ingested, admin):
    with pytest.raises(BadInput, match="no words"):
        search_sources(ingested, '"*) ( -- ', actor=admin)


def test_fts_syntax_in_queries_is_treated_as_words(ingested, admin):
    assert search_sources(ingested, 'NEAR("gypsum" OR', actor=admin) == []
    assert search_sources(ingested, '"gypsum"', actor=admin)


def test_ascii_index_body_has_the_words_the_token_pattern_finds():
    # the ASCII fast path must index exactly what the general pattern does
    from docket.store.search import _TOKEN, index_body

    every_ascii = "".join(map(chr, range(128)))
    for text in (
        "SYNTHETIC: Camp 14's guards -- forced_labour, 1998/99!\tRelease\x01\x7fok",
        every_ascii,
        every_ascii[::-1] + " end",
        "",
        "   ",
    ):
        assert index_body(text) == " ".join(_TOKEN.findall(text.lower())), repr(text)
