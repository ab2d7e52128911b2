"""What a headline is about (qa.headline), and "it" in a first question read as that."""

from __future__ import annotations

import pytest

from qa import ArticleQA
from qa.headline import headline_subject, it_as_subject
from tests.conftest import FakeEmbedder

TEXT = "A ferry carrying 212 passengers sank. The storm hit the museum in Rotterdam."


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Ferry sinks off Crete; all 212 on board rescued", "the ferry"),
        ("Chipmaker Veltrix to build $4.2 billion plant in Arizona", "Chipmaker Veltrix"),
        ("Harbor City beat Riverside 3-1 to reach the cup final", "Harbor City"),
        ("Oban's harbour bridge reopens after repairs", "Oban's harbour bridge"),
        ("Rotterdam museum reopens after five-year renovation", "the Rotterdam museum"),
        ("Storm kills 14 in Valencia", "the storm"),
        ("Lebanon and Israel: talks and the November strikes", None),  # no sentence
        ("Normans", None),
        (None, None),
    ],
)
def test_a_headline_that_is_a_sentence_names_its_subject(
    title: str | None, subject: str | None
) -> None:
    assert headline_subject(title, TEXT) == subject


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("where did it sink", "where did the ferry sink"),
        ("When was it built?", "When was the ferry built?"),
        ("How much will it cost?", "How much will the ferry cost?"),
        ("When did it happen?", None),  # an event, not the ferry
        ("is it common for ferries to sink?", None),  # no verb after "is it"
        ("Who paid for it?", None),  # not the subject
        ("how many contestants make it through", None),
    ],
)
def test_it_as_a_first_questions_subject_is_the_headlines(question: str, told: str | None) -> None:
    assert it_as_subject(question, "the ferry") == told


def test_a_first_question_reads_it_as_the_headlines_subject_and_a_follow_up_does_not(
    fake_embedder: FakeEmbedder,
) -> None:
    text = "A ferry sank off Crete on Monday.\nAll were rescued.\n"
    bot = ArticleQA.from_text(text, "Ferry sinks off Crete", embedder=fake_embedder, reader=False)
    assert bot.subject == "the ferry"
    assert bot.read("where did it sink").reader_question == "Where did the ferry sink?"
    history = [
        {"role": "user", "content": "Who rescued the passengers?"},
        {"role": "assistant", "content": "fishing boats"},
    ]
    assert "ferry" not in bot.read("where did it sink", history).reader_question
    # A text with no headline (titled by its first line) has no subject.
    untitled = ArticleQA.from_text(text, embedder=fake_embedder, reader=False)
    assert untitled.subject is None
