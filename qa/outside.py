"""Where something is not is no answer to where it is.

"In which country do police believe the BlackHarrow members are based?" was answered
"UK" (0.94) of "police believe members of BlackHarrow are based outside the UK". A span
the article puts after "outside", "beyond" or "away from" names where the thing is not;
where the question does not ask about that word, the span is set aside, so the other
spans are weighed or the question withheld; only where the question asks where ("In
which country", "Where"): "What highway is used to designate locations in Houston?" is
answered by the "Interstate 610 Loop" of "outside the Interstate 610 Loop". A span that
holds the word ("outside the parliament") answers where as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.reading import ReadSpan

_NOT_THERE = re.compile(r"\b(?:outside|beyond|away\s+from)(?:\s+of)?(?:\s+the)?\s+$", re.I)
_ASKED = re.compile(r"\b(?:outside|beyond|away)\b", re.IGNORECASE)
# A question asking where: "Where ...?", "In which country ...?", "What city ...?". Not
# "What highway is used to designate locations in Houston?" of "outside the Loop": a
# landmark asked for is named beside "outside" as well as anywhere.
_WHERE = re.compile(
    r"\bwhere\b|\b(?:which|what)\s+(?:country|countries|city|cities|town|towns|place|places|"
    r"region|regions|state|states|nation|area|areas|province|district|part)\b",
    re.IGNORECASE,
)


def not_outside(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less those named as where something is not (`text`: the article the
    spans' offsets are in), unless `question` asks about it."""
    if _WHERE.search(question) is None or _ASKED.search(question):
        return list(spans)
    return [s for s in spans if _NOT_THERE.search(text[max(0, s.start - 30) : s.start]) is None]
