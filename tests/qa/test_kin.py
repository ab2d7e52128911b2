"""A relative asked is not another relative, nor the one they are related to (qa.kin)."""

from __future__ import annotations

from qa.kin import kin_asked, not_other_kin
from qa.reading import ReadSpan

TEXT = (
    "He waved to his wife, Lena, and their two daughters. "
    "Darren Quigley, 36, whose 8-year-old daughter Maisie was in hospital, spoke. "
    "His son, Tom Reyes, 12, was not hurt."
)


def _span(text: str, after: str = "") -> ReadSpan:
    start = TEXT.index(text, TEXT.index(after) if after else 0)
    return ReadSpan(text, start, start + len(text), 0, 2.0)


def _kept(question: str, span: ReadSpan) -> bool:
    return not_other_kin([span], question, TEXT) == [span]


def test_the_relative_asked() -> None:
    assert kin_asked("What are the names of Vass's daughters?") == "daughters"
    assert kin_asked("How old is his daughter?") == "daughter"
    assert kin_asked("How old is Darren Quigley’s daughter?") == "daughter"
    assert kin_asked("Who is the mother of the boy?") is None  # asks no one's relative
    assert kin_asked("How old is Darren Quigley?") is None


def test_a_name_called_by_another_relation_is_not_the_one_asked() -> None:
    lena = _span("Lena")
    assert not _kept("What are the names of Vass's daughters?", lena)
    assert _kept("What is the name of Vass's wife?", lena)
    assert _kept("Who did he wave to?", lena)  # no relative asked


def test_the_age_beside_the_parent_is_not_the_childs() -> None:
    quigley = _span("36")
    assert not _kept("How old is Darren Quigley’s daughter?", quigley)
    assert _kept("How old is Darren Quigley?", quigley)
    son = _span("12", "Tom Reyes")
    assert _kept("How old is his son?", son)  # "His son, Tom Reyes, 12,"
    assert not _kept("How old is his daughter?", son)
