from __future__ import annotations

import pytest

from qa.errors import InvalidQuestion
from qa.followup import is_follow_up, read_question, restate

HISTORY = [
    {"role": "user", "content": "What happened on November 19?"},
    {"role": "assistant", "content": "A precision strike on a Hamas training camp."},
]


@pytest.mark.parametrize("question", ["Where was that?", "Who said so?", "What did he call for?"])
def test_short_pointing_questions_are_follow_ups(question: str) -> None:
    assert is_follow_up(question)


def test_full_questions_stand_alone() -> None:
    assert not is_follow_up("Where was the Hamas training camp?")
    reading = read_question("Where was the Hamas training camp?", HISTORY)
    assert reading.query == "Where was the Hamas training camp?"
    assert reading.note is None


def test_follow_up_searches_with_the_previous_question() -> None:
    reading = read_question("Where was that?", HISTORY)
    assert "November 19" in reading.query
    assert reading.note == "Reading as: Where was that (following: What happened on November 19?)"


def test_follow_up_without_history_is_read_as_is() -> None:
    assert read_question("Where was that?", None).query == "Where was that?"


def test_malformed_history_is_a_clear_error() -> None:
    with pytest.raises(InvalidQuestion, match="role"):
        read_question("Where was that?", [{"text": "hi"}])


def test_a_chain_of_follow_ups_leans_on_the_last_standalone_question() -> None:
    history = [
        *HISTORY,
        {"role": "user", "content": "Where was that?"},
        {"role": "assistant", "content": "In the Ain al-Hilweh refugee camp."},
    ]
    reading = read_question("Who said so?", history)
    assert reading.context == "What happened on November 19? Where was that?"
    assert reading.query == "Who said so: In the Ain al-Hilweh refugee camp., on November 19?"


def test_the_reader_gets_the_follow_up_pinned_to_the_earlier_date() -> None:
    assert read_question("Where was that?", HISTORY).reader_question == (
        "Where was that: A precision strike on a Hamas training camp., on November 19?"
    )
    undated = [{"role": "user", "content": "Who issued a warning?"}]
    reading = read_question("What did he call for?", undated)
    assert reading.reader_question == "Who issued a warning? What did he call for?"


def test_who_said_so_spells_out_the_claim_when_the_answer_was_its_subject() -> None:
    history = [
        {"role": "user", "content": "What was targeted on November 23?"},
        {"role": "assistant", "content": "a building believed to house a commander"},
    ]
    reading = read_question("Who said so?", history)
    assert reading.reader_question == (
        "Who said a building believed to house a commander was targeted on November 23?"
    )
    assert reading.query == reading.reader_question
    assert reading.note == "Reading as: Who said so (following: What was targeted on November 23?)"
    assert restate("Which agency confirmed it?", "Who hailed the talks?", "Lebanon") == (
        "Which agency confirmed Lebanon hailed the talks?"
    )
    # Not a claim about a subject, or not a question about who made it: pinned as before.
    assert restate("Who said so?", "What did the talks focus on?", "trade") is None
    assert restate("Who did that?", "What happened on November 19?", "a strike") is None
    assert restate("Where was that?", "What was hit?", "a camp") is None
    assert restate("Who said so?", "What was hit?", None) is None


def test_the_previous_answer_is_read_from_the_turns_answer() -> None:
    from qa.answer import Answer
    from qa.followup import previous_answer
    from qa.messages import NOT_FOUND

    # The chat keeps each turn's Answer: its text is the answer, whatever the content shows.
    answer = Answer("a *tall* building", True, 0.9)
    shown = "_↪ Reading as: x_\n\na \\*tall\\* building\n\nSources: [\\[13\\]](#s-13)"
    for kept in (answer, answer.to_dict()):
        turn = {"role": "assistant", "content": shown, "answer": kept}
        assert previous_answer([{"role": "user", "content": "q"}, turn]) == "a *tall* building"
    missed = Answer("", False, 0.1)
    assert previous_answer([{"role": "assistant", "content": "x", "answer": missed}]) is None
    # Plain history (ask(), POST /api/ask): the content is the answer's text.
    assert previous_answer([{"role": "assistant", "content": " a building "}]) == "a building"
    assert previous_answer([{"role": "assistant", "content": NOT_FOUND}]) is None
    assert previous_answer([{"role": "assistant", "content": ""}]) is None
