"""What someone said about something: the words the article quotes them saying.

"What did Denise Okafor say about weekends?" was answered "Our members stood on the
picket line in ..." (another of her quotations), "What did Nordair's boss say about the
ash cloud?" withheld with "patchy" of "“The cloud is patchy,” said Tomas Ravel". News
quotes people in quotation marks and says who spoke: in the quotation's sentence ("...,”
said Denise Okafor"), with "she said" after a sentence that names her, or not at all in
a quotation's next sentence. Of the
quotations the article gives to the one asked about, the one sharing most words with
what they were asked to have said it about is the answer; none where no quotation of
theirs shares a word with it (qa.bot reads the question then).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.sentences import Sentence
from qa.lexical import terms
from qa.speaker_request import SAYING, speaker

_SAID_ABOUT = re.compile(
    r"^what\s+(?:did|does|has|had|do)\s+(?P<who>.+?)\s+(?:say|said|tell\s+[\w’'-]+)\s+"
    r"(?:about|on|of|regarding)\s+(?P<topic>.+?)\s*\??$",
    re.IGNORECASE,
)
# A quotation in curly or straight double marks, of three words or more.
_QUOTED = re.compile(r"“(?P<curly>[^”]+)”|\"(?P<straight>[^\"]+)\"")
# "she said", "he added": a pronoun speaking, named in a sentence before.
_PRONOUN_SAYS = re.compile(
    rf"\b(?:he|she|they)\s+(?:also\s+)?{SAYING}\b|\b{SAYING}\s+(?:he|she)\b", re.IGNORECASE
)
# How far back a pronoun's speaker may be named.
_NAMED_BEFORE = 2


@dataclass(frozen=True)
class Quoted:
    """A quotation: the sentence it is in and where, in that sentence's text."""

    position: int
    start: int
    end: int


def said_about(question: str) -> tuple[str, str] | None:
    """Who and what `question` asks they said it about ("Denise Okafor", "weekends"), or
    None for another question."""
    found = _SAID_ABOUT.match(question.strip())
    if found is None or not any(w[:1].isupper() for w in found["who"].split()):
        return None  # "What did the report say about ...?": no one named to quote
    return found["who"], found["topic"]


def _surname(who: str) -> str:
    named = [w for w in re.findall(r"[\w’'-]+", who) if w[:1].isupper()]
    return re.sub(r"[’']s$", "", named[-1]) if named else ""


def _spoken_by(surname: str, sentences: Sequence[Sentence], position: int) -> bool:
    """Whether the sentence at `position` gives its words to `surname`: it names them as
    its speaker, or has "she said" where one of the sentences just before names them."""
    text = sentences[position].text
    named = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
    said_by = speaker(text)
    if said_by is not None:
        return named.search(text[said_by[0] : said_by[1]]) is not None
    if _PRONOUN_SAYS.search(text) is None:
        # A quotation going on in a sentence of its own: "“Nobody will be forced to give
        # up their weekends ...”" after "“...,” said Denise Okafor".
        opens = text.lstrip()[:1] in '“"'
        return opens and position > 0 and _spoken_by(surname, sentences, position - 1)
    before = sentences[max(0, position - _NAMED_BEFORE) : position]
    return any(named.search(s.text) for s in before)


def quotations_of(who: str, sentences: Sequence[Sentence]) -> list[Quoted]:
    """The quotations the article gives to `who` (by their surname), in article order."""
    surname = _surname(who)
    if not surname:
        return []
    found = []
    for position, sentence in enumerate(sentences):
        for quote in _QUOTED.finditer(sentence.text):
            group = "curly" if quote["curly"] is not None else "straight"
            if len(quote[group].split()) < 3 or not _spoken_by(surname, sentences, position):
                continue
            start, end = quote.span(group)
            found.append(Quoted(position, start, end))
    return found


# Where a quotation of several sentences breaks: "... fix anything. The problems ...".
_QUOTE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _pieces(quoted: Quoted, text: str) -> list[Quoted]:
    """The quotation's own sentences, each a Quoted of the same sentence."""
    pieces, start = [], quoted.start
    for found in _QUOTE_BREAK.finditer(text, quoted.start, quoted.end):
        pieces.append(Quoted(quoted.position, start, found.start()))
        start = found.end()
    return [*pieces, Quoted(quoted.position, start, quoted.end)]


def quotation_about(who: str, topic: str, sentences: Sequence[Sentence]) -> Quoted | None:
    """The quoted sentence of `who` that shares most words with `topic` (the first where
    several share as many); None where none shares one."""
    asked = set(terms(topic))
    best, shared = None, 0
    for quoted in quotations_of(who, sentences):
        text = sentences[quoted.position].text
        for piece in _pieces(quoted, text):
            common = len(asked & set(terms(text[piece.start : piece.end])))
            if common > shared:
                best, shared = piece, common
    return best


def without_trailing_comma(text: str, start: int, end: int) -> tuple[int, int]:
    """The quotation less the comma or stop that closes it inside the marks."""
    while end > start and text[end - 1] in ",.;: ":
        end -= 1
    return start, end
