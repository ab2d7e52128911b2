"""Requests for the article's timeline ("Give me a timeline", "list the dates", "What are
the main events?"), answered with its chronology (qa.dates.chronology): each date it
states and what happened then, in calendar order, each cited to the sentence stating it.

The chat shows the same list beside the article; asked in the chat, the reader found no
span ("give me a timeline" read "The meeting") and nothing was given.
"""

from __future__ import annotations

from qa.question_form import THE_ARTICLE, whole_request

_ASKS = whole_request(
    r"(?:(?:give|show)\s+(?:me\s+)?|make\s+|create\s+|build\s+)?(?:a\s+|the\s+)?"
    rf"(?:timeline|chronology)(?:\s+of\s+(?:events|{THE_ARTICLE}|it))?"
    r"|(?:list\s+|give\s+(?:me\s+)?|show\s+(?:me\s+)?)(?:all\s+)?the\s+(?:dates|events|key\s+dates)"
    rf"(?:\s+(?:in|of)\s+{THE_ARTICLE})?"
    r"|what\s+(?:are|were)\s+the\s+(?:main\s+|key\s+)?(?:events|dates|key\s+dates)"
    rf"(?:\s+(?:in|of)\s+{THE_ARTICLE})?"
    r"|(?:what\s+happened\s+)?when\s*,?\s+in\s+order"
    r"|(?:the\s+)?(?:key\s+|main\s+)?(?:dates|events)"
)


def asks_timeline(question: str) -> bool:
    """Whether `question` asks for the article's dates and what happened on each."""
    return _ASKS.match(question.strip()) is not None
