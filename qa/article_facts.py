"""Questions about the article itself rather than its story: who wrote it ("Who wrote
this article?", "who's the author"), when it was published ("When was this
published?") and its title ("headline?"), answered from its head (qa.article_head: the
byline and the dateline the story's text no longer holds).

Those lines are kept apart from the sentences so that they are not cited as evidence or
put on the timeline; without this, "Who wrote the article?" had nothing to read.

"When was it published?" and "Who wrote it?" may ask about a letter or a report in the
story; they ask about the article right after a question about it ("Who wrote this
article?" then "When was it published?"), or where the story never uses the verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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


_PRONOUN = r"(?:it|that)"
_AUTHOR_OF_IT = whole_request(
    rf"who\s+(?P<verb>wrote|authored|penned)\s+{_PRONOUN}"
    rf"|who\s+(?:is|was)\s+{_PRONOUN}\s+(?:written\s+)?by"
)
_PUBLISHED_IT = whole_request(
    rf"when\s+(?:was|is)\s+{_PRONOUN}\s+(?P<verb>published|written|posted|released|dated)"
)
# The forms of each verb above that a story would use of something in it ("the letter
# she wrote", "the report, published on Monday").
_FORMS = {
    "wrote": "write writes wrote written writing",
    "written": "write writes wrote written writing",
    "authored": "author authored authors",
    "penned": "pen pens penned",
    "published": "publish publishes published publishing publication",
    "posted": "post posts posted posting",
    "released": "release releases released releasing",
    "dated": "dated",
}
# After a question about the article, "and when?" and "by whom?" ask the other fact.
_WHEN_ALONE = whole_request(r"(?:and\s+)?when(?:\s+was\s+(?:it|that))?")
_WHO_ALONE = whole_request(r"(?:and\s+)?(?:by\s+)?(?:who|whom)(?:\s+(?:wrote|by))?")
# "Who is Pieter de Vries?" of the byline's name, which the story may never mention.
_WHO_IS = whole_request(r"who(?:\s+is|\s+was|'s|’s)\s+(?P<name>[^?.!]+?)")
AUTHOR = "author"
PUBLISHED = "published"


def _of_it(match: re.Match[str] | None, story_uses: Callable[[str], bool]) -> bool:
    """Whether the "it" of a matched question can only be the article: the story uses
    no form of the question's verb."""
    if match is None:
        return False
    verb = (match.group("verb") or "written").lower()
    return not any(story_uses(form) for form in _FORMS[verb].split())


def fact_asked(question: str, earlier: str | None, story_uses: Callable[[str], bool]) -> str | None:
    """AUTHOR or PUBLISHED where `question` asks who wrote the article or when it was
    published, else None. "it"/"that" ("When was it published?"), "and when?" and "by
    whom?" count where the question before, `earlier`, asked either; "it"/"that" also
    where the story (`story_uses`: whether it uses a word) never uses the verb."""
    after_fact = earlier is not None and _fact(earlier, False, story_uses) is not None
    return _fact(question, after_fact, story_uses)


def names_author(question: str, byline: str | None) -> str | None:
    """The name "Who is ...?" asks about where it is the byline's name or its last word
    (a surname), else None."""
    asked = _WHO_IS.match(question.strip())
    if asked is None or not byline:
        return None
    name = " ".join(asked["name"].split()).lower()
    written = byline.split()
    return asked["name"] if name in (" ".join(written).lower(), written[-1].lower()) else None


def _fact(question: str, after_fact: bool, story_uses: Callable[[str], bool]) -> str | None:
    question = question.strip()
    if asks_author(question):
        return AUTHOR
    if asks_published(question):
        return PUBLISHED
    if after_fact and _WHEN_ALONE.match(question):
        return PUBLISHED
    if after_fact and _WHO_ALONE.match(question):
        return AUTHOR
    author = _AUTHOR_OF_IT.match(question)
    if author is not None and (after_fact or _of_it(author, story_uses)):
        return AUTHOR
    published = _PUBLISHED_IT.match(question)
    if published is not None and (after_fact or _of_it(published, story_uses)):
        return PUBLISHED
    return None


_TITLE = whole_request(
    rf"(?:what(?:'s|’s|\s+is|\s+was)\s+)?(?:the\s+)?(?:title|headline)(?:\s+of\s+{_IT})?"
    rf"|what\s+is\s+{_IT}\s+(?:called|titled)"
)


def asks_title(question: str) -> bool:
    """Whether `question` asks for the article's title ("What is the headline?")."""
    return _TITLE.match(question.strip()) is not None


def asks_author(question: str) -> bool:
    """Whether `question` asks who wrote the article."""
    return _AUTHOR.match(question.strip()) is not None


def asks_published(question: str) -> bool:
    """Whether `question` asks when the article was published."""
    return _PUBLISHED.match(question.strip()) is not None
