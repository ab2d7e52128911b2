"""What another owner has is no answer (qa.owned_elsewhere)."""

from __future__ import annotations

from qa.owned_elsewhere import not_anothers
from qa.reading import ReadSpan
from tests.conftest import span_in

TEXT = (
    "The ministers met in the Lusenian capital of Port Halden on Monday. "
    "Astrania's capital, Kelmar, was shelled."
)


def _span(answer: str, margin: float = 3.0, beside: ReadSpan | None = None) -> ReadSpan:
    return span_in(TEXT, answer, margin, beside)


def _kept(question: str, *spans: ReadSpan) -> list[str]:
    return [span.text for span in not_anothers(list(spans), question, TEXT)]


def test_a_thing_of_another_owner_is_no_answer() -> None:
    # The owner's people before the noun, or another name's possessive.
    assert _kept("What is the name of Velmora's capital?", _span("Port Halden")) == []
    assert _kept("What is Velmora's capital?", _span("Kelmar")) == []
    # Nor is the runner-up that names the other owner ("Lusenian").
    other = _span("Lusenian", 1.0)
    assert _kept("What is Velmora's capital?", _span("Port Halden", beside=other)) == []


def test_a_thing_of_the_owner_asked_answers() -> None:
    assert _kept("What is Lusenia's capital?", _span("Port Halden")) == ["Port Halden"]
    assert _kept("What is Astrania's capital?", _span("Kelmar")) == ["Kelmar"]
    # The owner asked by a longer name ("Astrania Republic"), shortened in the article.
    assert _kept("What is Astrania Republic's capital?", _span("Kelmar")) == ["Kelmar"]
    # A question owning nothing is not checked.
    assert _kept("Where did the ministers meet?", _span("Port Halden")) == ["Port Halden"]
