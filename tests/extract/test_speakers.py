"""Speaker rules of round twelve, each on a short SYNTHETIC text written for the test (people,
bodies and events are invented)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from docket.extract import extract_text
from docket.extract.entities import find_entities
from docket.extract.pipeline import english

from .conftest import extract_checked, speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an outlet that carried a statement is not its author
        (
            "North Korea's Ministry of Public Health on Friday rejected a survey of prison "
            "clinics.\n\nIn a statement relayed by the Korean Central News Agency, an official "
            'said the survey was false. "Every patient is treated free of charge," the '
            "statement said.",
            "Every patient is treated",
            "Ministry of Public Health",
        ),
        # two people share a surname: a bare surname is the one the story is about, not a
        # relative named in apposition
        (
            "Choe Min-gyu was nine when the guards came. His uncle, Choe Myong-chol, was taken "
            'first.\n\n"We never heard from him again," Choe said.',
            "We never heard from him",
            "Choe Min-gyu",
        ),
        # ... and, with no such cue, the one named last before the mention
        (
            "Ri Yong-ho opened the meeting. Later, Ri Chol-su took the floor.\n\n"
            '"The border must be watched," Ri said.',
            "The border must be watched",
            "Ri Chol-su",
        ),
        # "X was quoted by an outlet as saying": the outlet only carried X's words
        (
            "Mina Okonkwo, a Kenyan lawyer, was quoted by the state news service as saying that "
            "she had been refused a visa three times.",
            "she had been refused a visa",
            "Mina Okonkwo",
        ),
        # a name in apposition to "the group", though no model found it
        (
            "Three farmers were detained, the group, Northern Lantern Mission, said in a "
            "newsletter on Monday.",
            "Three farmers were detained",
            "Northern Lantern Mission",
        ),
        # "the station" goes on with the name its description stood beside
        (
            "Radio Free Asia, a US-funded station, said two women were detained in Musan. The "
            "women were later moved to a camp, the station said.",
            "The women were later moved",
            "Radio Free Asia",
        ),
        # "said" without "that", the clause taken for an object
        (
            "Seo Jin-a runs a shelter. Seo said two former miners interviewed for the study "
            "described being sent down without lamps.",
            "two former miners interviewed",
            "Seo Jin-a",
        ),
        # a complement clause whose subject is a clause
        (
            "Han Sol-mi runs a shelter. She said the parents of two of the girls had been told "
            "the pair were being kept at a holding centre in Hyesan.",
            "the parents of two of the girls",
            "Han Sol-mi",
        ),
        # the author named inside the subject
        (
            "The survey, released last week by the Institute for Border Studies, said most "
            "returnees were held for more than a month.",
            "most returnees were held",
            "Institute for Border Studies",
        ),
        # an attribution set off by commas after "where" / "that": the words after it
        (
            "Researchers mapped 40 sites where, according to former inmates, prisoners were "
            "made to dig their own graves.",
            "prisoners were made to dig",
            "former inmates",
        ),
        (
            "His file carried a note that, a clerk later told him, barred him from any job in "
            "the city.",
            "barred him from any job",
            "a clerk",
        ),
        # an attribution that closes the sentence, with an appositive the parser lost
        (
            "Five traders were arrested at the market in Hoeryong for selling foreign films, "
            "Daily NK, a Seoul-based website with sources in the North, reported on Friday.",
            "Five traders were arrested",
            "Daily NK",
        ),
    ],
)
def test_english_speaker_rules(text: str, words: str, speaker: str) -> None:
    assert speaker_of(extract_checked(text, "en"), words) == speaker


def test_a_name_with_a_persons_role_is_a_person() -> None:
    # the model's labels are given, so the test does not depend on what it would guess
    text = "Ngozi Adebayo spoke first. Adebayo, a Nigerian lawyer, said little."
    doc = english().make_doc(text)
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 5, 6, label="GPE")]
    ents = {(e.label, e.text) for e in find_entities(text, doc, [])}
    assert {("PERSON", "Ngozi Adebayo"), ("PERSON", "Adebayo")} <= ents


def test_a_body_named_by_the_model_keeps_its_label_without_a_role() -> None:
    text = "Ngozi Adebayo spoke first. Adebayo, in Lagos, said little."
    doc = english().make_doc(text)
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    assert ("ORG", "Ngozi Adebayo") in {(e.label, e.text) for e in find_entities(text, doc, [])}


def test_a_place_before_a_description_stays_a_place() -> None:
    text = "At a meeting in New York, a woman who escaped in 2019 said she was beaten."
    result = extract_text(text, lang="en")
    assert ("GPE", "New York") in {(e.label, e.text) for e in result.entities}


def test_a_body_name_runs_on_past_its_head_word_but_not_into_a_date() -> None:
    text = "The Pacific Institute for Korean Studies and the Central News Agency on Tuesday met."
    doc = english().make_doc(text)
    doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 8, 11, label="ORG")]
    orgs = {e.text for e in find_entities(text, doc, []) if e.label == "ORG"}
    assert orgs == {"Pacific Institute for Korean Studies", "Central News Agency"}


@pytest.mark.parametrize(
    "text",
    [
        "When I said no, they beat me with a belt.",
        "A letter said to come from a former guard describes the mine.",
    ],
)
def test_say_without_a_clause_reports_nothing(text: str) -> None:
    result = extract_text(text, lang="en")
    assert not [q for q in result.quotes if q.kind == "reported"]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a pronoun after a clause that describes it ("당시 ... 그는") is still the pronoun
        (
            "탈북 여성 한미순(41) 씨가 증언했다. "
            '당시 열여덟 살이었던 그는 "매일 밤 조사를 받았다"고 말했다.',
            "매일 밤 조사를",
            "한미순",
        ),
        # a description before a name: the name speaks
        (
            '이에 대해 북한 선전매체 메아리는 "괴뢰들의 날조"라고 비난했다.',
            "괴뢰들의 날조",
            "메아리",
        ),
        # "…다고 보고서는 전했다": the subject between the reported words and the verb
        (
            "수감자들은 하루 열두 시간 일했고, 아픈 사람도 쉬지 못했다고 보고서는 전했다.",
            "수감자들은 하루",
            "보고서",
        ),
        # the body that published a document, not the document
        (
            "인권단체 새벽인권연대가 3일 공개한 증언집에 따르면 수감자 세 명이 굶어 숨졌다.",
            "수감자 세 명이",
            "새벽인권연대",
        ),
        # a body's "side" (측) is the body
        (
            '북방인권모임 측은 "석방을 요구한다"고 밝혔다.',
            "석방을 요구한다",
            "북방인권모임",
        ),
        # a request is reported speech; the dated clause before the body is not its name
        (
            "휴전 70년을 맞은 27일 납북자가족회는 정부에 생사 확인을 해 달라고 요구했다.",
            "정부에 생사 확인을",
            "납북자가족회",
        ),
    ],
)
def test_korean_speaker_rules(text: str, words: str, speaker: str) -> None:
    assert speaker_of(extract_checked(text, "ko"), words) == speaker
