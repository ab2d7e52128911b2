"""ArticleQA with the fake embedder: the API shape and every kind of bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qa import Answer, ArticleQA, ArticleQAError, Evidence, InvalidArticle, InvalidQuestion

TEXT = (
    "Israel and Lebanon held talks in Ras EnNakoura.\n"
    "On November 23 an air strike hit Beirut.\n"
    "The target was a building believed to house a commander.\n"
)


@pytest.fixture
def bot(fake_embedder) -> ArticleQA:
    return ArticleQA.from_text(TEXT, "Test article", embedder=fake_embedder)


def test_answer_shape(bot: ArticleQA) -> None:
    answer = bot.ask("Where were the talks held?")
    assert isinstance(answer, Answer)
    assert 0.0 <= answer.score <= 1.0
    assert answer.evidence and all(isinstance(e, Evidence) for e in answer.evidence)
    best = answer.evidence[0]
    assert best.article == "Test article"
    assert TEXT[best.start : best.end] == best.text
    # The sentence holding the answer span leads; the rest follow in retrieval order.
    assert best.answer_start is not None and best.answer_end is not None
    assert best.start <= best.answer_start < best.answer_end <= best.end
    rest = [e.score for e in answer.evidence[1:]]
    assert rest == sorted(rest, reverse=True)
    assert set(answer.to_dict()) >= {"text", "found", "score", "evidence"}


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "empty"), ("   \n\t", "empty"), ("x" * 2001, "limit is 2,000"), (None, "must be text")],
)
def test_bad_questions_name_the_problem(bot: ArticleQA, question, message: str) -> None:
    before = bot.index
    with pytest.raises(InvalidQuestion, match=message):
        bot.ask(question)
    assert bot.index is before
    assert bot.ask("Where were the talks held?").evidence


def test_question_at_the_limit_is_accepted(bot: ArticleQA) -> None:
    assert isinstance(bot.ask("talks " * 333), Answer)


def test_empty_article_is_rejected(fake_embedder) -> None:
    with pytest.raises(InvalidArticle, match="empty"):
        ArticleQA.from_text("  \n\n ", embedder=fake_embedder)


def test_missing_file(fake_embedder, tmp_path: Path) -> None:
    with pytest.raises(InvalidArticle, match="not found"):
        ArticleQA.from_file(tmp_path / "nope.txt", embedder=fake_embedder)


def test_binary_file(fake_embedder, tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InvalidArticle, match="binary"):
        ArticleQA.from_file(path, embedder=fake_embedder)


def test_non_utf8_file(fake_embedder, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 in Beyrouth.".encode("latin-1"))
    with pytest.raises(InvalidArticle, match="not UTF-8"):
        ArticleQA.from_file(path, embedder=fake_embedder)


def test_errors_share_one_base_class() -> None:
    assert issubclass(InvalidArticle, ArticleQAError)
    assert issubclass(InvalidQuestion, ArticleQAError)


def test_file_title_is_its_headline_as_in_the_chat(fake_embedder, tmp_path: Path) -> None:
    path = tmp_path / "beirut-strike.txt"
    path.write_text("Strike on Beirut\nNov. 24, 2025\n\n" + TEXT, "utf-8")
    bot = ArticleQA.from_file(path, embedder=fake_embedder)
    assert (bot.title, bot.date, bot.text) == ("Strike on Beirut", date(2025, 11, 24), TEXT)
    path.write_text(TEXT, "utf-8")  # no headline: its first line, as the chat lists it
    assert ArticleQA.from_file(path, embedder=fake_embedder).title == TEXT.splitlines()[0]
