"""A date after "since" says when a state began, not when it ended (qa.since_when)."""

from __future__ import annotations

from qa.reading import ReadSpan
from qa.since_when import not_since

TEXT = "Late on Wednesday, Gregor Hale resigned. He had led the lender since 2016."


def _span(text: str, margin: float = 2.6) -> ReadSpan:
    start = TEXT.index(text)
    return ReadSpan(text, start, start + len(text), 0, margin)


def test_the_date_a_state_began_does_not_answer_when_it_ended() -> None:
    since = _span("2016")
    assert not_since([since], "When did the chief executive step down?", TEXT) == []
    assert not_since([_span("since 2016")], "when did hale resign", TEXT) == []
    wednesday = _span("Late on Wednesday")
    assert not_since([wednesday], "When did he step down?", TEXT) == [wednesday]


def test_the_date_a_state_began_answers_other_questions() -> None:
    since = _span("2016")
    assert not_since([since], "When did he take charge of the lender?", TEXT) == [since]
    assert not_since([since], "How long has he led it?", TEXT) == [since]
