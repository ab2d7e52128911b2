"""Follow-ups decided from the question's form and spelled out from the last turn's
structured answer (qa.followup, qa.referring, qa.restating); no models here."""

from __future__ import annotations

import pytest

from qa.answer import Answer, Evidence
from qa.errors import InvalidQuestion
from qa.followup import answer_text, read_question
from qa.messages import NOT_FOUND
from qa.referring import Pointer, bare, ellipsis, pointers, refers_back
from qa.restating import Said, resolve, restate
from qa.spelling import ArticleWords

TITLE = "Lebanon and Israel"
TARGETED = "What was targeted on November 23?"
BUILDING = "a building believed to house the chief of staff of Hezbollah"


def _cited(text: str, *positions: int, dates: tuple[str, ...] = ("November 23",)) -> Answer:
    """An answer as ask() returns it: its text and the sentences it cited, best first."""
    evidence = [
        Evidence(TITLE, p, f"sentence {p}", 0, 1, 0.9, dates=list(dates)) for p in positions
    ]
    return Answer(text, True, 0.9, evidence)


def _chat(*turns: tuple[str, Answer]) -> list[dict]:
    """A history as the chat keeps it: each reply carries its Answer."""
    history: list[dict] = []
    for question, answer in turns:
        history.append({"role": "user", "content": question})
        history.append({"role": "assistant", "content": answer.text, "answer": answer})
    return history


ASKED_TARGET = _chat((TARGETED, _cited(BUILDING, 13, 15, 9)))


@pytest.mark.parametrize(
    "question",
    [
        "Where was that?",
        "Who said so?",
        "What did he call for?",
        "Who condemned that?",
        "Who condemned that strike?",
        "What was his role?",
        "What happened then?",
        "What happened there?",
        "Where did this happen?",
        "What did Israel say about it?",
        "Why?",
        "Where exactly?",
        "and on November 19?",
        "What about Hezbollah?",
        "On November 19?",
        "How has it been designated?",
        "By whom?",
        "since when?",
        "no, I mean on November 19",
        "Sorry, I meant Hezbollah",
        "same question for the 19th",
        "Same for Hezbollah?",
    ],
)
def test_questions_that_point_back_are_follow_ups(question: str) -> None:
    assert refers_back(question)


@pytest.mark.parametrize(
    "question",
    [
        "Who condemned the strike?",
        "who condemned the strike",
        "And who condemned the strike?",
        "Who said that Israel struck Beirut?",
        "What was the building that was hit?",
        "Were there casualties?",
        "Was there a warning on November 23?",
        "What happened this week?",
        "What did Israel say about its strike?",
        "When Russia's envoy spoke, what did he call for?",
        "Who hailed the talks and what did they discuss?",
        "How long did it take?",
        "How long has it been?",
        "How long has it been since the strike?",
        "What did those in Beirut report?",
        "By whom was the strike condemned?",
        "No casualties?",
        "Actually, who condemned the strike?",
        "When was the port last shut down like this before?",  # "like this": the way of it
    ],
)
def test_questions_that_name_what_they_ask_about_stand_alone(question: str) -> None:
    assert not refers_back(question)
    reading = read_question(question, ASKED_TARGET)
    assert (reading.query, reading.reader_question) == (question, question)
    assert reading.note is None and reading.focus == ()


def test_a_standalone_question_after_a_long_history_is_read_as_asked() -> None:
    turns = [
        (f"What happened on November {day}?", _cited("a strike", day % 20)) for day in range(1, 30)
    ]
    history = _chat(*turns, ("Where was that?", _cited("Beirut", 12)))
    reading = read_question("Who condemned the strike?", history)
    assert reading.reader_question == reading.query == "Who condemned the strike?"
    assert reading.context is None and reading.note is None and reading.focus == ()


def test_that_is_spelled_out_from_the_previous_question_not_its_answer() -> None:
    reading = read_question("Where was that?", ASKED_TARGET)
    assert reading.reader_question == "Where was what was targeted on November 23?"
    assert reading.query == reading.reader_question
    assert BUILDING not in reading.query  # the answer's text is not pasted in
    assert reading.note == f"Reading as: Where was that (following: {TARGETED})"


def test_a_pointing_follow_up_searches_the_previous_answers_evidence_first() -> None:
    for kept in (ASKED_TARGET[1]["answer"], ASKED_TARGET[1]["answer"].to_dict()):
        history = [ASKED_TARGET[0], {**ASKED_TARGET[1], "answer": kept}]
        reading = read_question("Where was that?", history)
        assert reading.focus == (13, 15, 9)  # the answer's sentence first, as cited
        assert reading.focus_in(TITLE) == (13, 15, 9)
        assert reading.focus_in("Another article") == ()  # the picker changed meanwhile


def test_a_person_is_put_in_from_the_previous_answer() -> None:
    history = _chat(
        ("Who issued a warning?", _cited("Russia's ambassador to Lebanon", 17, dates=()))
    )
    reading = read_question("What did he call for?", history)
    assert reading.reader_question == "What did Russia's ambassador to Lebanon call for?"
    assert reading.focus == (17,)


def test_two_pronouns_of_two_sexes_stand_for_two_people() -> None:
    said = Said("Who did Henrike Salvay marry?", "the physicist Anton Rehberg")
    # "she" is not the man "his" stands for, possessive or not ("Rehberg’s").
    resolved = resolve("When did she take over his chair?", said)
    assert resolved.text.count("Rehberg") <= 1


def test_a_name_ending_a_title_is_no_one_for_she() -> None:
    history = _chat(
        (
            "What did Salvay write in Aulden?",
            _cited("a textbook, Principles of Mineral Analysis", 3, dates=()),
        ),
        ("When was it published?", _cited("1901", 3, dates=())),
    )
    # Not "Mineral Analysis" of the title: the one who wrote it, two turns back.
    assert (
        read_question("And when did she die?", history).reader_question
        == "And when did Salvay die?"
    )


def test_them_after_a_where_question_is_what_was_put_there() -> None:
    said = Said("Where did Lebanon and Israel hold their latest talks?", "Ras EnNakoura")
    resolved = resolve("Who called them a breakthrough?", said)
    assert resolved.text == "Who called the latest talks a breakthrough?"


def test_it_after_a_question_led_by_a_preposition() -> None:
    said = Said("From where did the probe launch?", "Arvane Launch Complex")
    assert resolve("When did it pass Earth?", said).text == "When did the probe pass Earth?"


def test_each_pointer_from_the_turn_that_names_it() -> None:
    history = _chat(
        ("Who did Harbourside sign?", _cited("Teodor Kalvane", 1, dates=())),
        ("Which club did Teodor Kalvane come from?", _cited("Castellan Rovers", 1, dates=())),
    )
    # "they" is the club the last turn named, "him" the player the one before named.
    reading = read_question("How much did they get for him?", history)
    assert reading.reader_question == "How much did Castellan Rovers get for Teodor Kalvane?"


def test_one_referent_stands_for_one_pointer() -> None:
    # "that" is not the man "they" stood for; "it" not the man "he" stood for, put in
    # from the turn before the last.
    said = Said("What does Anselm Krativ plan to do?", "")
    assert "that" in resolve("How long do they have to do that?", said).text
    history = _chat(
        ("Who was sentenced?", _cited("Dorian Halvek", 1, dates=())),
        ("How long did Dorian Halvek get?", _cited("nine years", 1, dates=())),
    )
    reading = read_question("Where will he serve it?", history)
    assert reading.reader_question.count("Dorian Halvek") == 1


def test_a_day_alone_varies_the_last_question() -> None:
    history = _chat(("What was targeted on November 23?", _cited(BUILDING, 13)))
    reading = read_question("November 19?", history)
    assert reading.reader_question == "What was targeted on November 19?"
    # Alone, or after a request about the whole article, it asks what happened then.
    assert read_question("November 19?", []).reader_question == "What happened on November 19?"
    for request in ("Give me a timeline", "Summarize it", "thanks"):
        history = _chat((request, _cited("...", 8)))
        for typed in ("November 19?", "and on November 19?"):
            reading = read_question(typed, history)
            assert reading.reader_question == "What happened on November 19?"


def test_he_or_she_after_who_is_the_role_is_the_name_given() -> None:
    # The article names her ("Chief executive Mei Lin Cho said ..."); "the CEO" is the
    # asker's word.
    history = _chat(("Who is the CEO?", _cited("Mei Lin Cho", 2, dates=())))
    assert read_question("What did she say?", history).reader_question == (
        "What did Mei Lin Cho say?"
    )
    # "it" is still the thing described, and a description given is no name.
    history = _chat(("Who is the CEO?", _cited("Mei Lin Cho", 2, dates=())))
    assert "Mei Lin Cho" not in read_question("Where is it?", history).reader_question
    history = _chat(("Who is the chief?", _cited("a high-ranking official", 13, dates=())))
    assert read_question("What is he responsible for?", history).reader_question == (
        "What is the chief responsible for?"
    )


def test_then_is_the_date_of_the_previous_answers_evidence() -> None:
    history = _chat(("Who confirmed the air strike?", _cited("the IDF", 12, dates=("2025-11-23",))))
    reading = read_question("What happened then?", history)
    assert reading.reader_question == "What happened on November 23, 2025?"


def test_who_said_so_spells_out_the_claim_when_the_answer_was_its_subject() -> None:
    reading = read_question("Who said so?", ASKED_TARGET)
    assert reading.reader_question == f"Who said {BUILDING} was targeted on November 23?"
    assert restate("Which agency confirmed it?", "Who hailed the talks?", "Lebanon") == (
        "Which agency confirmed Lebanon hailed the talks?"
    )
    # Not a claim about a subject, or not a question about who made it: nothing to restate.
    assert restate("Who said so?", "What did the talks focus on?", "trade") is None
    assert restate("Who did that?", "What happened on November 19?", "a strike") is None
    assert restate("Where was that?", "What was hit?", "a camp") is None
    assert restate("Who said so?", "What was hit?", None) is None


def test_who_said_so_after_what_something_is_spells_out_the_description() -> None:
    # "What was the target?" / "a building ...": the claim is "the target was a building".
    assert restate("Who said so?", "What was the target?", f"{BUILDING}.") == (
        f"Who said the target was {BUILDING}?"
    )
    assert restate("Who said that?", "What is Hezbollah?", "the Iran-backed militia") == (
        "Who said Hezbollah is the Iran-backed militia?"
    )
    # The answer's closing quotation mark and comma do not end the question.
    assert restate("Who said so?", "What was the target?", "the ‘chief of staff,’") == (
        "Who said the target was the ‘chief of staff?"
    )
    # Not a what/who question, or no answer: nothing to restate.
    assert restate("Who said so?", "Where was the strike?", "Beirut") is None
    assert restate("Who said so?", "What was the target?", "") is None


def test_where_when_or_who_after_what_happened_asks_about_the_event() -> None:
    happened = _chat(("What happened on November 19?", _cited("Tensions escalated", 8)))
    for question in ("Where was that?", "Where did that happen?", "where is it", "Where?"):
        reading = read_question(question, happened)
        assert reading.reader_question == "Where did it happen on November 19?"
        assert reading.focus == (8,)
    in_beirut = _chat(("What happened in Beirut?", _cited("another air strike", 12)))
    assert read_question("When was that?", in_beirut).reader_question == (
        "When did it happen in Beirut?"
    )
    # Not about the event's place or time, or not after "What happened ...?": as before.
    assert read_question("Why?", happened).reader_question != "Why did it happen on November 19?"
    assert read_question("Where was that?", ASKED_TARGET).reader_question == (
        "Where was what was targeted on November 23?"
    )
    for question in ("Who did that?", "who was behind it", "Who was responsible for this?"):
        assert read_question(question, happened).reader_question == (
            "Who carried it out on November 19?"
        )
    assert read_question("Who said that?", happened).reader_question != (
        "Who carried it out on November 19?"
    )


def test_fragments_ask_the_previous_question_again() -> None:
    other_day = read_question("and on November 19?", ASKED_TARGET)
    assert other_day.reader_question == "What was targeted on November 19?"
    assert other_day.focus == ()  # asks about another day: the last evidence is no guide
    assert read_question("Why?", ASKED_TARGET).reader_question == (
        "Why was it targeted on November 23?"
    )
    struck = _chat(("When did Israel strike Beirut?", _cited("November 23", 12)))
    assert read_question("What about Hezbollah?", struck).reader_question == (
        "When did Hezbollah strike Beirut?"
    )
    assert read_question("Why?", struck).reader_question == "Why did Israel strike Beirut?"


def test_a_correction_asks_the_previous_question_about_what_it_names() -> None:
    # "no, I mean ..." was read as a question of its own and found nothing; a fragment
    # asked after it then varied the correction instead of the question.
    corrected = read_question("no, I mean on November 19", ASKED_TARGET)
    assert corrected.reader_question == "What was targeted on November 19?"
    assert read_question("I meant the 19th", ASKED_TARGET).reader_question == (
        "What was targeted on November 19?"
    )
    again = [*ASKED_TARGET, *_chat(("no, I mean on November 19", _cited("Hamas", 9)))]
    assert read_question("and on November 23?", again).reader_question == TARGETED


def test_a_follow_up_after_tell_me_more_or_source_leans_on_the_question_before() -> None:
    # "Tell me more" was taken for the last question: "Why?" read "Tell me more? Why?".
    more = [*ASKED_TARGET, *_chat(("Tell me more", _cited("Netanyahu's office ...", 14)))]
    why = read_question("Why?", more)
    assert why.reader_question == "Why was it targeted on November 23?"
    assert why.focus == (14,)  # searched first: the sentence shown last
    source = [*ASKED_TARGET, *_chat(("source?", _cited("According to ...", 13)))]
    assert read_question("Why?", source).reader_question == "Why was it targeted on November 23?"


def test_same_question_for_another_thing_asks_the_last_question_about_it() -> None:
    # Was read as the keyword query "What is the Same question for the 19th?".
    assert read_question("same question for the 19th", ASKED_TARGET).reader_question == (
        "What was targeted on November 19?"
    )


def test_a_preposition_and_question_word_after_a_who_question_asks_about_the_answer() -> None:
    # Joined to the question ("Who issued a warning? About what?"), the reader gave the
    # warner again.
    warned = _chat(("Who issued a warning?", _cited("Russia's ambassador to Lebanon", 17)))
    assert read_question("About what?", warned).reader_question == (
        "What did Russia's ambassador to Lebanon issue a warning about?"
    )
    hailed = _chat(("Who hailed the talks?", _cited("The foreign ministry", 0)))
    assert read_question("with whom?", hailed).reader_question == (
        "Who did the foreign ministry hail the talks with?"
    )


def test_a_question_word_after_a_yes_no_question_asks_it_with_that_word() -> None:
    # Each was read joined to the question before ("Did Israel strike Beirut? When?").
    struck = _chat(("Did Israel strike Beirut?", _cited("Yes", 12)))
    assert read_question("when?", struck).reader_question == "When did Israel strike Beirut?"
    warned = _chat(("Were civilians warned?", _cited("prior warnings were issued", 9)))
    assert read_question("by who", warned).reader_question == "By whom were civilians warned?"
    # A subject with a preposition in it, before the participle: the talks with Israel.
    held_with = _chat(("Where were the talks with Israel held?", _cited("Ras EnNakoura", 0)))
    assert read_question("When did they take place?", held_with).reader_question == (
        "When did the talks with Israel take place?"
    )
    # An adverb before the verb is not the subject's: the talks, not "the talks mostly".
    about = _chat(("What were the talks mostly about?", _cited("economic collaboration", 1)))
    assert read_question("Where did they meet?", about).reader_question == (
        "Where did the talks meet?"
    )
    designated = _chat(("How has Hamas been designated?", _cited("a terrorist group", 11)))
    assert read_question("by who?", designated).reader_question == (
        "By whom has Hamas been designated?"
    )


def test_a_question_word_after_what_is_x_asks_about_x_and_why_about_the_answer() -> None:
    # "What was the meeting?" is answered by what the meeting was: put back, it made
    # "Between whom was the meeting The meeting marked a rare moment ...?".
    meeting = _chat(("What was the meeting?", _cited("a rare moment of engagement", 3)))
    assert read_question("between whom?", meeting).reader_question == (
        "Between whom was the meeting?"
    )
    # "Why?" asks why it was that: the answer stays.
    assert read_question("Why?", meeting).reader_question == (
        "Why was the meeting a rare moment of engagement?"
    )


def test_its_noun_asks_about_what_the_question_named_after_of() -> None:
    # Was "What is the atomic number of tin? What about its symbol?", answered "50" again.
    number = _chat(("What is the atomic number of tin?", _cited("50", 0)))
    assert read_question("what about its symbol?", number).reader_question == (
        "What is the symbol of tin?"
    )
    assert read_question("and its melting point?", number).reader_question == (
        "What is the melting point of tin?"
    )
    # Where the answer is a name, "its" may stand for it: not read so.
    capital = _chat(("What is the capital of Lebanon?", _cited("Beirut", 12)))
    assert read_question("and its population?", capital).reader_question != (
        "What is the population of Lebanon?"
    )


def test_a_fragment_led_by_including_or_without_adds_to_the_question() -> None:
    # "including" was no preposition: the fragment was read as the keyword query "What is
    # the including the goaltender?".
    players = _chat(("How many players are on the ice per team?", _cited("six", 3)))
    assert read_question("including the goaltender?", players).reader_question == (
        "How many players are on the ice per team including the goaltender?"
    )
    assert read_question("without the goaltender?", players).reader_question == (
        "How many players are on the ice per team without the goaltender?"
    )


def test_the_answer_put_back_goes_before_the_questions_date() -> None:
    # Was "Why did they target on November 19 Hamas training camp?".
    targeted = _chat(("What did they target on November 19?", _cited("Hamas training camp", 8)))
    assert read_question("why", targeted).reader_question == (
        "Why did they target Hamas training camp on November 19?"
    )
    # "When?" asks for the day the question named: not named again.
    assert read_question("when?", ASKED_TARGET).reader_question == "When was it targeted?"


def test_a_closer_name_for_the_questions_noun_takes_its_place() -> None:
    # Was "Who condemned the strike? What about the Beirut strike?" (no plain question),
    # and "Where was the refugee camp Hamas training camp?".
    condemned = _chat(("Who condemned the strike?", _cited("Lebanese authorities", 15)))
    assert read_question("What about the Beirut strike?", condemned).reader_question == (
        "Who condemned the Beirut strike?"
    )
    assert read_question("no, I mean the November 19 strike", condemned).reader_question == (
        "Who condemned the November 19 strike?"
    )
    camp = _chat(("Where was the Hamas training camp?", _cited("Ain al-Hilweh", 8)))
    assert read_question("and the refugee camp?", camp).reader_question == (
        "Where was the refugee camp?"
    )


def test_a_name_or_noun_phrase_fragment_takes_the_subjects_place() -> None:
    article = ArticleWords(
        ["Lebanese officials emphasized trade.", "The Russian envoy called for calm."]
    )
    emphasized = _chat(("What did Lebanese officials emphasize?", _cited("trade", 0)))

    def read(fragment: str, history: list[dict]) -> str:
        return read_question(fragment, history, article.has_phrase).reader_question

    # The subject is the words the article writes together, not the capitalised ones.
    assert read("and the Israeli delegates?", emphasized) == (
        "What did the Israeli delegates emphasize?"
    )
    assert read("What about Israel?", emphasized) == "What did Israel emphasize?"
    envoy = _chat(("What did the Russian envoy call for?", _cited("calm", 1)))
    assert read("What about Hezbollah?", envoy) == "What did Hezbollah call for?"
    # Where no words after the auxiliary are the article's, the first name is swapped.
    struck = _chat(("When did Israel strike Beirut?", _cited("November 23", 12)))
    assert read("What about Hezbollah?", struck) == "When did Hezbollah strike Beirut?"
    # A fragment that names nothing ("and more?") has no place to take.
    assert read("and more?", emphasized).startswith("What did Lebanese officials emphasize?")
    # A thing for the thing at the question's end, not for the person asked about.
    kehler = ArticleWords(["Dr. Martin Kehler said the price was high."])
    price = _chat(("What did Martin Kehler think of the price?", _cited("high", 0)))
    assert read_question("And the benefit?", price, kehler.has_phrase).reader_question == (
        "What did Martin Kehler think of the benefit?"
    )
    assert read_question("What about Priya Raman?", price, kehler.has_phrase).reader_question == (
        "What did Priya Raman think of the price?"
    )
    minister = _chat(("What did the minister say about the strike?", _cited("calm", 1)))
    # A subject that is a thing too keeps the old reading: the subject is swapped.
    assert read("and the envoy?", minister) != "What did the minister say about the envoy?"


def test_the_subject_keeps_the_phrase_a_preposition_attaches_to_it() -> None:
    article = ArticleWords(
        [
            "The strike came amid a broader campaign.",
            "The military launched a strike on a Hamas training camp in southern Lebanon.",
        ]
    )
    struck = _chat(
        ("When did the strike on the Hamas training camp happen?", _cited("November 19", 1))
    )

    def read(fragment: str) -> str:
        return read_question(fragment, struck, article.has_phrase).reader_question

    # Was "Where was the strike?": "Beirut", of another strike.
    assert read("Where was that?") == "Where was the strike on the Hamas training camp?"
    assert read("Who carried it out?") == "Who carried the strike on the Hamas training camp out?"
    # "take" of "take place" is not the article's word: the phrase ends before it.
    placed = _chat(("When did the strike on the camp take place?", _cited("November 19", 1)))
    assert read_question("Where was that?", placed, article.has_phrase).reader_question == (
        "Where was the strike on the camp?"
    )


def test_has_phrase_is_words_in_a_row() -> None:
    article = ArticleWords(["The Russian envoy called for de-escalation, urgently."])
    assert article.has_phrase("the russian Envoy")
    assert article.has_phrase("de-escalation urgently")  # punctuation between aside
    assert not article.has_phrase("envoy the")
    assert not article.has_phrase("Russian called")
    assert not article.has_phrase("")


def test_why_after_a_who_question_asks_why_the_answer_did_it() -> None:
    condemned = _chat(("Who condemned the strike?", _cited("Lebanese authorities", 15)))
    assert read_question("Why?", condemned).reader_question == (
        "Why did Lebanese authorities condemn the strike?"
    )
    urged = _chat(("Who urged Israel to act?", _cited("Lebanese representatives", 5)))
    assert read_question("When?", urged).reader_question == (
        "When did Lebanese representatives urge Israel to act?"
    )
    # An irregular past tense has its base form from qa.verbs' table.
    said = _chat(("Who said the strike was a response?", _cited("Netanyahu", 14)))
    assert read_question("Why?", said).reader_question == (
        "Why did Netanyahu say the strike was a response?"
    )
    # A what-question's short answer did it too; a clause is no subject to put in.
    burst = _chat(("What burst its banks?", _cited("the Poyo ravine", 2, dates=())))
    assert read_question("When?", burst).reader_question == (
        "When did the Poyo ravine burst its banks?"
    )
    flooded = _chat(("What burst its banks?", _cited("heavy rain " * 4, 2, dates=())))
    # Joined, the fragment's question word first: what it asks is what is answered.
    assert read_question("When?", flooded).reader_question == "When? What burst its banks?"
    # No answer: both questions, joined.
    unanswered = _chat(("Who condemned the strike?", Answer("", False, 0.1, [])))
    assert read_question("Why?", unanswered).reader_question == "Why? Who condemned the strike?"


def test_a_fragment_after_a_what_question_puts_the_answer_in_its_place() -> None:
    urged = _chat(("What did Lebanese representatives urge Israel to do?", _cited("address it", 5)))
    assert read_question("Why?", urged).reader_question == (
        "Why did Lebanese representatives urge Israel to address it?"
    )
    warned = _chat(("What did the envoy warn about?", _cited("a regional conflict", 18)))
    assert read_question("When?", warned).reader_question == (
        "When did the envoy warn about a regional conflict?"
    )
    # No answer given: nothing to put in, the question word only.
    unanswered = [{"role": "user", "content": "What did the envoy warn about?"}]
    assert read_question("Why?", unanswered).reader_question == ("Why did the envoy warn about?")


def test_plain_text_history_is_read_from_its_content() -> None:
    # ask() and POST /api/ask callers replay each answer's text as the content.
    plain = [
        {"role": "user", "content": "Who issued a warning?"},
        {"role": "assistant", "content": "Russia's ambassador to Lebanon"},
    ]
    reading = read_question("What did he call for?", plain)
    assert reading.reader_question == "What did Russia's ambassador to Lebanon call for?"
    assert reading.focus == () and reading.focus_article is None
    unanswered = [{"role": "user", "content": "Who issued a warning?"}]
    reading = read_question("What did he call for?", unanswered)
    # Nothing to put in for "he": retrieval searches with both questions, the reader
    # reads the follow-up as asked.
    assert reading.query == "Who issued a warning? What did he call for?"
    assert reading.reader_question == "What did he call for?"


def test_a_chain_of_follow_ups_is_spelled_out_turn_by_turn() -> None:
    history = _chat(
        ("What happened on November 19?", _cited("a precision strike", 8, dates=("November 19",))),
        ("Where was that?", _cited("southern Lebanon", 8, 9, dates=("November 19",))),
    )
    reading = read_question("What happened there?", history)
    assert reading.context == "What happened on November 19? Where was that?"
    assert reading.reader_question == "What happened in southern Lebanon?"
    assert reading.focus == (8, 9)


def test_follow_up_without_history_is_read_as_is() -> None:
    assert read_question("Where was that?", None).query == "Where was that?"


def test_malformed_history_is_a_clear_error() -> None:
    with pytest.raises(InvalidQuestion, match="role"):
        read_question("Where was that?", [{"text": "hi"}])
    bad = ASKED_TARGET[1]["answer"].to_dict()
    bad["evidence"][0]["position"] = "13"
    history = [ASKED_TARGET[0], {**ASKED_TARGET[1], "answer": bad}]
    with pytest.raises(InvalidQuestion, match="history message 2: each cited sentence needs"):
        read_question("Where was that?", history)
    bad["evidence"] = "sentence 13"
    with pytest.raises(InvalidQuestion, match="history message 2: the answer's evidence must"):
        read_question("Where was that?", history)


def test_the_previous_answer_is_read_from_the_turns_answer() -> None:
    # The chat keeps each turn's Answer: its text is the answer, whatever the content shows.
    answer = Answer("a *tall* building", True, 0.9)
    shown = "_↪ Reading as: x_\n\na \\*tall\\* building\n\nSources: [\\[13\\]](#s-13)"
    for kept in (answer, answer.to_dict()):
        assert answer_text({"role": "assistant", "content": shown, "answer": kept}) == (
            "a *tall* building"
        )
    missed = Answer("", False, 0.1)
    assert answer_text({"role": "assistant", "content": "x", "answer": missed}) == ""
    # A yes or no: the clause its sentence marks, which is what a follow-up is about.
    said = "Witnesses heard blasts, though no casualties were confirmed."
    marked = 100 + said.index("no casualties")
    cited = Evidence("a", 16, said, 100, 100 + len(said), 0.9, marked, marked + 28)
    told = Answer("No", True, 0.8, [cited])
    for kept in (told, told.to_dict()):
        reply = {"role": "assistant", "content": "No", "answer": kept}
        assert answer_text(reply) == "no casualties were confirmed"
    # Plain history (ask(), POST /api/ask): the content is the answer's text.
    assert answer_text({"role": "assistant", "content": " a building "}) == "a building"
    assert answer_text({"role": "assistant", "content": NOT_FOUND}) == ""


def test_he_stands_for_an_answer_only_when_it_names_someone() -> None:
    named = _chat(("Who issued a warning?", _cited("Russia’s ambassador to Lebanon", 17)))
    assert read_question("What did he call for?", named).reader_question == (
        "What did Russia’s ambassador to Lebanon call for?"
    )
    # A "who" question whose answer names no one: "he" is not "military modernization".
    unnamed = _chat(
        ("Who is the chief of staff responsible for?", _cited("military modernization", 13))
    )
    reading = read_question("Where does he live?", unnamed)
    assert "modernization" not in reading.reader_question
    assert reading.reader_question.startswith("Where does he live")


def test_other_questions_about_an_event_read_it_with_its_date() -> None:
    happened = _chat(("What happened on November 19?", _cited("Tensions escalated", 8)))
    for question, read in (
        ("who carried it out?", "Who carried it out on November 19?"),
        ("How many were hurt in it?", "How many were hurt in it on November 19?"),
        ("What did the IDF say about that?", "What did the IDF say about it on November 19?"),
        # A claim about the event: who made it, with its date ("Who confirmed what
        # happened on November 23?" was answered with the clause "the IDF confirmed ...").
        ("Who said that?", "Who said it on November 19?"),
        ("Who confirmed it?", "Who confirmed it on November 19?"),
    ):
        reading = read_question(question, happened)
        assert reading.reader_question == read
        assert reading.focus == (8,)
    # "Why": as _about_event leaves it; a date of its own.
    assert read_question("Why did it happen?", happened).reader_question != (
        "Why did it happen on November 19?"
    )
    assert read_question("Who did it on November 23?", happened).reader_question != (
        "Who did it on November 23 on November 19?"
    )
    # "What happened to the building?" names no time or place to carry over.
    to_it = _chat(("What happened to the building?", _cited("it was hit", 13)))
    assert "to the building?" not in read_question("who carried it out?", to_it).reader_question


def test_a_subject_and_an_object_pronoun_are_the_answer_and_the_questions_object() -> None:
    hailed = _chat(("Who hailed the talks?", _cited("Lebanon’s foreign ministry", 0, dates=())))
    for question in ("What did they call them?", "What did they call it?"):
        reading = read_question(question, hailed)
        assert reading.reader_question == "What did Lebanon’s foreign ministry call the talks?"
    # One pronoun alone is the answer, as before.
    assert read_question("Where are they based?", hailed).reader_question == (
        "Where are Lebanon’s foreign ministry based?"
    )
    # A question with an auxiliary names no object to put in: the answer, as before.
    behind = _chat(("Who was behind the strike?", _cited("the IDF", 12, dates=())))
    assert read_question("Why did they do it?", behind).reader_question != (
        "Why did the IDF do behind the strike?"
    )


def test_a_regular_past_tense_in_ied_has_its_base_form_in_y() -> None:
    carried = _chat(("Who carried out the strike?", _cited("the Israeli military", 8, dates=())))
    assert read_question("Why?", carried).reader_question == (
        "Why did the Israeli military carry out the strike?"
    )


def test_a_preposition_and_a_question_word_ask_the_last_question_again() -> None:
    # A subject with a preposition in it, before the participle: the talks with Israel.
    held_with = _chat(("Where were the talks with Israel held?", _cited("Ras EnNakoura", 0)))
    assert read_question("When did they take place?", held_with).reader_question == (
        "When did the talks with Israel take place?"
    )
    # An adverb before the verb is not the subject's: the talks, not "the talks mostly".
    about = _chat(("What were the talks mostly about?", _cited("economic collaboration", 1)))
    assert read_question("Where did they meet?", about).reader_question == (
        "Where did the talks meet?"
    )
    designated = _chat(("How has Hamas been designated?", _cited("a terrorist group", 11)))
    assert read_question("By whom?", designated).reader_question == (
        "By whom has Hamas been designated?"
    )
    assert read_question("by whom?", ASKED_TARGET).reader_question == (
        "By whom was it targeted on November 23?"
    )
    # After a question whose subject was the answer, "By whom?" asks nothing to read alone.
    condemned = _chat(("Who condemned the strike?", _cited("Lebanese authorities", 15)))
    reading = read_question("By whom?", condemned)
    assert reading.reader_question == "By whom? Who condemned the strike?"


def test_a_pronoun_after_what_is_x_stands_for_x() -> None:
    described = _chat(("What is Hezbollah?", _cited("the Iran-backed militia", 4, dates=())))
    assert read_question("Who backs it?", described).reader_question == "Who backs Hezbollah?"
    assert read_question("Who is its leader?", described).reader_question == (
        "Who is Hezbollah’s leader?"
    )
    target = _chat(("What was the target?", _cited(BUILDING, 13)))
    assert read_question("Who was it meant for?", target).reader_question == (
        "Who was the target meant for?"
    )
    # "responsible for" is no description: no one is named for "he".
    unnamed = _chat(("Who is the chief of staff responsible for?", _cited("modernization", 13)))
    assert read_question("Where does he live?", unnamed).reader_question.startswith(
        "Where does he live"
    )


def test_a_pronoun_the_answer_does_not_name_is_the_last_questions_subject() -> None:
    warned = _chat(("What did the Russian envoy warn about?", _cited("the situation", 17)))
    assert read_question("Who is he?", warned).reader_question == "Who is the Russian envoy?"
    held = _chat(("Where were the talks held?", _cited("a neutral location", 1, dates=())))
    assert read_question("Who reported on them?", held).reader_question == (
        "Who reported on the talks?"
    )
    # A subject with a preposition in it, before the participle: the talks with Israel.
    held_with = _chat(("Where were the talks with Israel held?", _cited("Ras EnNakoura", 0)))
    assert read_question("When did they take place?", held_with).reader_question == (
        "When did the talks with Israel take place?"
    )
    # An adverb before the verb is not the subject's: the talks, not "the talks mostly".
    about = _chat(("What were the talks mostly about?", _cited("economic collaboration", 1)))
    assert read_question("Where did they meet?", about).reader_question == (
        "Where did the talks meet?"
    )
    designated = _chat(("How has Hamas been designated?", _cited("a terrorist group", 11)))
    assert read_question("Who leads it?", designated).reader_question == "Who leads Hamas?"
    # "he" is not "the talks"; a question with no noun phrase before its verb names none.
    assert read_question("What did he say?", held).reader_question.startswith("What did he say")
    struck = _chat(("Where was the strike?", _cited("Beirut", 12, dates=())))
    reading = read_question("What did they hit?", struck)
    assert reading.reader_question == "What did they hit?"  # read as asked
    assert reading.query == "Where was the strike? What did they hit?"  # searched with both


def test_why_did_they_do_that_asks_why_the_answer_did_the_deed() -> None:
    launched = _chat(("Who launched the strike on November 19?", _cited("the Israeli military", 8)))
    assert read_question("Why did they do that?", launched).reader_question == (
        "Why did the Israeli military launch the strike on November 19?"
    )
    assert read_question("how did he do it", launched).reader_question == (
        "How did the Israeli military launch the strike on November 19?"
    )


def test_a_day_alone_is_the_last_questions_date_on_that_day() -> None:
    for fragment in ("What about the 19th?", "and on the 19th?"):
        reading = read_question(fragment, ASKED_TARGET)
        assert reading.reader_question == "What was targeted on November 19?"
        assert reading.focus == ()  # another day: the last evidence is no guide


def test_what_else_asks_again_for_another_answer_than_the_last() -> None:
    focused = _chat(("What did the talks focus on?", _cited("economic collaboration", 1)))
    for question in ("anything else?", "What else?", "Something else?"):
        assert refers_back(question)
        reading = read_question(question, focused)
        assert reading.reader_question == "What did the talks focus on?"
        assert reading.other_than == ("economic collaboration",)
        assert reading.focus == (1,)  # the other answer is likely near the last one
    discussed = read_question("What else was discussed?", focused)
    assert discussed.reader_question == "What was discussed?"
    assert discussed.other_than == ("economic collaboration",)
    # Its own pointers are put in too; a question with no "else" asks for any answer.
    also = read_question("What else did they discuss?", focused)
    assert also.reader_question == "What did the talks discuss?"
    assert also.other_than == ("economic collaboration",)
    assert read_question("Where were they held?", focused).other_than == ()
    assert not refers_back("Or else what happens?")


def test_what_else_after_a_who_question_is_not_the_deed_it_named() -> None:
    # "declared a major incident" answered "What else did she do?": the deed asked about.
    declared = _chat(("Who declared a major incident?", _cited("Mayor Helen Price", 0)))
    reading = read_question("What else did she do?", declared)
    assert reading.reader_question == "What did Mayor Helen Price do?"
    assert reading.other_than == ("Mayor Helen Price",)
    assert reading.deed == "declared a major incident"
    # A question whose question word did nothing names no deed.
    was = _chat(("Who was the mayor?", _cited("Helen Price", 0)))
    assert read_question("What else?", was).deed is None
    assert read_question("Where was it?", declared).deed is None
    # After "What did she do?" the deed is the answer given.
    did = _chat(("What did Governor Lydia Marsh do?", _cited("declared an emergency", 9)))
    assert read_question("Anything else?", did).deed == "declared an emergency"
    assert read_question("What else did she do?", did).deed == "declared an emergency"
    assert read_question("What else?", was).deed is None


def test_a_pronoun_after_a_request_about_a_topic_is_the_topic() -> None:
    told = _chat(
        ("Tell me about the Russian ambassador", _cited("Amid the escalating ...", 17, dates=()))
    )
    assert read_question("What did he say?", told).reader_question == (
        "What did the Russian ambassador say?"
    )
    talks = _chat(("Describe the talks", _cited("The discussions, held in ...", 1, dates=())))
    assert read_question("Where were they held?", talks).reader_question == (
        "Where were the talks held?"
    )
    # "he" is not "the talks": left as asked.
    assert read_question("What did he say?", talks).reader_question.startswith("What did he say")


def test_it_after_a_who_question_is_the_thing_it_asked_about() -> None:
    launched = _chat(("Who launched the strike on November 19?", _cited("Israeli military", 8)))
    assert read_question("Who was it aimed at?", launched).reader_question == (
        "Who was the strike on November 19 aimed at?"
    )
    condemned = _chat(("Who condemned the strike?", _cited("Lebanese authorities", 15)))
    assert read_question("Where was it?", condemned).reader_question == ("Where was the strike?")
    # Not a plural ("the talks" is "they") nor a name: "it" is then the answer.
    hailed = _chat(("Who hailed the talks?", _cited("Lebanon’s foreign ministry", 0, dates=())))
    assert read_question("What did it say?", hailed).reader_question == (
        "What did Lebanon’s foreign ministry say?"
    )
    struck = _chat(("Who struck Beirut?", _cited("the IDF", 12)))
    assert read_question("When did it strike?", struck).reader_question.startswith(
        "When did the IDF strike"
    )


def test_it_after_a_when_question_is_what_it_asked_about_not_the_time() -> None:
    struck = _chat(("When was the Hamas camp struck?", _cited("November 19", 8, dates=())))
    assert read_question("Who struck it?", struck).reader_question == ("Who struck the Hamas camp?")


def test_a_pronoun_for_a_dated_answer_keeps_its_date() -> None:
    carried = _chat(("Who carried out the strike on November 23?", _cited("the IDF", 12)))
    assert read_question("What was its target?", carried).reader_question == (
        "What was the IDF’s target on November 23?"
    )
    # An answer to a question that named no day is not pinned to its sentence's day.
    ran = _chat(("Which organization ran the camp?", _cited("Hamas", 8, dates=("November 19",))))
    assert read_question("How has it been designated?", ran).reader_question == (
        "How has Hamas been designated?"
    )


def test_after_a_form_of_be_the_last_word_of_the_subject_is_its_noun() -> None:
    struck = _chat(("Where was the November 23 strike?", _cited("Beirut", 12)))
    assert read_question("What was its target?", struck).reader_question == (
        "What was the November 23 strike’s target?"
    )
    # A participle is the verb: "held", "struck" and "-ed" words end the subject before them.
    held = _chat(("Where were the talks held?", _cited("Ras EnNakoura", 0, dates=())))
    assert read_question("Who hailed them?", held).reader_question == "Who hailed the talks?"
    hit = _chat(("When was the Hamas camp struck?", _cited("November 19", 8, dates=())))
    assert read_question("Who struck it?", hit).reader_question == "Who struck the Hamas camp?"


def test_a_preposition_which_and_a_noun_asks_the_last_question_for_that_kind() -> None:
    # Read as a question of its own ("Between which cities?"), it found nothing.
    suspended = _chat(("Which services were suspended?", _cited("rail services", 6)))
    assert refers_back("between which cities?")
    assert read_question("between which cities?", suspended).reader_question == (
        "Between which cities were the services suspended?"
    )
    condemned = _chat(("Who condemned the strike?", _cited("Lebanese authorities", 15)))
    assert read_question("In which city?", condemned).reader_question == (
        "In which city did Lebanese authorities condemn the strike?"
    )
    assert read_question("in what way?", ASKED_TARGET).reader_question == (
        "In what way was it targeted on November 23?"
    )
    # Words that make a clause are not a kind: a question of its own.
    assert not refers_back("In which city is Beirut?")


def test_a_question_word_after_a_preposition_led_question_puts_the_answer_back() -> None:
    # Joined ("Between which cities were the services suspended? Why?"), the reader gave
    # the cities again.
    between = _chat(
        ("Between which cities were the services suspended?", _cited("Santiago and Chillán", 6))
    )
    assert read_question("Why?", between).reader_question == (
        "Why were the services suspended between Santiago and Chillán?"
    )
    town = _chat(("In which town did most deaths occur?", _cited("San Clemente", 2)))
    assert read_question("When?", town).reader_question == (
        "When did most deaths occur in San Clemente?"
    )


def test_a_question_asking_when_is_not_pinned_to_the_last_answers_date() -> None:
    # "it" names nothing here and the sentence's day was put in: "When will it be
    # restored on March 11, 2026?" found no answer.
    power = _chat(("How many homes lost power?", _cited("300,000", 5, dates=("March 11, 2026",))))
    assert read_question("When will it be restored?", power).reader_question == (
        "When will it be restored?"
    )
    assert read_question("Who will restore it?", power).reader_question == (
        "Who will restore it on March 11, 2026?"
    )


def test_a_measure_asked_of_the_last_question_puts_the_answer_in_its_place() -> None:
    # Read as a question of its own ("For how much?"), it found nothing.
    buying = _chat(("Who is buying Baltic Jet?", _cited("Nordwind Air", 1)))
    assert refers_back("for how much?") and refers_back("How much?")
    assert read_question("for how much?", buying).reader_question == (
        "For how much is Nordwind Air buying Baltic Jet?"
    )
    assert read_question("How long?", ASKED_TARGET).reader_question == (
        "How long was it targeted on November 23?"
    )


def test_another_owner_or_another_owned_noun_asks_the_last_question_of_it() -> None:
    fell = _chat(("How much did Nordwind shares fall?", _cited("4.2 percent", 10)))
    # Put in the subject's place, it read "How much did Baltic Jet's fall?".
    assert read_question("and Baltic Jet's?", fell).reader_question == (
        "How much did Baltic Jet's shares fall?"
    )
    profit = _chat(("What was Nordwind's profit last year?", _cited("€210 million", 12)))
    # Joined ("What was Nordwind's profit last year? And revenue?"), it gave the profit.
    assert read_question("and revenue?", profit).reader_question == (
        "What was Nordwind's revenue last year?"
    )
    capital = _chat(("What is the capital of Lebanon?", _cited("Beirut", 12)))
    assert read_question("and population?", capital).reader_question == (
        "What is the population of Lebanon?"
    )


def test_a_question_word_after_who_with_a_stranded_preposition_puts_the_answer_after_it() -> None:
    # Read "When did the leader swear fealty to?", the reader gave the king again.
    fealty = _chat(("Who did Rollo swear fealty to?", _cited("King Charles III", 1)))
    assert read_question("When?", fealty).reader_question == (
        "When did Rollo swear fealty to King Charles III?"
    )
    assert read_question("Why?", fealty).reader_question == (
        "Why did Rollo swear fealty to King Charles III?"
    )


def test_it_after_what_is_x_about_is_x() -> None:
    # "it" was left unresolved and the questions were searched together.
    about = _chat(("What is the deal about?", _cited("a carrier with 180 aircraft", 2)))
    assert read_question("How much is it worth?", about).reader_question == (
        "How much is the deal worth?"
    )


def test_that_before_a_past_participle_stands_for_the_thing_asked_about() -> None:
    # "that criticized" is no noun phrase: the word stands alone, the verb follows.
    alert = _chat(("When was the alert sent?", _cited("8:12 p.m.", 8, dates=())))
    assert read_question("Why was that criticized?", alert).reader_question == (
        "Why was the alert criticized?"
    )
    # Before a noun it is still a determiner: the strike, dated by the last answer.
    assert read_question("Why was that strike condemned?", ASKED_TARGET).reader_question == (
        "Why was the strike condemned on November 23?"
    )


def test_a_question_word_alone_after_a_count_asks_about_what_was_counted() -> None:
    died = _chat(("How many people died?", _cited("14", 0, dates=())))
    assert read_question("where?", died).reader_question == "Where did people die?"
    sent = _chat(("How many soldiers will be sent?", _cited("1,000", 4, dates=())))
    assert read_question("When?", sent).reader_question == "When will soldiers be sent?"
    evacuated = _chat(("How many people were evacuated?", _cited("3,000", 0, dates=())))
    assert read_question("why?", evacuated).reader_question == "Why were people evacuated?"
    # An irregular past has its base form; a count with no verb is read joined.
    fell = _chat(("How much rain fell?", _cited("180 litres", 1, dates=())))
    assert read_question("Where?", fell).reader_question == "Where did rain fall?"
    rain = _chat(("How much rain?", _cited("180 litres", 1, dates=())))
    assert read_question("Where?", rain).reader_question == "Where? How much rain?"


def test_a_thing_named_after_a_question_with_nothing_to_swap_asks_what_befell_it() -> None:
    # "What road" is what the question asks: no name or subject for "the trains" to take
    # the place of.
    road = _chat(("What road was closed?", _cited("the A-7 motorway", 6, dates=())))
    reading = read_question("and the trains?", road)
    assert reading.reader_question == "What happened to the trains?"
    assert reading.focus == ()  # about something else: the road's sentence is no guide


def test_a_thing_named_after_who_did_something_to_another_asks_who_did_it_to_this() -> None:
    # Had been "What happened to the cameras?" ("Japan's space agency supplied one").
    tracking = _chat(("Who provides tracking?", _cited("NASA", 9, dates=())))
    cameras = read_question("And the cameras?", tracking)
    assert cameras.reader_question == "Who provides the cameras?"
    paid = _chat(("Who paid for the mission?", _cited("Germany and Italy", 5, dates=())))
    assert read_question("and the rover?", paid).reader_question == "Who paid for the rover?"
    condemned = _chat(("Who condemned the strike?", _cited("Lebanese authorities", 15)))
    assert read_question("and the talks?", condemned).reader_question == "Who condemned the talks?"


@pytest.mark.parametrize(
    "question", ["Who was inside?", "how many died", "Who attended?", "and who won?", "Who spoke?"]
)
def test_a_question_word_and_a_verb_alone_lean_on_the_last_turn(question: str) -> None:
    assert bare(question) and refers_back(question)


@pytest.mark.parametrize(
    "question",
    ["Who won the match?", "How many visitors?", "Who condemned the strike?", "What is Hamas?"],
)
def test_a_question_that_names_what_it_asks_about_is_not_bare(question: str) -> None:
    assert not bare(question)


def test_a_bare_question_is_read_as_asked_over_the_last_answers_sentences() -> None:
    # Not pinned to the last answer's day: "Who paid on March 7, 2026?" after "How much
    # did the renovation cost?" read the council's payment as undated (0.0007).
    reading = read_question("who was inside?", ASKED_TARGET)
    assert reading.reader_question == "who was inside?"
    assert reading.query == f"{TARGETED} who was inside?"
    assert reading.focus == (13, 15, 9)
    talks = _chat(("Where were the talks held?", _cited("Ras EnNakoura", 0, 1, dates=())))
    reading = read_question("Who attended?", talks)
    assert reading.reader_question == "Who attended?"
    assert reading.query == "Where were the talks held? Who attended?"
    assert reading.focus == (0, 1)


def test_a_question_word_alone_after_whom_puts_the_answer_in_the_objects_place() -> None:
    face = _chat(("Who will Harbor City face in the final?", _cited("Northport", 6, dates=())))
    assert read_question("where?", face).reader_question == (
        "Where will Harbor City face Northport in the final?"
    )
    struck = _chat(("Who did Israel strike on November 19?", _cited("Hamas", 8)))
    assert read_question("Why?", struck).reader_question == (
        "Why did Israel strike Hamas on November 19?"
    )
    # "Who is ...?" asks what someone is: no object to put in.
    captain = _chat(("Who is the captain?", _cited("Jonas Berg", 2, dates=())))
    assert read_question("Where?", captain).reader_question == "Where is the captain?"


def test_follow_ups_after_a_count_lean_on_the_things_counted() -> None:
    crews = _chat(("How many firefighters are battling the blaze?", _cited("600", 3)))
    # "they" are the firefighters: left, it was read on the date of the answer's sentence.
    assert read_question("What equipment do they have?", crews).reader_question == (
        "What equipment do the firefighters have?"
    )
    homes = _chat(("How many homes were destroyed?", _cited("15", 6)))
    # Other things counted the same way (joined, the reader gave the homes' 15 again).
    assert read_question("And barns?", homes).reader_question == "How many barns were destroyed?"
    assert read_question("and the fire trucks?", homes).reader_question == (
        "How many fire trucks were destroyed?"
    )
    # Who made the claim: the count spelled out, as for any claim.
    assert read_question("Who said so?", homes).reader_question == (
        "Who said 15 homes were destroyed?"
    )
    # "how many" counts plural things, spelled "-s" or not; "Were there ...?" asks of some.
    kids = _chat(("How many children took part?", _cited("18,000", 2)))
    assert read_question("How old were they?", kids).reader_question == (
        "How old were the children?"
    )
    effects = _chat(("Were there side effects?", _cited("rare", 4)))
    assert read_question("How common were they?", effects).reader_question == (
        "How common were the side effects?"
    )
    # Things counted as the clause's object go back in the object's place.
    killed = _chat(("How many people did malaria kill in 2025?", _cited("600,000", 5)))
    assert read_question("Where?", killed).reader_question == (
        "Where did malaria kill people in 2025?"
    )
    assert read_question("Who said so?", killed).reader_question == (
        "Who said malaria kill 600,000 people in 2025?"
    )
    made = _chat(("How many doses can the Serum Institute make?", _cited("100 million", 9)))
    assert read_question("By when?", made).reader_question == (
        "By when can the Serum Institute make doses?"
    )
    # Not things: a pronoun or a question word is no count of other things.
    assert read_question("and them?", homes).reader_question != "How many them were destroyed?"


def test_what_a_thing_is_called_describes_the_thing() -> None:
    called = _chat(("What is the fire called?", _cited("the Cascade Ridge fire", 1)))
    # Was "How big is the fire called?".
    assert read_question("How big is it?", called).reader_question == "How big is the fire?"
    named = _chat(("What is Hezbollah called?", _cited("the Party of God", 4)))
    assert read_question("Who backs it?", named).reader_question == "Who backs Hezbollah?"


def test_another_question_word_after_a_measure_asks_of_its_clause() -> None:
    fell = _chat(("How much did shares fall?", _cited("4 percent", 5)))
    # Joined ("How much did shares fall? Where?") the reader gave "4 percent in Oslo".
    assert read_question("Where?", fell).reader_question == "Where did shares fall?"
    assert read_question("Why?", fell).reader_question == "Why did shares fall?"


def test_why_after_who_asks_why_the_answer_does_it() -> None:
    buying = _chat(("Who is buying Crunchy Co?", _cited("Nordic Foods", 0)))
    # Was "Why is it buying Crunchy Co?".
    assert read_question("Why?", buying).reader_question == "Why is Nordic Foods buying Crunchy Co?"


def test_why_after_which_asks_why_the_answer_was_so() -> None:
    acquitted = _chat(
        ("Which co-defendants were acquitted?", _cited("Kasimir Brell and Lenora Vasch", 3))
    )
    # Was read joined ("Which co-defendants were acquitted? Why?"): the two names again.
    reading = read_question("Why?", acquitted)
    assert reading.reader_question == "Why were Kasimir Brell and Lenora Vasch acquitted?"


def test_that_one_is_what_it_would_be() -> None:
    said = Said("Which earlier fire is it compared with?", "the Blackwater Fire of 2016")
    # Was "How many hectares did the one burn?".
    resolved = resolve("How many hectares did that one burn?", said)
    assert resolved.text == "How many hectares did the Blackwater Fire of 2016 burn?"
    assert resolve("Who condemned that strike?", said).text == "Who condemned the strike?"


def test_a_subject_and_an_object_pronoun_are_two_people() -> None:
    said = Said("Who did Cornelis Vaelbroek train under?", "Matthijs Roelandt")
    assert resolve("What did he teach him?", said).text == "What did Matthijs Roelandt teach him?"
    said = Said("Who was Vaelbroek's patron?", "Duke Frederik")
    # "him" is the one whose patron "he" is.
    assert resolve("What post did he give him?", said).text.endswith("give Vaelbroek?")


def test_a_relative_clause_is_no_part_of_whom_he_stands_for() -> None:
    said = Said("Who was the prime minister who lost?", "")
    assert resolve("How old is he?", said).text == "How old is the prime minister?"


def test_the_second_one_is_one_of_the_things_counted() -> None:
    said = Said("How many subspecies of the sedgewren are recognised?", "Two")
    assert resolve("Who described the second one?", said).text == (
        "Who described the second subspecies?"
    )
    said = Said("How many soldiers were killed?", "three")
    assert resolve("Who was the first one?", said).text == "Who was the first soldier?"


def test_it_never_stands_for_many_things() -> None:
    makes = _chat(("What does Nordic Foods make?", _cited("frozen meals and dairy products", 8)))
    # Was "Where is frozen meals and dairy products based?".
    assert read_question("Where is it based?", makes).reader_question == (
        "Where is Nordic Foods based?"
    )
    # A name is one thing, whatever its last letter.
    ran = _chat(("Which organization ran the camp?", _cited("Hamas", 8)))
    assert read_question("How has it been designated?", ran).reader_question == (
        "How has Hamas been designated?"
    )


def test_a_pronoun_made_a_passives_subject_is_what_was_asked_about() -> None:
    hailed = _chat(("Who hailed the talks?", _cited("Lebanon’s foreign ministry", 0)))
    # Was "Where were Lebanon’s foreign ministry held?".
    assert read_question("Where were they held?", hailed).reader_question == (
        "Where were the talks held?"
    )
    # Active, "they" is who did it, as before.
    assert read_question("What did they say?", hailed).reader_question == (
        "What did Lebanon’s foreign ministry say?"
    )


@pytest.mark.parametrize(
    ("answer", "question"),
    [
        # The event a verb of carrying out or telling of it names takes "it"'s place.
        (
            "the IDF confirmed another air strike in Beirut",
            "Who carried out the air strike on May 2?",
        ),
        ("police reported the arrest of two men", "Who carried out the arrest on May 2?"),
        # Another verb's object is what the event befell; a clause names no event.
        ("A fire destroyed the old mill", "Who carried it out on May 2?"),
        ("the army confirmed the talks went ahead", "Who carried it out on May 2?"),
    ],
)
def test_who_did_it_after_what_happened_names_the_event_the_answer_names(
    answer: str, question: str
) -> None:
    said = Said("What happened on May 2?", answer, ("May 2",))
    assert resolve("Who did it?", said).text == question


def test_the_subject_of_a_question_led_by_a_preposition_is_what_she_stands_for() -> None:
    # "By how much did ...?" had no subject to read, and "she" was left: joined, the
    # reader went back to the last answer's sentence.
    article = ArticleWords(
        ["Voters re-elected Prime Minister Ana Ferreira.", "The Socialists lost."]
    )
    won = _chat(("By how much did Ana Ferreira win the election?", _cited("41 percent", 0)))
    promised = read_question("What did she promise?", won, article.has_phrase)
    assert promised.reader_question == "What did Ana Ferreira promise?"
    year = _chat(("In which year did the Socialists lose?", _cited("1985", 1)))
    leads = read_question("Who leads them?", year, article.has_phrase)
    assert leads.reader_question == "Who leads the Socialists?"


def test_it_after_a_where_question_is_the_thing_placed_not_the_place() -> None:
    # Had been "How much will Tampere, Finland cost?" (withheld).
    built = _chat(("Where will Volta build the plant?", _cited("Tampere, Finland", 0, dates=())))
    assert read_question("How much will it cost?", built).reader_question == (
        "How much will the plant cost?"
    )
    held = _chat(("Where were the talks held?", _cited("Ras EnNakoura", 0, dates=())))
    assert read_question("When did it end?", held).reader_question == "When did the talks end?"
    # After "is" no verb follows the thing: "the camp" of "Where is the camp on ...?".
    placed = _chat(("Where is the camp on November 19?", _cited("Ain al-Hilweh", 8, dates=())))
    reading = read_question("What did the IDF say about it?", placed)
    assert reading.reader_question == "What did the IDF say about the camp?"


def test_it_is_never_the_person_he_stands_for_in_the_same_question() -> None:
    # Had been "Did Ibarra admit Ibarra?".
    aged = _chat(("How old is Ibarra?", _cited("61", 3, dates=())))
    article = ArticleWords(["Ibarra, 61, denied the charges."])
    reading = read_question("Did he admit it?", aged, article.has_phrase)
    assert reading.reader_question == "Did Ibarra admit it?"


def test_a_question_word_fragment_after_a_question_led_by_a_bare_what() -> None:
    # "For what ...?" names no kind after "what": "How long?" had been read joined.
    why = _chat(("For what was Carlos Ibarra sentenced?", _cited("taking bribes", 0, dates=())))
    assert read_question("How long?", why).reader_question == (
        "How long was Carlos Ibarra sentenced for taking bribes?"
    )


def test_it_after_a_long_noun_phrase_answer_is_that_thing() -> None:
    # "Who makes it?" after "What did the FDA approve?" had asked who makes the FDA.
    approved = _chat(
        ("What did the FDA approve?", _cited("a new pill for early Alzheimer's disease", 0))
    )
    assert read_question("Who makes it?", approved).reader_question == (
        "Who makes a new pill for early Alzheimer's disease?"
    )
    # A clause of that length is no thing to point at: the question's subject is.
    clause = _chat(("What did the FDA say?", _cited("the pill slowed decline, a trial found", 0)))
    assert read_question("Who makes it?", clause).reader_question != (
        "Who makes the pill slowed decline, a trial found?"
    )


def test_a_pointing_word_reaches_back_past_a_turn_that_names_nothing_for_it() -> None:
    # "How much is contained?" names no "it"; the turn before asked about the fire.
    chat = _chat(
        ("How big is the fire?", _cited("4,300 acres", 1, dates=())),
        ("How much is contained?", _cited("10%", 1, dates=())),
    )
    reading = read_question("When did it start?", chat)
    assert reading.reader_question == "When did the fire start?"
    assert reading.referent == "4,300 acres"  # the answer of the turn "it" was put in from
    # Not past a turn that names something for it, nor more than two turns back.
    named = _chat(
        ("How big is the fire?", _cited("4,300 acres", 1, dates=())),
        ("What did the utility shut off?", _cited("electricity", 4, dates=())),
    )
    assert read_question("When did it start?", named).reader_question == (
        "When did electricity start?"
    )
    far = _chat(
        ("How big is the fire?", _cited("4,300 acres", 1, dates=())),
        ("How much is contained?", _cited("10%", 1, dates=())),
        ("How many were evacuated?", _cited("12,000", 0, dates=())),
        ("How much is left?", _cited("90%", 1, dates=())),
    )
    assert read_question("When did it start?", far).reader_question == "When did it start?"
    # "it" is never many things ("the gusts").
    gusts = _chat(("How fast were the gusts?", _cited("60 miles per hour", 2, dates=())))
    assert read_question("When did it start?", gusts).reader_question != (
        "When did the gusts start?"
    )
    # A fragment leans on the last turn only.
    assert read_question("When?", chat).reader_question != "When did the fire start?"


def test_what_about_after_were_there_any_asks_about_the_other_things() -> None:
    deaths = _chat(("Any deaths?", _cited("No deaths have been reported", 3, dates=())))
    assert read_question("What about injuries?", deaths).reader_question == (
        "Were there any injuries?"
    )
    assert read_question("and any injuries?", deaths).reader_question == (
        "Were there any injuries?"
    )
    # A name or a noun phrase with its article is no kind of thing there were.
    assert read_question("What about the firefighters?", deaths).reader_question != (
        "Were there any the firefighters?"
    )


def test_it_after_what_is_a_noun_is_that_noun() -> None:
    # "What was what is inflation now in September?" had been asked.
    inflation = _chat(("What is inflation now?", _cited("6.2%", 1, dates=())))
    assert read_question("What was it in September?", inflation).reader_question == (
        "What was inflation in September?"
    )
    # What is open is no description: "it" is the answer.
    opened = _chat(("What is open for evacuees?", _cited("An evacuation centre", 6, dates=())))
    assert read_question("Who runs it?", opened).reader_question == (
        "Who runs An evacuation centre?"
    )
    # Still the subject where what was done to it is asked ("What was targeted ...?").
    targeted = _chat(("What was targeted?", _cited("a building", 2, dates=())))
    assert read_question("Who owned it?", targeted).reader_question == (
        "Who owned what was targeted?"
    )


def test_two_pronouns_in_one_question_stand_for_different_things() -> None:
    # "Where did ShadowNet claim ShadowNet?" had been asked.
    who = _chat(("Who is ShadowNet?", _cited("A group", 4, dates=())))
    assert read_question("Where did they claim it?", who).reader_question == (
        "Where did ShadowNet claim it?"
    )
    # One pronoun twice is one thing.
    assert read_question("Did it say it would pay?", who).reader_question == (
        "Did ShadowNet say ShadowNet would pay?"
    )


def test_there_after_how_many_and_a_form_of_be_is_no_place() -> None:
    # "How many are in National Geographic Society?" had been asked after a who-answer.
    assert [p.kind for p in pointers("How many are there?")] == []
    assert [p.kind for p in pointers("How many whales were there?")] == []
    assert [p.kind for p in pointers("How many people live there?")] == ["place"]
    assert [p.kind for p in pointers("Who was there?")] == ["place"]


def test_a_question_word_after_what_someone_did_asks_about_the_deed_answered() -> None:
    # "When will the team do next?" and "Why did the bank raised ...?" had been asked.
    team = Said("What will the team do next?", "attach satellite tags", ())
    assert resolve("When?", team).text == "When will the team attach satellite tags?"
    bank = Said("What did the Bank of Norland do?", "raised its main interest rate", ())
    assert resolve("Why?", bank).text == "Why did the Bank of Norland raise its main interest rate?"
    idf = Said("What did the IDF do on November 23?", "confirmed another air strike", ())
    assert resolve("Why?", idf).text == "Why did the IDF confirm another air strike on November 23?"


def test_a_question_word_after_a_what_object_question_with_a_modal_puts_the_answer_in() -> None:
    # "On what will the government spend?" had been asked: the reader gave the money.
    spend = Said("What will the government spend?", "3 billion euros", ())
    assert resolve("On what?", spend).text == "On what will the government spend 3 billion euros?"
    assert resolve("When?", spend).text == "When will the government spend 3 billion euros?"
    # "What will happen ...?" asks with "what" as its subject: nothing to fill.
    jobs = Said("What will happen to jobs?", "2,000 will be cut", ())
    assert resolve("Where?", jobs).text == "Where will happen to jobs?"
    # After a form of "be" the answer says what it is: not put in for "between whom?".
    meeting = Said("What was the meeting?", "a rare moment of engagement", ())
    assert resolve("Between whom?", meeting).text == "Between whom was the meeting?"


def test_he_after_an_answer_about_a_thing_is_the_person_it_names_by_role() -> None:
    building = _chat(
        (TARGETED, _cited("a building believed to house the ‘commander of Unit 4,’", 13))
    )
    assert (
        read_question("Who is he?", building).reader_question == "Who is the commander of Unit 4?"
    )
    # No person named, or two: "he" is left as it is.
    talks = _chat(("What was discussed?", _cited("talks between the minister and the envoy", 1)))
    assert "minister" not in read_question("Who is he?", talks).reader_question


def test_she_is_never_one_titled_as_a_man() -> None:
    said = _chat(("What did Sir David Park say?", _cited("She never gave up", 5, dates=())))
    assert (
        "Sir David Park" not in read_question("What award did she receive?", said).reader_question
    )
    assert read_question("What award did he receive?", said).reader_question == (
        "What award did Sir David Park receive?"
    )
    dame = _chat(("What did Dame Ann Lowe say?", _cited("It works", 5, dates=())))
    assert "Dame Ann Lowe" not in read_question("What did he add?", dame).reader_question


def test_compared_with_asks_the_last_question_set_against_another() -> None:
    # "What is the Compared with last year?" had been asked (a keyword query).
    earned = _chat(("How much did Nordvik earn?", _cited("1.4 billion euros", 0, dates=())))
    assert refers_back("Compared with last year?")
    assert read_question("Compared with last year?", earned).reader_question == (
        "How much did Nordvik earn compared with last year?"
    )
    assert read_question("vs 2023?", earned).reader_question == (
        "How much did Nordvik earn vs 2023?"
    )


def test_a_name_swapped_in_for_one_the_article_writes_otherwise() -> None:
    # "the UN" is no run of the article's ("The United Nations"): the name after "the"
    # is swapped, not the determiner ("How much did the EU UN give?").
    gave = _chat(("How much did the UN give?", _cited("$6 million", 15)))
    words = ArticleWords(["The United Nations released $6 million.", "The EU pledged aid."])
    reading = read_question("What about the EU?", gave, words.has_phrase)
    assert reading.reader_question == "How much did the EU give?"
    # "How much did ..." counts nothing: not "did the" things that "United" did.
    written = _chat(("How much did the United Nations give?", _cited("$6 million", 15)))
    words = ArticleWords(["The United Nations released $6 million.", "The European Union met."])
    reading = read_question("What about the European Union?", written, words.has_phrase)
    assert reading.reader_question == "How much did the European Union give?"


def test_he_or_she_is_someone_not_a_thing_or_a_role() -> None:
    driver = _chat(
        ("How many people were injured?", _cited("14", 0)),
        ("What happened to the driver?", _cited("broken collarbone", 6)),
    )
    assert read_question("How old is he?", driver).reader_question == "How old is the driver?"
    # "her team" after "How long did the work take?": the scientist two turns back.
    study = _chat(
        ("Who led the study?", _cited("Dr. Amara Whitfield", 2)),
        ("What is her job?", _cited("microbiologist", 2)),
        ("How long did the work take?", _cited("four years", 3)),
    )
    reading = read_question("How many bacteria did her team screen?", study)
    assert reading.reader_question == "How many bacteria did Dr. Amara Whitfield’s team screen?"
    # "he" after "What is his role on the team?" is the man, "it" what he collected.
    sample = _chat(
        ("Who collected the soil sample?", _cited("Tomás Reyes", 4)),
        ("What is his role on the team?", _cited("PhD student", 4)),
    )
    reading = read_question("When did he collect it?", sample)
    assert reading.reader_question == "When did Tomás Reyes collect the soil sample?"


def test_that_before_a_word_that_is_no_noun_is_the_thing_itself() -> None:
    assert [p.kind for p in pointers("Is that all in cash?")] == ["thing"]
    assert [p.kind for p in pointers("How much was that up on the year before?")] == ["thing"]
    assert [p.kind for p in pointers("Who condemned that strike?")] == ["determiner"]
    # "this summer" is a time, no thing pointed at.
    assert pointers("Where is Whitfield going this summer?") == []


def test_it_after_a_reporting_verb_is_the_one_who_reported() -> None:
    assert pointers("Who did the IDF say it targeted?") == []
    assert pointers("What did the company say it would do?") == []
    # With no one named before the verb, "it" still points back.
    assert [p.kind for p in pointers("What did they say it was?")] == ["person", "thing"]


def test_also_asks_for_another_answer_than_any_given() -> None:
    funded = _chat(
        ("Who funded the project?", _cited("Wellcome Trust", 9)),
        ("How much did it give?", _cited("£1.8 million", 9)),
    )
    reading = read_question("Which charity also supported it?", funded)
    assert reading.other_than == ("£1.8 million", "Wellcome Trust")
    assert "also" not in reading.reader_question
    assert not refers_back("Also, when did the strike happen?")


def test_they_after_a_phrasal_verb_is_its_subject() -> None:
    broke = _chat(("When did the talks break down?", _cited("Friday evening", 12)))
    reading = read_question("Where were they held?", broke)
    assert reading.reader_question.startswith("Where were the talks held")


def test_he_after_a_name_asked_is_the_name_given() -> None:
    named = _chat(
        ("Who is the prime minister?", _cited("Chiara Damiani", 9)),
        ("What is the governor's name?", _cited("Alessandro Ricci", 11)),
    )
    reading = read_question("How much damage does he estimate?", named)
    assert reading.reader_question == "How much damage does Alessandro Ricci estimate?"
    # What the chain said (from its last question that stood alone), for a follow-up
    # that asks about it without naming it again.
    assert reading.talk == "What is the governor's name? Alessandro Ricci"


def test_a_name_after_a_form_of_be_is_the_whole_name() -> None:
    aged = _chat(
        ("Who is the missing firefighter?", _cited("Marco Ferri", 8, dates=())),
        ("How old is he?", _cited("29", 8, dates=())),
    )
    words = ArticleWords(["Among the missing is a firefighter, 29-year-old Marco Ferri."])
    reading = read_question("What was he doing when he disappeared?", aged, words.has_phrase)
    assert reading.reader_question == "What was Marco Ferri doing when Marco Ferri disappeared?"
    # "What was he doing ...?" describes no one: "he" after it is still the man.
    doing = _chat(
        ("What was Marco Ferri doing when he disappeared?", _cited("trying to rescue", 8))
    )
    assert read_question("Does he have children?", doing, words.has_phrase).reader_question == (
        "Does Marco Ferri have children?"
    )


def test_a_name_after_a_count_of_what_someone_got_swaps_who_got_it() -> None:
    seats = _chat(("How many seats did the Civic Alliance get?", _cited("61", 2, dates=())))
    reading = read_question("And the Social Democrats?", seats)
    assert reading.reader_question == "How many seats did the Social Democrats get?"


def test_it_and_then_after_a_question_set_in_an_event_are_that_event() -> None:
    killed = _chat(
        (
            "How many were killed in the 2018 accident at the mine?",
            _cited("six miners", 16, dates=()),
        )
    )
    assert read_question("What kind of accident was it?", killed).reader_question == (
        "What kind of accident was the 2018 accident at the mine?"
    )
    assert read_question("How many were injured then?", killed).reader_question == (
        "How many were injured in the 2018 accident at the mine?"
    )


def test_why_after_what_befell_a_thing_asks_why_it_did_so() -> None:
    truce = _chat(("What happened to the 2022 truce?", _cited("collapsed after only 19 days", 10)))
    assert read_question("Why?", truce).reader_question == (
        "Why did the 2022 truce collapse after only 19 days?"
    )
    church = _chat(("What happened to the church?", _cited("was destroyed by fire", 3)))
    assert read_question("Why?", church).reader_question == (
        "Why was the church destroyed by fire?"
    )
    # An answer that opens with no verb is asked about joined, as before.
    moved = _chat(("What happened to the church?", _cited("a fire", 3)))
    assert read_question("Why?", moved).reader_question != "Why did the church a fire?"


def test_it_after_an_unanswered_which_question_is_the_kind_asked_for() -> None:
    regulator = _chat(("Which regulator is involved?", Answer("", False, 0.1, [])))
    assert read_question("Who heads it?", regulator).reader_question == "Who heads the regulator?"


def test_he_after_a_question_about_no_one_is_the_person_the_answer_names() -> None:
    target = _chat(("What was the target there?", _cited(BUILDING, 13, dates=())))
    assert read_question("What does he do?", target).reader_question == (
        "What does the chief of staff of Hezbollah do?"
    )


def test_a_name_for_a_name_takes_its_place_whole() -> None:
    recalled = _chat(
        ("How many vehicles are being recalled in the United States?", _cited("1,372,000", 0))
    )
    assert read_question("What about Mexico?", recalled).reader_question == (
        "How many vehicles are being recalled in Mexico?"
    )
    norwegian = _chat(("How many of the hostages were Norwegian?", _cited("12", 2)))
    assert read_question("And German?", norwegian).reader_question == (
        "How many of the hostages were German?"
    )


def test_his_after_a_who_question_s_subject_is_not_that_subject() -> None:
    sent = _chat(("Who did the country send?", Answer("", False, 0.1, [])))
    assert "country" not in read_question("What is his title?", sent).reader_question


def test_why_not_after_a_yes_no_question_asks_why() -> None:
    ground = _chat(("Did either side give ground?", _cited("neither party", 7, dates=())))
    assert read_question("Why not?", ground).reader_question == "Why did either side give ground?"


def test_what_for_asks_why() -> None:
    warned = _chat(("Did they give any warning?", _cited("prior warnings were issued", 9)))
    assert read_question("what for", warned).reader_question.startswith(
        "Why did they give any warning"
    )


def test_he_after_an_answer_naming_one_person_is_that_person() -> None:
    killed = _chat(
        (
            "Was anyone killed?",
            _cited("A Marenian security guard, 34-year-old Petar Danek, was killed", 16),
        )
    )
    assert read_question("What was his job?", killed).reader_question == (
        "What was Petar Danek’s job?"
    )
    # Two people named: no one in particular.
    both = _chat(
        ("What happened at the vote?", _cited("Paul Okonjo and Sara Lindqvist dissented", 5))
    )
    assert "Okonjo" not in read_question("What did he vote for?", both).reader_question


def test_he_after_a_name_asked_for_is_that_name() -> None:
    named = _chat(("What is the name of Ingrid Halvorsen's father?", _cited("Erik", 19, dates=())))
    assert read_question("How old is he?", named).reader_question == "How old is Erik?"


def test_why_is_that_asks_why_and_all_that_is_the_thing() -> None:
    assert ellipsis("Why is that?") == ellipsis("Why?")
    assert ellipsis("why so") == ellipsis("Why?")
    assert [p.kind for p in pointers("Where would all that happen?")] == ["thing"]
    # After "did": a verb and its particle or object follow "that", or a noun and its verb.
    assert [p.kind for p in pointers("How much money did that free up?")] == ["thing"]
    assert [p.kind for p in pointers("How much did that cost the city?")] == ["thing"]
    assert [p.kind for p in pointers("Did that strike kill anyone?")] == ["determiner"]


def test_a_stranded_preposition_asks_as_the_preposition_first() -> None:
    assert ellipsis("Who to?") == ellipsis("To whom?")
    assert ellipsis("where from") == ellipsis("From where?")
    assert ellipsis("Who with?") == ellipsis("With whom?")
    assert ellipsis("What for?") == ellipsis("Why?")  # not "for what"
    married = _chat(("When did Baird get married?", _cited("1839", 7, dates=())))
    assert read_question("Who to?", married).reader_question == (
        read_question("To whom?", married).reader_question
    )


def test_pointers_after_questions_about_a_named_thing() -> None:
    work = _chat(("When did work on Tessary Cathedral begin?", _cited("1102", 7, dates=())))
    assert read_question("Who is it dedicated to?", work).reader_question == (
        "Who is Tessary Cathedral dedicated to?"
    )
    last = _chat(("Who was the last ruler of the dynasty?", _cited("Matilda II", 20, dates=())))
    assert read_question("Who removed her from the throne?", last).reader_question == (
        "Who removed Matilda II from the throne?"
    )
    names = _chat(("What other names does the dynasty have?", Answer("", False, 0.1, [])))
    assert read_question("How long did it rule?", names).reader_question == (
        "How long did the dynasty rule?"
    )
    long = _chat(("How long is the Halvard Glacier?", _cited("23.4 kilometres", 1, dates=())))
    assert read_question("And its area?", long).reader_question == (
        "What is the Halvard Glacier’s area?"
    )
    # One owned noun for another: her father, where the last question asked of her mother.
    mother = _chat(
        ("Where was Ottilie Brannvik born?", _cited("Ålesund", 1, dates=())),
        ("What did her mother do?", _cited("gave her first keyboard lessons", 2, dates=())),
    )
    assert read_question("And her father?", mother).reader_question == (
        "What did Ottilie Brannvik’s father do?"
    )


def test_a_fragment_is_read_joined_and_a_plain_follow_up_is_not() -> None:
    history = [
        {"role": "user", "content": "Who first measured the speed of glaciers?"},
        {"role": "assistant", "content": "Louis Agassiz"},
    ]
    fragment = read_question("On which glacier?", history)
    assert fragment.joined and fragment.previous_answer == "Louis Agassiz"
    assert not read_question("Where was he born?", history).joined
    assert not read_question("What is a glacier?", history).joined


def test_it_is_never_the_person_a_role_names() -> None:
    # "it" after a who-question about a role is the thing the role is on, or nothing.
    commander = _chat(("Who is the incident commander on the fire?", _cited("Dana Whitlock", 4)))
    assert read_question("What did the commander say about it?", commander).reader_question == (
        "What did the commander say about the fire?"
    )
    # A role of nothing may be a body's: "the market leader" (Stellan Telecom) runs.
    leader = _chat(("Who is the market leader?", _cited("Stellan Telecom", 25, dates=())))
    assert read_question("Who runs it?", leader).reader_question == "Who runs the market leader?"


def test_it_after_a_thing_described_and_named_is_the_name() -> None:
    # "it" is the mountain the answer names, as the article words it.
    highest = _chat(
        ("What is the highest mountain on Great Kessar?", _cited("Mount Orvel", 4, dates=()))
    )
    assert read_question("How tall is it?", highest).reader_question == "How tall is Mount Orvel?"
    # A name described is the name ("What is Hezbollah?"), an answer that is no name
    # leaves the description.
    hezbollah = _chat(("What is Hezbollah?", _cited("an Iran-backed militia", 1, dates=())))
    assert read_question("Who backs it?", hezbollah).reader_question == "Who backs Hezbollah?"
    target = _chat(("What was the target?", _cited("a building believed to house Hezbollah", 1)))
    assert "Hezbollah?" not in read_question("How big is it?", target).reader_question


def test_no_one_is_pinned_to_a_day_nor_is_an_owner_cut_from_its_thing_a_referent() -> None:
    # "she" left unread is no deed of the last answer's day.
    found = _chat(("Who found the boat first?", Answer("", False, 0.1, [])))
    assert "April" not in read_question("What does she do?", found).reader_question
    quoted = _chat(
        ("What did the union say?", _cited("a real-terms pay cut", 3, dates=("June 9",)))
    )
    assert "June 9" not in read_question("Who is she?", quoted).reader_question
    # "it" is not "Brannvik's" of "Brannvik's most popular work".
    work = _chat(("When was Brannvik's most popular work published?", _cited("1875", 9, dates=())))
    # (the article never writes "popular work" together: the topic is cut at it)
    cut = read_question("How many poems are in it?", work, lambda phrase: False)
    assert not cut.reader_question.endswith("Brannvik's?")


def test_he_or_she_is_no_library() -> None:
    library = _chat(("Where did Brannvik study music?", _cited("University Library", 24, dates=())))
    assert (
        "University Library"
        not in read_question("What did he say about her?", library).reader_question
    )


def test_it_after_where_something_is_being_done_is_the_thing() -> None:
    kept = _chat(("Where is the boat being conserved?", _cited("Westmarch County Museum", 3)))
    assert read_question("When was it found?", kept).reader_question == "When was the boat found?"


def test_a_year_or_a_phrase_of_when_is_no_thing_it_stands_for() -> None:
    found = _chat(
        ("What mineral did Hallidane discover?", _cited("hallidanite", 5, dates=())),
        ("Where did she find it?", _cited("Dunkeld, Perthshire", 5, dates=())),
        ("In what year?", _cited("1907", 6, dates=())),
    )
    assert read_question("Who named it after her?", found).reader_question == (
        "Who named hallidanite after Hallidane?"
    )
    meaning = _chat(
        ("What is firn?", _cited("snow", 1, dates=())),
        ("What does its name mean?", _cited("of last year", 2, dates=())),
    )
    assert read_question("How dense does it get?", meaning).reader_question == (
        "How dense does firn get?"
    )


def test_that_before_a_verb_in_s_stands_alone() -> None:
    assert [p.kind for p in pointers("How much of that comes from a grant?")] == ["thing"]
    assert [p.kind for p in pointers("What is used for that today?")] == ["thing"]
    assert [p.kind for p in pointers("Did that news surprise anyone?")] == ["determiner"]


def test_what_someone_said_is_no_thing_it_stands_for() -> None:
    said = _chat(("What did she say about the deal?", _cited("changes nothing", 27, dates=())))
    assert (
        "changes nothing"
        not in read_question("What company did it buy in 2011?", said).reader_question
    )


def test_her_is_not_a_phrase_ending_on_a_man() -> None:
    reign = _chat(
        ("Who was the only woman to rule Tervalia?", _cited("Mathilde", 8, dates=())),
        ("Who was her husband?", _cited("Count of Lisk", 8, dates=())),
    )
    assert "husband" not in read_question("When did her reign end?", reign).reader_question


def test_the_same_question_of_something_else_varies_the_last() -> None:
    currency = _chat(("How did the currency react to the announcement?", _cited("quickly", 3)))
    stocks = read_question("And the stock market?", currency)
    assert stocks.varies and stocks.previous_answer == "quickly"
    assert not read_question("Where was that?", currency).varies


def test_it_after_who_does_something_is_the_thing_done_to() -> None:
    cafe = _chat(("Who runs the Old Mill café?", _cited("Daniel Hurst", 20, dates=())))
    assert read_question("Where is it?", cafe).reader_question == "Where is the Old Mill café?"
    assert read_question("How old is he?", cafe).reader_question == "How old is Daniel Hurst?"


def test_he_after_a_who_question_left_unanswered_is_no_one_before() -> None:
    # "he" is whom "Who leads it?" asked for and nobody found: not the group before it.
    history = _chat(
        ("Which group opposes the bridge?", _cited("Save Wendle Meadows", 1, dates=())),
        ("Who leads it?", Answer("", False, 0.1, [])),
    )
    reading = read_question("What did he do before he retired?", history)
    assert "Save Wendle Meadows" not in reading.reader_question
    # Where the last question named someone with the same pronoun, "she" is still her.
    history = _chat(
        ("Who founded Kestrel?", _cited("Ruth Lindqvist", 1, dates=())),
        ("Who did she marry?", Answer("", False, 0.1, [])),
    )
    assert "Ruth Lindqvist" in read_question("When did she die?", history).reader_question


def test_it_after_a_subject_owned_by_a_phrase_the_article_writes() -> None:
    # The article writes "the country's" ("the country's modern history"): that owns the
    # subject asked about; "it" is the earthquake.
    from qa.earlier_question import topic_of

    def phrases(text: str) -> bool:
        return text.lower() in ("the country's", "country's", "the country", "country")

    asked = "When did the country's deadliest earthquake happen?"
    assert topic_of(asked, phrases) == "the country's deadliest earthquake"
    reading = resolve("How many did it kill?", Said(asked, "March 1987"), phrases)
    assert reading.text == "How many did the country's deadliest earthquake kill?"


def test_his_name_after_a_role_the_article_writes_only_in_part() -> None:
    # The article writes "the health" (of "the health ministry") but never "the health
    # minister": "his" is still the minister, not "the health".
    from qa.earlier_question import topic_of

    def phrases(text: str) -> bool:
        return text.lower() in ("the health", "health")

    asked = "What did the health minister call the results?"
    assert topic_of(asked, phrases) == "the health minister"
    reading = resolve("What is his name?", Said(asked, "a turning point"), phrases)
    assert reading.text == "What is the health minister’s name?"


def test_she_after_a_role_owned_by_a_name_is_the_name_given() -> None:
    asked = "Who is BlueLine Rescue's operations manager?"
    reading = resolve("What did she urge the public to do?", Said(asked, "Hana Wirepa"))
    assert reading.text == "What did Hana Wirepa urge the public to do?"


def test_what_was_said_is_not_a_thing_named_before_the_last_turn() -> None:
    history = _chat(
        ("Who chaired the plagiarism commission?", _cited("Lea Hartung", 1, dates=())),
        ("What did she call the copying?", Answer("", False, 0.1, [])),
    )
    reading = read_question("When did she say that?", history)
    assert reading.reader_question == "When did Lea Hartung say that?"


def test_a_superlative_alone_after_a_count_is_of_the_things_counted() -> None:
    said = Said("How many mass strandings has Tallis Bay seen since 1990?", "at least seven")
    assert resolve("Which was the largest?", said).text == "Which was the largest stranding?"
    assert refers_back("Which was the biggest?")
    # A noun ending in "-est" is no superlative: the question stands alone.
    assert not refers_back("What is the forest?")
    assert not refers_back("What was the interest?")


def test_her_after_who_was_her_husband_is_not_the_husband() -> None:
    said = Said("Who was her husband?", "Count of Lisk")
    assert "Lisk" not in resolve("When did her reign end?", said).text


def test_a_name_before_a_verb_in_ing_is_the_subject_whole() -> None:
    from qa.earlier_question import described_thing, topic_of

    asked = "What is Sabine Roth considering?"
    assert topic_of(asked, None) == "Sabine Roth"
    assert described_thing(asked) is None  # it asks what she does, describes no one
    assert topic_of("Where was the meeting?", None) == "the meeting"


def test_the_month_or_year_before_asks_the_last_question_of_that_time() -> None:
    rate = _chat(("What was Norvalia's inflation rate in October?", _cited("9.7 percent", 3)))
    assert read_question("And the month before?", rate).reader_question == (
        "What was Norvalia's inflation rate in September?"
    )
    visits = _chat(("How many people visited the zoo last year?", _cited("312,000", 26)))
    assert read_question("The year before?", visits).reader_question == (
        "How many people visited the zoo the year before?"
    )


def test_she_after_a_place_answered_is_not_the_place() -> None:
    asked = "Where did human rights lawyer Daniela Arruti speak to reporters?"
    reading = resolve("Which law school did she go to?", Said(asked, "Porto Salina"))
    assert "Porto Salina" not in reading.text


def test_his_after_what_a_role_did_is_the_role_not_a_name_in_the_deed() -> None:
    def phrases(text: str) -> bool:
        return text.lower() in ("the mayor of marnoz", "mayor of marnoz", "the mayor")

    asked = "What did the mayor of Marnoz do after the avalanche?"
    said = Said(asked, "ordered the entire Kestrel Ridge ski area closed")
    assert resolve("What is his name?", said, phrases).text == (
        "What is the mayor of Marnoz’s name?"
    )


def test_them_after_how_many_in_the_present_are_the_things_counted() -> None:
    said = Said("How many people work at the mine?", "around 900")
    assert resolve("How many of them are Kaweni?", said).text == (
        "How many of the people are Kaweni?"
    )


def test_the_first_one_after_a_list_is_the_first_thing_listed() -> None:
    said = Said("Who dissented from the ruling?", "Justice Rodrigo Salcedo and Justice Ines Barrow")
    assert resolve("What did the first one warn about?", said).text == (
        "What did Justice Rodrigo Salcedo warn about?"
    )
    assert resolve("What did the second one argue?", said).text == (
        "What did Justice Ines Barrow argue?"
    )
    # "the first one to ..." says what it is; a count's things as before.
    assert "Salcedo" not in resolve("Who was the first one to arrive?", said).text
    counted = Said("How many subspecies are recognised?", "two")
    assert resolve("Who described the second one?", counted).text == (
        "Who described the second subspecies?"
    )


def test_that_group_after_a_name_answered_is_the_one_named() -> None:
    # "that group" after "Who organised it?" / "Albion Supporters' Trust" is the trust:
    # read as "the group", the club's chairman was found as its leader.
    organised = _chat(("Who organised the march?", _cited("Albion Supporters' Trust", 6, dates=())))
    leads = read_question("Who leads that group?", organised)
    assert leads.reader_question == "Who leads Albion Supporters' Trust?"
    # A role's noun stands for a person answered, not for a body.
    sacked = _chat(("Who was sacked?", _cited("Tomas Brennan", 0, dates=())))
    assert read_question("How old is that manager?", sacked).reader_question == (
        "How old is Tomas Brennan?"
    )
    trust = _chat(("Who organised the march?", _cited("Albion Trust", 6, dates=())))
    assert "Albion Trust" not in read_question("How old is that manager?", trust).reader_question
    # The noun the last question used is its thing, not the answer: "that strike" after
    # "Who condemned the strike?" is the strike.
    condemned = _chat(("Who condemned the group?", _cited("Lebanese Authorities", 3, dates=())))
    assert "Lebanese" not in read_question("Who leads that group?", condemned).reader_question


def test_that_noun_is_the_thing_as_the_last_question_named_it() -> None:
    # "the round" was any round: the answer ("$210 million") was withheld at 0.09.
    funded = _chat(
        ("Which firm led Lumora's 2022 funding round?", _cited("Harbor Ventures", 2, dates=()))
    )
    assert read_question("How big was that round?", funded).reader_question == (
        "How big was Lumora's 2022 funding round?"
    )
    dated = _chat(("Who condemned the November 23 strike?", _cited("Lebanese authorities", 15)))
    assert (
        "the November 23 strike" in read_question("Where was that strike?", dated).reader_question
    )
    # Named with nothing before it but a determiner or a verb: "the" as before.
    bare = _chat(("Who condemned the strike?", _cited("Lebanese authorities", 15, dates=())))
    assert read_question("Where was that strike?", bare).reader_question == "Where was the strike?"


def test_it_after_how_big_is_a_thing_somewhere_is_the_thing() -> None:
    # "the older" had been taken for the subject, "telescope" for a verb.
    older = _chat(("How big is the older telescope at the site?", _cited("2.2-metre", 4, dates=())))
    assert read_question("When did it open?", older).reader_question == (
        "When did the older telescope open?"
    )
    from qa.earlier_question import topic_of

    assert topic_of("How tall is the tower of the cathedral in Rome?", None) == (
        "the tower of the cathedral"
    )
    assert topic_of("How old is the boss?", None) == "the boss"
    assert topic_of("Who is the chief responsible for?", None) == "the chief"


def test_an_owner_asked_instead_of_a_name_that_ends_the_question_owns_nothing() -> None:
    written = _chat(
        ("Which book on the shortlist was written by Nadia Ferreira?", _cited("Rooms", 3, dates=()))
    )
    assert read_question("And Owen Pryce's?", written).reader_question == (
        "Which book on the shortlist was written by Owen Pryce?"
    )
    shares = _chat(("How much did Nordwind shares fall?", _cited("4 percent", 3, dates=())))
    assert read_question("and Baltic Jet's?", shares).reader_question == (
        "How much did Baltic Jet's shares fall?"
    )


def test_it_after_what_happened_to_a_thing_is_the_thing() -> None:
    capsized = _chat(("What happened to the Marisol Queen?", _cited("it capsized", 3, dates=())))
    assert read_question("Where did it sink?", capsized).reader_question == (
        "Where did the Marisol Queen sink?"
    )
    assert (
        "the Marisol Queen’s name" in read_question("What is its name?", capsized).reader_question
    )
    # "happen" asks the event itself.
    assert read_question("When did it happen?", capsized).reader_question == (
        "When did it happen to the Marisol Queen?"
    )


def test_her_after_she_in_one_question_is_named_once() -> None:
    teacher = _chat(
        ("What did Leila Marchetti do before writing?", _cited("a teacher", 3, dates=()))
    )
    assert read_question("When did she quit her teaching job?", teacher).reader_question == (
        "When did Leila Marchetti quit her teaching job?"
    )
    assert read_question("What is her job?", teacher).reader_question == (
        "What is Leila Marchetti’s job?"
    )


def test_it_after_a_thing_announced_is_the_thing() -> None:
    announced = _chat(
        (
            "What did Clara Voss announce?",
            _cited("an emergency grant of 12 million euros for affected households", 5, dates=()),
        )
    )
    assert read_question("How much of it has been paid out so far?", announced).reader_question == (
        "How much of an emergency grant of 12 million euros for affected households has been "
        "paid out so far?"
    )


def test_they_is_no_one_person() -> None:
    # After a role's holder was asked, "they" are whose role it is, not its holder.
    leader = _chat(
        ("Who is the leader of the Liberal Democrats?", _cited("Tomas Reiner", 3, dates=()))
    )
    assert read_question("How many seats do they have?", leader).reader_question == (
        "How many seats do the Liberal Democrats have?"
    )
    leads = _chat(("Who leads the Liberal Democrats?", _cited("Tomas Reiner", 3, dates=())))
    assert read_question("How many seats do they have?", leads).reader_question == (
        "How many seats do the Liberal Democrats have?"
    )
    # Many named: "they" are them.
    condemned = _chat(("Who condemned the strike?", _cited("Lebanese authorities", 3, dates=())))
    assert read_question("What did they say?", condemned).reader_question == (
        "What did Lebanese authorities say?"
    )


def test_it_is_not_a_name_that_owned_something_in_the_last_question() -> None:
    striking = _chat(
        ("Why are the nurses at St Aldric's striking?", _cited("staffing", 3, dates=()))
    )
    assert "Aldric" not in read_question("When does it end?", striking).reader_question
    cathedral = _chat(("When did work on Tessary Cathedral begin?", _cited("1207", 3, dates=())))
    assert read_question("Who is it dedicated to?", cathedral).reader_question == (
        "Who is Tessary Cathedral dedicated to?"
    )


def test_it_after_a_which_question_answered_at_length_is_its_whole_kind() -> None:
    lines = _chat(
        (
            "Which shipping lines diverted ships away from Halvik?",
            _cited(
                "Two of the largest lines, Corvanta and Meridian Lines, diverted ships", 9, dates=()
            ),
        )
    )
    assert read_question("Who owns it?", lines).reader_question == "Who owns the shipping lines?"
    # A word before the verb's object is the verb: "Which city hosts the games?".
    hosts = _chat(
        (
            "Which city hosts the games?",
            _cited("Rostad won the vote, the committee said, after a second round", 2, dates=()),
        )
    )
    assert read_question("Who owns it?", hosts).reader_question == "Who owns the city?"


def test_a_pointer_is_no_deed_no_firm_for_she_and_no_noun_before_as() -> None:
    sank = _chat(("What happened to the Silver Petrel?", _cited("sank", 3, dates=())))
    assert read_question("When did it call for help?", sank).reader_question == (
        "When did the Silver Petrel call for help?"
    )
    hacked = _chat(("Which company was hacked?", _cited("Northvale Health Partners", 3, dates=())))
    assert "Northvale" not in read_question("How old is she?", hacked).reader_question
    # Nor is a musicians' guild, or an orchestra, a "she".
    for body in ("Corvane Musicians' Guild", "Corvane City Symphony"):
        called = _chat(("Which group called the walkout?", _cited(body, 3, dates=())))
        assert "Corvane" not in read_question("And how old is she?", called).reader_question
    assert pointers("What is that as a rate?") == [Pointer(2, "thing")]


def test_the_subject_after_be_runs_to_a_noun_at_the_end() -> None:
    from qa.earlier_question import topic_of

    # "strike", before the preposition, is no verb: nothing follows "be" but the subject.
    asked = "When was the previous strike at Harlow Bend?"
    assert topic_of(asked, None) == "the previous strike at Harlow Bend"
    strike = _chat((asked, _cited("1998", 19)))
    assert read_question("How long did it last?", strike).reader_question == (
        "How long did the previous strike at Harlow Bend last?"
    )
    # A participle is the verb, and a preposition at the end belongs to a predicate.
    assert topic_of("When was the treaty signed in Paris?", None) == "the treaty"
    assert topic_of("Who is the chief responsible for?", None) == "the chief"


def test_when_did_that_happen_after_how_asks_when_of_the_same_deed() -> None:
    said = Said("How did the hackers break in?", "a stolen password")
    assert resolve("When did that happen?", said).text == "When did the hackers break in?"
    assert resolve("Where was that?", said).text == "Where did the hackers break in?"
    sunk = Said("How was the ship sunk?", "by a torpedo")
    assert resolve("When did it happen?", sunk).text == "When was the ship sunk?"
    # A count is no deed to ask again: both questions are searched together.
    died = Said("How many people died?", "12")
    assert resolve("When did that happen?", died).text == (
        "How many people died? When did that happen?"
    )


def test_they_done_to_after_a_reason_are_the_things_given() -> None:
    closed = Said("Why was the Harlow Ridge Tunnel closed?", "cracks in its concrete lining")
    assert resolve("When were they discovered?", closed).text == (
        "When were the cracks in its concrete lining discovered?"
    )
    # "it" is still the tunnel, and "they" who act after a body's reason is the body.
    assert "cracks" not in resolve("When was it reopened?", closed).text
    union = Said("Why did the union strike?", "pay cuts")
    assert "pay cuts demand" not in resolve("What did they demand?", union).text


def test_a_follow_up_ending_on_since_is_pinned_since_the_day() -> None:
    from qa.referents import put_in

    said = Said("Whose password did the hackers use?", "", ("October 12",))
    assert put_in("What has that firm done since?", said) == (
        "What has the firm done since October 12?"
    )
    assert put_in("What did that firm say?", said) == "What did the firm say on October 12?"


def test_one_thing_after_a_count_asks_of_it_not_a_count_of_it() -> None:
    winched = Said("How many sailors did her crew winch up?", "three")
    assert "How many lifeboat" not in resolve("And the lifeboat?", winched).text
    # Things named as a plural are counted instead; a counted subject is swapped whole.
    assert resolve("And the women?", winched).text == "How many women did her crew winch up?"
    destroyed = Said("How many homes were destroyed?", "15")
    assert resolve("And barns?", destroyed).text == "How many barns were destroyed?"


def test_she_after_how_someone_did_it_is_that_someone() -> None:
    won = "by winning the Candidates Tournament"
    qualified = Said("How did Marchetti qualify for the match?", won)
    assert resolve("Who coaches her?", qualified).text == "Who coaches Marchetti?"
    # A subject that is no one by name leaves the name in the answer.
    found = Said("How did police find the suspect?", "by tracing a call from John Smith")
    assert resolve("Who is he?", found).text == "Who is John Smith?"


def test_it_is_no_time_and_no_one_named_by_role() -> None:
    # "afternoon" answered what time: "it" is not that time.
    timed = Said("What time was it at Veldhorn on Saturday?", "afternoon")
    assert "afternoon" not in resolve("How many people did it bury?", timed).text
    # Someone named after their role is no "it": the kind asked for is.
    body = Said("Which body is investigating the fire?", "senior inspector, Tomas Reyland")
    assert resolve("Who is leading it?", body).text == "Who is leading the body?"


def test_he_after_someone_described_then_named_is_the_name() -> None:
    said = Said(
        "Who has to sign off on the extradition?", "Veldmark's justice minister, Carl-Erik Strand"
    )
    assert resolve("How old is he?", said).text == "How old is Carl-Erik Strand?"


def test_after_that_a_time_answered_is_after_that_time() -> None:
    collapsed = _chat(("When did the cod stock collapse?", _cited("1989", 2, dates=())))
    assert read_question("What was imposed after that?", collapsed).reader_question == (
        "What was imposed after 1989?"
    )
    assert read_question("What was imposed before then?", collapsed).reader_question == (
        "What was imposed before 1989?"
    )
    # After another question than when, "that" is what it asked about, as before.
    owned = _chat(("Who owns the stock?", _cited("the Rannoch Bank fleet", 2, dates=())))
    assert "1989" not in read_question("What was imposed after that?", owned).reader_question


def test_what_starts_is_the_activity_the_last_question_named() -> None:
    rationing = _chat(
        ("Why is the valley being put on water rationing?", _cited("low rainfall", 1, dates=()))
    )
    assert read_question("When does it start?", rationing).reader_question == (
        "When does the water rationing start?"
    )
    assert read_question("How long will it last?", rationing).reader_question == (
        "How long will the water rationing last?"
    )
    # A noun that only ends so is no activity; a verb of no start leaves "it" as before.
    built = _chat(("Who paid for the new building?", _cited("the council", 1, dates=())))
    assert "building start" not in read_question("When does it start?", built).reader_question
    assert "rationing" not in read_question("Who runs it?", rationing).reader_question


def test_it_after_a_what_question_about_its_subject_is_the_thing_answered() -> None:
    # "Who was flying it?" after "What crashed at the festival?" / "vintage fighter
    # plane": the plane, not "what crashed at the festival" (story h43).
    said = Said("What crashed at the Harwell Valley Air Festival?", "vintage fighter plane")
    assert resolve("Who was flying it?", said).text == "Who was flying the vintage fighter plane?"
    # With its article: "A sinkhole" (story h40).
    said = Said("What opened on Corliss Avenue?", "A sinkhole")
    assert resolve("What caused it?", said).text == "What caused the sinkhole?"
    # An event, or a long answer, is no thing to fly: the question as it was asked.
    said = Said("What sank off Kalmar Point?", "the ferry carrying 214 passengers")
    assert (
        resolve("Who was flying it?", said).text
        != "Who was flying the ferry carrying 214 passengers?"
    )


def test_another_source_of_a_figure_is_asked_for_its_figure() -> None:
    # "And the organisers?" after "How many people did the police say took part?": the
    # organisers' figure, not a count of organisers (story h42).
    said = Said("How many people did the police say took part?", "35,000")
    assert resolve("And the organisers?", said).text == (
        "How many people did the organisers say took part?"
    )
    # A count of other things stays a count: "And barns?" after "How many homes ...?".
    said = Said("How many homes were destroyed?", "15")
    assert resolve("And barns?", said).text == "How many barns were destroyed?"


def test_an_event_answered_by_its_noun_is_what_it_stands_for() -> None:
    # "When did it start?" after "What happened near the finance ministry?" / "scuffles
    # near the finance ministry" (story h42): the scuffles; not a clause's verb.
    said = Said("What happened near the finance ministry?", "scuffles near the finance ministry")
    assert resolve("When did it start?", said).text == (
        "When did the scuffles start near the finance ministry?"
    )
    said = Said("What happened near the finance ministry?", "protesters clashed with police")
    assert "clashed" not in resolve("When did it start?", said).text
