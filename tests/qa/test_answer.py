"""The Answer's contract: a not-found answer carries no span offsets, on every surface."""

from __future__ import annotations

import pytest

from qa.answer import Answer, Evidence
from qa.bot import ArticleQA

SPAN = Evidence("a", 13, "The target was a building.", 200, 226, 0.9, 215, 225)


def test_a_not_found_answer_drops_span_offsets_but_keeps_the_sentences() -> None:
    refused = Answer("", False, 0.2, [SPAN, Evidence("a", 4, "Close.", 10, 16, 0.1)])
    assert [(e.answer_start, e.answer_end) for e in refused.evidence] == [(None, None)] * 2
    assert [(e.position, e.start, e.end) for e in refused.evidence] == [(13, 200, 226), (4, 10, 16)]
    assert refused.to_dict()["evidence"][0]["answer_start"] is None
    found = Answer("a building", True, 0.9, [SPAN])
    assert (found.evidence[0].answer_start, found.evidence[0].answer_end) == (215, 225)


@pytest.mark.slow
def test_the_bot_refusing_an_answer_marks_no_span(bundled_bot: ArticleQA) -> None:
    # The reader finds a span for almost any question; refused, it must not be offered.
    analysis = bundled_bot.inspect("What is the capital of Peru?")
    assert analysis.span is not None  # there was a span to leave out
    answer = bundled_bot.ask("What is the capital of Peru?")
    assert not answer.found and answer.evidence
    assert all(e.answer_start is None and e.answer_end is None for e in answer.evidence)
