"""A person is no place: "Where did he talk to the press?" is not answered "reporters".

The reader, reading "told reporters in Brasília", gave "reporters" (0.86) for where he
spoke. Where a question asks where, a span that names people by a noun in small letters
("reporters", "conservators", "residents") is set aside for the reader's runner-up in its
sentence, where it believed it. A name is left alone: a place's name and a person's look
the same, and "the Red Cross" may be where someone works.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.person_nouns import names_a_role
from qa.reading import ReadSpan, set_aside

# "Where ...?", "From where ...?", "To where ...?": a place asked, opening the question.
_WHERE = re.compile(r"^\W*(?:(?:from|to|and|so)\s+)?where\b", re.IGNORECASE)


def not_people(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less those naming people by a noun in small letters, where `question`
    asks where; each replaced by the reader's runner-up in its sentence where it
    believed it."""
    if _WHERE.match(question) is None:
        return list(spans)
    return set_aside(spans, lambda span: span.text[:1].islower() and names_a_role(span.text))
