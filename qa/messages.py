"""What qa says to people, written once: the "not found" and "not certain" replies and how
a follow-up was read.

ui.messages builds on these; nothing else spells them out.
"""

from __future__ import annotations

# The reply when the article does not answer a question (Answer.found is False).
NOT_FOUND = "That is not in the article."
# Before an answer given but not confident (Answer.found, not Answer.confident): the
# answer and its sentence follow, so the reader can judge it.
UNSURE = "Not certain - the closest the article comes:"


def reading_as(question: str, context: str) -> str:
    """How a follow-up was understood (Answer.reading), so a wrong reading is visible:
    "Reading as: Who said so (following: What was targeted on November 23?)"."""
    return f"Reading as: {question.rstrip('?')} (following: {context})"


# How "Tell me more" was read (Answer.reading): the next sentence after the last answer's.
GOING_ON = "Going on from the last answer"
# ... and where the last answer came from the article's last sentence.
AT_THE_END = "The last answer came from the article's last sentence; there is no more."
# How "Where does it say that?" was read: the sentence the last answer came from.
SOURCE_OF_LAST = "Where the last answer came from"
SPEAKER_OF_LAST = "Who the last answer's sentence says claims it"
# How "When was that?" was read: the date the last answer's sentence tells of.
DATE_OF_LAST = "The date the last answer's sentence tells of"
DATE_OF_LEDE = "The date the article's opening sentence tells of"
# Where "Who wrote this article?" and "When was it published?" were answered from.
FROM_BYLINE = "From the article's byline"
AUTHOR_OF_ARTICLE = "the author of this article"
FROM_DATELINE = "From the article's date"
FROM_HEADLINE = "The article's headline"
# How "Give me a timeline" was read, and the reply where the article states no date.
TIMELINE = "The dates the article states, in order"
IN_ORDER = "In the order of the dates the article states"
NO_DATES = "The article states no dates."


def asked_as_two(questions: tuple[str, str], unanswered: list[str]) -> str:
    """How two questions typed as one were read (qa.compound), and which of them the
    article does not answer."""
    read = f"Asked as two questions: {questions[0]} / {questions[1]}"
    if len(unanswered) == 1:
        return f"{read} (not in the article: {unanswered[0]})"
    return read


# Replies to chat that asks nothing of the article (qa.small_talk).
GREETING_REPLY = "Hello! Ask me anything about this article; each answer cites its sentences."
THANKS_REPLY = "You're welcome."
ACKNOWLEDGED_REPLY = "Ask me anything else about the article."
HELP_REPLY = (
    'I answer questions about this article from its own sentences, and cite them. Try "What'
    ' is this article about?", "Give me a timeline", or a question about a name, a number or'
    ' a date in it; follow-ups such as "Why?" or "Where was that?" read the last answer.'
)
