"""Every step of qa.dates is linear in its input: 4x the input takes about 4x the time.

Measured as a ratio within one process (the best of a few runs each), not as absolute
times, so a slow or busy machine matters little. Linear code gives about 4; the
quadratic date matching this replaced gave 6 to 26 at these sizes, and far worse on
bigger inputs (one sentence full of dates took 58 s to index at 217 KB).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from index.sentences import Sentence
from qa.dates import (
    article_date,
    dated_sentences,
    event_range,
    find_dates,
    ground_sentences,
    question_range,
    remove_dates,
    sentence_dates,
    timeline,
)
from tests.growth import assert_linear

DAY = date(2025, 11, 24)
# Every kind of phrase: written days, ranges, weekdays, periods, chains, ISO, bounds.
DATES = (
    "after November 20 and before 21 Nov. the talks, on Tuesday two days later, "
    "between 3 and 5 March, on 2025-11-10 and the next day, since the ceasefire, "
)
UNITS = 60  # about 9 KB at the smaller size


def _one_sentence(units: int) -> Callable[[], object]:
    text = DATES * units
    sentences = [Sentence(0, text, 0, len(text))]
    return lambda: (
        dated_sentences(sentences, DAY),
        sentence_dates(sentences),
        timeline(sentences),
    )


def _long_question(units: int) -> Callable[[], object]:
    question = "What happened " + DATES * units + "?"
    dated = dated_sentences([Sentence(0, DATES, 0, len(DATES))], DAY)
    return lambda: (
        question_range(question, DAY),
        question_range(question, None),
        event_range(question, dated, lambda phrase: [0]),
        find_dates(question),
        remove_dates(question),
    )


def _long_article(units: int) -> Callable[[], object]:
    # A year-less dateline makes article_date read the whole text for the year.
    lines = [f"Line {i} said that {DATES}" for i in range(units)]
    text = "BEIRUT, Nov 24 (Reuters) - Talks.\n" + "\n".join(lines) + "\nIn 2024-11-01 too.\n"
    sentences, start = [], 0
    for position, line in enumerate(text.splitlines(keepends=True)):
        sentences.append(Sentence(position, line, start, start + len(line)))
        start += len(line)
    return lambda: (
        article_date(text),
        ground_sentences(sentences, DAY),
        dated_sentences(sentences, None),
        timeline(sentences),
    )


@pytest.mark.parametrize(
    "make", [_one_sentence, _long_question, _long_article], ids=lambda make: make.__name__
)
def test_four_times_the_input_takes_about_four_times_as_long(
    make: Callable[[int], Callable[[], object]],
) -> None:
    assert_linear(make, UNITS)
