"""A follow-up that moves the last question in time (qa.time_shift)."""

from __future__ import annotations

import pytest

from qa.time_shift import moves_time, shifted


@pytest.mark.parametrize(
    ("fragment", "question", "moved"),
    [
        (
            "And the month before?",
            "What was Norvalia's inflation rate in October?",
            "What was Norvalia's inflation rate in September?",
        ),
        (
            "the month after",
            "What was the rate in December 2024?",
            "What was the rate in January 2025?",
        ),
        ("The previous year?", "How much did it earn in 2023?", "How much did it earn in 2022?"),
        ("a year later", "How much did it earn in 2023?", "How much did it earn in 2024?"),
        (
            "And the year before?",
            "How many people visited the zoo last year?",
            "How many people visited the zoo the year before?",
        ),
    ],
)
def test_the_question_is_asked_again_of_the_time_moved_to(
    fragment: str, question: str, moved: str
) -> None:
    assert moves_time(fragment)
    assert shifted(fragment, question) == moved


def test_no_time_of_the_unit_named_or_no_move_is_left_alone() -> None:
    assert shifted("And the month before?", "Who leads the bank?") is None
    assert shifted("the year before", "What happened in March?") is None  # a month, no year
    assert not moves_time("And the second one?")
    assert shifted("And the second one?", "What was the rate in October?") is None


def test_a_time_alone_is_asked_instead_of_the_questions_time() -> None:
    from qa.time_shift import retimed

    asked = "How many tonnes of grapes does the cooperative expect this autumn?"
    assert retimed("last year", asked) == (
        "How many tonnes of grapes does the cooperative expect last year?"
    )
    assert retimed("What about in 2003", asked) == (
        "How many tonnes of grapes does the cooperative expect in 2003?"
    )
    assert retimed("2003", "How many tonnes came in last year?") == "How many tonnes came in 2003?"
    assert retimed("in 1991", "How cold did it get in the region last Tuesday?") is None
    # With it, where the question names no time; not a fragment of anything else.
    assert retimed("last year", "How many tonnes came?") == "How many tonnes came last year?"
    assert retimed("the wheat", asked) is None
    assert retimed("last year's harvest", asked) is None


def test_a_time_alone_after_a_count_is_no_thing_counted() -> None:
    from qa.restating import Said, resolve

    # "And last year?" had been read as things counted: "How many last year does ...?".
    said = Said("How many tonnes of grapes does the cooperative expect this autumn?", "9,500")
    assert resolve("And last year?", said).text == (
        "How many tonnes of grapes does the cooperative expect last year?"
    )
