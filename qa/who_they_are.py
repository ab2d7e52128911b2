"""Who someone is answers no why, how, when or where.

"Why did Edmund Tarrow pay for the bridge?" was answered "wool merchant" (0.89) of "the
bridge was paid for by a wool merchant, Edmund Tarrow, after his son drowned while
trying to ford the river": the words the article sets beside the name the question
asks about, which tell who he is. Where a question asks why, how, when or where, a span
naming a role or a kind of person (qa.person_nouns.names_a_role) set beside a name the
question holds (before it, "a wool merchant, Edmund Tarrow", "merchant Edmund Tarrow";
or after it, "Edmund Tarrow, a wool merchant") is set aside, and the best span the
reader read beside it in its sentence, where it believed the one set aside (margin over
0), is weighed instead ("his son drowned while trying to ford the river").

Nor is the one a who-question names by a role its answer: "Who beat the premier in
Kestrel Ford?" was answered "Helmut Brandauer" (0.41) of "the regional premier, Helmut
Brandauer, 61, who lost his own constituency of Kestrel Ford". Where a question asks who
did something ("Who beat ...?", not "Who is ...?" or "Who became ...?") to someone it
names by a role ("the premier"), a span the article sets that role beside (qa.apposition
.name_beside) is set aside likewise.

And a who-question is answered by a name, not by a role: "Who chairs the residents'
group that opposes the route?" read "chairwoman" of "The group's chairwoman, retired
schoolteacher Margaret Olsen, said ..."; a span that is only a role in small letters
becomes the name its sentence sets beside that role (named_holders).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from index.sentences import Sentence
from qa.apposition import name_beside
from qa.person_nouns import head_words, is_plural, names_a_role
from qa.reading import ReadSpan, set_aside
from qa.referring import PREPOSITIONS
from qa.scoring import normalize

_ASKS = re.compile(r"^\W*(?:why|how(?!\s+(?:many|much|old|long|far|big)\b)|when|where)\b", re.I)
_NAME = r"(?P<name>(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3})"
_NAME_AFTER = re.compile(rf"\s*,?\s+{_NAME}")
_NAME_BEFORE = re.compile(rf"{_NAME}\s*,\s+(?:the\s+|a\s+|an\s+)?$")


def not_who_they_are(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less those describing a name `question` holds, where it asks why, how,
    when or where (`text`: the article the spans' offsets are in); each replaced by the
    span the reader read beside it where it believed it."""
    if _ASKS.match(question) is None:
        return list(spans)
    asked = {word.lower() for word in re.findall(r"[\w’'-]+", question)}

    def describes(span: ReadSpan) -> bool:
        if not names_a_role(span.text):
            return False  # "September 2008" before "Hurricane Ike" describes no one
        after = _NAME_AFTER.match(text, span.end)
        before = _NAME_BEFORE.search(text, max(0, span.start - 60), span.start)
        named = [found["name"] for found in (after, before) if found is not None]
        # The name as the question holds it, whole or by its last word ("Tarrow").
        return any(name.split()[-1].lower() in asked for name in named)

    return set_aside(spans, describes)


# "Who beat ...?", not "Who is ...?", "Who became ...?": who did something.
_WHO_DID = re.compile(
    r"^\W*who\s+(?!(?:is|was|are|were|be|been|became|become|becomes|serves?|served|remains?|"
    r"remained)\b)\w",
    re.IGNORECASE,
)
# Before a role the answer is to hold: "act as the", "will be the", "named the".
_HELD = re.compile(
    r"\b(?:as|is|was|are|were|be|been|being|become|became|becomes|named|appointed|elected|"
    r"chosen)\s+$",
    re.IGNORECASE,
)
# A role the question names: "the premier", "the prime minister".
_ROLE = re.compile(r"\bthe\s+(?P<role>(?:(?-i:[a-z])[\w-]*\s+)?(?-i:[a-z])[\w-]*)")


def not_the_role_named(
    spans: Sequence[ReadSpan], question: str, sentences: Sequence[Sentence]
) -> list[ReadSpan]:
    """The spans less the holder of a role `question` names, where it asks who did
    something (see the module's note); each replaced by the span the reader read beside
    it where it believed it."""
    if _WHO_DID.match(question) is None:
        return list(spans)
    # "the premier in Kestrel Ford": the role's words before a preposition; not a role
    # the answer is to hold ("Who will act as the independent mediator?").
    heads = (
        " ".join(head_words(found["role"]))
        for found in _ROLE.finditer(question)
        if _HELD.search(question, 0, found.start()) is None
    )
    # One person of many named so is no one the question points at: "Who wrote for the
    # dissenting judges?" asks for the one "Writing for the four dissenting judges,
    # Justice Pavel Hruby, ..." names.
    roles = [
        f"the {head}"
        for head in heads
        if head and names_a_role(f"the {head}") and not is_plural(head)
    ]
    if not roles:
        return list(spans)

    def holds(span: ReadSpan) -> bool:
        sentence = sentences[span.position]
        start, end = span.start - sentence.start, span.end - sentence.start
        for role in roles:
            held = name_beside(role, sentence.text, loose=True)
            if held is not None and held[0] < end and start < held[1]:
                return True
        return False

    return set_aside(spans, holds)


_ASKS_WHO = re.compile(r"^\W*who\b", re.IGNORECASE)


def named_holders(
    spans: Sequence[ReadSpan], question: str, sentences: Sequence[Sentence]
) -> list[ReadSpan]:
    """The spans, each that is only a role in small letters ("chairwoman" of "The group's
    chairwoman, retired schoolteacher Margaret Olsen, said ...") replaced by the name its
    sentence sets beside that role, where `question` asks who: a role is no one's name.
    Not where the question holds that name: "Who is Clara Mendt?" is answered by her role
    ("chief economist"), not her name."""
    if _ASKS_WHO.match(question) is None:
        return list(spans)
    asked = normalize(question).split()
    named = [
        _named_elsewhere(
            _named_next(_holder_named(span, sentences[span.position]), sentences), sentences
        )
        for span in spans
    ]
    # The name asked, by its surname: "Dr. Lena Okafor" for "Who is Lena Okafor?".
    return [
        span if _surname(holder.text) in asked else holder
        for span, holder in zip(spans, named, strict=True)
    ]


def _surname(name: str) -> str:
    return (normalize(name).split() or [""])[-1]


def _holder_named(span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """`span` as the name set beside it, where it is a role in small letters; else itself."""
    if not span.text.islower() or not names_a_role(span.text):
        return span
    role = " ".join(span.text.split()[-2:])
    found = name_beside(f"the {role}", sentence.text, loose=True)
    if found is None:
        return span
    start, end = sentence.start + found[0], sentence.start + found[1]
    if start > span.end + _BESIDE or span.start > end + _BESIDE:
        return span  # a name beside another mention of the role
    return replace(span, text=sentence.text[found[0] : found[1]], start=start, end=end)


# A person described by a role, before what the role is of: "The former treasurer" of "The
# former treasurer of the Harbour Lights Children's Fund".
_DESCRIBED = re.compile(
    r"^(?:the|a|an)\s+(?P<role>(?:(?-i:[a-z])[\w-]*\s+){0,3}(?-i:[a-z])[\w-]*)(?=\s+of\b|$)",
    re.IGNORECASE,
)
# A sentence opening with a name set off by a comma: "Gerald Pemberton, 58, a retired ...".
_OPENS_NAMED = re.compile(
    r"^\W*(?P<name>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+){1,3})(?=\s*,)"
)


# The most words of a bare role ("its pilot", "the lead investigator").
_BARE_ROLE_WORDS = 3


def _named_elsewhere(span: ReadSpan, sentences: Sequence[Sentence]) -> ReadSpan:
    """`span` as the one name the article sets beside its role anywhere, where it is a
    role in small letters its own sentence names no one beside: "its pilot" of "... the
    festival on Saturday, killing its pilot" is "Graham Ostler" of "The pilot, Graham
    Ostler, 58, a retired airline captain ...". Else `span` itself (a plural role, or
    several names beside it)."""
    role = span.text.split()
    if not span.text.islower() or not names_a_role(span.text) or len(role) > _BARE_ROLE_WORDS:
        return span
    noun = role[-1]
    if is_plural(noun) or any(word in PREPOSITIONS for word in role):
        return span  # "captain of the title winning team": a role of something, described
    found: list[tuple[int, Sentence, tuple[int, int]]] = []
    for position, sentence in enumerate(sentences):
        at = name_beside(f"the {noun}", sentence.text, loose=True)
        if at is not None:
            found.append((position, sentence, at))
    if len({sentence.text[at[0] : at[1]] for _, sentence, at in found}) != 1:
        return span
    position, sentence, (start, end) = found[0]
    return replace(
        span,
        text=sentence.text[start:end],
        start=sentence.start + start,
        end=sentence.start + end,
        position=position,
    )


def _named_next(span: ReadSpan, sentences: Sequence[Sentence]) -> ReadSpan:
    """`span` as the name the next sentence opens with, where it describes someone by a
    role ("The former treasurer of the Harbour Lights Children's Fund ... was charged")
    and that sentence names them by it: "Gerald Pemberton, 58, a retired bank manager who
    had served as the charity's volunteer treasurer since 2011, ..." News opens so,
    describing first and naming after; else `span` itself."""
    described = _DESCRIBED.match(span.text)
    if described is None or not names_a_role(described["role"]):
        return span
    if span.position + 1 >= len(sentences):
        return span
    following = sentences[span.position + 1]
    opening = _OPENS_NAMED.match(following.text)
    noun = described["role"].split()[-1]
    if opening is None or not re.search(rf"\b{re.escape(noun)}\b", following.text, re.I):
        return span
    return replace(
        span,
        text=opening["name"],
        start=following.start + opening.start("name"),
        end=following.start + opening.end("name"),
        position=span.position + 1,
    )


# How far from the role its holder's name may be: "chairwoman, retired schoolteacher".
_BESIDE = 60
