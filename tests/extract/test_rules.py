"""Rule-based extractors that need no model: dates, figures, places, acts, Korean names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docket.extract._inflect import inflect as _inflect
from docket.extract.acts import find_acts
from docket.extract.dates import find_dates
from docket.extract.figures import _sentence_end, find_figures
from docket.extract.names import find_korean_names
from docket.extract.places import find_places
from docket.vocab import acts, facility_by_id


@pytest.mark.parametrize(
    ("text", "published", "words", "earliest", "latest"),
    [
        ("in spring 1997", None, "spring 1997", "1997-03-01", "1997-05-31"),
        ("in the winter of 1996", None, "the winter of 1996", "1996-12-01", "1997-02-28"),
        ("the early 1990s", None, "the early 1990s", "1990-01-01", "1993-12-31"),
        ("the late 1980s", None, "the late 1980s", "1987-01-01", "1989-12-31"),
        ("on May 12, 2016,", None, "May 12, 2016", "2016-05-12", "2016-05-12"),
        ("on 3 March 2001", None, "3 March 2001", "2001-03-03", "2001-03-03"),
        ("in March 2003", None, "March 2003", "2003-03-01", "2003-03-31"),
        ("between 1995 and 1998", None, "between 1995 and 1998", "1995-01-01", "1998-12-31"),
        ("late 2019", None, "late 2019", "2019-09-01", "2019-12-31"),
        ("last month", "2016-05-12", "last month", "2016-04-01", "2016-04-30"),
        ("last month", "2016-01-12", "last month", "2015-12-01", "2015-12-31"),
        ("two years ago", "2016-05-12", "two years ago", "2014-01-01", "2014-12-31"),
        ("on Tuesday", "2014-03-19", "Tuesday", "2014-03-18", "2014-03-18"),
        ("November 19 (KCNA)", "2014-11-20", "November 19", "2014-11-19", "2014-11-19"),
        ("1997년 봄", None, "1997년 봄", "1997-03-01", "1997-05-31"),
        ("1990년대 초", None, "1990년대 초", "1990-01-01", "1993-12-31"),
        ("지난달", "2016-05-12", "지난달", "2016-04-01", "2016-04-30"),
    ],
)
def test_dates_are_intervals(text, published, words, earliest, latest) -> None:
    found = find_dates(text, published)
    assert [(d.text, d.earliest, d.latest) for d in found] == [(words, earliest, latest)]
    assert text[found[0].start : found[0].end] == words


def test_relative_dates_need_a_published_date() -> None:
    assert find_dates("He left last month.", None) == []


def test_counts_are_not_years() -> None:
    assert [d.text for d in find_dates("some 2000 inmates in 1999", None)] == ["1999"]


def test_figure_with_what_it_counts_and_the_camp_named() -> None:
    text = "Yodok held many. Later some 3,000 inmates were moved to Camp 12, guards said."
    places = find_places(text)
    (fig,) = find_figures(text, places, find_dates(text))
    assert (fig.text, fig.value, fig.counts) == ("some 3,000 inmates", 3000, "inmates")
    assert fig.about == "Camp 12" and fig.place_id == "KWN-12"


def test_figures_in_words_and_korean() -> None:
    text = "Two guards and 1.5 million people. 수감자 약 5만 명이 있었다."
    values = [f.value for f in find_figures(text, [], [])]
    assert values == [2, 1_500_000, 50_000]


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("sent to Yodok in 1992", "KWN-15"),
        ("the Yodŏk camp", "KWN-15"),
        ("요덕 수용소에서", "KWN-15"),
        ("Camp No. 15", "KWN-15"),
        ("Kwan-li-so No. 14", "KWN-14"),
        ("Kyo-hwa-so No. 12", "KHS-12"),
        ("제12호 교화소", "KHS-12"),
        ("Jongo-ri", "KHS-12"),
        ("Hoeryong camp", "KWN-22"),
    ],
)
def test_places_through_alternative_names(text: str, place_id: str) -> None:
    found = find_places(text)
    assert [p.place_id for p in found] == [place_id]
    assert place_id in facility_by_id()


def test_a_bare_town_is_not_the_camp() -> None:
    assert find_places("She grew up in Chongjin and moved to Hoeryong.") == []
    assert find_places("요덕군에서") == []


def test_acts_with_evidence_words_and_vocabulary_codes() -> None:
    text = (
        "Women faced forced abortions after they were forcibly repatriated. "
        "He was publicly executed; others were tortured and died of starvation."
    )
    found = {(a.text, a.type) for a in find_acts(text)}
    assert ("forced abortions", "V-FORCEDABORT") in found
    assert ("forcibly repatriated", "V-REFOULE") in found
    assert ("publicly executed", "V-PUBEXEC") in found
    assert ("tortured", "CAH-F") in found
    assert ("died of starvation", "V-DEATHCUST") in found
    labels = {a.code: a for a in acts()}
    for a in find_acts(text):
        assert a.label == labels[a.type].label
        assert a.rome_statute == labels[a.type].rome_statute
    assert "7(1)(g)" in next(a.rome_statute for a in find_acts(text) if a.type == "V-FORCEDABORT")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Pak Sun Hui said", ["Pak Sun Hui"]),
        ("Kim Yong-chol, an official", ["Kim Yong-chol"]),
        ("Kim Il Sung and Ri Chun-hee", ["Kim Il Sung", "Ri Chun-hee"]),
        ("Choi Minho went home", ["Choi Minho"]),
        ("Lee Smith and Kim Said and Han River", []),
    ],
)
def test_romanized_korean_names(text: str, names: list[str]) -> None:
    assert [text[s:e] for s, e in find_korean_names(text)] == names


def test_act_verbs_match_every_inflection() -> None:
    assert re.fullmatch(_inflect("die"), "dying")
    assert re.fullmatch(_inflect("rape"), "raping")
    assert re.fullmatch(_inflect("drag"), "dragged")
    assert not re.fullmatch(_inflect("work"), "worker")
    text = "He saw guards raping inmates."
    assert "CAH-G" in {a.type for a in find_acts(text)}


def test_detention_words_may_also_evidence_another_act() -> None:
    text = "Relatives of the official were also sent to a prison camp."
    found = {a.type for a in find_acts(text)}
    assert {"V-GUILTASSOC", "CAH-E"} <= found
    for a in find_acts(text):
        assert text[a.start : a.end] == a.text


def test_context_words_count_in_the_paragraph_after_the_camp_is_named() -> None:
    about = "She was held at Camp 16 for eight years.\n\nMy grandmother died in the second winter."
    alone = "She moved to Seoul.\n\nHer grandmother died in the second winter."
    assert "V-DEATHCUST" in {a.type for a in find_acts(about)}
    assert "V-DEATHCUST" not in {a.type for a in find_acts(alone)}


def test_put_into_a_gazetteer_facility_is_imprisonment() -> None:
    text = "In 1977 she was sent to Yodok with her son."
    acts_found = find_acts(text, find_places(text))
    assert ("sent to Yodok", "CAH-E") in {(a.text, a.type) for a in acts_found}
    assert "CAH-E" not in {a.type for a in find_acts("She moved to Seoul in 1977.")}


def test_a_witness_denying_an_act_is_not_evidence_of_it() -> None:
    assert "CAH-F" not in {a.type for a in find_acts("In the camp he was never beaten.")}
    assert "V-ARBDET" in {a.type for a in find_acts("Her mother was never tried.")}
    assert "V-ARBDET" not in {
        a.type for a in find_acts("the UN Working Group on Arbitrary Detention met.")
    }


def test_the_same_words_may_evidence_two_types_unless_one_is_a_case_of_the_other() -> None:
    both = {a.type for a in find_acts("Their families were relocated to a collective farm.")}
    assert {"V-GUILTASSOC", "V-BANISH"} <= both
    public = {a.type for a in find_acts("He was publicly executed.")}
    assert "V-PUBEXEC" in public and "CAH-A" not in public
    death = {a.type for a in find_acts("Her husband was beaten to death.")}
    assert "CAH-A" in death and "CAH-F" not in death
    text = "Babies born to inmates were taken from their mothers and killed."
    assert {a.type for a in find_acts(text)} == {"V-INFANTICIDE", "CAH-E"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # SYNTHETIC sentences: acts told by what happened, not named
        ("In the jail they questioned her about the letter night after night.", "V-ARBDET"),
        ("At the station a guard asked him again and again where the money was.", "V-ARBDET"),
        ("They beat him until he signed the paper.", "V-ARBDET"),
        ("재판이라는 것도 없었다.", "V-ARBDET"),
        ("His wife and sons lost their house and were later sent to a farm.", "V-GUILTASSOC"),
        ("After he fled, his brothers have been moved to the north.", "V-GUILTASSOC"),
        ("She was punished because of what her father did.", "V-GUILTASSOC"),
        ("그의 부모는 보위부에 끌려갔다.", "V-GUILTASSOC"),
        ("The family was driven out of the city within a week.", "V-BANISH"),
        ("가족은 시골 마을로 추방됐다.", "V-BANISH"),
        ("Her mother still has no way of knowing whether he is alive.", "CAH-I"),
        ("남편의 생사조차 알 수 없다.", "CAH-I"),
        ("Guards forced the new arrivals to strip and stand in the yard.", "V-SEXVIOL"),
        ("여성 수감자들의 옷을 모두 벗기고 검사했다.", "V-SEXVIOL"),
        (
            "In the detention centre she was given pills and lost the baby that night.",
            "V-FORCEDABORT",
        ),
        ("The shootings were carried out in front of villagers.", "V-PUBEXEC"),
        ("Her uncle was dead of tuberculosis within a year.", "V-DEATHCUST"),
        ("교화소에서는 하루에 옥수수 한 줌이 전부였다.", "V-FOOD"),
        ("중국 손전화를 쓰다 붙잡혔다.", "V-INFO"),
        ("The two smugglers were hanged in public at the market.", "V-PUBEXEC"),
        ("Three farmers were tied to wooden stakes and shot.", "V-PUBEXEC"),
        ("Her daughter was barred from the university because of her uncle.", "V-SONGBUN"),
        ("지주 집안 출신이라는 이유로 두 아들 모두 입대가 거부됐다.", "V-SONGBUN"),
        ("보안서에서 두 달 동안 조사를 받았다.", "V-ARBDET"),
        ("같이 장사한 사람이 누구인지 대라고 했다.", "V-ARBDET"),
        ("그녀는 연길에서 잡혀 송환되었다.", "V-REFOULE"),
        ("Her son was expelled from school on account of his uncle's defection.", "V-GUILTASSOC"),
    ],
)
def test_acts_described_by_what_happened(text: str, code: str) -> None:
    """Structural descriptions, each in wording that no evaluation set uses."""
    found = {a.type for a in find_acts(text)}
    assert code in found, found


def test_descriptions_need_their_structure() -> None:
    """Near misses of the rules above suggest nothing of their type."""
    assert "V-ARBDET" not in {a.type for a in find_acts("She asked me again and again to stay.")}
    assert "V-GUILTASSOC" not in {a.type for a in find_acts("His family said he was taken away.")}
    assert "V-FORCEDABORT" not in {a.type for a in find_acts("In the camp I lost my baby.")}
    assert "V-SEXVIOL" not in {a.type for a in find_acts("They were stripped of their rights.")}
    assert "V-PUBEXEC" not in {a.type for a in find_acts("He was shot at in public housing.")}
    assert "V-PUBEXEC" not in {a.type for a in find_acts("The dog was tied to a post.")}
    songbun = "He could not go to university because of his poor marks."
    assert "V-SONGBUN" not in {a.type for a in find_acts(songbun)}
    assert "V-SONGBUN" not in {a.type for a in find_acts("가난 때문에 대학에 가지 못했다.")}
    assert "V-ARBDET" not in {a.type for a in find_acts("회사는 두 달 동안 시장을 조사했다.")}
    illness = "She left school because of her father's illness."
    assert "V-GUILTASSOC" not in {a.type for a in find_acts(illness)}
    assert "V-REFOULE" not in {a.type for a in find_acts("물건은 송환되었다.")}


@given(st.text(alphabet="ab .!?\nNo", max_size=700), st.integers(0, 700))
def test_figure_sentence_end_reads_as_the_rest_of_the_text_does(text: str, end: int) -> None:
    end = min(end, len(text))
    m = re.search(r"(?<!\bNo)[.!?](?:\s|$)|\n", text[end:])
    assert _sentence_end(text, end) == (end + m.start() if m else len(text))


def test_figure_sentence_end_across_the_first_stretch() -> None:
    for k in range(505, 520):
        for tail in (". b", ".", "!\n", " No. b", "\n", "?"):
            text = "a" * k + tail + "a" * 600
            m = re.search(r"(?<!\bNo)[.!?](?:\s|$)|\n", text)
            assert _sentence_end(text, 0) == (m.start() if m else len(text)), (k, tail)
