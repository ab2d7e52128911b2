"""Where something is not is no answer to where it is (qa.outside)."""

from __future__ import annotations

from qa.outside import not_outside
from qa.reading import ReadSpan

TEXT = "Police believe the members are based outside the UK, not in Leeds, and meet in Oslo."


def _span(answer: str) -> ReadSpan:
    start = TEXT.index(answer)
    return ReadSpan(answer, start, start + len(answer), 0, 1.0)


def test_a_place_after_outside_is_no_answer() -> None:
    uk, oslo = _span("UK"), _span("Oslo")
    assert not_outside([uk, oslo], "In which country are the members based?", TEXT) == [oslo]
    # A span that holds the word answers as it is.
    outside = _span("outside the UK")
    assert not_outside([outside], "Where are the members based?", TEXT) == [outside]
    # Not asked where: a landmark is named beside "outside" too.
    assert not_outside([uk], "What is the country called?", TEXT) == [uk]
    # Asked about it: kept.
    assert not_outside([uk], "Outside which country are they based?", TEXT) == [uk]
