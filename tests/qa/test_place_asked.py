"""A person is no place (qa.place_asked)."""

from __future__ import annotations

from qa.place_asked import not_people, not_places
from qa.reading import ReadSpan
from tests.conftest import span_in

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


SOLVANE = (
    "Solvane, based in Merriton, is run by Marcus Tennant-Ibe; it met Orvane at Dunmore "
    "in April 1999."
)


def _at(answer: str, runner_up: ReadSpan | None = None) -> ReadSpan:
    return span_in(SOLVANE, answer, runner_up=runner_up)


def test_who_is_not_answered_by_a_name_after_in() -> None:
    def kept(question: str, span: ReadSpan) -> list[str]:
        return [s.text for s in not_places([span], question, SOLVANE)]

    runner_up = _at("Marcus Tennant-Ibe")
    assert kept("Who runs Solvane?", _at("Merriton", runner_up=runner_up)) == ["Marcus Tennant-Ibe"]
    assert kept("who runs solvane", _at("Merriton")) == []
    # Asked where, or a name after another word ("at Dunmore", a body's site or not): kept.
    assert kept("Where is Solvane based?", _at("Merriton")) == ["Merriton"]
    assert kept("Who did it meet?", _at("Orvane")) == ["Orvane"]
    assert kept("Who did it meet?", _at("Dunmore")) == ["Dunmore"]
    # "in April 1999" says when: left to the rules of time.
    assert kept("Who met Orvane, and when?", _at("April 1999")) == ["April 1999"]
