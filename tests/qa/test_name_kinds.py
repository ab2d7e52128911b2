"""qa.name_asked.not_unnamed: a company, a town or a painting is asked by its name."""

from __future__ import annotations

from qa.name_asked import not_unnamed
from tests.conftest import span_in

TEXT = (
    "The attack on the Greystone Valley Water Authority locked up pumping stations. "
    "Lena Voskamp, 47, operations director of Voskamp Towage, sent the Tiberon."
)


def _kept(question: str, answer: str, runner_up: str | None = None) -> list[str]:
    beside = None if runner_up is None else span_in(TEXT, runner_up, -1.0)
    return [s.text for s in not_unnamed([span_in(TEXT, answer, runner_up=beside)], question)]


def test_a_body_asked_by_which_is_answered_by_a_name() -> None:
    authority = "Greystone Valley Water Authority"
    asked = "Which utility was hit by the ransomware attack?"
    assert _kept(asked, "pumping stations", authority) == [authority]
    assert _kept(asked, "pumping stations") == []
    assert _kept("what government agency helped", "pumping stations") == []
    assert _kept(asked, authority) == [authority]
    # A work or a place is named too.
    assert _kept("Which painting was the forgery?", "pumping stations") == []
    assert _kept("whats the name of the town where it happened", "pumping stations") == []
    # Another kind asked ("Which pigment ...?" may be "titanium white"), or no "which".
    assert _kept("Which part of the plant was hit?", "pumping stations") == ["pumping stations"]
    assert _kept("What was hit?", "pumping stations") == ["pumping stations"]


def test_a_person_named_with_the_body_answers_with_the_body() -> None:
    person = "Lena Voskamp, 47, operations director of Voskamp Towage"
    (span,) = not_unnamed([span_in(TEXT, person)], "Which tug company supplied the Tiberon?")
    assert span.text == "Voskamp Towage"
    assert TEXT[span.start : span.end] == span.text
    # Asked who: the person, as read.
    (kept,) = not_unnamed([span_in(TEXT, person)], "Who supplied the Tiberon?")
    assert kept.text == person
