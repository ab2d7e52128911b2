"""Questions about the article itself: who wrote it and when it was published, answered
from its head (qa.article_facts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from qa import ArticleQA
from qa.article_facts import (
    AUTHOR,
    PUBLISHED,
    asks_author,
    asks_published,
    fact_asked,
    names_author,
)
from qa.messages import AUTHOR_OF_ARTICLE, FROM_BYLINE, FROM_DATELINE, FROM_HEADLINE
from qa.question_form import tidy
from tests.conftest import FakeEmbedder
from ui.cli import main

ARTICLE = (
    "# City council approves new bike lanes\n\n"
    "*Published 14 May 2026 · By Tom Reed*\n\n"
    "The city council voted 7-2 on Tuesday to build 25 kilometres of bike lanes.\n"
    "Mayor Lisa Grant called the vote a turning point.\n"
)


@pytest.mark.parametrize(
    "typed",
    ["Who wrote the article?", "who wrote this", "Who's the author of this story?", "author?"],
)
def test_questions_for_the_author(typed: str) -> None:
    assert asks_author(tidy(typed))


@pytest.mark.parametrize(
    "typed", ["When was this article published?", "publication date?", "how old is this story"]
)
def test_questions_for_the_date(typed: str) -> None:
    assert asks_published(tidy(typed))


@pytest.mark.parametrize(
    "question",
    [
        "Who wrote the letter?",
        "Who wrote it?",  # a follow-up's "it" may be a letter in the story
        "Who reported the strike?",
        "When was the treaty published?",
        "When was the strike?",
    ],
)
def test_questions_about_the_story_are_not_about_the_article(question: str) -> None:
    assert not asks_author(tidy(question)) and not asks_published(tidy(question))


def _story_uses(*words: str) -> Callable[[str], bool]:
    return lambda word: word in words


@pytest.mark.parametrize(
    ("question", "earlier", "story_words", "fact"),
    [
        # "it" is the article where the story never uses the verb ...
        ("When was it published?", None, (), PUBLISHED),
        ("Who wrote it?", None, ("rain",), AUTHOR),
        ("Who is it written by?", None, (), AUTHOR),
        # ... and a letter or a report of the story where it does,
        ("When was it published?", None, ("publication",), None),
        ("Who wrote it?", None, ("written",), None),
        # unless the question before asked about the article.
        ("When was it published?", "Who wrote this article?", ("published",), PUBLISHED),
        ("And when?", "Who wrote it?", (), PUBLISHED),
        ("By whom?", "When was this article published?", (), AUTHOR),
        ("And when?", "Who won?", (), None),
        ("By whom?", None, (), None),
        ("When was the treaty published?", "Who wrote this article?", (), None),
    ],
)
def test_it_is_the_article_after_a_question_about_it_or_where_the_story_cannot_mean_it(
    question: str, earlier: str | None, story_words: tuple[str, ...], fact: str | None
) -> None:
    assert fact_asked(question, earlier, _story_uses(*story_words)) == fact


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Who is Tom Reed?", "Tom Reed"),
        ("who's tom  reed", "tom  reed"),
        ("Who was Reed?", "Reed"),  # the surname alone
        ("Who is Tom?", None),
        ("Who is Lisa Grant?", None),
        ("What is Tom Reed?", None),
    ],
)
def test_who_is_the_byline_name(question: str, named: str | None) -> None:
    assert names_author(question, "Tom Reed") == named
    assert names_author(question, None) is None


def test_the_byline_and_the_date_answer_them(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    path = tmp_path / "lanes.md"
    path.write_text(ARTICLE, encoding="utf-8")
    bot = ArticleQA.from_file(path, embedder=fake_embedder, reader=False)
    author = bot.ask("Who wrote this article?")
    assert (author.text, author.found, author.confident) == ("Tom Reed", True, True)
    assert author.reading == FROM_BYLINE and author.evidence == []
    published = bot.ask("when was it published")  # the story publishes nothing: "it" is
    assert (published.text, published.reading) == ("May 14, 2026", FROM_DATELINE)
    published = bot.ask("When was this article published?")
    assert (published.text, published.reading) == ("May 14, 2026", FROM_DATELINE)
    # Where the story publishes something, "it" is read as asked, unless the chat was
    # just asking about the article.
    path.write_text(ARTICLE + "The council published its plans on Monday.\n", encoding="utf-8")
    plans = ArticleQA.from_file(path, embedder=fake_embedder, reader=False)
    assert plans.ask("When was it published?").reading != FROM_DATELINE
    history = [
        {"role": "user", "content": "Who wrote this article?"},
        {"role": "assistant", "content": "Tom Reed"},
    ]
    assert plans.ask("When was it published?", history).text == "May 14, 2026"
    # Its headline.
    title = bot.ask("headline?")
    assert (title.text, title.reading) == ("City council approves new bike lanes", FROM_HEADLINE)
    assert bot.ask("What is the title of the book?").reading != FROM_HEADLINE  # a book in it
    # Who the byline names, where the story does not.
    who = bot.ask("Who is Tom Reed?")
    assert (who.text, who.reading, who.evidence) == (AUTHOR_OF_ARTICLE, FROM_BYLINE, [])
    assert bot.ask("Who is Lisa Grant?").reading != FROM_BYLINE
    # Without a byline, the question is read as any other.
    plain = ArticleQA.from_text(
        "Rain fell.\nThe river rose.\n", embedder=fake_embedder, reader=False
    )
    assert plain.ask("Who wrote the article?").reading != FROM_BYLINE


def test_article_qa_ask_prints_the_byline_without_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lanes.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["ask", "Who wrote the article?", "--article", str(path), "--no-reader"]) == 0
    printed = capsys.readouterr().out
    assert "Tom Reed" in printed and "Sources" not in printed
