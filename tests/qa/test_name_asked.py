"""A name asked for is a name (qa.name_asked)."""

from __future__ import annotations

from qa.name_asked import asks_name, names_only
from qa.reading import ReadSpan

TEXT = "Rob Petrie was checking crayfish pots from the Sea Wren when he saw them."


def _span(answer: str) -> ReadSpan:
    start = TEXT.index(answer)
    return ReadSpan(answer, start, start + len(answer), 0, 1.0)


def test_a_name_is_asked_for() -> None:
    assert asks_name("What is the name of Rob Petrie's boat?")
    assert asks_name("What was Rob Petrie's boat's name?")
    # A place, a vessel or a firm is named with capitals.
    assert asks_name("whats the name of the town where the train derailed")
    assert asks_name("What is the name of the river town where it happened?")
    assert asks_name("What's the name of that fishing boat?")
    # A person asked by the role they hold.
    assert asks_name("can you tell me the vets name who sedated juniper")
    assert asks_name("What was the name of the captain?")
    # The name of a kind of thing asks for a term as often (on the validation split).
    assert not asks_name("What is the name of the round that gives contestants a chance?")
    assert not asks_name("What is it called when data is being passed?")
    assert not asks_name("What was Rob Petrie checking?")
    assert not asks_name("Who named the boat?")


def test_a_span_of_no_name_does_not_answer_it() -> None:
    spans = [_span("crayfish pots"), _span("Sea Wren"), _span("Rob Petrie")]
    kept = names_only(spans, "What is the name of Rob Petrie's boat?", TEXT)
    assert [s.text for s in kept] == ["Sea Wren", "Rob Petrie"]
    # Another question keeps every span.
    assert names_only(spans, "What was he checking?", TEXT) == spans


def test_which_port_asks_a_name_with_capitals() -> None:
    from qa.name_asked import not_unnamed

    # "At which port ...?" / "the same port" (story h42): a port has a name. Not a body
    # ("Which body in India provides policy directions?" / "the union government").
    text = "A similar case was found at the same port. The union government decides."
    same = ReadSpan("the same port", text.index("the same"), text.index("the same") + 13, 0, 1.0)
    assert not_unnamed([same], "At which port did customs make the seizure?") == []
    start = text.index("union government")
    union = ReadSpan("union government", start, start + 16, 1, 1.0)
    assert not_unnamed([union], "What body in India provides policy directions?") == [union]


def test_a_kind_before_the_noun_asked_asks_no_name() -> None:
    from qa.name_asked import not_unnamed

    # "What prison term had the prosecution sought?" asks a term, not a prison (story h16);
    # "What company makes it?" asks a company.
    text = "Prosecutors had sought nine years. Brantwell makes it."
    term = ReadSpan("nine years", text.index("nine"), text.index("nine") + 10, 0, 1.0)
    assert not_unnamed([term], "What prison term had the prosecution sought?") == [term]
    assert not_unnamed([term], "What company makes it?") == []
