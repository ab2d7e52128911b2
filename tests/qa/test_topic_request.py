"""Requests about a topic ("Tell me about Hezbollah") answered with the sentence about
it, quoted whole and scored as sentence answers are (qa.topic_request)."""

from __future__ import annotations

import pytest

from qa import ArticleQA
from qa.calibration import Calibration
from qa.topic_request import introduces, requested_topic, topic_alone
from tests.conftest import FakeEmbedder


@pytest.mark.parametrize(
    ("request_", "topic"),
    [
        ("Tell me about Hezbollah?", "Hezbollah"),
        ("Tell me more about the talks?", "the talks"),
        ("Can you tell me something about the envoy please?", "the envoy"),
        ("Describe the talks.", "the talks"),
        ("Explain the November 19 strike?", "the November 19 strike"),
        ("What does the article say about Hezbollah?", "Hezbollah"),
        ("What do you know about the Russian envoy?", "the Russian envoy"),
        ("What is the deal with the talks?", "the talks"),
        ("What is up with Hezbollah?", "Hezbollah"),
        ("What is going on with the envoy?", "the envoy"),
        ("What is the latest on the strikes?", "the strikes"),
        ("Anything about casualties?", "casualties"),
        ("Info on the Beirut strike?", "the Beirut strike"),
    ],
)
def test_a_request_names_its_topic(request_: str, topic: str) -> None:
    assert requested_topic(request_) == topic


@pytest.mark.parametrize(
    "question",
    [
        "Explain why Lebanese representatives urged Israel to act?",
        "Describe how the talks went?",
        "Who described the talks?",
        "What did the envoy say about Hezbollah?",
        "What is Hezbollah?",
        "What is the situation in Lebanon?",  # asks something of its own
        "What is up?",
    ],
)
def test_a_question_or_a_request_holding_one_names_none(question: str) -> None:
    assert requested_topic(question) is None


def test_a_topic_is_answered_with_its_sentence_scored_as_a_sentence_answer(
    fake_embedder: FakeEmbedder,
) -> None:
    text = "The ferry sank off Crete.\nDivers reached the wreck at dawn.\nThe weather cleared.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    decision = bot.decide("tell me about the divers and the wreck")
    assert decision.candidate == "Divers reached the wreck at dawn."
    assert decision.answer.evidence[0].position == 1
    # Scored by the sentence answers' calibration: the same probability as the features
    # of the topic's own ranking give.
    analysis = bot.analyse(
        bot.read("the divers and the wreck"),
        bot.retriever.rank("the divers and the wreck"),
        [],
        0.0,
        with_reader=False,
    )
    expected = Calibration.load(with_reader=False).probability(analysis.features)
    assert decision.answer.score == round(expected, 4)


def test_a_sentence_describing_the_topic_where_it_names_it_introduces_it() -> None:
    assert introduces("Hezbollah", "the disarmament of Hezbollah, the Iran-backed militia.")
    assert introduces("the ferry", "The ferry, which carried 212 people, sank.")
    assert introduces("hamas", "a campaign against Hamas, which has been designated ...")
    assert not introduces("Hezbollah", "Hezbollah's armed presence poses a threat.")
    assert not introduces("Hezbollah", "threats to Israel, the envoy said of Hezbollah.")
    assert not introduces("the", "The ferry, which carried 212 people, sank.")


def test_a_topic_is_quoted_from_the_sentence_that_describes_it(
    fake_embedder: FakeEmbedder,
) -> None:
    text = (
        "The ferry sank off Crete.\n"
        "Divers reached the wreck at dawn.\n"
        "The coast guard, a force of 300 sailors, led the rescue.\n"
        "Officials thanked the coast guard.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    ranked = bot.retriever.rank("the coast guard").candidates
    assert ranked[0].position == 3  # the shorter sentence matches the words best
    answer = bot.ask("tell me about the coast guard")
    assert answer.found
    assert [e.position for e in answer.evidence][:2] == [2, 3]
    assert answer.text == "The coast guard, a force of 300 sailors, led the rescue."


def test_what_about_a_topic_with_nothing_before_it_asks_about_the_topic(
    fake_embedder: FakeEmbedder,
) -> None:
    text = "The ferry sank off Crete.\nDivers reached the wreck at dawn.\nThe weather cleared.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    assert topic_alone("what about the divers and the wreck?") == "the divers and the wreck"
    assert topic_alone("What about why it sank?") is None
    assert topic_alone("Who reached the wreck?") is None
    alone = bot.decide("what about the divers and the wreck")
    asked = bot.decide("tell me about the divers and the wreck")
    assert alone.candidate == asked.candidate == "Divers reached the wreck at dawn."
    # After a question it varies that question instead (qa.referring.ellipsis).
    history = [
        {"role": "user", "content": "Where did the ferry sink?"},
        {"role": "assistant", "content": "off Crete"},
    ]
    assert bot.read("what about the divers and the wreck", history).context is not None


def test_a_topic_named_with_a_name_the_article_never_uses_is_not_found(
    fake_embedder: FakeEmbedder,
) -> None:
    text = "The ferry sank off Crete.\nDivers reached the wreck at dawn.\nThe weather cleared.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    assert bot.never_names("the US") and bot.never_names("Obama")
    assert not bot.never_names("Crete") and not bot.never_names("the divers")
    assert not bot.ask("anything about the US?").found
    assert bot.ask("tell me about the divers and the wreck").found


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Does the article mention casualties?", "casualties"),
        ("does it talk about the talks", "the talks"),
        ("Is Hamas mentioned?", "Hamas"),
        ("was the UN mentioned at all", "the UN"),
        ("is there anything about iran?", "iran"),
        ("Is there any information on the talks?", "the talks"),
    ],
)
def test_whether_the_article_tells_of_a_topic_names_the_topic(question: str, topic: str) -> None:
    from qa.question_form import tidy

    assert requested_topic(tidy(question)) == topic
