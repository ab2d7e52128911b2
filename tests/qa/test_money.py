"""A price is an amount of money (qa.money)."""

from __future__ import annotations

import pytest

from qa.money import asks_money, is_money, of_money
from qa.reading import ReadSpan

TEXT = (
    "Lindell Coaches ran 40 extra buses, at a cost of 2,500 dollars a day. "
    "The prize is worth 100,000 Swedish kronor."
)


def _span(answer: str, margin: float = 2.0, runner_up: ReadSpan | None = None) -> ReadSpan:
    start = TEXT.index(answer)
    return ReadSpan(answer, start, start + len(answer), 0, margin, runner_up=lambda: runner_up)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("How much did Lindell Coaches charge for the extra buses?", True),
        ("How much did it cost to fight the fire?", True),
        ("How much money did the green bond raise?", True),
        ("How much is the portrait worth?", True),
        ("How much did the share price fall?", False),  # a change: a percentage answers it
        ("How many buses ran?", False),
        ("How much of the forest burned?", False),
        ("How much land did the Allen brothers sell?", False),  # how much land
        ("How much money did they raise?", True),
        ("How much capital did the firm have at the start?", True),
        ("What did a Kestrel K1 cost when it first went on sale?", True),
        ("What did the glitch cost the team?", False),  # a loss of something else
    ],
)
def test_which_questions_ask_an_amount_of_money(question: str, asks: bool) -> None:
    assert asks_money(question) is asks


@pytest.mark.parametrize(
    ("answer", "money"),
    [
        ("2,500 dollars", True),
        ("€21 million", True),
        ("2.6 billion", True),  # a large sum, its currency left out
        ("31k", True),
        ("free of charge", True),  # no number: the reader's to weigh
        ("40", False),
        ("9,000 hectares", False),
        ("16 weeks", False),
        ("an undisclosed sum", True),
        ("a record amount of public money", True),
        ("many smaller boats would be tied up for months", False),  # a clause, no sum
    ],
)
def test_what_may_be_an_amount_of_money(answer: str, money: bool) -> None:
    assert is_money(answer) is money


def test_a_price_asked_is_not_answered_by_a_count() -> None:
    asked = "How much did Lindell Coaches charge for the extra buses?"
    # Nothing put in its place: the article may not say what they charged ...
    assert of_money([_span("40")], asked, TEXT) == []
    # ... but a sum the reader read beside it is one.
    cost = _span("2,500 dollars", -1.0)
    assert of_money([_span("40", runner_up=cost)], asked, TEXT) == [cost]
    # A name beside it is no sum.
    coaches = _span("Lindell Coaches", -1.0)
    assert of_money([_span("40", runner_up=coaches)], asked, TEXT) == []
    # Another question keeps every span.
    assert of_money([_span("40")], "How many buses ran?", TEXT) == [_span("40")]


def test_a_number_before_its_currency_is_completed_with_it() -> None:
    worth = of_money([_span("100,000")], "How much is the prize worth?", TEXT)
    assert [span.text for span in worth] == ["100,000 Swedish kronor"]
    assert TEXT[worth[0].start : worth[0].end] == worth[0].text
