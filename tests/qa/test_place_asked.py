"""A person is no place (qa.place_asked)."""

from __future__ import annotations

from qa.place_asked import not_people
from qa.reading import ReadSpan

TEXT = "Esteves told reporters in Brasília that the probe was healthy."


def _span(answer: str, margin: float = 2.0, runner_up: ReadSpan | None = None) -> ReadSpan:
    start = TEXT.index(answer)
    return ReadSpan(answer, start, start + len(answer), 0, margin, runner_up=lambda: runner_up)


def test_where_is_not_answered_by_people() -> None:
    city = _span("Brasília", -1.0)
    asked = "Where did he talk to the press?"
    assert not_people([_span("reporters", runner_up=city)], asked) == [city]
    assert not_people([_span("reporters")], asked) == []
    # A name is left alone, and so is a question that asks no place.
    assert not_people([city], asked) == [city]
    assert not_people([_span("reporters")], "Who did he talk to?") == [_span("reporters")]


def test_where_is_not_answered_by_a_day_or_a_time() -> None:
    asked = "Where are the ministers meeting?"
    for when in ("Wednesday", "on March 3", "at 6:15 p.m.", "last Tuesday, April 22"):
        span = ReadSpan(when, 0, len(when), 0, 1.5)
        assert not_people([span], asked) == []
        assert not_people([span], "When are the ministers meeting?") == [span]
    place = ReadSpan("Port Halden", 0, 11, 0, 1.5)
    assert not_people([place], asked) == [place]
