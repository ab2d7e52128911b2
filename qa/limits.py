"""What one request may carry: every limit in one place, and the checks that refuse more.

Each limit bounds the work one request can cause, so that nothing within them holds a
core for minutes: an article within them is indexed, and a question answered, in well
under a minute on 2 cores, and anything over them is refused at once with a one-line
message that names the limit and the value (`article-qa bench --adversarial` measures
both; benchmarks/RESULTS.md). The checks run at the boundary: qa.article for article
text, qa.extract for HTML pages, qa.bot for questions, qa.followup for chat histories,
and indexing (qa.bot, qa.collection) for sentences.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from qa.errors import InvalidArticle, InvalidQuestion

if TYPE_CHECKING:
    from index.sentences import Sentence

MAX_QUESTION_CHARS = 2_000
# An article file, upload, link or pasted text, as UTF-8.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# What indexing costs grows with the embedder's tokens (index.tokens), not with bytes:
# 12,000 is about 9,000 English words (55 KB); the SQuAD dev articles hold 5,300 and
# 7,000. The costliest text of that many tokens took 17 s of CPU to index: 9 s on 2 idle
# cores, 48 s on cores shared at load average 6 (benchmarks/RESULTS.md).
MAX_ARTICLE_TOKENS = 12_000
_WORDS_PER_TOKEN = 0.75  # English prose, for the message
# Elements in an HTML page: extracting its text (trafilatura) takes about 0.1-0.2 ms an
# element on 2 cores, and 2 MB of markup can hold 250,000. News pages hold a few thousand.
MAX_HTML_ELEMENTS = 50_000
# Each sentence is embedded twice (alone and with its neighbours) whatever its length.
MAX_SENTENCES = 5_000
# Dates named in one sentence (every phrase qa.dates grounds: days, weekdays,
# "two days later"); each is grounded, labelled in citations and put on the timeline.
MAX_DATES_PER_SENTENCE = 100
# A chat history: messages (questions and answers), characters in one message, and
# characters in all of them. A follow-up only leans on the last few questions.
MAX_HISTORY_MESSAGES = 100
MAX_MESSAGE_CHARS = 4_000
MAX_HISTORY_CHARS = 50_000


def check_article_tokens(text: str, name: str = "the article") -> None:
    """Raise InvalidArticle if indexing `text` would embed more than MAX_ARTICLE_TOKENS.

    Takes well under a second at the byte limit: counting stops soon after the limit.
    """
    from index.tokens import MAX_TOKENS_PER_CHAR, count_tokens

    if len(text) * MAX_TOKENS_PER_CHAR <= MAX_ARTICLE_TOKENS:
        return  # too short to be over: not worth loading the tokenizer
    tokens = count_tokens(text, stop_after=MAX_ARTICLE_TOKENS)
    if tokens > MAX_ARTICLE_TOKENS:
        raise InvalidArticle(
            f"{name} is about {tokens:,} tokens (words and word pieces) long; "
            f"the limit is {MAX_ARTICLE_TOKENS:,}, about "
            f"{round(MAX_ARTICLE_TOKENS * _WORDS_PER_TOKEN):,} words"
        )


_START_TAG = re.compile(rb"<[A-Za-z]")


def check_html_elements(page: bytes, name: str = "the page") -> None:
    """Raise InvalidArticle if an HTML page holds more than MAX_HTML_ELEMENTS elements
    (start tags, counted in a pass over the bytes before anything parses them)."""
    elements = len(_START_TAG.findall(page))
    if elements > MAX_HTML_ELEMENTS:
        raise InvalidArticle(
            f"{name} holds {elements:,} HTML elements; the limit is {MAX_HTML_ELEMENTS:,}"
        )


def indexable_sentences(text: str, name: str = "the article") -> list[Sentence]:
    """The sentences of `text` (index.sentences), or InvalidArticle if there are more than
    MAX_SENTENCES or one names more than MAX_DATES_PER_SENTENCE dates.

    Splitting stops at the first sentence over the limit, so a refusal costs no more
    than splitting what the limit allows.
    """
    from index.sentences import split_sentences
    from qa.dates.finding import date_hits

    sentences = split_sentences(text, limit=MAX_SENTENCES)
    if len(sentences) > MAX_SENTENCES:
        raise InvalidArticle(
            f"{name} holds more than {MAX_SENTENCES:,} sentences; the limit is {MAX_SENTENCES:,}"
        )
    for sentence in sentences:
        dates = len(date_hits(sentence.text))
        if dates > MAX_DATES_PER_SENTENCE:
            raise InvalidArticle(
                f"sentence {sentence.position + 1:,} of {name} names {dates:,} dates; "
                f"the limit is {MAX_DATES_PER_SENTENCE:,} a sentence"
            )
    return sentences


def _message_chars(message: object) -> int:
    """The characters of a history message that are read: its content and, on an
    assistant turn the chat kept, its answer's text."""
    if not isinstance(message, dict):
        return 0
    chars = 0
    for value in (message.get("content"), message.get("answer")):
        text = value.get("text") if isinstance(value, dict) else getattr(value, "text", value)
        chars += len(text) if isinstance(text, str) else 0
    return chars


def check_history(history: object) -> None:
    """Raise InvalidQuestion if a chat history is over a limit, naming it and the value.

    Only sizes are checked here; qa.followup.exchanges checks the messages' shape.
    """
    if not isinstance(history, list):
        return
    if len(history) > MAX_HISTORY_MESSAGES:
        raise InvalidQuestion(
            f"the history holds {len(history):,} messages; the limit is {MAX_HISTORY_MESSAGES:,}"
        )
    total = 0
    for number, message in enumerate(history, 1):
        chars = _message_chars(message)
        if chars > MAX_MESSAGE_CHARS:
            raise InvalidQuestion(
                f"history message {number} is {chars:,} characters; "
                f"the limit is {MAX_MESSAGE_CHARS:,}"
            )
        total += chars
    if total > MAX_HISTORY_CHARS:
        raise InvalidQuestion(
            f"the history holds {total:,} characters; the limit is {MAX_HISTORY_CHARS:,}"
        )


def recent_history(history: list[Any]) -> list[Any]:
    """The latest messages of a chat that fit the history limits, oldest first.

    The chat passes these to ask(), so a long conversation never runs into the limits:
    a follow-up leans only on the last few questions. An oversized message and
    everything before it are left out.
    """
    kept: list[Any] = []
    total = 0
    for message in reversed(history):
        chars = _message_chars(message)
        if (
            len(kept) == MAX_HISTORY_MESSAGES
            or chars > MAX_MESSAGE_CHARS
            or total + chars > MAX_HISTORY_CHARS
        ):
            break
        kept.append(message)
        total += chars
    return kept[::-1]
