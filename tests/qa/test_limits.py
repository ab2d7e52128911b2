"""Every limit in qa.limits: input just under it is accepted, input over it is refused at
the boundary with one line that names the limit and the value, before any work is done."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from qa.article import check_article_text
from qa.bot import ArticleQA, check_question
from qa.collection import DatabaseCollection, FolderCollection
from qa.errors import ArticleQAError, InvalidArticle, InvalidQuestion
from qa.extract import extract_article
from qa.followup import read_question
from qa.ingest import ArticleRecord
from qa.limits import (
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_TOKENS,
    MAX_DATES_PER_SENTENCE,
    MAX_HISTORY_CHARS,
    MAX_HISTORY_MESSAGES,
    MAX_HTML_ELEMENTS,
    MAX_MESSAGE_CHARS,
    MAX_QUESTION_CHARS,
    MAX_SENTENCES,
    check_html_elements,
    indexable_sentences,
    recent_history,
)
from tests.conftest import FakeEmbedder

TEXT = (
    "Israel and Lebanon held talks in Ras EnNakoura.\n"
    "On November 23 an air strike hit Beirut.\n"
    "The target was a building believed to house a commander.\n"
)


class CountingEmbedder(FakeEmbedder):
    """Counts the texts it is asked to embed."""

    def __init__(self) -> None:
        self.embedded = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded += len(texts)
        return super().embed(texts)


@pytest.fixture(scope="module")
def bot() -> ArticleQA:
    return ArticleQA.from_text(TEXT, "t", embedder=FakeEmbedder(), reader=False)


def _refused(error: type[ArticleQAError], message: str) -> Any:
    """pytest.raises for exactly this one-line message."""
    return pytest.raises(error, match=f"^{re.escape(message)}$")


# -- questions and histories ---------------------------------------------------------------


def test_a_question_at_the_limit_is_asked_and_one_past_it_is_refused(bot: ArticleQA) -> None:
    assert check_question("?" * MAX_QUESTION_CHARS)
    with _refused(InvalidQuestion, "the question is 2,001 characters; the limit is 2,000"):
        bot.ask("?" * (MAX_QUESTION_CHARS + 1))


def _chat(messages: int, chars: int = 20) -> list[dict[str, Any]]:
    return [
        {"role": "user" if n % 2 == 0 else "assistant", "content": "x" * chars}
        for n in range(messages)
    ]


def test_a_history_at_each_limit_is_read(bot: ArticleQA) -> None:
    assert bot.ask("Who said so?", _chat(MAX_HISTORY_MESSAGES)).score >= 0
    assert bot.ask("Who said so?", _chat(2, MAX_MESSAGE_CHARS)).score >= 0
    full = _chat(MAX_HISTORY_CHARS // MAX_MESSAGE_CHARS, MAX_MESSAGE_CHARS)
    full.append({"role": "user", "content": "x" * (MAX_HISTORY_CHARS % MAX_MESSAGE_CHARS)})
    assert sum(len(m["content"]) for m in full) == MAX_HISTORY_CHARS
    assert bot.ask("Who said so?", full).score >= 0


def test_a_history_with_too_many_messages_is_refused(bot: ArticleQA) -> None:
    with _refused(InvalidQuestion, "the history holds 101 messages; the limit is 100"):
        bot.ask("Who said so?", _chat(MAX_HISTORY_MESSAGES + 1))


def test_a_history_message_too_long_is_refused(bot: ArticleQA) -> None:
    history = _chat(3)
    history[1]["content"] = "x" * (MAX_MESSAGE_CHARS + 1)
    with _refused(InvalidQuestion, "history message 2 is 4,001 characters; the limit is 4,000"):
        bot.ask("Who said so?", history)


def test_an_answer_kept_with_a_message_counts_towards_it(bot: ArticleQA) -> None:
    answer = {"text": "y" * MAX_MESSAGE_CHARS, "found": True}
    history = [
        {"role": "user", "content": "What?"},
        {"role": "assistant", "content": "y", "answer": answer},
    ]
    with _refused(InvalidQuestion, "history message 2 is 4,001 characters; the limit is 4,000"):
        bot.ask("Who said so?", history)


def test_a_history_too_long_in_all_is_refused_wherever_questions_are_read(bot: ArticleQA) -> None:
    history = _chat(MAX_HISTORY_CHARS // MAX_MESSAGE_CHARS + 1, MAX_MESSAGE_CHARS)
    message = "the history holds 52,000 characters; the limit is 50,000"
    with _refused(InvalidQuestion, message):
        bot.ask("Who said so?", history)
    with _refused(InvalidQuestion, message):  # collections read questions here too
        read_question("Who said so?", history)


def test_the_chat_asks_with_its_latest_messages_within_the_limits() -> None:
    long_chat = _chat(MAX_HISTORY_MESSAGES + 50)
    assert recent_history(long_chat) == long_chat[-MAX_HISTORY_MESSAGES:]
    oversized = _chat(6)
    oversized[2]["content"] = "x" * (MAX_MESSAGE_CHARS + 1)
    assert recent_history(oversized) == oversized[3:]  # it and all before it left out
    heavy = _chat(30, MAX_MESSAGE_CHARS)
    assert recent_history(heavy) == heavy[-(MAX_HISTORY_CHARS // MAX_MESSAGE_CHARS) :]


# -- articles ------------------------------------------------------------------------------


def test_an_article_at_the_byte_limit_is_accepted_and_one_byte_more_is_refused() -> None:
    # Words too long for the tokenizer's vocabulary are one token each: few tokens.
    word = "x" * 199 + " "
    text = word * (MAX_ARTICLE_BYTES // len(word))
    text += "y" * (MAX_ARTICLE_BYTES - len(text))
    assert check_article_text(text) == text
    with _refused(InvalidArticle, "the article is larger than 2 MB"):
        check_article_text(text + "z")


def test_an_article_at_the_token_limit_is_accepted_and_one_token_more_is_refused() -> None:
    assert check_article_text("word " * MAX_ARTICLE_TOKENS)
    message = (
        "the article is about 12,001 tokens (words and word pieces) long; "
        "the limit is 12,000, about 9,000 words"
    )
    embedder = CountingEmbedder()
    with _refused(InvalidArticle, message):
        ArticleQA("word " * (MAX_ARTICLE_TOKENS + 1), embedder=embedder, reader=False)
    assert embedder.embedded == 0


def test_refusing_two_megabytes_of_tokens_reads_no_more_than_refusing_a_little() -> None:
    def refusing(text: str) -> float:
        started = time.perf_counter()
        with pytest.raises(InvalidArticle, match="tokens"):
            check_article_text(text)
        return time.perf_counter() - started

    small, large = "word " * (2 * MAX_ARTICLE_TOKENS), "word " * (MAX_ARTICLE_BYTES // 5)
    refusing(small)  # warm up: the tokenizer loads
    ratio = min(refusing(large) for _ in range(3)) / min(refusing(small) for _ in range(3))
    assert ratio < 3, f"refusing 2 MB took {ratio:.1f}x as long as refusing 60 KB"


def _one_word_paragraphs(count: int) -> str:
    return "".join(f"{('army', 'talks', 'strike')[n % 3]}\n\n" for n in range(count))


def test_an_article_at_the_sentence_limit_is_indexed_and_one_more_is_refused() -> None:
    text = _one_word_paragraphs(MAX_SENTENCES)
    assert len(ArticleQA(text, embedder=FakeEmbedder(), reader=False).sentences) == MAX_SENTENCES
    embedder = CountingEmbedder()
    message = "the article holds more than 5,000 sentences; the limit is 5,000"
    with _refused(InvalidArticle, message):
        ArticleQA(_one_word_paragraphs(MAX_SENTENCES + 1), embedder=embedder, reader=False)
    assert embedder.embedded == 0  # refused before anything was embedded


def _dated(dates: int) -> str:
    return "Talks on " + ", ".join(f"{n % 28 + 1} May" for n in range(dates)) + ".\nThen peace.\n"


def test_a_sentence_at_the_date_limit_is_indexed_and_one_more_date_is_refused() -> None:
    assert indexable_sentences(_dated(MAX_DATES_PER_SENTENCE))[1].text == "Then peace."
    message = "sentence 1 of the article names 101 dates; the limit is 100 a sentence"
    with _refused(InvalidArticle, message):
        ArticleQA(_dated(MAX_DATES_PER_SENTENCE + 1), embedder=FakeEmbedder(), reader=False)


def test_an_uploaded_article_over_the_sentence_limit_is_refused_and_not_kept(
    tmp_path: Path,
) -> None:
    embedder = FakeEmbedder()
    library = FolderCollection(tmp_path, embedder=embedder, bulk_embedder=embedder, reader=False)
    message = "the article holds more than 5,000 sentences; the limit is 5,000"
    with _refused(InvalidArticle, message):
        library.add(_one_word_paragraphs(MAX_SENTENCES + 1), "Many", "many.txt")
    assert [entry.id for entry in library.entries()] == ["bundled"]


def test_a_collection_refuses_an_article_over_the_sentence_or_token_limit(
    tmp_path: Path,
) -> None:
    collection = DatabaseCollection(tmp_path / "c", embedder=FakeEmbedder(), reader=False)
    many = ArticleRecord("many", _one_word_paragraphs(MAX_SENTENCES + 1), "Many")
    long = ArticleRecord("long", "word " * (MAX_ARTICLE_TOKENS + 1), "Long")
    added, skipped = collection.add_many([many, long])
    assert added == []
    assert [s.reason for s in skipped] == [
        "Many holds more than 5,000 sentences; the limit is 5,000",
        "Long is about 12,001 tokens (words and word pieces) long; "
        "the limit is 12,000, about 9,000 words",
    ]
    collection.close()


def test_a_page_at_the_element_limit_passes_and_one_more_element_is_refused() -> None:
    check_html_elements(b"<p>" * MAX_HTML_ELEMENTS)
    page = b"<html>" + b"<b>x</b>" * MAX_HTML_ELEMENTS
    message = "big.html holds 50,001 HTML elements; the limit is 50,000"
    with _refused(InvalidArticle, message):
        extract_article(page, "big.html")
