"""An article saying it does not know is no answer.

"How much has the recovery cost the trust so far?" was answered "not said how much"
(0.89) of "The trust has not said how much the recovery has cost so far.": the reader
read the words that say the figure is missing as the figure. A span that opens with a
telling verb denied ("not said", "has not disclosed", "declined to say", "would not
confirm") tells the user nothing the question asks; it is set aside, so the other spans
are weighed or the question withheld. A yes-or-no question keeps it ("Has the trust disclosed
the cost?": "No", qa.polar).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.polar import asks_yes_or_no
from qa.reading import ReadSpan

_TELLING = (
    r"(?:said|say|says|disclosed?|revealed?|announced?|confirm(?:ed)?|released?|specified|"
    r"specify|given|give|made\s+public|make\s+public|stated?|known|named?|identified|identify)"
)
_UNTOLD = re.compile(
    r"^\W*(?:(?:has|have|had|was|were|is|are|did|does|do|would|could|will)\s+)?"
    rf"(?:(?:not|never)\s+(?:yet\s+)?(?:been\s+)?{_TELLING}"
    rf"|(?:declined|refused)\s+to\s+{_TELLING})\b",
    re.IGNORECASE,
)


def not_untold(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less those saying that what is asked is not told, unless `question`
    asks yes or no."""
    if asks_yes_or_no(question):
        return list(spans)
    return [span for span in spans if _UNTOLD.match(span.text) is None]
