"""Speaker rules of round thirteen, each on a short SYNTHETIC text written for the test (people,
bodies and events are invented)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from docket.extract import extract_text
from docket.extract.pipeline import english
from docket.extract.quotes import _Finder

from .conftest import extract_checked, speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an unnamed person who spoke goes on speaking: a pronoun of a gender nobody named has
        # and a short quote right after
        (
            "Two soldiers came to the farm at dawn and told my aunt, Pyo Sun-ae, to leave. "
            '"Bring nothing," the taller one said. "The house is closed now." My aunt cried. '
            'He turned away and said, "Crying will not help you."',
            "Crying will not help",
            "the taller one",
        ),
        (
            "Two soldiers came to the farm at dawn and told my aunt, Pyo Sun-ae, to leave. "
            '"Bring nothing," the taller one said. "The house is closed now." She asked where '
            "the children would sleep.",
            "The house is closed",
            "the taller one",
        ),
        # a narrator's relative named in the paragraph is who "she" means ...
        (
            "My sister Chae Un-ok left for the city in the spring.\n\n"
            "That winter my grandmother shared her rice with the neighbours. "
            '"Take it, I have enough," she told them.',
            "Take it, I have enough",
            "my grandmother",
        ),
        # ... and a relative the text named is that person
        (
            "The guards took my mother, Ri Hwa-suk, and me to the river. "
            'My mother held my arm. "Do not look," she said.',
            "Do not look",
            "Ri Hwa-suk",
        ),
        # a heading's section number is not part of the speaker
        (
            "2.4 Witnesses said that the well in the yard was poisoned every summer.",
            "the well in the yard",
            "Witnesses",
        ),
        # a relative clause ends the speaker's noun phrase
        (
            "Four fishermen were detained at the port in June, according to a trader from "
            "Sinpo who spoke to the station by telephone.",
            "Four fishermen were detained",
            "a trader from Sinpo",
        ),
        # a dateline with a date in brackets is not the speaker; its appositive is
        (
            "OSLO (4 March 2026) - Families of sailors seized at sea told a hearing on Monday "
            "that they had heard nothing for a year.",
            "they had heard nothing",
            "Families of sailors seized at sea",
        ),
        # two states that speak together
        (
            "Cuba and Belarus said they rejected the draft as interference.",
            "they rejected the draft",
            "Cuba and Belarus",
        ),
        # a document introduced without a body behind it speaks as itself
        (
            "The Geneva Forum for Asia held a meeting on Monday. Mr Oh read from a letter "
            "written by his cousin in 2011. The letter said that the miners were fed once a "
            "day.",
            "the miners were fed",
            "The letter",
        ),
        # "It" after a statement's words goes on with the statement's author
        (
            "Seoul, June 2 (Yonhap) — The Northern Justice Council issued a statement on "
            'Monday. The Foreign Office in London disagreed with it. The statement said: "The '
            'camps do not exist."\n\n'
            'It continued: "The defectors are criminals."',
            "The defectors are criminals",
            "Northern Justice Council",
        ),
        # "used to say": the parser hangs "used" on its subject
        (
            'GUEST: I still dream of the camp. The cooks used to say, "Eat slowly, there is '
            'no more until tomorrow."',
            "Eat slowly",
            "The cooks",
        ),
        # a text that expresses concern speaks as itself
        (
            "A committee of the assembly adopted a draft on Friday. The text expresses concern "
            'over "the denial of food to people held in labour camps" across the country.',
            "the denial of food",
            "The text",
        ),
        # a body that issued a statement denouncing something: the words are the body's
        (
            "A spokesman for the Northern Justice Council on Monday issued a statement "
            'denouncing the hearing as "a farce staged by liars and thieves."',
            "a farce staged",
            "Northern Justice Council",
        ),
    ],
)
def test_english_speaker_rules(text: str, words: str, speaker: str) -> None:
    assert speaker_of(extract_checked(text, "en"), words) == speaker


def test_reading_a_paper_does_not_make_the_reader_its_author() -> None:
    text = (
        "The Northern Justice Council interviewed her in May. One day they read a paper saying "
        "two years of labour, and the next morning they put us on a train."
    )
    result = extract_text(text, lang="en")
    assert all(q.speaker != "Northern Justice Council" for q in result.quotes if "labour" in q.text)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a discourse word before the subject is not part of it
        (
            '반면 현지 소식통은 "그들은 난민이 아니다"라고 말했다.',
            "그들은 난민이 아니다",
            "현지 소식통",
        ),
        # a proper noun written with a place word ("지린성") or a river is no person for
        # "그" to mean
        (
            "탈북 여성 한미순(41) 씨는 2019년 중국 지린성 투먼에서 체포됐다. 이후 두만강을 건너 "
            '끌려갔다. 그는 "매일 밤 조사를 받았다"고 말했다.',
            "매일 밤 조사를",
            "한미순",
        ),
        # quote marks around a body's name are not part of it
        (
            "서울에 본부를 둔 '새벽인권연대'는 \"수감자 세 명이 숨졌다\"고 전했다.",
            "수감자 세 명이",
            "새벽인권연대",
        ),
    ],
)
def test_korean_speaker_rules(text: str, words: str, speaker: str) -> None:
    assert speaker_of(extract_checked(text, "ko"), words) == speaker


def test_a_relative_pronoun_coordinated_verb_speaks_for_its_antecedent() -> None:
    # the parse is given ("Ro, who runs a shelter and says ..."), so the test does not depend on
    # what the model would make of the sentence
    words = ["Ro", ",", "who", "runs", "a", "shelter", "and", "says", "she", "knows", "."]
    heads = [0, 0, 3, 0, 5, 3, 3, 3, 9, 7, 0]
    deps = ["ROOT", "punct", "nsubj", "relcl", "det", "dobj", "cc", "conj", "nsubj", "ccomp"]
    tags = ["NNP", ",", "WP", "VBZ", "DT", "NN", "CC", "VBZ", "PRP", "VBZ", "."]
    doc = Doc(
        english().vocab, words=words, spaces=[w not in (",", ".") for w in words[1:]] + [False]
    )
    for tok, head, dep, tag in zip(doc, heads, deps + ["punct"], tags, strict=True):
        tok.head = doc[head]
        tok.dep_ = dep
        tok.tag_ = tag
    finder = _Finder(doc.text, doc, [])
    assert finder.speaker_of_verb(doc[7])[0] == "Ro"
