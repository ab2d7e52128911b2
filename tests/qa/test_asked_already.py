"""An answer the question already holds tells nothing (qa.asked_already)."""

from __future__ import annotations

from qa.asked_already import not_asked_already
from qa.reading import ReadSpan


def _span(text: str, margin: float = 2.0, beside: ReadSpan | None = None) -> ReadSpan:
    runner_up = None if beside is None else (lambda: beside)
    return ReadSpan(text, 0, len(text), 0, margin, runner_up=runner_up)


def _kept(spans: list[ReadSpan], question: str, pointed_at: str | None = None) -> list[str]:
    return [span.text for span in not_asked_already(spans, question, pointed_at)]


def test_a_span_the_question_holds_gives_way_to_the_one_beside_it() -> None:
    chief = _span("Anna Kowalczyk", -1.0)
    spans = [_span("Stellan Telecom", 7.1, beside=chief), _span("Orison", -7.6)]
    assert _kept(spans, "Who runs Stellan Telecom?") == ["Anna Kowalczyk", "Orison"]
    # Nothing beside it, or beside one the reader did not believe: left out.
    assert _kept([_span("Stellan Telecom")], "Who runs Stellan Telecom?") == []
    assert _kept([_span("Stellan Telecom", -1.0, beside=chief)], "Who runs Stellan Telecom?") == []
    # One word may answer ("What band does Chris Daughtry sing for?" / "Daughtry").
    assert _kept([_span("Daughtry")], "What band does Chris Daughtry sing for?") == ["Daughtry"]
    # A title before the name the question holds is no more.
    moved = _span("Councillor Douglas Whitcombe")
    assert _kept([moved], "Who seconded Douglas Whitcombe's amendment?") == []
    # A span saying more than the question stays.
    board = _span("Stellan Telecom's board")
    assert _kept([board], "Who runs Stellan Telecom?") == ["Stellan Telecom's board"]
    # Nor is the thing asked about named in the plural: "red pandas" for which red panda.
    assert _kept([_span("red pandas")], "Which red panda has been found?") == []
    assert _kept([_span("Juniper")], "Which red panda has been found?") == ["Juniper"]


def test_the_last_answer_a_pronoun_points_at_is_no_answer() -> None:
    assert _kept([_span("Stellan Telecom")], "Who runs the market leader?", "Stellan Telecom") == []
    assert _kept([_span("Stellan")], "Who runs the market leader?", "Stellan") == []
    assert _kept([_span("Anna Kowalczyk")], "Who runs the market leader?", "Stellan Telecom") == [
        "Anna Kowalczyk"
    ]


def test_a_choice_or_a_yes_or_no_keeps_its_span() -> None:
    assert _kept([_span("the Rhine")], "Which is longer, the Rhine or the Danube?") == ["the Rhine"]
    assert _kept([_span("Israel")], "Did Israel strike Beirut?") == ["Israel"]


def test_a_thing_the_question_names_by_its_kind_is_not_who() -> None:
    from qa.asked_already import not_its_name

    text = "Storm Ingrid hit the coast. Mayor Carl Huang spoke. The Hague said no."

    def kept(question: str, answer: str) -> list[str]:
        start = text.index(answer)
        span = ReadSpan(answer, start, start + len(answer), 0, 2.0)
        return [s.text for s in not_its_name([span], question, text)]

    assert kept("Who died in the storm?", "Ingrid") == []
    assert kept("Who died in the storm?", "Storm Ingrid") == []
    assert kept("Which storm hit the coast?", "Ingrid") == ["Ingrid"]  # the storm asked
    assert kept("Who is the mayor?", "Carl Huang") == ["Carl Huang"]  # a title: someone
    assert kept("Who said no to the plan?", "Hague") == ["Hague"]  # "The": no kind
