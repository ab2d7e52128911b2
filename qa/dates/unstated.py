"""A dated question as the reader reads a passage in the date's scope that does not state it.

"Who condemned the November 23 strike?" is answered by a sentence that is about November
23 only because an earlier one said so ("Just days later, on November 23, the IDF
confirmed another air strike ... The strike sparked immediate condemnation from Lebanese
authorities"). Read beside that sentence, the question's date is a word the passage lacks,
and the reader, trained on near misses that swap a question's date for another, takes it
for "no answer": margin -9.2 for "Lebanese authorities", against +6.3 for "Who condemned
the strike?". The article's own dating (qa.dates.sentences) has already matched the date
to the passage, so there the reader reads the question without it. A passage that states
any date keeps the question whole: the reader can see whether its dates are the asked ones
("What was targeted in Beirut on November 19?" stays a question the Beirut passage, dated
November 23, does not answer). A sentence that names its own day ("last Saturday", "two
days later") inherits no date (qa.dates.sentences), so it keeps the question whole too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from qa.dates.finding import find_dates
from qa.dates.patterns import MONTH_DAY
from qa.dates.values import MonthDay

# A date phrase with the preposition that attaches it ("on November 23", "of 23 November").
_DATED = re.compile(
    rf"(?:\b(?:on|of|since|from|by|until|before|after|in)\s+)?(?:{MONTH_DAY.pattern})",
    re.IGNORECASE,
)
_SPACE_BEFORE_MARK = re.compile(r"\s+([?!.,;:])")
# Words that leave a question asking nothing once its date is gone ("What happened on
# November 23?" -> "What happened?"): the date is then the whole question.
_EMPTY = frozenset(
    "what who whom whose which when where why how did does do was were is are has have had "
    "happen happened happens occur occurred the a an there".split()
)

# The question the reader reads for the passage of sentences [first, last].
PassageQuestion = Callable[[int, int], str]


def without_dates(question: str) -> str | None:
    """`question` with its date phrases and their prepositions taken out; None where
    nothing but question words would be left."""
    text = _SPACE_BEFORE_MARK.sub(r"\1", " ".join(_DATED.sub(" ", question).split()))
    left = [word for word in re.findall(r"[^\W\d_][\w’'-]*", text.lower()) if word not in _EMPTY]
    return text if left else None


def passage_question(
    question: str, dates: Sequence[Mapping[MonthDay, float]]
) -> PassageQuestion | None:
    """For a question naming dates, the question each passage is read with: without its
    dates where the passage's sentences inherit every asked date and state none (`dates`:
    each sentence's dates with their strength, 1.0 where stated, qa.dates.sentence_dates).
    None for a question with no date to leave out."""
    asked = find_dates(question)
    undated = without_dates(question) if asked else None
    if undated is None:
        return None
    bare: str = undated

    def read_as(first: int, last: int) -> str:
        held = dates[first : last + 1]
        states = any(strength == 1.0 for days in held for strength in days.values())
        inherits = all(any(days.get(day, 0.0) > 0.0 for days in held) for day in asked)
        return bare if inherits and not states else question

    return read_as
