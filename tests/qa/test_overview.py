"""Requests for an article's gist answered with its lede and its dated sentences
(qa.overview), never "That is not in the article."."""

from __future__ import annotations

import pytest

from index.sentences import split_sentences
from qa import ArticleQA
from qa.overview import asks_overview, overview
from tests.conftest import FakeEmbedder

NEWS = (
    "A ferry sank off Crete, the coastguard said.\n"
    "All 212 passengers were rescued.\n"
    "On March 3 the ferry left Chania.\n"
    "Storms had been forecast.\n"
    "On March 4 divers reached the wreck.\n"
    "The company apologised on March 3.\n"
    "Insurers were told.\n"
    "An inquiry will report.\n"
)


@pytest.mark.parametrize(
    "question",
    [
        "What is this article about?",
        "What's the story about?",
        "What is this news story about?",
        "Summarize the article.",
        "Summarise it please",
        "Summarize the article in one sentence",
        "briefly summarize the story",
        "sum it up in a few words",
        "Give me a summary",
        "Can you give me an overview of the article?",
        "What are the main points?",
        "key takeaways?",
        "What are the key takeaways?",
        "What is the gist?",
        "tl;dr",
        "TLDR?",
    ],
)
def test_requests_for_the_gist(question: str) -> None:
    assert asks_overview(question)


@pytest.mark.parametrize(
    "question",
    [
        "What is the summary of the talks?",
        "What is the article's main claim about Hezbollah?",
        "Who summarized the report?",
        "What was the story of the ferry?",
        "What are the main points of disagreement?",
    ],
)
def test_questions_about_something_in_it_are_not(question: str) -> None:
    assert not asks_overview(question)


def test_the_gist_is_the_lede_and_the_first_sentence_of_each_date() -> None:
    sentences = split_sentences(NEWS)
    assert overview(sentences) == [0, 2, 4]  # March 3 twice: its first sentence only
    undated = split_sentences("One thing happened.\nThen another.\nAnd a third.\n")
    assert overview(undated) == [0, 1]
    assert overview([]) == []


def test_ask_quotes_the_gist_whole_and_cites_it(fake_embedder: FakeEmbedder) -> None:
    bot = ArticleQA.from_text(NEWS, embedder=fake_embedder, reader=False)
    answer = bot.ask("what is this article about")
    assert answer.found and answer.confident
    assert [e.position for e in answer.evidence] == [0, 2, 4]
    assert answer.text == (
        "A ferry sank off Crete, the coastguard said. On March 3 the ferry left Chania. "
        "On March 4 divers reached the wreck."
    )
    assert answer.evidence[1].dates == ["March 3"]
    # Asked after other turns, it is still the article's gist.
    history = [
        {"role": "user", "content": "Who was rescued?"},
        {"role": "assistant", "content": "x"},
    ]
    assert bot.ask("Summarize it", history).text == answer.text


def test_dates_deep_in_a_long_article_are_background_not_its_gist() -> None:
    body = "".join(f"Fact number {n} holds.\n" for n in range(1, 9))
    late = split_sentences(f"The river is long.\n{body}On March 3 a bridge opened.\n")
    assert overview(late) == [0, 1]  # the date is in the last third: the lede and the next


def test_a_chronicle_of_many_days_is_summed_up_by_its_opening() -> None:
    days = "".join(f"On March {day} something happened.\n" for day in range(1, 6))
    chronicle = split_sentences(f"The city grew.\nIt is old.\n{days}More followed.\n" * 2)
    assert overview(chronicle) == [0, 1]


@pytest.mark.parametrize(
    "question", ["What happened?", "whats going on", "What's the story?", "what is it about"]
)
def test_a_vague_first_question_asks_for_the_gist(question: str) -> None:
    from qa.question_form import tidy

    assert asks_overview(tidy(question), first=True)
    assert not asks_overview(tidy(question))  # after a question it asks about that one


def test_what_happened_first_is_the_gist_and_after_a_question_a_follow_up(
    fake_embedder: FakeEmbedder,
) -> None:
    bot = ArticleQA.from_text(NEWS, embedder=fake_embedder, reader=False)
    assert bot.ask("What happened?").text == bot.ask("Summarize the article").text
    history = [
        {"role": "user", "content": "When did divers reach the wreck?"},
        {"role": "assistant", "content": "March 4"},
    ]
    assert bot.read("What happened?", history).context is not None
