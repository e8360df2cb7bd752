"""Round twenty's English speaker mechanisms (read from heldout29-32's errors, tabulated by
mechanism). Every text below is SYNTHETIC, written for its test: the names, bodies and events
are made up."""

from .conftest import extract_checked, innermost_speaker_of, speaker_of


def test_a_story_that_describes_someone_before_naming_them_gives_the_name() -> None:
    # a wire story's lede describes the speaker; a later sentence names them in apposition to
    # a definite description that opens it
    text = (
        "BUSAN — A woman who spent six years in a state cannery says the workers were locked "
        "in at night.\n\n"
        '"We slept on the floor between the vats," the woman said.\n\n'
        "The woman, Yeo Sun-ja, 61, left the country in 2015."
    )
    result = extract_checked(text)
    assert speaker_of(result, "workers were locked in") == "Yeo Sun-ja"
    assert speaker_of(result, "We slept on the floor") == "Yeo Sun-ja"


def test_a_reveal_may_use_another_description_or_a_naming_clause() -> None:
    # "A man ..." named later as "The former driver, who gave his name as …"
    text = (
        "A man who drove supply trucks to the quarry for a decade said the prisoners were "
        "given no boots in winter.\n\n"
        "The former driver, who gave his name as Tae Yong-bok, fled in 2017."
    )
    result = extract_checked(text)
    assert speaker_of(result, "given no boots") == "Tae Yong-bok"


def test_a_new_description_is_not_the_person_named_before_it() -> None:
    # "a woman who shared a cell with Yang" is someone else, not Yang
    text = (
        "Yang Mi-ok has not been heard from since 2019. According to a woman who shared a cell "
        "with Yang in Hyesan, the guards beat her for refusing to name the broker.\n\n"
        "A Western diplomat who attended the hearing said the testimony was detailed."
    )
    result = extract_checked(text)
    assert speaker_of(result, "guards beat her") != "Yang Mi-ok"
    assert speaker_of(result, "testimony was detailed") != "Yang Mi-ok"


def test_a_reveal_after_someone_else_is_named_is_not_taken() -> None:
    # a different person named in between: the description may be theirs
    text = (
        "A man who worked at the mine said the shafts flooded every spring.\n\n"
        "Kwon Hae-il, an engineer, disputed that. The man, Sok Chun-ho, now lives in Incheon."
    )
    result = extract_checked(text)
    assert speaker_of(result, "shafts flooded") != "Sok Chun-ho"


def test_an_appositive_that_names_the_speaker_in_a_relative_clause() -> None:
    # "a stout man we called Uncle Bae", "a former cook identified as Ms. Ryom"
    text = (
        "The head of the kitchen, a stout man we called Uncle Bae, told me on the first day, "
        '"Nobody eats before the guards."\n\n'
        "Another witness, a former cook identified as Ms. Ryom, said the rations were cut in "
        "half that winter."
    )
    result = extract_checked(text)
    assert speaker_of(result, "Nobody eats") == "Uncle Bae"
    assert speaker_of(result, "rations were cut") == "Ryom"


def test_a_description_then_the_name_in_apposition() -> None:
    # the recogniser may miss an uncommon name: the appositive set off by commas still names
    text = (
        "An investigator for the panel spoke first.\n\n"
        "The investigator, Amara Quist, a Dutch lawyer, said the files listed 900 names."
    )
    assert speaker_of(extract_checked(text), "files listed 900 names") == "Amara Quist"


def test_a_document_released_by_a_body_is_the_bodys() -> None:
    # the head of "a report released on Monday by X" is "report", not "released"
    text = (
        "SEOUL — A report released on Monday by the Bright Path Rights Network says that "
        "children were held at the camp for their parents' crimes. Jin Sook-hee, who was held "
        "there, said she was nine."
    )
    result = extract_checked(text)
    assert speaker_of(result, "children were held") == "Bright Path Rights Network"


def test_a_written_report_is_still_a_report() -> None:
    # a participle before its noun ("the written report") does not cut the phrase
    text = (
        "According to the council's written report, released the same day, at least three "
        "former guards have described the executions."
    )
    result = extract_checked(text)
    assert innermost_speaker_of(result, "three former guards") is not None


def test_a_pronoun_goes_on_with_a_described_subject_named_in_its_appositive() -> None:
    # "he" after "Another witness cited in the study, a former cook identified as Mr. Hyon, …"
    # is Hyon, not the person the story was about before
    text = (
        "Bang Sun-il said the barracks had no heating. His brother, according to the study, "
        "lost three toes to frostbite.\n\n"
        "Another witness cited in the study, a former cook identified as Mr. Hyon, described "
        'the kitchens. "We boiled the same bones for a week," he was quoted as saying.'
    )
    assert speaker_of(extract_checked(text), "same bones") == "Hyon"


def test_a_witness_is_one_person() -> None:
    # "witness" ends in "s" but is singular: "she" can go on with "The second witness"
    text = (
        "Her cellmate, a woman she named as Do Gyong-ae, died that spring.\n\n"
        "The second witness, a former nurse identified as Ms. Cha, said the sick were moved "
        'to a separate hut. "Nobody came back from there," she said.'
    )
    assert speaker_of(extract_checked(text), "Nobody came back") == "Cha"


def test_a_surname_is_not_a_name_only_someones_words_gave() -> None:
    # "Lim said" goes on with Lim Ha-na, the narration's person, not with the father whose name
    # only appeared inside the quoted order
    text = (
        "Lim Ha-na, now 60, spoke at the meeting. \"An officer read it out: 'The family of "
        "the traitor Lim Dong-su must leave by Friday,'\" she said.\n\n"
        "Lim said that her mother burned the letters that night."
    )
    assert speaker_of(extract_checked(text), "burned the letters") == "Lim Ha-na"


def test_an_unattributed_testimony_paragraph_is_the_witness_the_story_is_about() -> None:
    # a paragraph of first-person words with no attribution, after a sentence about the
    # witness: hers
    text = (
        "Ri Sol-mi, a former seamstress, was held for two years. She described the first "
        "night at the camp.\n\n"
        '"They put forty of us in one room. I slept standing against the wall."'
    )
    assert speaker_of(extract_checked(text), "forty of us") == "Ri Sol-mi"


def test_an_unattributed_quote_after_a_sentence_goes_on_with_the_last_speaker() -> None:
    # the last speaker of any quote (here a reported one) in the paragraph or the one before
    text = (
        "Meals were a bowl of maize gruel, Ri Sol-mi said.\n\n"
        'Her friend, a woman named Bae Ok-ja, fell ill in May. "Ok-ja could not stand up '
        'any more. I carried her to the roll call."'
    )
    assert speaker_of(extract_checked(text), "could not stand up") == "Ri Sol-mi"


def test_words_after_a_colon_are_not_carried_from_another_speaker() -> None:
    # the quote follows its own (unparsed) attribution: no carried speaker
    text = (
        "Meals were a bowl of maize gruel, Ri Sol-mi said.\n\n"
        'A second inmate, known only as "Ms. P," recalled: "We counted the empty bunks '
        'every morning."'
    )
    assert speaker_of(extract_checked(text), "empty bunks") != "Ri Sol-mi"


def test_the_spokesman_is_the_one_introduced_for_an_unnamed_body() -> None:
    # "A spokesman for the ministry" where the recogniser names no body
    text = (
        "A spokesman for the ministry said the report was invented.\n\n"
        '"These witnesses are criminals who fled," the spokesman said.'
    )
    assert speaker_of(extract_checked(text), "witnesses are criminals") == (
        "A spokesman for the ministry"
    )


def test_words_shouted_inside_a_testimony_are_the_shouters() -> None:
    # "shouted" frames a nested quote like "said" does
    text = (
        "\"Captain Ro stood by the post and shouted, 'Nobody looks away!' So we all "
        'watched," Seol Ji-hun said.'
    )
    speaker = innermost_speaker_of(extract_checked(text), "Nobody looks away")
    assert speaker in ("Captain Ro", "Ro")


def test_hearing_someone_scream_reports_nothing() -> None:
    text = "The guards came at night; I heard the women screaming in the next room."
    assert not extract_checked(text).quotes


def test_a_pronoun_after_and_goes_on_with_its_own_sentences_subject() -> None:
    # "The warden read out the names, and then he said, …": the warden, not the narrator
    text = (
        "Yoo Min-chol spent ten years in the camp.\n\n**Q:** Did you see executions?\n\n"
        "**A (Yoo):** Twice. They made everyone watch. The warden read out the names, and "
        'then he said, "Anyone who runs will be shot."'
    )
    speaker = speaker_of(extract_checked(text), "Anyone who runs")
    assert speaker is not None and "warden" in speaker.lower()


def test_a_note_circulated_by_a_body_is_the_bodys() -> None:
    # every document word ("note", "diary") is a head whose author the text names
    text = (
        "A briefing note circulated by the Geneva-based Northern Camps Monitor said that as "
        "many as 20,000 people were held at the site."
    )
    assert speaker_of(extract_checked(text), "20,000 people") == "Northern Camps Monitor"


def test_he_in_a_witness_quote_is_not_the_subject_of_an_earlier_quote() -> None:
    # "He told me, '…'" opens the witness's second quote: the interrogator the narration just
    # named, not the guard the first quote spoke of
    text = (
        '"The cells have no window," Noh said. "You kneel from five in the morning. If you '
        "move, the guard comes in. The first time he said, 'Is this your mother's house?' and "
        'kicked my back."\n\n'
        'He said the interrogator, a man in his forties whom the prisoners called "Owl", wanted '
        "the names of people who had used the phones. \"He told me, 'Your brother already "
        "talked, so you may as well.' I did not know then that he was lying.\""
    )
    speaker = innermost_speaker_of(extract_checked(text), "Your brother already talked")
    assert speaker != "the guard"
