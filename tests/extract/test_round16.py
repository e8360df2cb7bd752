"""Round sixteen's speaker constructions (read from heldout19/20's errors). Every text below is
SYNTHETIC, written for its test: the names, bodies and events are made up. Each case gives the
text, words of one quote, and who should be suggested as its speaker (case ignored)."""

import pytest

from .conftest import extract_checked, speaker_of

CASES: dict[str, tuple[str, str, str]] = {
    # "it" goes on with the document that is the subject of the sentence before it, not with
    # the body named last
    "it-goes-on-with-document": (
        "The report by Harbour Rights Forum urges the UN Human Rights Council to send monitors. "
        '"Not one detainee we met had seen a lawyer," it said.',
        "Not one detainee we met",
        "Harbour Rights Forum",
    ),
    # a relative "who" that the parser gave the speech verb: its antecedent speaks
    "relative-who-antecedent": (
        'There was an officer who liked to say, "Hunger teaches you obedience." We hated him.',
        "Hunger teaches you obedience",
        "an officer",
    ),
    # "answered" without an object is speech; "The guard" after "a guard" stays as written
    "answered-bare-guard": (
        "One morning a young prisoner asked a guard for water. The guard answered, "
        '"Water is for people who finish their quota."',
        "Water is for people",
        "The guard",
    ),
    # a story that opens after a dated dateline with a description names the person next
    "dated-dateline-lede": (
        "BERLIN, Mar. 4 — A woman from a mining town told a panel on Monday that she "
        "was beaten for missing a quota. Choi Min-kyung, now 38, spoke through an interpreter.",
        "she was beaten for missing a quota",
        "Choi Min-kyung",
    ),
    # the object of "recalled"/"heard" that a speech participle describes speaks
    "recalled-someone-saying": (
        "Ms. Ro said she worked in the laundry. She recalled a senior warden telling the women: "
        '"Faster, or nobody eats tonight."',
        "Faster, or nobody eats",
        "a senior warden",
    ),
    # "Asked by X, whether …, Y replied that": of two subjects the parser gave, the nearer
    "two-subjects-nearest": (
        "Asked by the chair, Judge Petra Lind, whether the families were told, Cho "
        "replied that no letter was ever sent to them.",
        "no letter was ever sent",
        "Cho",
    ),
    # "she" walks back past "they" (a group) to the woman the sentences were about
    "she-past-they": (
        "A: I was held with Pyo Mi-ran. One girl in the next bunk had a fever. They carried her "
        "out at night, and when she returned she could not walk. She told me, "
        '"The doctor only looked at my papers."',
        "The doctor only looked",
        "One girl in the next bunk",
    ),
    # "the former X", never introduced, is the person named just before
    "the-former-x": (
        "When Yeo Dal-sik finally sat down with us, he asked for tea first.\n\n"
        '"Nobody here knows what I did," the former soldier said quietly.',
        "Nobody here knows",
        "Yeo Dal-sik",
    ),
    # "his office wrote": the person "his" refers to
    "his-office": (
        "The special envoy, Arvid Neumann, has raised the cases twice. In a letter sent in May, "
        'his office wrote that the state "keeps sending people back to harm."',
        "keeps sending people back",
        "Arvid Neumann",
    ),
    # Korean: "…"고 그는 덧붙였다 (the subject between the particle and the verb)
    "ko-subject-after-particle": (
        '윤서희 씨는 2010년에 석방됐다고 말했다. "그곳에서는 아무도 이름을 부르지 않았다"고 그는 '
        "덧붙였다.",
        "그곳에서는 아무도",
        "윤서희",
    ),
    # Korean: a name with a pseudonym note before 씨 (one Kiwi does not take for a name), and
    # "…다고 그는 설명했다" from the sentence's start
    "ko-pseudonym-note": (
        "함경북도 출신 강바람(가명·35) 씨는 2015년 북송됐다. 창고에서는 밤새 불을 켜 두었다고 그는 "
        "설명했다.",
        "창고에서는 밤새",
        "강바람",
    ),
    # Korean: the source named before 에 따르면 is not the speaker of a quote whose subject follows
    "ko-source-not-subject": (
        '서미란 씨는 2012년 탈북했다. 서 씨에 따르면 담당 계호원은 "한 발짝이라도 움직이면 쏜다"고 '
        "소리쳤다.",
        "움직이면 쏜다",
        "담당 계호원",
    ),
    # Korean: a quote that is a sentence of its own goes with the speech sentence before it
    "ko-quote-sentence-before": (
        '전직 교사 남궁현 씨는 학교가 문을 닫았다고 말했다. "아이들은 모두 밭으로 갔습니다. '
        '책은 불에 탔어요."',
        "아이들은 모두 밭으로",
        "남궁현",
    ),
    # … or, with none before it in its paragraph, with the one after it
    "ko-quote-sentence-after": (
        '석방된 뒤 배정민 씨는 고향으로 돌아갔다. "밤마다 꿈에 철조망이 보였어요. 지금도 그래요." '
        "그는 상담을 받고 있다고 말했다.",
        "밤마다 꿈에 철조망이",
        "배정민",
    ),
    # Korean: after a clause ends, the subject marked by 이/가 before the quote speaks
    "ko-clause-subject": (
        "김영수 씨는 수용소에서 5년을 보냈다. 그는 두 사람이 끌려갔다며, 당시 보안원이 "
        '"모두 똑똑히 보라"고 외쳤다고 기억했다.',
        "모두 똑똑히 보라",
        "보안원",
    ),
    # Korean: the whole word of an unnamed subject ("계호원", which Kiwi cuts into pieces)
    "ko-whole-word-subject": (
        '답: 한 계호원이 "여기서는 말을 하면 안 된다"고 말하던 것이 기억납니다.',
        "여기서는 말을 하면",
        "계호원",
    ),
    # Korean: "결론지었다" reports what a document concluded
    "ko-concluded": (
        "인권단체 새길연대는 보고서에서 수감자 다수가 영양실조를 겪었다고 결론지었다.",
        "수감자 다수가 영양실조를",
        "새길연대",
    ),
    # Korean: "…다고 밝힌 바 있다" is reported speech
    "ko-stated-before": (
        "국제조사단은 지난해 낸 보고서에서 수용소 두 곳이 확장됐다고 밝힌 바 있다.",
        "수용소 두 곳이 확장됐다",
        "국제조사단",
    ),
    # Korean: a person named before a title ("박정민 교수는") is the subject, though Kiwi may
    # cut the name and take the university before it for a name
    "ko-name-before-title": (
        '고려대 통일학과 권태민 교수는 "보고서의 수치는 최소한"이라고 분석했다.',
        "보고서의 수치는 최소한",
        "권태민",
    ),
    # Korean: "보고서에 따르면" after a sentence whose subject wrote the report
    "ko-report-author": (
        '특별조사관은 보고서에서 "증언이 일관된다"고 밝혔다. 보고서에 따르면 수감자들은 하루 '
        "열네 시간 일했다.",
        "수감자들은 하루",
        "특별조사관",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_round16_speaker(case: str) -> None:
    text, words, speaker = CASES[case]
    suggested = speaker_of(extract_checked(text), words)
    assert suggested is not None and suggested.casefold() == speaker.casefold()
