"""Requests about a topic rather than questions ("Tell me about Hezbollah", "Describe the
talks", "What does the article say about the envoy?"): the topic they name, which is
answered with the article's sentence that best matches it, quoted whole.

The reader is trained on questions whose answer is a short span; a request names no
span ("Tell me about Hezbollah?" found none in the bundled article, "Describe the talks?"
gave "a significant breakthrough"), while the sentence about the topic is what the user
asked for. Whether that sentence is about the topic at all is then for the calibration
fitted for sentence answers (qa/data/calibration-retrieval.json, fitted on the
validation split with the reader's), as for `--no-reader`.
"""

from __future__ import annotations

import re

from qa.apposition import name_pattern
from qa.question_form import whole_request
from qa.referring import WH

# Whole requests only, as qa.question_form tidies them ("Tell me about Hezbollah?").
_ABOUT = whole_request(
    r"(?:tell\s+me(?:\s+(?:more|something|a\s+bit))?\s+about"
    r"|(?:describe|explain)"
    r"|what\s+(?:does|do)\s+(?:the|this)\s+(?:article|story|text|report)\s+say\s+about"
    r"|what\s+do\s+you\s+know\s+about"
    # "What's the deal with the talks?", "what's up with hezbollah", "what's the latest on
    # the strikes": chat for "tell me about" (the reader gave "a significant breakthrough").
    r"|what\s+is\s+(?:the\s+(?:deal|story)|up|going\s+on)\s+with"
    r"|what\s+is\s+the\s+(?:latest|news)\s+(?:on|about|with)"
    r"|(?:is\s+there\s+)?(?:any(?:thing)?|(?:any\s+|more\s+)?(?:info|information|details)|more)"
    r"\s+(?:about|on)"
    r")\s+(?P<topic>.+?)"
)


# "Does the article mention casualties?", "is hamas mentioned": whether it tells of a
# topic, which its sentence about the topic answers (a name it never uses: not found).
_MENTIONS = whole_request(
    r"(?:does|did)\s+(?:it|the\s+(?:article|story|text|report))\s+"
    r"(?:mention|talk\s+about|discuss|cover|say\s+anything\s+about)\s+(?P<topic>.+?)"
    r"|(?:is|are|was|were)\s+(?P<mentioned>.+?)\s+mentioned"
    r"(?:\s+(?:in\s+(?:it|the\s+(?:article|story|text|report))|at\s+all|anywhere))?"
)


def requested_topic(question: str) -> str | None:
    """The topic a request names ("Hezbollah" of "Tell me about Hezbollah?", "casualties"
    of "Does the article mention casualties?"), or None for a question, or a request that
    holds one ("Explain why Lebanon objected?" asks why)."""
    match = _ABOUT.match(question.strip())
    mention = _MENTIONS.match(question.strip()) if match is None else None
    if mention is not None:
        return (mention["topic"] or mention["mentioned"]).strip()
    if match is None:
        return None
    topic = match["topic"].strip()
    first = topic.split(maxsplit=1)[0].lower()
    return None if first in WH or first in ("if", "whether") else topic


# "Hezbollah, the Iran-backed Shi'ite militia ...", "Hamas, which has been designated ...":
# a name followed by a description of it set off by a comma.
_DESCRIBED_AFTER = r"\s*,\s+(?:the|a|an|which|who|whose|one\s+of)\b"


def introduces(topic: str, sentence: str) -> bool:
    """Whether `sentence` describes `topic` where it names it: the topic (less a leading
    "the") then a comma and a description ("Hezbollah, the Iran-backed militia ..."),
    as news introduces what it goes on to tell of."""
    name = name_pattern(topic)
    if name is None:
        return False
    return re.search(rf"\b{name}{_DESCRIBED_AFTER}", sentence, re.IGNORECASE) is not None


# "What about the trains?", "how about Hezbollah": a topic, where no question came before
# for it to vary (qa.referring.ellipsis reads it so after one).
_WHAT_ABOUT = re.compile(r"^(?:what|how)\s+about\s+(?P<topic>[^?]+?)\s*\?*$", re.IGNORECASE)


def topic_alone(question: str) -> str | None:
    """The topic of "What about the trains?" asked with nothing before it, as "Tell me
    about the trains" asks it (the reader found no span for "What about the trains?" and
    the question went unanswered); None for any other question."""
    match = _WHAT_ABOUT.match(question.strip())
    if match is None:
        return None
    topic = match["topic"].strip()
    first = topic.split(maxsplit=1)[0].lower()
    return None if first in WH or first in ("if", "whether") else topic
