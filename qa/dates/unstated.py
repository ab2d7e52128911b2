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
November 23, does not answer). So does one that names a day its own way ("last Saturday",
"two days later"): the inherited date is not its day ("The losing run began on January
24 ... It ended ... with a 4-1 home loss to Kelso Park last Saturday" is not about January
24 where it names Kelso Park).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from index.sentences import Sentence
from qa.dates.finding import date_hits, find_dates
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

# Kinds of date phrase (qa.dates.patterns.GROUNDABLE) that name one day: not a schedule,
# a month, a year or a period such as "last week".
_DAY_KINDS = frozenset({"iso", "range", "day", "word", "weekday", "offset", "step"})

# The question the reader reads for the passage of sentences [first, last].
PassageQuestion = Callable[[int, int], str]


def without_dates(question: str) -> str | None:
    """`question` with its date phrases and their prepositions taken out; None where
    nothing but question words would be left."""
    text = _SPACE_BEFORE_MARK.sub(r"\1", " ".join(_DATED.sub(" ", question).split()))
    left = [word for word in re.findall(r"[^\W\d_][\w’'-]*", text.lower()) if word not in _EMPTY]
    return text if left else None


def names_a_day(text: str) -> bool:
    """Whether `text` names a day in any way ("on November 23", "last Saturday",
    "yesterday", "two days later")."""
    return any(kind in _DAY_KINDS for kind, _ in date_hits(text))


def passage_question(
    question: str, dates: Sequence[Mapping[MonthDay, float]], sentences: Sequence[Sentence]
) -> PassageQuestion | None:
    """For a question naming dates, the question each passage is read with: without its
    dates where the passage's sentences inherit every asked date and name no day of their
    own (`dates`: each sentence's dates with their strength, 1.0 where stated, qa.dates.
    sentence_dates, for `sentences`). None for a question with no date to leave
    out."""
    asked = find_dates(question)
    undated = without_dates(question) if asked else None
    if undated is None:
        return None
    bare: str = undated

    def read_as(first: int, last: int) -> str:
        held = dates[first : last + 1]
        states = any(strength == 1.0 for days in held for strength in days.values())
        inherits = all(any(days.get(day, 0.0) > 0.0 for days in held) for day in asked)
        if not inherits or states:
            return question
        # Checked last, on the few passages that get this far: phrases other than month
        # and day are not in `dates`.
        own_day = any(names_a_day(s.text) for s in sentences[first : last + 1])
        return question if own_day else bare

    return read_as
