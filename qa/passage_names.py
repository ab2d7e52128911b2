"""A question naming someone or something in full, as the reader reads a passage that
names it shorter.

"When did Commander Ingrid Solvang call off the search?" is answered by "Solvang called
off the active search on the evening of March 18": beside that sentence the question's
"Commander Ingrid" are words the passage lacks, and the reader, trained on near misses
that swap a question's name for another, read "March 15" from a sentence that gives
more of her name; asked "When did Solvang call off the search?" it reads "March 18".
Likewise "Who announced the inquiry into the Helena Mara disaster?" beside "... an
independent inquiry would examine the disaster" ("Farrow"; "the disaster": "Amara
Quist"). So a passage that writes a name's last words but not the whole name, or a thing
the question names by its noun ("the disaster") but not the name before it, is read with
the question as the passage words it. Only a name the article writes in full, and only
a name before a noun that the article's opening sentence writes (what it is about): SQuAD's
unanswerable questions swap one word of a name ("Radar Princess" for "Twilight
Princess"), and the article's ones would be read as the passage's ("Princess"); on the
validation split that lost more than it won (docs/measurements.md). A name the passage
does not write at all keeps the question whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.sentences import Sentence
from qa.english import english_words

# The question the reader reads for the passage of sentences [first, last].
PassageQuestion = Callable[[int, int], str]

_CAPITALISED = r"(?-i:[A-Z])[\w’'.-]*"
# A name of two or more capitalised words ("Commander Ingrid Solvang", "Helena Mara").
_NAME = re.compile(rf"(?<![\w’'-]){_CAPITALISED}(?:\s+{_CAPITALISED})+")
# A name set before a noun in small letters: "the Helena Mara disaster".
_NAMED_NOUN = re.compile(
    rf"\bthe\s+(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED})*)\s+(?P<noun>(?-i:[a-z])[\w-]+)\b"
)
# A question's opening word is capitalised as a sentence's is, not as a name's.
_OPENING = frozenset(
    "the a an what who whom whose which when where why how did does do was were is are has "
    "have had "
    "can could will would should in on at for from by of to".split()
)


def _writes(passage: str, words: str) -> bool:
    return re.search(rf"(?<![\w’'-]){re.escape(words)}(?![\w-])", passage) is not None


def as_worded(question: str, passage: str, article: str, opening: str) -> str:
    """`question` with each name the passage does not write in full, and the `article`
    does, cut to the last words the passage writes ("Commander Ingrid Solvang" ->
    "Solvang"), and each name set before a noun the passage writes after "the" left out
    where the article's `opening` sentence writes the name ("the Helena Mara disaster"
    -> "the disaster"); the question itself where neither applies."""
    asked = question
    for found in _NAME.finditer(question):
        words = found.group().split()
        if words[0].lower() in _OPENING:
            words = words[1:]
        name = " ".join(words)
        if len(words) < 2 or _writes(passage, name) or not _writes(article, name):
            continue
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            # One word in English is a kind, not a name ("Glacier" of "the Unteraar
            # Glacier" for "the Great Aletsch Glacier").
            if k == len(words) - 1 and tail.lower() in english_words():
                break
            if _writes(passage, tail):
                asked = asked.replace(name, tail)
                break
    for found in _NAMED_NOUN.finditer(asked):
        name, noun = found["name"], found["noun"]
        if _writes(passage, name) or not _writes(opening, name):
            continue
        if not re.search(rf"\bthe\s+{re.escape(noun)}\b", passage):
            continue
        asked = asked.replace(f"the {name} {noun}", f"the {noun}")
    return asked


def passage_names(
    question: str, text: str, sentences: Sequence[Sentence], asked_for: PassageQuestion | None
) -> PassageQuestion | None:
    """The question each passage of the article (`text`, split into `sentences`) is read
    with (`as_worded`, after `asked_for`, the question's other per-passage wording where
    it has one); None for a question naming nothing that a passage could word shorter."""
    if _NAME.search(question) is None and _NAMED_NOUN.search(question) is None:
        return asked_for
    opening = sentences[0].text if sentences else ""

    def read_as(first: int, last: int) -> str:
        asked = asked_for(first, last) if asked_for is not None else question
        passage = " ".join(sentences[p].text for p in range(first, last + 1))
        return as_worded(asked, passage, text, opening)

    return read_as
