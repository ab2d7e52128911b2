"""Follow-ups on the bundled article with the real models: read from the structured
answers the chat keeps, and questions that stand on their own asked as they are.

Whether an answer is given depends on the calibration; these check what the reader
found and the sentence it cites, which ask() returns either way."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.answer import Answer, Evidence
from qa.bot import ArticleQA
from qa.scoring import normalize

pytestmark = pytest.mark.slow

TARGETED = "What was targeted on November 23?"
BUILDING = "a building believed to house the ‘chief of staff of Hezbollah,’"


def _kept(question: str, answer: Answer) -> list[dict]:
    """One turn as the chat keeps it: the reply's text, and its Answer under "answer"."""
    return [
        {"role": "user", "content": question},
        {"role": "assistant", "content": answer.text, "answer": answer},
    ]


def _citing(bot: ArticleQA, text: str, position: int) -> Answer:
    sentence = bot.sentences[position]
    cited = Evidence(bot.title, position, sentence.text, sentence.start, sentence.end, 0.9)
    return Answer(text, True, 0.9, [cited])


def test_where_was_that_after_the_november_23_question_is_beirut(bundled_bot: ArticleQA) -> None:
    history = _kept(TARGETED, bundled_bot.ask(TARGETED))
    analysis = bundled_bot.inspect("Where was that?", history)
    assert analysis.span is not None and "Beirut" in analysis.span.text
    answer = bundled_bot.ask("Where was that?", history)
    assert "Beirut" in answer.evidence[0].text  # the sentence it cites first
    assert answer.reading == f"Reading as: Where was that (following: {TARGETED})"


def test_where_when_and_who_after_what_happened_find_the_events_place_day_and_doer(
    bundled_bot: ArticleQA,
) -> None:
    # "that" is the event: asked as where or when it happened and who carried it out, not
    # where "what happened" was, which reads the sentence's first word as the answer.
    happened = "What happened on November 23?"
    history = _kept(happened, bundled_bot.ask(happened))
    where = bundled_bot.inspect("Where did that happen?", history)
    assert where.reading.reader_question == "Where did it happen on November 23?"
    assert where.span is not None and where.span.text.startswith("Beirut")
    who = bundled_bot.inspect("Who did that?", history)
    # The event the answer names ("the IDF confirmed another air strike in Beirut"): "Who
    # carried it out on November 23?" was withheld ("it" led the reader nowhere).
    assert who.reading.reader_question == "Who carried out the air strike on November 23?"
    # The doer, scored as `article-qa eval` scores it ("IDF" and "the IDF" are one answer).
    assert who.span is not None and normalize(who.span.text) == "idf"
    assert bundled_bot.ask("Who did it?", history).found
    in_beirut = "What happened in Beirut?"
    history = _kept(in_beirut, bundled_bot.ask(in_beirut))
    when = bundled_bot.inspect("When was that?", history)
    assert when.span is not None and when.span.text == "November 23"


def test_it_after_a_which_question_answered_with_a_sentence_is_the_thing_asked_for(
    bundled_bot: ArticleQA,
) -> None:
    first = "Which strike happened first?"
    history = _kept(first, bundled_bot.ask(first))
    where = bundled_bot.inspect("Where was it?", history)
    # "it" had been kept ("Where was it on November 19?") and the answer withheld.
    assert where.reading.reader_question == "Where was the strike on November 19?"
    answer = bundled_bot.ask("Where was it?", history)
    assert answer.found and "Ain al-Hilweh" in answer.text


def test_who_condemned_the_strike_stands_on_its_own_after_any_history(
    bundled_bot: ArticleQA,
) -> None:
    alone = bundled_bot.inspect("Who condemned the strike?")
    history = _kept(TARGETED, bundled_bot.ask(TARGETED))
    history += _kept("Where was that?", bundled_bot.ask("Where was that?", history))
    after = bundled_bot.inspect("Who condemned the strike?", history)
    assert after.reading.reader_question == "Who condemned the strike?"
    assert after.span is not None and after.span.text == "Lebanese authorities"
    assert after.span == alone.span
    assert bundled_bot.ask("Who condemned the strike?", history).reading is None


def test_that_is_read_near_the_sentences_the_previous_answer_cited(bundled_bot: ArticleQA) -> None:
    # The same words, two earlier answers: each follow-up is answered beside its own.
    camp = _kept("What was hit?", _citing(bundled_bot, "a Hamas training camp", 8))
    building = _kept("What was hit?", _citing(bundled_bot, "a building", 13))
    near_camp = bundled_bot.inspect("Where was that?", camp)
    near_building = bundled_bot.inspect("Where was that?", building)
    assert near_camp.span is not None and "Ain al-Hilweh" in near_camp.span.text
    assert near_building.span is not None and "Beirut" in near_building.span.text
    assert near_camp.ranking.candidates[0].position == 8


def test_plain_text_history_still_reads_follow_ups(bundled_bot: ArticleQA) -> None:
    answer = bundled_bot.answer_from(bundled_bot.inspect(TARGETED))
    plain = [{"role": "user", "content": TARGETED}, {"role": "assistant", "content": answer.text}]
    where = bundled_bot.inspect("Where was that?", plain)
    assert where.span is not None and "Beirut" in where.span.text
    said = bundled_bot.inspect("Who said so?", plain)
    assert said.span is not None and said.span.text == "Israeli press office"


def test_who_said_so_after_what_the_target_was_finds_the_press_office(
    bundled_bot: ArticleQA,
) -> None:
    # Read "Who said so on November 23?" (the claim left out), the reader found no one.
    asked = "What was the target?"
    history = _kept(asked, bundled_bot.ask(asked))
    said = bundled_bot.inspect("Who said so?", history)
    assert said.reading.reader_question.startswith("Who said the target was a building")
    assert said.span is not None and said.span.text == "Israeli press office"


def test_and_the_israeli_delegates_asks_the_last_question_of_them(
    bundled_bot: ArticleQA,
) -> None:
    # Joined to the last question, the reader answered that one again ("the potential
    # for joint infrastructure projects ...").
    asked = "What did Lebanese officials emphasize?"
    history = _kept(asked, bundled_bot.ask(asked))
    analysis = bundled_bot.inspect("and the Israeli delegates?", history)
    assert analysis.reading.reader_question == "What did the Israeli delegates emphasize?"
    assert analysis.span is not None and "stabilizing the volatile area" in analysis.span.text


def test_why_after_who_condemned_the_strike_finds_the_accusation(
    bundled_bot: ArticleQA,
) -> None:
    # Joined to "Who condemned the strike?", the reader gave "Lebanese authorities" again.
    asked = "Who condemned the strike?"
    history = _kept(asked, bundled_bot.ask(asked))
    why = bundled_bot.inspect("why?", history)
    assert why.reading.reader_question == "Why did Lebanese authorities condemn the strike?"
    assert why.span is not None and "accused Israel" in why.span.text


def test_why_after_what_they_urged_finds_the_reason(bundled_bot: ArticleQA) -> None:
    # "Why?" reads "Why did ... urge Israel to <the answer>?": the reason beside it, not
    # the answer itself again.
    urged = "What did Lebanese representatives urge Israel to do?"
    history = _kept(urged, bundled_bot.ask(urged))
    why = bundled_bot.inspect("Why?", history)
    assert why.reading.reader_question.startswith("Why did Lebanese representatives urge Israel to")
    assert why.span is not None and "concerns over cross-border attacks" in why.span.text


def test_they_after_a_place_is_the_last_questions_subject(bundled_bot: ArticleQA) -> None:
    # The answer (a place) is not what "they" stands for after "Where were the talks
    # held?": the question's subject is.
    history = _kept("Where were the talks held?", bundled_bot.ask("Where were the talks held?"))
    focus = bundled_bot.inspect("what did they focus on", history)
    assert focus.reading.reader_question == "What did the talks focus on?"
    assert focus.span is not None and "economic collaboration" in focus.span.text


def test_who_carried_it_out_and_by_whom_find_the_doer(bundled_bot: ArticleQA) -> None:
    happened = "What happened on November 19?"
    history = _kept(happened, bundled_bot.ask(happened))
    who = bundled_bot.inspect("who carried it out?", history)
    # The event the answer names, put before the particle ("... launched a precision
    # strike on a Hamas training camp ...").
    assert who.reading.reader_question == "Who carried out the precision strike on November 19?"
    assert who.span is not None and "Israeli military" in who.span.text
    ran = "Which organization ran the training camp?"
    history = _kept(ran, bundled_bot.ask(ran))
    designated = "How has it been designated?"
    history += _kept(designated, bundled_bot.ask(designated, history))
    by_whom = bundled_bot.inspect("By whom?", history)
    assert by_whom.reading.reader_question == "By whom has Hamas been designated?"
    assert by_whom.span is not None and by_whom.span.text == "multiple international bodies"


def test_tell_me_more_quotes_the_sentences_after_the_last_answers(
    bundled_bot: ArticleQA,
) -> None:
    asked = "What did the Russian envoy call for?"
    history = _kept(asked, _citing(bundled_bot, "de-escalation", 19))
    more = bundled_bot.ask("Tell me more", history)
    assert more.found and more.confident
    assert more.text == bundled_bot.sentences[20].text
    assert [e.position for e in more.evidence] == [20]
    history += _kept("Tell me more", more)
    end = bundled_bot.ask("go on", history)  # the article's last sentence was quoted
    assert not end.found and end.reading is not None and "last sentence" in end.reading


def test_tell_me_more_with_nothing_before_gives_the_articles_gist(
    bundled_bot: ArticleQA,
) -> None:
    assert bundled_bot.ask("Tell me more").text == bundled_bot.gist().text


def test_where_does_it_say_that_quotes_the_last_answers_sentence(
    bundled_bot: ArticleQA,
) -> None:
    # Read as a follow-up, it was "Where does it say Lebanon's foreign ministry?" and
    # answered "Ras EnNakoura".
    history = _kept("Who hailed the talks?", _citing(bundled_bot, "Lebanon's foreign ministry", 0))
    source = bundled_bot.ask("where does it say that?", history)
    assert source.found and source.confident
    assert source.text == bundled_bot.sentences[0].text
    assert [e.position for e in source.evidence] == [0]


def test_a_source_question_with_nothing_before_is_read_as_a_question(
    bundled_bot: ArticleQA,
) -> None:
    assert bundled_bot.ask("What is the source?").reading is None
    assert bundled_bot.ask("What is the source?").text != bundled_bot.sentences[0].text


def test_when_was_that_answers_the_date_the_last_answers_sentence_tells_of(
    bundled_bot: ArticleQA,
) -> None:
    # Read beside its sentence, which states no date ("However, local residents reported
    # ..."), "When was that?" was not found; pinned to the date, the reader gave a time.
    reported = "What did local residents report?"
    history = _kept(reported, _citing(bundled_bot, "widespread damage", 10))
    when = bundled_bot.ask("When was that?", history)
    assert when.found and not when.confident  # inherited from two sentences before
    assert when.text == "November 19"
    assert [e.position for e in when.evidence] == [8, 10]
    cited = when.evidence[0]
    assert bundled_bot.text[cited.answer_start : cited.answer_end] == "November 19"
    # A date the answer's own sentence states is sure.
    launched = "What did the Israeli military launch?"
    stated = _kept(launched, _citing(bundled_bot, "a precision strike", 8))
    sure = bundled_bot.ask("when did it happen", stated)
    assert sure.text == "November 19" and sure.confident
    assert [e.position for e in sure.evidence] == [8]
    # With nothing cited before, it is a question like any other.
    assert bundled_bot.ask("When was that?").reading is None
    # "When?" alone asks the same: read as "When was it targeted?", the reader preferred
    # "November 19" and nothing was given.
    targeted = _kept(TARGETED, _citing(bundled_bot, BUILDING, 13))
    assert bundled_bot.ask("When?", targeted).text == "November 23"


def test_a_when_follow_up_searches_the_sentence_stating_its_date_first(
    bundled_bot: ArticleQA,
) -> None:
    # "Lebanese authorities" cites sentence 15, which is about November 23 as stated in
    # sentence 12: a question asking when searches that one first.
    condemned = _kept("Who condemned the strike?", _citing(bundled_bot, "Lebanese authorities", 15))
    when = bundled_bot.read("When did they condemn it?", condemned)
    assert bundled_bot.focus(when)[:2] == (12, 15)
    assert bundled_bot.focus(bundled_bot.read("Why?", condemned))[0] == 15


def test_requests_about_the_last_answer_find_its_sentence_from_plain_text(
    bundled_bot: ArticleQA,
) -> None:
    # As the CLI's --history and POST /api/ask replay a chat: the reply's text only.
    history = [
        {"role": "user", "content": TARGETED},
        {"role": "assistant", "content": "a building believed to house the ‘chief of staff"},
    ]
    assert bundled_bot.last_positions(bundled_bot.cite_quoted(history)) == (13,)
    assert bundled_bot.ask("Where does it say that?", history).evidence[0].position == 13
    assert bundled_bot.ask("When was that?", history).text == "November 23"
    assert bundled_bot.ask("Tell me more", history).evidence[0].position == 14
    # Words the article never says, or inside another word ("Israeli"), name no sentence.
    for said in ("a tank", "Israe"):
        reply = {"role": "assistant", "content": said}
        assert bundled_bot.last_positions(bundled_bot.cite_quoted([history[0], reply])) == ()


def test_a_plain_text_reply_is_read_as_the_structured_answer_it_was(
    bundled_bot: ArticleQA,
) -> None:
    # "Which strike happened first?" answered with a clause of sentence 8 ("The Israeli
    # military launched ...", capitalised as shown); replayed as text, "Where was it?"
    # searched the whole article and answered "Beirut", the other strike's city.
    first = "Which strike happened first?"
    answer = bundled_bot.ask(first)
    plain = [{"role": "user", "content": first}, {"role": "assistant", "content": answer.text}]
    kept = bundled_bot.ask("Where was it?", _kept(first, answer))
    replayed = bundled_bot.ask("Where was it?", plain)
    assert replayed.found and "Ain al-Hilweh" in replayed.text
    assert replayed.text == kept.text and replayed.evidence[0].position == 8
    assert plain[1] == {"role": "assistant", "content": answer.text}  # the caller's, as given


def test_a_plain_reply_the_article_says_in_several_sentences_is_where_its_question_points(
    bundled_bot: ArticleQA,
) -> None:
    # "Hamas" is in sentences 8, 9 and 11; the question asked of it points at 8.
    asked = "Whose training camp was hit on November 19?"
    history = [{"role": "user", "content": asked}, {"role": "assistant", "content": "Hamas"}]
    assert bundled_bot.last_positions(bundled_bot.cite_quoted(history)) == (8,)
    # Only the last reply is placed by its question: an earlier one must be said once.
    history += [
        {"role": "user", "content": "Thanks. What was targeted on November 23?"},
        {"role": "assistant", "content": BUILDING},
    ]
    cited = bundled_bot.cite_quoted(history)
    assert "answer" not in cited[1] and cited[3]["answer"].evidence[0].position == 13


def test_what_else_did_she_do_is_another_deed_than_the_one_asked_about() -> None:
    story = (
        "Heavy rain flooded more than 300 homes in Ashbury on Sunday.\n"
        "Mayor Helen Price declared a major incident and opened the town's sports hall as "
        "an emergency shelter.\n"
        "About 120 people spent the night at the shelter.\n"
    )
    bot = ArticleQA.from_text(story)
    first = bot.ask("Who declared a major incident?")
    assert "Helen Price" in first.text
    history = [
        {"role": "user", "content": "Who declared a major incident?"},
        {"role": "assistant", "content": first.text, "answer": first},
    ]
    other = bot.ask("What else did she do?", history)
    assert other.found and other.text.startswith("opened the town's sports hall")


def test_who_is_he_after_the_target_is_the_person_the_answer_names(
    bundled_bot: ArticleQA,
) -> None:
    # "Who is he on November 23?" had been withheld: no one was put in for "he".
    history = _kept(TARGETED, bundled_bot.ask(TARGETED))
    assert bundled_bot.read("Who is he?", history).reader_question == (
        "Who is the chief of staff of Hezbollah?"
    )
    answer = bundled_bot.ask("Who is he?", history)
    assert answer.found and answer.text == (
        "a high-ranking official responsible for the group’s military modernization"
    )
    assert answer.reading == bundled_bot.read("Who is he?", history).note  # shown as read


def test_who_said_so_is_who_the_last_answers_sentence_says_claims_it(
    bundled_bot: ArticleQA,
) -> None:
    asked = "What was the chief of staff of Hezbollah responsible for?"
    history = _kept(asked, _citing(bundled_bot, "the group’s military modernization", 13))
    answer = bundled_bot.ask("Who said so?", history)
    assert answer.found and answer.text == "the Israeli press office"
    assert answer.evidence[0].position == 13 and answer.confident
    # A withheld answer claims nothing, whatever sentences it cites.
    cited = _citing(bundled_bot, "", 12)
    withheld = _kept("What does he do?", replace(cited, found=False))
    assert bundled_bot.speaker_of_last(withheld, None) is None
    assert bundled_bot.speaker_of_last(_kept(asked, _citing(bundled_bot, "x", 12)), None)


def test_and_then_after_the_november_19_strike_is_the_november_23_strike(
    bundled_bot: ArticleQA,
) -> None:
    asked = "What did Israel hit on November 19?"
    history = _kept(asked, bundled_bot.ask(asked))
    answer = bundled_bot.ask("And then?", history)
    # The next day the article dates, not the IDF's statement in the next sentence.
    assert answer.found and "November 23" in answer.text
    assert "November 23" in bundled_bot.sentences[answer.evidence[0].position].text
