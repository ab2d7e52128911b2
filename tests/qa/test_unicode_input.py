"""Text that is not valid Unicode (lone surrogates) is refused at the boundary, saying where.

A str may hold lone surrogates: JSON's "\\ud800" escape parses to one, and so does a byte
that is not UTF-8 in a command-line argument (surrogateescape). Before this check the
real tokenizer failed on one with a TypeError, and a JSON answer echoing one failed
while being written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.bot import ArticleQA, check_question
from qa.collection import BUNDLED_ID, FolderCollection
from qa.errors import InvalidArticle, InvalidQuestion
from qa.unicode import invalid_unicode
from tests.conftest import REPO, FakeEmbedder

TEXT = "Ferry returns to Oban\nThe ferry left Oban at noon on March 3.\nIt reached Mull later.\n"
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


@pytest.fixture(scope="module")
def bot() -> ArticleQA:
    return ArticleQA.from_text(TEXT, embedder=FakeEmbedder(), reader=False)


def test_valid_text_passes_and_a_surrogate_is_found_where_it_is() -> None:
    for text in ("", "plain", "é ü 中文 😀 \U0010fffd", "\ufffe\uffff", "\x00\x1f"):
        assert invalid_unicode(text) is None, text
    assert invalid_unicode("Who\ud800?") == "a lone surrogate at character 4"
    # A byte that is not UTF-8 in a command-line argument, as Python hands it over.
    argument = b"caf\xe9 ferry".decode("utf-8", "surrogateescape")
    assert invalid_unicode(argument) == "a lone surrogate at character 4"


@settings(max_examples=80, deadline=None)
@given(before=st.text(), surrogate=SURROGATES, after=st.text())
def test_any_question_holding_a_surrogate_is_refused(
    before: str, surrogate: str, after: str
) -> None:
    question = before + surrogate + after
    first = next(i for i, char in enumerate(question) if 0xD800 <= ord(char) <= 0xDFFF)
    with pytest.raises(InvalidQuestion) as refused:
        check_question(question)
    message = str(refused.value)
    assert message == (
        "the question holds text that is not valid Unicode "
        f"(a lone surrogate at character {first + 1})"
    )


def test_the_real_tokenizer_never_sees_a_surrogate(bundled_bot: ArticleQA) -> None:
    # This was a TypeError from the tokenizer, a plain-text 500 over HTTP.
    with pytest.raises(InvalidQuestion, match="not valid Unicode"):
        bundled_bot.ask("What was targeted on \ud800 November 23?")


@pytest.mark.parametrize(
    ("history", "message"),
    [
        (
            [{"role": "user", "content": "Where did the \udc80 ferry leave from?"}],
            "history message 1 holds text that is not valid Unicode "
            "(a lone surrogate at character 15)",
        ),
        (
            [
                {"role": "user", "content": "Where did the ferry leave from?"},
                {"role": "assistant", "content": "Oban\ud800"},
            ],
            "history message 2 holds text that is not valid Unicode",
        ),
        (
            [
                {"role": "user", "content": "Where did the ferry leave from?"},
                {"role": "assistant", "content": "", "answer": {"text": "\udfff", "found": True}},
            ],
            "the previous answer holds text that is not valid Unicode",
        ),
    ],
)
def test_a_surrogate_in_the_history_is_refused(
    bot: ArticleQA, history: list[dict], message: str
) -> None:
    with pytest.raises(InvalidQuestion) as refused:
        bot.ask("When did it leave?", history)
    assert str(refused.value).startswith(message)


def test_a_surrogate_in_an_article_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidArticle, match=r"^the article holds text that is not valid Unicode"):
        ArticleQA.from_text(TEXT + "\udc80", embedder=FakeEmbedder(), reader=False)
    with pytest.raises(InvalidArticle, match="^the title holds text that is not valid Unicode"):
        ArticleQA.from_text(TEXT, "Oban \ud800", embedder=FakeEmbedder(), reader=False)
    library = FolderCollection(tmp_path, embedder=FakeEmbedder(), reader=False)
    refused: list[tuple[dict[str, Any], str]] = [
        ({"text": "Oban\udc80\n" + TEXT, "source": "ferry.txt"}, "ferry.txt holds text"),
        ({"text": TEXT, "title": "Ferry \ud800"}, "the title holds text"),
        ({"text": TEXT, "source": "ferry\udcff.txt"}, "the file name holds text"),
    ]
    for arguments, message in refused:
        with pytest.raises(InvalidArticle) as error:
            library.add(**arguments)
        assert str(error.value).startswith(message) and "\n" not in str(error.value)
    assert [entry.id for entry in library.entries()] == [BUNDLED_ID]  # nothing was saved


@pytest.mark.integration
def test_the_command_line_names_an_argument_that_is_not_utf8(private_data_dir: Path) -> None:
    # Python hands a byte that is not UTF-8 over as a lone surrogate (surrogateescape).
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "ask", "--no-reader", b"Who \xff said so?"],
        capture_output=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "ARTICLE_QA_DATA_DIR": str(private_data_dir)},
    )
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode() == (
        "article-qa: error: the question holds text that is not valid Unicode "
        "(a lone surrogate at character 5)\n"
    )
