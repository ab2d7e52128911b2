"""Chat that asks nothing of the article: a greeting ("hi"), thanks ("thanks!"), a nod
("ok"), a request for help ("help", "what can you do?"), answered with a short reply
instead of "That is not in the article." and the closest sentences, which is what "hi"
got.

Whole messages only, as qa.question_form tidies them: "hi, what was targeted?" asks its
question. A follow-up after such a message leans on the question before it (qa.followup).
"""

from __future__ import annotations

from qa.messages import ACKNOWLEDGED_REPLY, GREETING_REPLY, HELP_REPLY, THANKS_REPLY
from qa.question_form import whole_request

_GREETING = whole_request(
    r"(?:hi|hello|hey|hiya|howdy|good\s+(?:morning|afternoon|evening)|greetings)"
    r"(?:\s+there)?[\s,!.]*"
)
_THANKS = whole_request(
    r"(?:(?:great|perfect|ok|okay|cool|nice|awesome)[\s,!.]+)?"
    r"(?:thanks|thank\s+you|thx|ty|cheers)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?[\s!.]*"
)
_ACKNOWLEDGED = whole_request(r"(?:great|perfect|ok|okay|cool|nice|awesome|got\s+it|i\s+see)")
_HELP = whole_request(
    r"help|what\s+can\s+you\s+do|how\s+does\s+this\s+work|who\s+are\s+you|what\s+are\s+you"
    r"|how\s+do\s+i\s+use\s+(?:this|you)|what\s+should\s+i\s+ask"
)


def small_talk(question: str) -> str | None:
    """The reply to a message that asks nothing of the article, or None."""
    text = question.strip()
    if _GREETING.match(text):
        return GREETING_REPLY
    if _THANKS.match(text):
        return THANKS_REPLY
    if _ACKNOWLEDGED.match(text):
        return ACKNOWLEDGED_REPLY
    if _HELP.match(text):
        return HELP_REPLY
    return None
