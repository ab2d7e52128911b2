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
does not write at all keeps the question whole, unless the passage calls it by its kind
("the company": qa.called_by_kind).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.sentences import Sentence
from qa.called_by_kind import asks_a_name, by_kind
from qa.english import common_words, english_words

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


def _last_words(words: list[str], passage: str) -> str | None:
    """The name's last words as the passage writes them ("Solvang" of "Commander Ingrid
    Solvang"), or None."""
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        # One word in English is a kind, not a name ("Glacier" of "the Unteraar
        # Glacier" for "the Great Aletsch Glacier").
        if k == len(words) - 1 and tail.lower() in english_words():
            return None
        if _writes(passage, tail):
            return tail
    return None


def _first_words(words: list[str], passage: str) -> str | None:
    """The name's first words as the passage writes them, where the words left off are
    English, the kind of thing it is ("Orison" of "Orison Mobile", "Halvorsen" of
    "Halvorsen Therapeutics"), no common English word ("American" of "American Idol"),
    written alone: not inside another name ("Orison" of "Orison Telecom"); or None."""
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        if not all(word.lower() in english_words() for word in words[k:]):
            return None
        if any(word.lower() in common_words() for word in words[:k]):
            return None  # "American" of "American Idol" is no name of its own
        if _writes_alone(passage, head):
            return head
    return None


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


def _writes_alone(passage: str, name: str) -> bool:
    """Whether the passage writes `name` with no capitalised word right after it, nor
    right before it except a sentence's first ("Orison in 2004", not "the Royal Navy")."""
    for found in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])", passage):
        if _CAPITAL_AFTER.match(passage, found.end()):
            continue
        before = _WORD_BEFORE.search(passage, 0, found.start())
        if before is None or before.group(1).endswith((".", "!", "?", ":", ";", ",")):
            return True  # a clause opens with it
        if not before.group(1)[:1].isupper():
            return True
    return False


def as_worded(question: str, passage: str, article: str, opening: str) -> str:
    """`question` with each name the passage does not write in full, and the `article`
    does, cut to the last words the passage writes ("Commander Ingrid Solvang" ->
    "Solvang") or, where the rest is English, the first ("Orison Mobile" -> "Orison"),
    and each name set before a noun the passage writes after "the" left out
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
        shorter = _last_words(words, passage) or _first_words(words, passage)
        if shorter is not None:
            asked = asked.replace(name, shorter)
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
    if (
        _NAME.search(question) is None
        and _NAMED_NOUN.search(question) is None
        and not asks_a_name(question)
    ):
        return asked_for
    opening = sentences[0].text if sentences else ""

    def read_as(first: int, last: int) -> str:
        asked = asked_for(first, last) if asked_for is not None else question
        passage = " ".join(sentences[p].text for p in range(first, last + 1))
        worded = as_worded(asked, passage, text, opening)
        # A name the passage calls by its kind ("the company"), qa.called_by_kind.
        return by_kind(worded, text, sentences[first].start, sentences[last].end)

    return read_as
