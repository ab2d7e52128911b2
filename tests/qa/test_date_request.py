"""Questions for when the last answer's event was (qa.date_request); no models here."""

from __future__ import annotations

import pytest

from qa import ArticleQA
from qa.answer import Answer, Evidence
from qa.date_request import asks_date, tells_own_time
from qa.question_form import tidy
from tests.conftest import FakeEmbedder


@pytest.mark.parametrize(
    "typed",
    [
        "When was that?",
        "when did it happen",
        "When did that take place?",
        "what day was that?",
        "Which date was it?",
        "on what day?",
        "when was this again",
        "When?",
    ],
)
def test_questions_for_when_the_last_answer_was_are_recognised(typed: str) -> None:
    assert asks_date(tidy(typed))


@pytest.mark.parametrize(
    "question",
    [
        "When did Israel strike Beirut?",
        "When was it restored?",
        "When will it be restored?",
        "What day is the next round of talks?",
        "When exactly?",
    ],
)
def test_other_when_questions_are_read_as_questions(question: str) -> None:
    assert not asks_date(tidy(question))


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        ("In 2010, a magnitude 8.8 earthquake killed more than 500 people.", True),
        ("The airline would save about €150 million a year by 2029.", True),
        ("Last year, Nordwind reported a net profit.", True),
        ("However, local residents reported widespread damage to nearby homes.", False),
        ("Witnesses reported hearing explosions near a commercial district.", False),
    ],
)
def test_a_sentence_telling_of_its_own_time(sentence: str, own: bool) -> None:
    assert tells_own_time(sentence) is own


def test_a_date_is_not_carried_onto_a_sentence_telling_of_its_own_time(
    fake_embedder: FakeEmbedder,
) -> None:
    text = (
        "A quake struck Chile on March 10.\n"
        "Rescuers searched the rubble.\n"
        "In 2010, a stronger quake killed more than 500 people.\n"
    )
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)

    def citing(position: int) -> list[dict]:
        sentence = bot.sentences[position]
        cited = Evidence(bot.title, position, sentence.text, sentence.start, sentence.end, 0.9)
        answer = Answer("an answer", True, 0.9, [cited])
        return [
            {"role": "user", "content": "What happened?"},
            {"role": "assistant", "content": answer.text, "answer": answer},
        ]

    searched = bot.date_of_last(citing(1))  # inherits March 10 from the sentence before
    assert searched is not None and searched.text == "March 10"
    own = bot.date_of_last(citing(2))  # not March 10: the year it states
    assert own is not None and (own.text, own.evidence[0].position) == ("2010", 2)


def test_when_did_it_happen_asked_first_is_the_date_the_opening_sentence_tells_of(
    fake_embedder: FakeEmbedder,
) -> None:
    from qa.messages import DATE_OF_LEDE

    text = "A quake struck Chile on March 10.\nRescuers searched the rubble on March 11.\n"
    bot = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    answer = bot.ask("when did it happen")
    assert (answer.text, answer.evidence[0].position, answer.reading) == (
        "March 10",
        0,
        DATE_OF_LEDE,
    )
    # An opening sentence with no date of its own leaves the question to the reader.
    undated = ArticleQA.from_text(
        "Rescuers searched.\nOn May 2 a quake struck.\n", embedder=fake_embedder, reader=False
    )
    assert undated.date_of_last(None, first=True) is None
