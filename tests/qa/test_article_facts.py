"""Questions about the article itself: who wrote it and when it was published, answered
from its head (qa.article_facts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import ArticleQA
from qa.article_facts import asks_author, asks_published
from qa.messages import FROM_BYLINE, FROM_DATELINE
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


def test_the_byline_and_the_date_answer_them(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    path = tmp_path / "lanes.md"
    path.write_text(ARTICLE, encoding="utf-8")
    bot = ArticleQA.from_file(path, embedder=fake_embedder, reader=False)
    author = bot.ask("Who wrote this article?")
    assert (author.text, author.found, author.confident) == ("Tom Reed", True, True)
    assert author.reading == FROM_BYLINE and author.evidence == []
    published = bot.ask("when was it published")  # "it": not the article; read as asked
    assert published.reading != FROM_DATELINE
    published = bot.ask("When was this article published?")
    assert (published.text, published.reading) == ("May 14, 2026", FROM_DATELINE)
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
