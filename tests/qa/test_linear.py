"""What the chat does with an input grows linearly with it, for every adversarial shape:
indexing an article (split, embed, BM25, dates) with its suggested questions, timeline
and one question asked; an .html upload's extraction; a question after a long history;
re-adding a changed article to a collection.

The shapes are the benchmark's (tools.adversarial), at a small fraction of their limits;
the fake embedder stands in for the model (its cost per text is bounded by the limits,
and measured by the benchmark).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qa.bot import ArticleQA
from qa.collection.changes import matching
from qa.dates import timeline
from qa.extract import extract_article
from qa.suggest import suggest_questions
from tests.conftest import FakeEmbedder
from tests.growth import Step, assert_linear, cold
from tools.adversarial import FOLLOW_UP, QUESTION, SHAPES, Shape

# Units of each shape for the smaller input (the larger is 4x), each well within its limit.
UNITS = {
    "one-long-line": 64,
    "one-word-sentences": 256,
    "date-dense": 32,
    "no-punctuation": 512,
    "nested-html": 8,
    "tiny-paragraphs": 256,
    "right-to-left": 32,
    "combining-marks": 256,
    "long-history": 24,
}
BY_NAME = {shape.name: shape for shape in SHAPES}


def test_every_shape_of_the_benchmark_is_measured() -> None:
    assert set(UNITS) == set(BY_NAME)


def _indexed_and_asked(text: str) -> None:
    bot = ArticleQA(text, "t", embedder=FakeEmbedder(), reader=False)
    suggest_questions(bot.sentences)
    timeline(bot.sentences)
    bot.ask(QUESTION)


def _chat_step(shape: Shape) -> Callable[[int], Step]:
    """What the chat does with `units` of the shape, as a step to time."""
    if shape.kind == "history":
        bot = ArticleQA.from_text(
            "Israel and Lebanon held talks.\nOn November 23 a strike hit Beirut.\n",
            embedder=FakeEmbedder(),
            reader=False,
        )

        def ask_after(units: int) -> Step:
            history = shape.make(units)
            return cold(lambda: bot.ask(FOLLOW_UP, history))

        return ask_after

    def index(units: int) -> Step:
        made = shape.make(units)
        if shape.kind == "html":  # the page's extraction is part of the work
            return cold(lambda: _indexed_and_asked(extract_article(made, "page.html").text))
        return cold(lambda: _indexed_and_asked(made))

    return index


@pytest.mark.parametrize("name", sorted(UNITS))
def test_four_times_the_input_takes_about_four_times_as_long(name: str) -> None:
    assert_linear(_chat_step(BY_NAME[name]), UNITS[name])


def _edited_twice(units: int) -> tuple[list[str], list[str]]:
    # One repeated sentence, changed at both ends: no common start or end to skip, and
    # the worst case for difflib (every sentence matches every other).
    old = ["Talks resumed."] * units
    return old, ["Talks stalled."] + old[1:-1] + ["Talks ended."]


def test_a_changed_article_keeps_its_unchanged_sentences() -> None:
    old, new = _edited_twice(3000)
    kept = matching(old, new)
    assert len(kept) == 2998 and all(old[i] == new[j] for j, i in kept.items())
    assert sorted(kept.values()) == [kept[j] for j in sorted(kept)]  # in order
    # An edit in one place keeps everything else, where it was.
    assert matching(["a", "b", "c", "d"], ["a", "x", "c", "d"]) == {0: 0, 2: 2, 3: 3}


def test_matching_a_changed_article_takes_linear_time() -> None:
    def step(units: int) -> Step:
        old, new = _edited_twice(units)
        return lambda: matching(old, new)

    assert_linear(step, 2000)
