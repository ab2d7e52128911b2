"""Who said what the last answer says: "Who said so?", "According to whom?", "Says who?",
answered from the last answer's own sentence where it names who says it ("According to
the Israeli press office, the target was ...", "..., Kadek said.", "Government
spokeswoman Lidia Venn said the army would ...").

Spelled out for the reader ("Who said so on November 23?" after "What was the chief of
staff responsible for?" / "military modernization"), such a follow-up was withheld: the
question no longer said what was claimed. The sentence the answer came from says who
claims it, where it says; where it names no one, or only "he" or "they", the follow-up is
read as before (qa.restating).
"""

from __future__ import annotations

import re

from qa.question_form import whole_request
from qa.referring import PERSONAL, POSSESSIVE, SUBJECT_PRONOUNS, words

_ASKS_SPEAKER = whole_request(
    r"(?:who|which\s+[^\W\d_]+)\s+(?:said|says|claimed|claims|reported|reports|stated|"
    r"states|announced|announces)\s+(?:so|that|this|it)"
    r"|according\s+to\s+(?:whom|who)|says\s+who|who\s+says|on\s+whose\s+(?:word|authority)"
)
# Verbs of saying, in lower case whatever the pattern's flags: "States" of "the United
# States" and "Notes" of a title say nothing.
SAYING = (
    r"(?-i:said|says|told|tells|stated|states|reported|reports|announced|announces|"
    r"confirmed|confirms|claimed|claims|added|adds|warned|warns|wrote|writes|noted|notes|"
    r"explained|insisted|argued|cautioned|estimated)"
)
# "according to the Israeli press office": the source, to the clause's end.
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:“”\"]+)", re.IGNORECASE)
# "“...,” said Carmen Villanueva, the institute's head", "..., said officials.": the
# speaker after the verb, to a comma or the sentence's end.
_SAID_BY = re.compile(
    r"[,”\"]\s*(?:said|says|added|adds|wrote|writes)\s+(?P<who>[^,.;:“”\"]+)(?=,|[.!?]?\s*$)",
    re.IGNORECASE,
)
# "an NMSA inspector, Ewa Kowalczyk, warned that ...": a name set off before the verb.
_NAMED_SAYS = re.compile(rf"(?P<who>(?-i:[A-Z])[^,.;:“”\"]*),\s+(?:{SAYING})\b", re.IGNORECASE)
# "Government spokeswoman Lidia Venn said ...", "..., a spokesman for the office said.":
# the clause's words before the verb.
_SAYS = re.compile(
    rf"(?:^|[,;:“”\"]\s*)(?P<who>[^,.;:“”\"]+?)\s+(?:also\s+|had\s+|has\s+|have\s+)?"
    rf"(?:{SAYING})\b",
    re.IGNORECASE,
)
# A name opening the clause, then a comma and what it is called in small letters, up to
# the name found: "Dr. Priya Anand, a marine biologist with the ", "Tomas Reyes, 39, a
# captain with the tug operator " (an age may come first).
INSIDE_APPOSITION = re.compile(
    r"(?:^|[;:]\s+)(?P<who>(?-i:[A-Z])[^,;:“”\"]{0,60}),\s+(?:\d{1,3}\s*,\s+)?"
    r"(?-i:[a-z])[^,;:“”\"]{0,80}$"
)
# Longer than this, the words before a verb of saying are a clause, not who said it.
_SPEAKER_WORDS = 8
# Words a clause may open with that are not the speaker's ("But officials said").
_OPENERS = frozenset("and but while however meanwhile also".split())


def asks_speaker(question: str) -> bool:
    """Whether `question` asks who made the claim the last answer gave."""
    return _ASKS_SPEAKER.match(question.strip()) is not None


def speaker(sentence: str, near: int = 0) -> tuple[int, int] | None:
    """Where `sentence` names who says what it says: the source it is "according to", or
    the subject (or, after a quotation, the name) of its verb of saying, the one nearest
    offset `near` (the answer's) where it names several; None where it names no one but
    a pronoun."""
    found = []
    for pattern in (_ACCORDING, _SAID_BY, _SAYS, _NAMED_SAYS):
        for match in pattern.finditer(sentence):
            start, end = _trimmed(sentence, *match.span("who"))
            if start < end and _names_someone(sentence[start:end]):
                found.append((start, end))
        if found and pattern is _ACCORDING:
            break  # "according to" is the source, whatever else speaks
    if not found:
        return None
    return min(found, key=lambda span: min(abs(near - span[0]), abs(near - span[1])))


def named_speaker(sentence: str, near: int = 0) -> tuple[int, int] | None:
    """speaker, less what the speaker is called: where the name found is in the
    description set after a name ("Dr. Mairi Lindqvist, a marine biologist at the
    Institute of Ocean Research in Bergen, said ..."), the name before it."""
    found = speaker(sentence, near)
    if found is None:
        return None
    inside = INSIDE_APPOSITION.search(sentence, 0, found[0])
    if inside is None or not _a_name(inside["who"]):
        return found  # "Sales ... fell 18 percent last year, according to a report"
    return inside.span("who")


# Words a person's name may hold in small letters ("Ludwig van Beethoven").
_NAME_LINKS = frozenset("van von de der den da di du la le bin al".split())
_NAME_WORDS = 6


def _a_name(phrase: str) -> bool:
    """Whether `phrase` is a name: a few words, each capitalised or a name's link."""
    said = phrase.split()
    return 0 < len(said) <= _NAME_WORDS and all(w[:1].isupper() or w in _NAME_LINKS for w in said)


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span less the space around it and a clause's opening word ("but")."""
    text = sentence[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    first = re.match(r"[^\W\d_]+", sentence[start:end])
    if first is not None and first.group().lower() in _OPENERS:
        return _trimmed(sentence, start + first.end(), end)
    return start, end


def _names_someone(phrase: str) -> bool:
    """Whether a speaker's words name someone: a few words, not a pronoun."""
    said = [word.lower() for word in words(phrase)]
    pronouns = SUBJECT_PRONOUNS | PERSONAL | POSSESSIVE
    return 0 < len(said) <= _SPEAKER_WORDS and not (len(said) == 1 and said[0] in pronouns)
