"""A few words typed as a search-box query read as the question they stand for
(qa.keyword_query); anything that is already a question, a request or a fragment is not."""

from __future__ import annotations

import pytest

from qa.followup import read_question
from qa.keyword_query import MAX_QUERY_WORDS, as_question


@pytest.mark.parametrize(
    ("query", "question"),
    [
        # A day: what happened, in the past tense news tells it in.
        ("November 23 target?", "What was the November 23 target?"),
        ("saturday result", "What was the saturday result?"),
        ("talks outcome", "What is the talks outcome?"),
        # A date, a name or another attribute asked of what the words before it name.
        ("talks location", "What is the location of the talks?"),
        ("meridian-3 manufacturer", "What is the manufacturer of the meridian-3?"),
        ("Alstom acquisition price", "What is the price of the Alstom acquisition?"),
        ("shareholder vote date", "What is the date of the shareholder vote?"),
        ("new governor name", "What is the name of the new governor?"),
        ("Hamas camp strike date", "What is the date of the Hamas camp strike?"),
        # A determiner of its own: no second one.
        ("the target of the Beirut strike", "What is the target of the Beirut strike?"),
        ("its capital", "What is its capital?"),
        # "any ...": whether there were any.
        ("any casualties?", "Were there any casualties?"),
        ("anyone hurt", "Was anyone hurt?"),
        ("Anyone injured in Beirut", "Was anyone injured in Beirut?"),
        # Ending in "by": who did it, in the tense and number of the thing done to.
        ("hezbollah backed by?", "Who is the hezbollah backed by?"),
        ("talks hosted by", "Who are the talks hosted by?"),
        ("nov 19 strike carried out by", "Who was the nov 19 strike carried out by?"),
        ("hezbolah backed by who", "Who is the hezbolah backed by?"),  # the doer asked for
        ("talks hosted by whom?", "Who are the talks hosted by?"),
        ("Any damage in Beirut", "Were there any damage in Beirut?"),
        # A day alone: what happened then (after a question, it varies that one instead).
        ("November 19?", "What happened on November 19?"),
        ("on November 19, 2025", "What happened on November 19, 2025?"),
        ("the 19th of November?", "What happened on 19th of November?"),
        ("on saturday?", "What happened on Saturday?"),
        # Things and what was done to them: how many were.
        ("homes lost", "How many homes were lost?"),
        ("people evacuated?", "How many people were evacuated?"),
        ("Lebanese civilians killed", "How many Lebanese civilians were killed?"),
        ("news reported", "What is the news reported?"),  # no plural
        ("the buildings destroyed", "What is the buildings destroyed?"),  # some, not a count
        ("Hezbollah targeted", "What is the Hezbollah targeted?"),
        # "number ...": how many.
        ("number injured", "How many were injured?"),
        ("number of people killed", "How many people were killed?"),
        # A role: who holds it.
        ("lead researcher", "Who is the lead researcher?"),
        ("Ravenport manager", "Who is the Ravenport manager?"),
        ("Russian ambassador", "Who is the Russian ambassador?"),
        # An attribute of a thing, written first: not the request "Name the ...".
        ("name of missing ski instructor", "What is the name of the missing ski instructor?"),
        ("date of first shelling", "What is the date of the first shelling?"),
    ],
)
def test_a_keyword_query_reads_as_a_what_question(query: str, question: str) -> None:
    assert as_question(query) == question


@pytest.mark.parametrize(
    "text",
    [
        "What was targeted on November 23?",  # a question word
        "russian envoy called for what",  # ... anywhere
        "backed by who",  # nothing it was done to
        "the strike was confirmed by who",  # a closed-class verb: a question as it is
        "Did Israel warn civilians?",  # a yes/no question
        "Thomas Edison is credited with?",  # a cloze: a closed-class verb
        "Name the original Digimon anime.",  # a request
        "describe the talks",
        "and Hezbollah?",  # a fragment of a follow-up
        "on November 19 in Beirut?",
        "This state grew at a rapid pace during the Porfiriato.",  # too long for a query
        "",
        "?!",
    ],
)
def test_questions_requests_and_fragments_are_not_keyword_queries(text: str) -> None:
    assert as_question(text) is None


def test_a_query_one_word_too_long_is_read_as_typed() -> None:
    words = ["strike"] * MAX_QUERY_WORDS
    assert as_question(" ".join(words)) is not None
    assert as_question(" ".join([*words, "date"])) is None


def test_retrieval_and_the_reader_take_the_question_the_query_stands_for() -> None:
    reading = read_question("Talks location?", None)
    assert reading.question == "Talks location?"
    assert reading.query == reading.reader_question == "What is the location of the Talks?"
    assert reading.note is None  # nothing to tell the user: they were not misread


def test_a_keyword_fragment_after_a_question_is_a_follow_up_not_a_query() -> None:
    history = [
        {"role": "user", "content": "What was targeted on November 23?"},
        {"role": "assistant", "content": "a building"},
    ]
    reading = read_question("and on November 19?", history)
    assert reading.reader_question != "What is the and on November 19?"
    assert reading.context is not None
