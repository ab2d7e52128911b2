"""An article saying it does not know is no answer (qa.untold)."""

from __future__ import annotations

import pytest

from qa.reading import ReadSpan
from qa.untold import not_untold


def _span(text: str) -> ReadSpan:
    return ReadSpan(text, 0, len(text), 0, 1.0)


@pytest.mark.parametrize(
    "text",
    [
        "not said how much",
        "has not disclosed the price",
        "declined to say",
        "had not yet been released",
        "would not confirm",
    ],
)
def test_words_saying_it_is_not_told_are_no_answer(text: str) -> None:
    kept = _span("4.5 million US dollars")
    assert not_untold([_span(text), kept], "How much did the recovery cost?") == [kept]


@pytest.mark.parametrize("text", ["not guilty", "never", "said it would appeal", "known as Ross"])
def test_other_spans_stay(text: str) -> None:
    assert not_untold([_span(text)], "What did the court find?") == [_span(text)]


def test_a_yes_or_no_question_keeps_them() -> None:
    untold = _span("not said how much")
    assert not_untold([untold], "Has the trust disclosed the cost?") == [untold]
