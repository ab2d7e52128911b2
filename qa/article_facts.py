"""Questions about the article itself rather than its story: who wrote it ("Who wrote
this article?", "who's the author") and when it was published ("When was this
published?"), answered from its head (qa.article_head: the byline and the dateline the
story's text no longer holds).

Those lines are kept apart from the sentences so that they are not cited as evidence or
put on the timeline; without this, "Who wrote the article?" had nothing to read.
"""

from __future__ import annotations

from qa.question_form import whole_request

_ARTICLE = r"(?:this|the|that)\s+(?:article|story|piece|report|text|news\s+story|news)"
_IT = rf"(?:this|{_ARTICLE})"  # not "it" or "that": a follow-up's, maybe a letter in the story
# Whole requests only, as qa.question_form tidies them.
_AUTHOR = whole_request(
    rf"who\s+(?:wrote|authored|penned|reported)\s+{_IT}"
    rf"|who\s+(?:is|was|'s|’s)\s+(?:the\s+)?(?:author|writer|reporter|journalist)(?:\s+of\s+{_IT})?"
    rf"|who(?:'s|’s)\s+(?:the\s+)?(?:author|writer|reporter|journalist)(?:\s+of\s+{_IT})?"
    rf"|who\s+(?:is|was)\s+{_IT}\s+(?:written\s+)?by|whose\s+(?:article|story|piece)\s+is\s+{_IT}"
    rf"|(?:the\s+)?(?:author|byline|writer)(?:\s+of\s+{_IT})?"
)
_PUBLISHED = whole_request(
    rf"when\s+(?:was|is)\s+{_IT}\s+(?:published|written|posted|released|dated|from)"
    rf"|(?:what|which)\s+(?:is\s+|was\s+)?(?:the\s+)?(?:date|day)\s+(?:of|on)\s+{_ARTICLE}"
    r"|(?:what(?:'s|’s|\s+is)\s+)?(?:the\s+)?(?:publication|publishing|release)\s+date"
    rf"|(?:what|which)\s+date\s+is\s+{_IT}\s+from|how\s+old\s+is\s+{_IT}"
)


def asks_author(question: str) -> bool:
    """Whether `question` asks who wrote the article."""
    return _AUTHOR.match(question.strip()) is not None


def asks_published(question: str) -> bool:
    """Whether `question` asks when the article was published."""
    return _PUBLISHED.match(question.strip()) is not None
