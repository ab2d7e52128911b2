"""A span of the kind the question asks for, over a likelier one that is not
(qa.of_the_kind)."""

from __future__ import annotations

from qa.of_the_kind import of_the_kind
from qa.reading import ReadSpan


def _span(text: str, margin: float, beside: ReadSpan | None = None) -> ReadSpan:
    runner_up = None if beside is None else (lambda: beside)
    return ReadSpan(text, 0, len(text), 0, margin, runner_up=runner_up)


def test_a_date_asked_sets_aside_what_tells_no_time() -> None:
    spans = [_span("on time", 6.3), _span("the spring of 2029", 5.2)]
    assert [s.text for s in of_the_kind(spans, "When will the bridge open?")] == [
        "the spring of 2029"
    ]
    counted = [_span("Half", 0.5), _span("642", 0.2)]
    assert [s.text for s in of_the_kind(counted, "How many took part?")] == ["Half", "642"]
    named = [_span("the square", 2.0), _span("1850", 1.0)]
    assert [s.text for s in of_the_kind(named, "How old is the bridge?")] == ["1850"]


def test_the_spans_stay_where_none_of_the_kind_is_an_answer() -> None:
    # "spring of 2029" read as no answer (margin below 0): the reader's choice stands.
    spans = [_span("on time", 6.3), _span("the spring of 2029", -1.0)]
    assert of_the_kind(spans, "When will the bridge open?") == spans
    # A name's cue is too weak to set the reader's choice aside.
    people = [_span("in the square", 3.0), _span("Ruth Okafor", 2.0)]
    assert of_the_kind(people, "Who spoke?") == people
    assert of_the_kind(spans, "What did they say?") == spans
    # "when" inside a clause asks no time ("... when the author uses what rom?").
    roms = [_span("stock rom", 5.9), _span("Nexus 6P", 3.7)]
    assert of_the_kind(roms, "The noise does not happen when he uses what rom?") == roms
    assert [s.text for s in of_the_kind(roms, "Since when does he use it?")] == ["Nexus 6P"]
    # A period asked may be named without a date ("Pliocene").
    periods = [_span("Pliocene", 3.0), _span("early Pleistocene period", 1.0)]
    assert of_the_kind(periods, "What period did the Rhine capture streams?") == periods
    # A share asked as a count is a number all the same (qa.shares).
    shares = [_span("80.5%", 4.0), _span("12,500", 1.0)]
    assert of_the_kind(shares, "How many graduates remain in Houston?") == shares


def test_a_span_of_another_kind_gives_way_to_one_of_the_kind_beside_it() -> None:
    spring = _span("the spring of 2029", 2.0)
    spans = [_span("on time", 6.3, beside=spring), _span("a bridge", 1.0)]
    assert [s.text for s in of_the_kind(spans, "When will the bridge open?")] == [
        "the spring of 2029"
    ]
    # Beside one the reader did not believe, nothing is looked for.
    doubted = [_span("on time", -1.0, beside=spring), _span("1850", -2.0)]
    assert of_the_kind(doubted, "When will the bridge open?") == doubted


def test_a_name_alone_tells_no_time_even_where_nothing_else_is_read() -> None:
    asked = "When did the governor lift the state of emergency?"
    assert of_the_kind([_span("for Ashford", 1.2), _span("IGN", -2.0)], asked) == []
    # A feast or a war tells a time; a date word does; and only where a time is asked.
    for told in ("Christmas", "the Second World War", "May 2021", "late Monday night", "Mondays"):
        assert of_the_kind([_span(told, 1.0)], asked) == [_span(told, 1.0)]
    assert of_the_kind([_span("Ashford", 1.2)], "Where was it declared?") != []
