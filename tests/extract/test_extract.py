"""The whole extract on small texts: entities, quotes and speakers, Korean, mixed languages."""

from __future__ import annotations

import pytest

from docket.errors import BadInput
from docket.extract import extract_text

from .conftest import assert_spans, extract_checked, speaker_of

ARTICLE = (
    "Pak Sun Hui, a former guard at Yodok, said she saw prisoners beaten in spring 1997.\n\n"
    '"We were told they were enemies of the people," she said. "Nobody asked.\n\n'
    '"At night we heard them crying."\n\n'
    'Kim Chol-ho, a foreign ministry official, called the account "a lie." '
    "According to Human Rights Watch, some 3,000 inmates remain at Camp 15.\n\n"
    "The former guard said that she fled last month."
)


@pytest.fixture(scope="module")
def article():
    return extract_text(ARTICLE, published="2016-05-12")


def test_spans_index_the_text(article) -> None:
    assert_spans(article)


def test_entities(article) -> None:
    ents = {(e.label, e.text) for e in article.entities}
    assert ("PERSON", "Pak Sun Hui") in ents
    assert ("PERSON", "Kim Chol-ho") in ents
    assert ("ORG", "Human Rights Watch") in ents
    assert ("FACILITY", "Yodok") in ents
    assert ("FACILITY", "Camp 15") in ents


def test_pronoun_resolves_to_the_fullest_earlier_name(article) -> None:
    assert speaker_of(article, "We were told") == "Pak Sun Hui"


def test_quote_across_paragraphs_is_one_quote(article) -> None:
    quote = next(q for q in article.quotes if "Nobody asked" in q.text)
    assert "At night we heard them crying" in quote.text
    assert quote.speaker == "Pak Sun Hui"


def test_partial_quote_according_to_and_description(article) -> None:
    assert speaker_of(article, "a lie") == "Kim Chol-ho"
    assert speaker_of(article, "some 3,000 inmates remain") == "Human Rights Watch"
    assert speaker_of(article, "she fled last month") == "Pak Sun Hui"


def test_reported_speech_is_a_quote(article) -> None:
    quote = next(q for q in article.quotes if "she saw prisoners beaten" in q.text)
    assert quote.kind == "reported" and quote.speaker == "Pak Sun Hui"


def test_document_asspeaker_of() -> None:
    text = (
        "Amnesty International published a report on the camps on Monday. "
        "The report said that guards routinely beat prisoners at Camp 16."
    )
    result = extract_text(text)
    assert speaker_of(result, "guards routinely beat") == "Amnesty International"


def test_one_bad_quote_mark_never_loses_the_rest() -> None:
    text = (
        'He said "the camp was closed in 2012 and nothing more.\n\n'
        'Pak Sun Hui was held at Yodok. "We starved," she said.\n\n'
        "Forced abortions were reported at Camp 16 in the early 1990s."
    )
    result = extract_text(text)
    assert_spans(result)
    assert {p.place_id for p in result.places} == {"KWN-15", "KWN-16"}
    assert speaker_of(result, "We starved") == "Pak Sun Hui"
    assert any(a.type == "V-FORCEDABORT" for a in result.acts)
    assert [d.text for d in result.dates][-1] == "the early 1990s"


def test_korean_quotes_and_names() -> None:
    text = (
        '탈북민 박순희 씨는 "요덕 수용소에서 매일 맞았다"고 말했다. '
        "통일부에 따르면 요덕 수용소에는 약 5만 명이 수감돼 있었다. "
        "박 씨는 수용소에서 아이들이 굶어 죽었다고 증언했다."
    )
    result = extract_text(text)
    assert result.language == "ko"
    assert_spans(result)
    assert ("PERSON", "박순희") in {(e.label, e.text) for e in result.entities}
    assert speaker_of(result, "매일 맞았다") == "박순희"
    assert speaker_of(result, "약 5만 명이") == "통일부"
    assert speaker_of(result, "아이들이 굶어 죽었다") == "박순희"
    assert [f.value for f in result.figures] == [50000]


def test_mixed_languages_are_handled_paragraph_by_paragraph() -> None:
    text = (
        'Pak Sun Hui said "we starved" at Yodok.\n\n탈북자 박순희 씨는 "요덕에서 굶었다"고 말했다.'
    )
    result = extract_text(text)
    assert result.language == "mixed"
    assert_spans(result)
    speakers = {q.speaker for q in result.quotes}
    assert speakers == {"Pak Sun Hui", "박순희"}


def test_unsupported_script_is_bad_input() -> None:
    with pytest.raises(BadInput, match="script"):
        extract_text("中华人民共和国是一个国家。" * 10)


def test_bad_options_are_bad_input() -> None:
    with pytest.raises(BadInput):
        extract_text("text", lang="fr")
    with pytest.raises(BadInput):
        extract_text("text", kind="poem")


def test_kind_is_guessed_unless_given() -> None:
    testimony = "I was taken in March 2009. My son was never seen again. We waited for years."
    assert extract_text(testimony).kind == "testimony"
    statement = "A spokesman for the ministry issued the following statement today."
    assert extract_text(statement).kind == "statement"
    assert extract_text(ARTICLE).kind == "article"
    assert extract_text(ARTICLE, kind="testimony").kind == "testimony"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The wife of a detained fisherman, Jin Hae-sook, was quoted as saying that she had "
            "received no word of him.",
            "she had received no word",
            "Jin Hae-sook",
        ),
        (
            "Pyon Sung-ok taught for 20 years. Children who protested, she said, were beaten "
            "in front of the class.",
            "Children who protested",
            "Pyon Sung-ok",
        ),
        (
            "NEW YORK — North Korea's deputy ambassador, Kim In-ryong, dismissed the claims, "
            'saying the issue "has already been resolved."',
            "has already been resolved",
            "Kim In-ryong",
        ),
        (
            "A spokesman for the Ministry of Foreign Affairs issued a statement. "
            '"There are no camps," the spokesman said.',
            "There are no camps",
            "Ministry of Foreign Affairs",
        ),
        # a body named by where it is accredited speaks for itself; "it" goes on with it
        (
            '"Our republic treats every citizen with care," the North\'s mission to the United '
            'Nations said in a statement. It added that the report "reeks of bias."',
            "reeks of bias",
            "North's mission to the United Nations",
        ),
        # an attribution the parser split into a sentence of its own
        (
            "Hiroshi Matsuda met former prisoners. Pyongyang says his sister died.\n\n"
            '"They sent us ashes. How can I believe anything they say?" Matsuda said.',
            "They sent us ashes",
            "Hiroshi Matsuda",
        ),
        # "the group" goes on with the body that was the source, not a body it accused
        (
            "A church group said a pastor died in the custody of the Ministry of State "
            "Security.\n\nAccording to Voice of the Martyrs Korea, the pastor was seized in "
            "March. The group said his family was later sent to a camp.",
            "his family was later sent",
            "Voice of the Martyrs Korea",
        ),
    ],
)
def test_attribution_patterns(text: str, words: str, speaker: str) -> None:
    assert speaker_of(extract_checked(text), words) == speaker


def test_act_words_count_in_the_context_of_detention() -> None:
    inside = extract_text("In the camp many prisoners died in the first winter.")
    outside = extract_text("Many people died in the flood that winter.")
    assert "V-DEATHCUST" in {a.type for a in inside.acts}
    assert "V-DEATHCUST" not in {a.type for a in outside.acts}


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "SEOUL — A former guard told a hearing on Tuesday that his unit was ordered to "
            "shoot. The guard, Yoon Tae-gyu, 29, defected in 2021.",
            "his unit was ordered",
            "Yoon Tae-gyu",
        ),
        (
            "The United Nations Commission of Inquiry reported in 2014 that such camps held "
            "many thousands of people.",
            "such camps held",
            "United Nations Commission of Inquiry",
        ),
        (
            '"We carried stones from morning until night," said a former detainee, '
            "identified as Im, 41.",
            "We carried stones",
            "Im",
        ),
        (
            "Open Doors, a Christian charity, estimates that tens of thousands of Christians "
            "are held in camps.",
            "tens of thousands",
            "Open Doors",
        ),
    ],
)
def test_reported_speech_the_small_parser_gets_wrong(text: str, words: str, speaker: str) -> None:
    assert speaker_of(extract_checked(text), words) == speaker


def test_a_clause_after_that_keeps_its_own_verb() -> None:
    text = "Seo said her government believed that at least 500 abductees were alive."
    result = extract_text(text)
    assert any(q.text.startswith("her government believed") for q in result.quotes)


def test_a_quote_before_was_quoted_as_saying_and_a_condemnation() -> None:
    text = (
        'Amnesty International published new testimony. "I was made to sit without moving," '
        "a former detainee from Hyesan was quoted as saying.\n\n"
        "PYONGYANG — A spokesperson for the Foreign Ministry of the DPRK on Wednesday condemned "
        'the statement as "a malicious slander against our system."'
    )
    result = extract_text(text)
    assert_spans(result)
    assert speaker_of(result, "I was made to sit") == "a former detainee from Hyesan"
    assert speaker_of(result, "a malicious slander") == "Foreign Ministry of the DPRK"


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = (
        "Jeon Hye-ryeon, 44, said officers kept her husband, Baek Sung-il, in a basement "
        'cell. "His face was swollen so badly I knew him only by his voice," she said.'
    )
    result = extract_text(text)
    assert_spans(result)
    assert speaker_of(result, "His face was swollen") == "Jeon Hye-ryeon"


def test_a_date_after_the_subject_is_not_part_of_thespeaker_of() -> None:
    text = (
        "North Korea's envoy in Geneva on Thursday dismissed a report that thousands are "
        'held in camps, calling its findings "a fabrication cooked up by hostile forces."'
    )
    result = extract_text(text)
    assert_spans(result)
    assert speaker_of(result, "a fabrication") == "North Korea's envoy in Geneva"
