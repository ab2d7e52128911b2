"""A name the article goes on to call by its kind: "the company" for Halvorsen Therapeutics.

News writes a name once and then its kind: "The drug was developed by Halvorsen
Therapeutics, a biotechnology company ..." and later "The company has set a list price of
86,000 euros". Asked "What price has Halvorsen set?", the reader reads that sentence with a
name it never mentions, and the near misses it was trained on (a question's name swapped
for another, qa.reader) taught it that this is no answer: margin -4.2; asked "What price
has the company set?" it reads "86,000 euros per patient per year" at 0.84. So a passage
that does not write the question's name, but writes "the <kind>" where the article has
called that name so, is read with the question as the passage words it, only where the
name is the last of that kind the article mentioned before: "the company" after two
companies are named is whichever came last, and a name swapped into a question (SQuAD's
unanswerable ones) is seldom that one.

The kinds come from the article's own words, nothing listed by hand: an apposition
("Halvorsen Therapeutics, a biotechnology company founded in 2011" -> company; "Mount
Orsena, a 3,412-metre volcano" -> volcano), a noun set before the name ("the ferry MV
Corran Star" -> ferry), and a name's own head
word where it is an English noun ("the Serrano Volcano Observatory" -> observatory; "the
Ministry of Health" -> ministry).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from qa.english import english_words

_CAPITALISED = r"(?-i:[A-Z])[\w’'-]*"
# A name: capitalised words, perhaps joined by "of" ("Ministry of Health").
_NAME = re.compile(
    rf"(?<![\w’'-]){_CAPITALISED}(?:\s+(?:of\s+(?:the\s+)?)?{_CAPITALISED})*(?![\w-])"
)
# "<Name>, a biotechnology company founded in ...": the kind is the last word before the
# phrase ends (a comma, a clause, a participle, a preposition).
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+((?:[^,.;:()\"“”]|(?<=\d)[,.](?=\d)){1,80})")
_APPOSITION_WORDS = 6
_PHRASE_ENDS = frozenset(
    "that which who whose where when whom but in on at of for from by with to as "
    "near over under overlooking founded based built made owned run known called named "
    "located set established".split()
)
# "the ferry MV Corran Star": a small-letter noun before it, perhaps with a word before
# the noun ("The container ship Marisol Crown"). Not "the city of Aldershaw": "the
# capital of Lebanon" and "the history of Serrano Province" are other things.
_KIND_BEFORE = re.compile(r"\b(?i:the)\s+(?:[a-z][a-z-]+\s+)?([a-z][a-z-]+)\s+$")
# Words that open a sentence or a question with a capital, not a name's.
_NOT_NAMES = frozenset(
    "the a an what who whom whose which when where why how did does do was were is are has "
    "have had can could will would should in on at for from by of to it its he she they "
    "this that these those after before during since while as but and or if".split()
)
# Nouns too general to stand for one name ("the one", "the first", "the time").
_NO_KIND = frozenset("one first last time way part year day people thing man woman".split())
_MIN_KIND_LETTERS = 3


@dataclass(frozen=True)
class Named:
    """A name of the article, the kinds it is called by, and where it is mentioned."""

    name: str
    kinds: frozenset[str]
    mentions: tuple[int, ...]  # character offsets in the article's text


def _words(name: str) -> list[str]:
    return [w for w in name.split() if w.lower() not in ("of", "the")]


def _is_kind(word: str) -> bool:
    """Whether `word` can be what one name is called: an English noun, not a plural
    ("the states" are not the United States, nor "the ferries" Westerly Isles Ferries)."""
    lowered = word.lower()
    singulars = (lowered[:-1], lowered[:-2], lowered[:-3] + "y")  # ships, boxes, ferries
    plural = lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))
    return (
        len(lowered) >= _MIN_KIND_LETTERS
        and lowered.isalpha()
        and lowered in english_words()
        and not (plural and any(s in english_words() for s in singulars))
        and lowered not in _NO_KIND
        and lowered not in _NOT_NAMES
    )


def _handles(name: str) -> list[str]:
    """How the article may mention a name: in full, or by a word of it that is no English
    word ("Halvorsen" of "Halvorsen Therapeutics")."""
    words = _words(name)
    return [name, *(w for w in words if w.lower() not in english_words() and len(words) > 1)]


def _name_words(found: str) -> list[re.Match[str]]:
    """The words of a capitalised run without an opening word that only opens the
    sentence ("The Helena Mara"), each with where it stands in the run."""
    words = list(re.finditer(r"\S+", found))
    while words and words[0].group().lower() in _NOT_NAMES:
        words = words[1:]
    return words


def _trimmed(name: str) -> str:
    """The name without an opening word that only opens the sentence ("The Helena Mara")."""
    return " ".join(word.group() for word in _name_words(name))


@functools.lru_cache(maxsize=8)
def named(text: str) -> tuple[Named, ...]:
    """The article's names with the kinds it calls them by (those with at least one)."""
    kinds: dict[str, set[str]] = {}
    for found in _NAME.finditer(text):
        name = _trimmed(found.group())
        if not name or name.lower() in english_words():
            continue
        called = kinds.setdefault(name, set())
        # Its head word: "the Serrano Volcano Observatory", "the Ministry of Health".
        head = name.split(" of ")[0].split()
        if len(_words(name)) > 1 and _is_kind(head[-1]):
            called.add(head[-1].lower())
        before = _KIND_BEFORE.search(text, max(0, found.start() - 40), found.start())
        if before is not None and _is_kind(before.group(1)):
            called.add(before.group(1))
        after = _APPOSITION.match(text, found.end())
        if after is not None:
            phrase = after.group(1).split()[:_APPOSITION_WORDS]
            for k, word in enumerate(phrase):
                # "... company founded in", "... volcano overlooking the village"
                if word.lower() in _PHRASE_ENDS or (k > 0 and word.endswith(("ing", "ed"))):
                    phrase = phrase[:k]
                    break
            if phrase and phrase[-1].islower() and _is_kind(phrase[-1]):
                called.add(phrase[-1])
    result = []
    for name, called in kinds.items():
        if not called:
            continue
        mentions = sorted(
            {
                m.start()
                for handle in _handles(name)
                for m in re.finditer(rf"(?<![\w’'-]){re.escape(handle)}(?![\w-])", text)
            }
        )
        result.append(Named(name, frozenset(called), tuple(mentions)))
    return tuple(result)


def _last_before(names: Sequence[Named], kind: str, offset: int) -> Named | None:
    """The name of `kind` mentioned last before `offset`; None if none or a tie."""
    latest: dict[int, list[Named]] = {}
    for entry in names:
        if kind not in entry.kinds:
            continue
        before = [m for m in entry.mentions if m < offset]
        if before:
            latest.setdefault(before[-1], []).append(entry)
    if not latest:
        return None
    last = latest[max(latest)]
    return last[0] if len(last) == 1 else None


# "Which United States state ...", "What Halvorsen drug ...": a name that says which one
# of a noun after it, not the thing asked about.
_ASKS_WHICH = re.compile(r"\b(?:which|what|whose)\s+$", re.IGNORECASE)


def _asked_names(question: str) -> list[str]:
    names = []
    for found in _NAME.finditer(question):
        words = _name_words(found.group())
        if not words:
            continue
        name = " ".join(w.group() for w in words)
        if name.lower() in english_words():
            continue
        if _ASKS_WHICH.search(question, 0, found.start() + words[0].start()):
            continue
        names.append(name)
    return names


def asks_a_name(question: str) -> bool:
    """Whether the question names something a passage could call by its kind."""
    return bool(_asked_names(question))


def by_kind(question: str, text: str, start: int, end: int) -> str:
    """`question` with each name that the passage `text[start:end]` never writes, but
    calls by its kind, as "the <kind>": "What price has
    Halvorsen set?" beside "The company has set a list price ..." -> "What price has the
    company set?". The question itself where no name is so called."""
    asked = question
    passage = text[start:end]
    names = named(text)
    for name in _asked_names(question):
        asked_words = _words(name)
        if any(re.search(rf"(?<![\w’'-]){re.escape(w)}(?![\w-])", passage) for w in asked_words):
            continue  # the passage writes it, or a word of it (qa.passage_names)
        meant = [n for n in names if all(w in _words(n.name) for w in asked_words)]
        for kind in sorted({k for n in meant for k in n.kinds}):
            called = re.search(rf"\bthe\s+{re.escape(kind)}\b", passage, re.IGNORECASE)
            if called is None:
                continue
            last = _last_before(names, kind, start + called.start())
            if last is None or last not in meant:
                continue
            asked = re.sub(
                rf"(?:\bthe\s+)?(?<![\w’'-]){re.escape(name)}(?![\w-])",
                f"the {kind}",
                asked,
                count=1,
            )
            break
    return asked
