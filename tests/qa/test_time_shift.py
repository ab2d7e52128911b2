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
