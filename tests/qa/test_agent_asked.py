"""qa.agent_asked: who did something is not what it was done with."""

from __future__ import annotations

from qa.agent_asked import not_objects
from tests.conftest import span_in

TALKS = (
    "Lebanon's foreign ministry has hailed the recent round of talks with Israel in "
    "Ras EnNakoura as a significant breakthrough, according to a source cited by LBCI TV."
)


def _kept(question: str, answer: str, runner_up: str | None = None) -> list[str]:
    beside = None if runner_up is None else span_in(TALKS, runner_up, -1.0)
    spans = [span_in(TALKS, answer, runner_up=beside)]
    return [s.text for s in not_objects(spans, question, TALKS)]


def test_who_did_it_is_not_what_it_was_done_with() -> None:
    ministry = "Lebanon's foreign ministry"
    assert _kept("Who hailed the talks as a breakthrough?", "Israel", ministry) == [ministry]
    assert _kept("who called the talks a breakthrough", "Israel", ministry) == [ministry]
    assert _kept("Who has hailed the talks?", "Israel") == []
    # The one who did it is kept, and so is a name after no word of the question.
    assert _kept("Who hailed the talks?", ministry) == [ministry]
    assert _kept("Who hailed the round?", "LBCI TV") == ["LBCI TV"]


def test_whom_it_was_done_to_or_with_is_left_alone() -> None:
    # "Who did they talk with?", "Who were the talks with?": the other side is asked.
    assert _kept("Who did Lebanon hold talks with?", "Israel") == ["Israel"]
    assert _kept("Who were the talks with?", "Israel") == ["Israel"]
    assert _kept("Who is in the talks?", "Israel") == ["Israel"]
    # Not asked who: left alone.
    assert _kept("What were the talks with?", "Israel") == ["Israel"]
