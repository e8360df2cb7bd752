"""The synthetic demo sources: deterministic, labelled, well-formed, and carrying their traps."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import trafilatura
import yaml
from lxml import html as lxml_html

from docket.synth._korean import josa
from docket.synth._names import MALE_FIRST, MALE_SECOND, KoreanName, surnames
from docket.synth.corpus import DemoCorpus, demo_witness_names, write_demo_sources

REQUIRED_KEYS = {
    "interviewer",
    "interview_date",
    "place",
    "language",
    "witness_name",
    "witness_pseudonym",
    "consent",
    "kind",
}
# Real public figures (leaders, officials, well-known survivors): none may appear in demo files.
REAL_NAMES = (
    "Kim Jong Un",
    "Kim Jong-un",
    "Kim Jong Il",
    "Kim Jong-il",
    "Kim Il Sung",
    "Kim Il-sung",
    "Kim Yo Jong",
    "Shin Dong-hyuk",
    "Kang Chol-hwan",
    "Lee Soon-ok",
    "Jang Song Thaek",
    "Choe Son Hui",
    "Park Yeon-mi",
    "김정은",
    "김정일",
    "김일성",
    "신동혁",
    "강철환",
    "이순옥",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> DemoCorpus:
    return write_demo_sources(tmp_path_factory.mktemp("demo"), seed=2014)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


def test_same_seed_gives_byte_identical_files(corpus: DemoCorpus, tmp_path: Path) -> None:
    again = write_demo_sources(tmp_path / "again", seed=2014)
    assert _tree(again.root) == _tree(corpus.root)
    other = write_demo_sources(tmp_path / "other", seed=7)
    assert _tree(other.root) != _tree(corpus.root)
    assert demo_witness_names(7) != demo_witness_names(2014)


def test_counts_and_returned_paths(corpus: DemoCorpus) -> None:
    assert len(corpus.testimonies) >= 40
    assert len(corpus.articles) == 20
    assert len(corpus.statements) == 3
    for kind, paths in (
        ("testimonies", corpus.testimonies),
        ("articles", corpus.articles),
        ("statements", corpus.statements),
    ):
        assert all(p.parent == corpus.root / kind and p.is_file() for p in paths)
    listed = {f["path"] for f in corpus.manifest["files"]}
    assert listed == {p.relative_to(corpus.root).as_posix() for p in corpus.all_files()}
    on_disk = json.loads(corpus.manifest_path.read_text(encoding="utf-8"))
    assert on_disk == corpus.manifest and on_disk["synthetic"] is True


def test_every_file_says_synthetic(corpus: DemoCorpus) -> None:
    for path in (*corpus.all_files(), corpus.manifest_path):
        assert "SYNTHETIC" in path.read_text(encoding="utf-8"), path
    for path in corpus.testimonies:
        _, body = _front_matter(path)
        assert body.lstrip().startswith("SYNTHETIC"), path  # visible in the text, not only metadata


def test_testimony_front_matter(corpus: DemoCorpus) -> None:
    consents, langs = set(), []
    for path in corpus.testimonies:
        meta, body = _front_matter(path)
        assert meta.keys() >= REQUIRED_KEYS, path
        assert meta["kind"] == "testimony"
        assert meta["consent"] in {"none", "internal", "anonymous", "public"}
        assert meta["language"] in {"en", "ko"}
        dt.date.fromisoformat(meta["interview_date"])
        assert re.fullmatch(r"W-\d{4}", meta["witness_pseudonym"])
        assert path.stem == meta["witness_pseudonym"]
        assert meta["witness_name"] not in body  # identity only in the protected header
        consents.add(meta["consent"])
        langs.append(meta["language"])
        if meta["language"] == "ko":
            assert len(re.findall(r"[가-힣]", body)) > 300, path
            assert re.search(r"\d{4}년", body) and "라고 말했다" in body
            assert re.fullmatch(r"[가-힣]{3}", meta["witness_name"])
        else:
            assert re.search(r"\b(I was|I come from)\b", body)
    assert consents == {"none", "internal", "anonymous", "public"}
    assert langs.count("ko") >= 10


def test_testimonies_name_gazetteer_places_and_partial_dates(corpus: DemoCorpus) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in corpus.testimonies)
    for needle in (
        "Yodok",
        "Camp 1",
        "Kaechon",
        "Jongo-ri",
        "요덕",
        "inmates",
        "abortion",
        "public execution",
        "beat",
    ):
        assert needle in text or needle.lower() in text.lower(), needle
    assert re.search(r"\b(spring|summer|autumn|winter) (of )?(19|20)\d\d\b", text)
    assert re.search(r"the (early|mid-|late) ?(19|20)\d0s", text)
    assert re.search(r"(19|20)\d\d년 (봄|여름|가을|겨울)", text)


def test_article_pages_have_furniture_and_extractable_text(corpus: DemoCorpus) -> None:
    entries = {f["path"]: f for f in corpus.manifest["files"] if f["kind"] == "article"}
    templates = set()
    for path in corpus.articles:
        raw = path.read_text(encoding="utf-8")
        entry = entries[path.relative_to(corpus.root).as_posix()]
        templates.add(entry["template"])
        doc = lxml_html.fromstring(raw)
        assert "SYNTHETIC" in doc.findtext(".//title")
        og = doc.xpath("//meta[@property='og:title']/@content")[0]
        assert "SYNTHETIC" in og
        published = doc.xpath("//meta[@property='article:published_time']/@content")[0]
        assert 2010 <= int(published[:4]) <= 2024
        assert doc.xpath("//meta[@name='author']/@content")[0] == entry["author"]
        for marker in (
            "Sign up for our newsletter",
            "Related News",
            "Photo credit:",
            "SOURCE:",
            "cookies",
            "breadcrumb",
            'href="/">Home</a>',
            "&copy;",
        ):
            assert marker in raw, (path, marker)
        main = trafilatura.extract(raw) or ""
        assert entry["first_paragraph"] in main, path
        assert "SYNTHETIC" in main
        assert "Sign up for our newsletter" not in main
        assert "“" in main  # direct quotes
    assert len(templates) >= 3
    outlets = {f["outlet"] for f in entries.values()}
    assert len(outlets) >= 3


def test_statements_deny(corpus: DemoCorpus) -> None:
    texts = [p.read_text(encoding="utf-8") for p in corpus.statements]
    assert any("no such thing as a political prison camp" in t for t in texts)
    assert any("reform-through-labour" in t for t in texts)
    for entry in (f for f in corpus.manifest["files"] if f["kind"] == "statement"):
        assert entry["denial"] in (corpus.root / entry["path"]).read_text(encoding="utf-8")
        if entry["path"].endswith(".txt"):  # an intake header names the kind for `docket ingest`
            meta, _ = _front_matter(corpus.root / entry["path"])
            assert meta["kind"] == "statement" and meta["language"] == entry["language"]


def test_no_real_public_figures(corpus: DemoCorpus) -> None:
    for path in corpus.all_files():
        text = path.read_text(encoding="utf-8")
        for name in REAL_NAMES:
            assert name not in text, (path, name)


def test_witness_names_are_protected_names_from_front_matter(corpus: DemoCorpus) -> None:
    names = demo_witness_names(2014)
    headers = [_front_matter(p)[0]["witness_name"] for p in corpus.testimonies]
    assert sorted(names) == sorted(set(headers))
    # No spelling of any witness's real (synthetic) name appears in a public source.
    public = "\n".join(p.read_text(encoding="utf-8") for p in corpus.articles + corpus.statements)
    for form in demo_witness_names(2014, all_forms=True):
        assert not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", public), form


def test_same_witness_twice_trap(corpus: DemoCorpus) -> None:
    (trap,) = corpus.manifest["traps"]["same_witness_twice"]
    metas = [_front_matter(corpus.root / f)[0] for f in trap["files"]]
    assert metas[0]["witness_pseudonym"] != metas[1]["witness_pseudonym"]
    assert metas[0]["witness_name"] != metas[1]["witness_name"]  # another romanization
    person = corpus.manifest["people"][trap["person_id"]]
    assert {m["witness_name"] for m in metas} <= set(person["forms"])


def test_republished_account_trap(corpus: DemoCorpus) -> None:
    trap = corpus.manifest["traps"]["republished_account"]
    assert len(trap["articles"]) >= 3 and trap["independent_accounts"] == 1
    mains = [
        trafilatura.extract((corpus.root / a).read_text(encoding="utf-8")) for a in trap["articles"]
    ]
    quote = re.findall(r"“([^”]{30,})”", mains[0])[0]
    assert all(quote in m for m in mains), quote
    assert trap["attacked_by"], "the counter-report names the witness's press alias"


def test_shared_victims_are_named_in_several_spellings(corpus: DemoCorpus) -> None:
    people = corpus.manifest["people"]
    shared = corpus.manifest["traps"]["shared_victims"]
    assert len(shared) >= 7
    varied = [
        pid for pid in shared if len({m["written_as"] for m in people[pid]["mentioned_in"]}) >= 2
    ]
    assert len(varied) >= 5
    for pid in shared:
        for m in people[pid]["mentioned_in"]:
            assert m["written_as"] in (corpus.root / m["path"]).read_text(encoding="utf-8")
    for event in corpus.manifest["events"].values():
        assert len(event["mentioned_in"]) >= 2


def test_korean_particles_follow_the_final_sound() -> None:
    assert josa("요덕", "으로/로") == "요덕으로"
    assert josa("서울", "으로/로") == "서울로"
    assert josa("남포", "으로/로") == "남포로"
    assert josa("리영철", "은/는") == "리영철은"
    assert josa("김미화", "이/가") == "김미화가"
    assert josa("2,000", "이/가") == "2,000이"


def test_one_name_in_every_style() -> None:
    lee = next(s for s in surnames() if s.hangul == "이")
    yong = next(s for s in MALE_FIRST if s.hangul == "영")
    chol = next(s for s in MALE_SECOND if s.hangul == "철")
    name = KoreanName(lee, (yong, chol), "Lee")
    assert name.render("dprk") == "Ri Yong Chol"
    assert name.render("popular") == "Lee Young-chul"
    assert name.render("popular_western") == "Young-chul Lee"
    assert name.render("hangul") == "이영철"
    assert name.render("hangul_dprk") == "리영철"
    assert name.render("mr") == "I Yong-chol"


def test_press_aliases_are_printed_and_never_the_real_name(corpus: DemoCorpus) -> None:
    aliases = corpus.manifest["press_aliases"]
    people = corpus.manifest["people"]
    assert len(aliases) >= 10
    for entry in aliases.values():
        real = set(people[entry["person_id"]]["forms"])
        assert not real & set(entry["printed_as"])
        for path in entry["articles"]:
            text = (corpus.root / path).read_text(encoding="utf-8")
            assert any(a in text for a in entry["printed_as"]), path
    trap = corpus.manifest["traps"]["republished_account"]
    counter = (corpus.root / trap["attacked_by"][0]).read_text(encoding="utf-8")
    assert any(a in counter for a in aliases[trap["witness_pseudonym"]]["printed_as"])


def test_output_does_not_depend_on_hash_seed(corpus: DemoCorpus, tmp_path: Path) -> None:
    """Byte-identical across processes too (no set or hash order leaks into the files)."""
    code = (
        "import sys; from pathlib import Path; from docket.synth.corpus import write_demo_sources;"
        "write_demo_sources(Path(sys.argv[1]), seed=2014)"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "p")], check=True, env=env)
    assert _tree(tmp_path / "p") == _tree(corpus.root)


def test_identical_quotes_in_two_articles_come_from_one_witness(corpus: DemoCorpus) -> None:
    """Same words in two stories must be one account repeated, never a coincidence."""
    entries = {f["path"]: f for f in corpus.manifest["files"] if f["kind"] == "article"}
    official = "\n".join(p.read_text(encoding="utf-8") for p in corpus.statements)
    seen: dict[str, list[str]] = {}
    for path in entries:
        main = trafilatura.extract((corpus.root / path).read_text(encoding="utf-8")) or ""
        for q in set(re.findall(r"“([^”“]{25,}?)[,.]?”", main)):
            seen.setdefault(q, []).append(path)
    repeated = {q: ps for q, ps in seen.items() if len(ps) > 1}
    assert repeated  # the republished account, at least
    for q, paths in repeated.items():
        if q.split(".")[0] in official:
            continue  # the official statement, quoted by many outlets
        common = set.intersection(*(set(entries[p]["witnesses_quoted"]) for p in paths))
        assert common, (q, paths)


@pytest.mark.parametrize("seed", [1, 99])
def test_other_seeds_keep_the_guarantees(seed: int, tmp_path: Path) -> None:
    c = write_demo_sources(tmp_path, seed=seed)
    metas = [_front_matter(p)[0] for p in c.testimonies]
    assert len(metas) >= 40 and sum(m["language"] == "ko" for m in metas) >= 10
    assert {m["consent"] for m in metas} == {"none", "internal", "anonymous", "public"}
    assert len(c.articles) == 20 and len(c.statements) == 3
    assert c.manifest["traps"]["same_witness_twice"] and c.manifest["traps"]["shared_victims"]
    public = "\n".join(p.read_text(encoding="utf-8") for p in c.articles + c.statements)
    for form in demo_witness_names(seed, all_forms=True):
        assert not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", public), form
