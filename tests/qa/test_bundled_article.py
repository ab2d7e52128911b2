"""The real model on the bundled article: the dev questions' cited sentences and abstentions."""

from __future__ import annotations

import json
import threading

import pytest

import qa
from qa.evaluation import history_messages
from tests.conftest import ARTICLE_DEV

pytestmark = pytest.mark.slow


def _dev_questions() -> list[dict]:
    return [json.loads(line) for line in ARTICLE_DEV.read_text("utf-8").splitlines() if line]


def _ask(bot, row: dict) -> qa.Answer:
    return bot.ask(row["question"], history_messages(bot, row.get("history", [])))


def test_target_on_november_23_cites_the_answering_sentence(bundled_bot) -> None:
    answer = qa.ask("What was targeted on November 23?")
    assert answer.found
    assert answer.evidence[0].position == 13
    assert "chief of staff of Hezbollah" in answer.evidence[0].text


@pytest.mark.parametrize("form", ["Nov. 23", "23 November", "November 23rd"])
def test_any_written_date_finds_the_dated_sentences(bundled_bot, form: str) -> None:
    answer = qa.ask(f"Where was the air strike on {form}?")
    assert 12 in [e.position for e in answer.evidence[:2]]


def test_a_date_stated_sentences_before_the_answer_does_not_hide_it(bundled_bot) -> None:
    # Sentences 15 and 16 are about November 23 because sentence 12 says so: read beside
    # them, the question's date is not a word the reader should find missing.
    condemned = bundled_bot.inspect("Who condemned the November 23 strike?")
    assert condemned.span is not None and condemned.span.text == "Lebanese authorities"
    casualties = bundled_bot.inspect("Were there casualties on November 23?")
    assert casualties.span is not None and "no immediate casualties" in casualties.span.text
    # Beirut's passage states its own date: a question dated otherwise reads as asked.
    other_day = bundled_bot.inspect("What was targeted in Beirut on November 19?")
    assert other_day.span is None or other_day.span.margin < 0


def test_the_part_of_a_passage_in_the_dates_scope_is_read_without_it(bundled_bot) -> None:
    # Sentence 10 is about November 19 because sentence 8 says so, but the passage read
    # around it (10-12) goes on to state November 23: read whole, the question's date
    # is missing there; its first part is read again without it.
    damaged = bundled_bot.ask("What was damaged in the November 19 strike?")
    assert damaged.found and damaged.text == "nearby homes and infrastructure"


def test_dev_set_evidence_hits(bundled_bot) -> None:
    rows = [r for r in _dev_questions() if r["answers"]]
    hits1 = hits3 = 0
    for row in rows:
        positions = [e.position for e in _ask(bundled_bot, row).evidence]
        hits1 += positions[0] in row["evidence"]
        hits3 += any(p in row["evidence"] for p in positions[:3])
    assert hits1 / len(rows) >= 0.90
    assert hits3 / len(rows) >= 0.95


def test_dev_set_abstains_on_unanswerable_and_answers_the_rest(bundled_bot) -> None:
    rows = _dev_questions()
    unanswerable = [r for r in rows if not r["answers"]]
    abstained = sum(not _ask(bundled_bot, r).found for r in unanswerable)
    assert abstained >= 2
    answerable = [r for r in rows if r["answers"]]
    found = sum(_ask(bundled_bot, r).found for r in answerable)
    assert found / len(answerable) >= 0.9


def test_not_found_answer_is_empty_with_suggestions(bundled_bot) -> None:
    answer = qa.ask("Who is the president of Lebanon?")
    assert not answer.found
    assert answer.text == ""
    assert answer.evidence  # the closest sentences, offered as "you may be looking for"


def test_follow_up_uses_the_history(bundled_bot) -> None:
    history = history_messages(bundled_bot, ["What happened on November 19?"])
    answer = qa.ask("Where was that?", history)
    assert answer.evidence[0].position == 8
    assert answer.reading and "November 19" in answer.reading


def test_ask_is_thread_safe(bundled_bot) -> None:
    questions = ["What was targeted on November 23?", "What did the Russian envoy call for?"] * 4
    expected = {q: qa.ask(q) for q in set(questions)}
    results: list[tuple[str, qa.Answer]] = []

    def worker(question: str) -> None:
        results.append((question, qa.ask(question)))

    threads = [threading.Thread(target=worker, args=(q,)) for q in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == len(questions)
    for question, answer in results:
        assert answer == expected[question]


def test_what_the_article_is_about_is_its_lede_and_its_two_strikes(bundled_bot) -> None:
    answer = bundled_bot.ask("what is this article about")
    assert answer.found and answer.confident
    assert [e.position for e in answer.evidence] == [0, 8, 12]
    assert "November 19" in answer.text and "November 23" in answer.text


def test_tell_me_about_a_topic_quotes_its_sentence(bundled_bot) -> None:
    answer = bundled_bot.ask("tell me about the russian envoy")
    assert answer.found
    assert answer.text == bundled_bot.sentences[answer.evidence[0].position].text
    assert "Russian envoy" in answer.text
    assert not bundled_bot.ask("tell me about the weather in Paris").found
    # The sentence that describes Hezbollah ("Hezbollah, the Iran-backed Shi'ite militia
    # ..."), not one that only names it ("... Hezbollah's ongoing threats to Israel").
    hezbollah = bundled_bot.ask("tell me about hezbollah")
    assert hezbollah.found and hezbollah.evidence[0].position == 4


def test_what_is_a_name_is_the_phrase_the_article_sets_beside_it(bundled_bot) -> None:
    # Read over the sentences that only mention it, the reader found nothing.
    answer = bundled_bot.ask("What is Hezbollah?")
    assert answer.found and answer.text == "the Iran-backed Shi’ite militia"
    assert answer.evidence[0].position == 4
    assert bundled_bot.ask("what is beirut").text == "the capital of Lebanon"
    # A name typed alone asks the same.
    assert bundled_bot.ask("Hezbollah?").text == "the Iran-backed Shi’ite militia"


@pytest.mark.parametrize(
    "question",
    [
        # The article names neither: the reader gave what the role is of ("Lebanon" of
        # "Russia's ambassador to Lebanon") or a phrase in small letters ("the target").
        "What is the name of the Russian ambassador?",
        "What is the name of Hezbollah's chief of staff?",
    ],
)
def test_a_name_the_article_never_gives_is_not_found(bundled_bot, question: str) -> None:
    assert not bundled_bot.ask(question).found


def test_according_to_whom_asks_who_made_the_claim(bundled_bot) -> None:
    # Read as typed, "Israel" (from "talks with Israel"): the claim's source is asked.
    answer = bundled_bot.ask("According to whom did the ministry hail the talks?")
    assert answer.found and "LBCI TV" in answer.text
    assert answer.evidence[0].position == 0
    said = bundled_bot.ask("The target was a building, according to whom?")
    assert said.found and "press office" in said.text


def test_a_time_of_day_the_article_does_not_give_is_not_a_date(bundled_bot) -> None:
    # The reader's "November 23" (0.80) says which day; the article says not when in it.
    answer = bundled_bot.ask("What time of day did the Beirut strike take place?")
    assert not answer.found
    assert bundled_bot.ask("When did the Beirut strike take place?").found
