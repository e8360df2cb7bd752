"""`docket extract --case`: suggestions stored once, spans into the text, never resurrected."""

from sqlalchemy import func, select

from docket.ingest import ingest_paths
from docket.review import list_suggestions, reject
from docket.review.run import extract_case
from docket.store.models import Source, Suggestion
from tests.ingest.samples import write_samples


def test_extract_case_stores_spans_once_and_remembers_rejections(sqlite_case, admin, tmp_path):
    samples = write_samples(tmp_path / "in")
    ingest_paths(sqlite_case, [samples["testimony"], samples["article"]], actor=admin)
    first = extract_case(sqlite_case, actor=admin)
    assert first.sources == 2 and first.added > 0 and first.already_known == 0
    with sqlite_case.session() as s:
        texts = {src.id: src.text for src in s.scalars(select(Source))}
        rows = s.scalars(select(Suggestion)).all()
        assert all(texts[r.source_id][r.start : r.end] == r.text for r in rows)
        assert {"act", "place", "date"} <= {r.kind for r in rows}
    testimony_id = next(i for i, t in texts.items() if t.startswith("SYNTHETIC testimony"))
    place = next(v for v in list_suggestions(sqlite_case, testimony_id, actor=admin)
                 if v.kind == "place")  # fmt: skip
    assert place.label == "KWN-15"  # Yodŏk, through the gazetteer
    reject(sqlite_case, place.id, actor=admin)

    again = extract_case(sqlite_case, actor=admin)
    assert again.added == 0 and again.already_known == first.added
    with sqlite_case.session() as s:
        assert s.scalar(select(func.count()).select_from(Suggestion)) == first.added
        assert s.get(Suggestion, place.id).status == "rejected"


def test_a_source_extract_cannot_read_is_reported_and_the_others_go_on(
    sqlite_case, admin, tmp_path
):
    samples = write_samples(tmp_path / "in")
    other = tmp_path / "in" / "other-script.txt"
    other.write_text("SYNTHETIC " + "Свидетель рассказал о лагере и о допросах. " * 20, "utf-8")
    ingest_paths(sqlite_case, [samples["testimony"]], actor=admin)
    ingest_paths(sqlite_case, [other], kind="testimony", lang="ru", actor=admin)
    ingest_paths(sqlite_case, [samples["article"]], actor=admin)
    report = extract_case(sqlite_case, actor=admin)
    with sqlite_case.session() as s:
        other_id = s.scalar(select(Source.id).where(Source.text.like("SYNTHETIC Свидетель%")))
        with_suggestions = set(s.scalars(select(Suggestion.source_id).distinct()))
    assert report.sources == 2 and [i for i, _ in report.failed] == [other_id]
    assert "script" in report.failed[0][1]
    assert len(with_suggestions) == 2 and other_id not in with_suggestions
