"""Requests for the gist of an article ("What is this article about?", "summarize it"),
answered with the sentences that carry it: the opening sentence, where a news story puts
what matters most (its lede) and an encyclopedia article its definition, and the sentence
stating each date the article is about (qa.dates.timeline), in article order.

The reader, trained on questions about facts, finds no span for such a request, and "That
is not in the article." would be the wrong reply: the whole article answers it. Nothing
here is scored by the calibration; the sentences are quoted whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.sentences import Sentence
from qa.dates import timeline
from qa.question_form import THE_ARTICLE, whole_request

# "... in one sentence", "... in a few words", "... briefly": how short, said after it.
_SHORT = (
    r"(?:\s+(?:briefly|quickly|for\s+me)"
    r"|\s+(?:in|with)\s+(?:one|a|two|three|a\s+few|few|\d+)\s+(?:sentences?|words?|lines?|paragraphs?))?"
)
# Whole requests only, as qa.question_form tidies them ("What is this article about?"):
# "What is the summary of the talks?" asks about the talks.
_ASKS = whole_request(
    rf"(?:(?:briefly\s+)?(?:(?:summari[sz]e|sum\s+up|recap)(?:\s+it|\s+{THE_ARTICLE})?"
    rf"|sum\s+(?:it|{THE_ARTICLE})\s+up){_SHORT})"
    r"|give\s+(?:me\s+)?(?:a\s+|an\s+|the\s+)?(?:summary|overview|gist|recap|tl;?dr)"
    rf"(?:\s+of\s+{THE_ARTICLE})?"
    rf"|what(?:'s|’s|\s+is)\s+{THE_ARTICLE}(?:\s+\w+){{0,2}}\s+about"
    r"|what\s+(?:are|were)\s+the\s+(?:main|key)\s+(?:points|takeaways|facts)"
    r"|(?:the\s+)?(?:main|key)\s+(?:points|takeaways)"
    rf"(?:\s+of\s+{THE_ARTICLE})?"
    r"|what(?:'s|’s|\s+is)\s+the\s+(?:gist|main\s+point|main\s+idea|summary|short\s+version)"
    rf"(?:\s+of\s+{THE_ARTICLE})?"
    r"|what(?:'s|’s|\s+is)\s+this\s+(?:all\s+)?about"
    r"|tl;?dr|summary|overview|gist"
)
# Asked first, before anything else: "What happened?", "what's going on", "what's the
# story", "what is it about" (after a question, "What happened?" asks about what that
# question was about: qa.referring.bare).
_ASKS_FIRST = whole_request(
    r"what\s+(?:happened|has\s+happened|is\s+happening)"
    r"|what(?:'s|’s|\s+is)\s+(?:going\s+on|the\s+(?:story|news|deal)|it\s+(?:all\s+)?about)"
)
# The most sentences an overview quotes: the lede and the sentences of a few dates.
MOST_SENTENCES = 4
# A story of a few days: an article stating more days than this is a chronicle (the
# validation split's Chihuahua, Houston or Premier League articles state dozens), whose
# gist is no list of days.
MOST_DAYS = MOST_SENTENCES - 1
# Days count where stated in this much of the article, from the top: a news story tells
# its events before their background (the bundled article's strikes are sentences 8 and
# 12 of 21), while a single dated episode deep in a long article (the split's Eritrea
# article, July 9 at sentence 166 of 208) is background.
EARLY_SHARE = 2 / 3
# Without dates, the lede and the sentence after it.
UNDATED_SENTENCES = 2


def asks_overview(question: str, first: bool = False) -> bool:
    """Whether `question` asks what the whole article says rather than a fact in it;
    `first`: it is asked with nothing before it, where "What happened?" asks that too."""
    if _ASKS.match(question.strip()) is not None:
        return True
    return first and _ASKS_FIRST.match(question.strip()) is not None


def overview(sentences: Sequence[Sentence]) -> list[int]:
    """The positions of the sentences that give the article's gist, in article order: the
    first, and the first sentence stating each day it tells of in its first two thirds,
    where it tells of a few days only (else the second sentence)."""
    if not sentences:
        return []
    dated: list[int] = []
    days = set()
    for event in timeline(list(sentences)):  # calendar order, each day's first sentence first
        if (event.month, event.day) in days:
            continue
        days.add((event.month, event.day))
        early = event.position < EARLY_SHARE * len(sentences)
        if early and event.position != 0 and event.position not in dated:
            dated.append(event.position)
    if len(days) > MOST_DAYS:
        dated = []  # a chronicle, not a story of a few days
    chosen = [0, *dated] if dated else list(range(UNDATED_SENTENCES))
    return sorted(position for position in chosen if position < len(sentences))
