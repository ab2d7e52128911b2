"""Plain-text replies in a chat history, cited as the chat would have kept them.

The chat keeps each turn's Answer, so a follow-up ("Where was it?") reads from the
sentences the last answer cited. Callers of ask(), the CLI's --history and POST /api/ask
may replay an assistant turn as its text alone; where that text is the article's own
words, the sentence holding them is the one the answer came from, and the follow-up
should read from there too (it did not: "Where was it?" after "Which strike happened
first?" replayed as text searched the whole article and answered "Beirut", another
strike's city).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from index.sentences import Sentence

# Shorter replies ("no", "12") are words any sentence may hold, not a quote of one.
MIN_QUOTED_CHARS = 4


@dataclass(frozen=True)
class Quote:
    """Where the article says a reply's text: the sentence, and the characters."""

    position: int
    start: int
    end: int


def quoted_in(text: str, article: str, sentences: Sequence[Sentence]) -> list[Quote]:
    """Where the article holds `text` as it writes it, one quote per sentence in article
    order; none when it is too short to be a quote or the article never says it. An
    answer shown as a clause opens with a capital the sentence may not have ("The
    Israeli military launched ..." from "..., when the Israeli military launched ..."),
    so that is also looked for in lower case. Only whole words quote: "Israel" is not
    said by "Israeli"."""
    if len(text) < MIN_QUOTED_CHARS:
        return []
    starts = [sentence.start for sentence in sentences]
    quotes: dict[int, Quote] = {}
    for spelled in dict.fromkeys((text, text[0].lower() + text[1:])):
        at = article.find(spelled)
        while at >= 0:
            position = bisect.bisect_right(starts, at) - 1
            whole = _whole_words(article, at, at + len(spelled))
            if whole and 0 <= position < len(sentences) and position not in quotes:
                quotes[position] = Quote(position, at, at + len(spelled))
            at = article.find(spelled, at + 1)
    return [quotes[position] for position in sorted(quotes)]


def _whole_words(article: str, start: int, end: int) -> bool:
    """Whether article[start:end] starts and ends at word boundaries (where it starts or
    ends with a letter or digit: a quote ending in "." may run up to the next word)."""
    before = article[start - 1] if start > 0 else " "
    after = article[end] if end < len(article) else " "
    opens, closes = article[start], article[end - 1]
    return not (opens.isalnum() and before.isalnum()) and not (closes.isalnum() and after.isalnum())
