"""Initials for the names an article writes out: "the UN" is "the United Nations".

News writes a body's name in full ("The European Union pledged €4.5 million", "the
Federal Trade Commission declined to comment") and people ask with its initials ("What
about the EU?", "what did the FTC say"). The initials are no word of the article, so
BM25 finds nothing for them, the embedder reads them as another word, and the reader,
looking for "EU" beside "European Union", withholds the answer ("How much did the EU
give?": no answer, margin -4; "... the European Union give?": "€4.5 million").

An Acronyms, built once per article, holds the initials of every name of two or more
capitalised words the article writes (a name's inner "of", "and", "for" may count or
not: "Bank of England" is "BoE" or "BE"), less any initials two names share (then the
question's are left as typed) and any the article writes itself (the article's own
"IDF" is already its word). A question's word in capitals ("UN", "U.N.") is written
out where the article gives it; never a word in small letters ("us", "who": English
before they are initials), except a role's.

Roles are asked by their initials too, and typed in small letters ("who is the coo",
"whats the md of harlow crest called"): the role's words, in either case ("its chief
operating officer", "Managing Director Simon Okafor"), give initials that a typed word
of two to four small letters is read as, where the article never writes the word and it
is no word among the most used English ones ("us" stays). The typed "coo" and "md" were
withheld at 0.14 and 0.01; the reader, given "chief operating officer", finds the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from qa.english import common_words, english_words
from qa.person_nouns import names_a_role

# The lower-case words a name may hold between two capitalised ones.
_JOINERS = frozenset("of and for the in de du la".split())
# A run of capitalised words, joiners between them: "National Institute of Civil Defence".
_NAME = re.compile(
    r"(?<![\w’'])[A-Z][\w&-]*(?:\s+(?:(?:of|and|for|the|in|de|du|la)\s+)*[A-Z][\w&-]*)+"
)
# Words that open a sentence or a name without being part of it ("The European Union").
_NOT_NAME_START = frozenset("the a an in on at by of for and but as if when while after".split())
# Initials as typed: two to six capitals, dotted or not ("UN", "U.N.", "NATO").
_TYPED = re.compile(r"(?<![\w.-])(?:[A-Z]\.){2,6}(?![\w-])|(?<![\w.-])[A-Z]{2,6}(?![\w’'-])")


def _initials(words: list[str], joiners: bool) -> str:
    """The initials of a name's words: its capitalised ones, and the joiners where
    `joiners` (as "BoE" writes the "o" of "of"; matched without case)."""
    return "".join(word[0] for word in words if joiners or word[:1].isupper()).upper()


def initials_of(name: str) -> str | None:
    """The initials a name of two or more capitalised words goes by ("KEG" of "Karbonia
    Energy Group", "NMSA" of "National Mine Safety Authority"), or None."""
    words = name.split()
    if len([word for word in words if word[:1].isupper()]) < 2:
        return None
    if any(not word[:1].isupper() and word.lower() not in _JOINERS for word in words):
        return None
    return _initials(words, joiners=False)


def _names(sentence: str) -> Iterable[list[str]]:
    """The runs of capitalised words in a sentence, without a leading "The" (a
    possessive's "’s" ends a run: "Peru's National Institute" is two)."""
    for match in _NAME.finditer(sentence):
        words = match.group().split()
        # A sentence's first word, English and before a joiner, is the sentence's, not a
        # name's: "Much of the Imperial Army ..." (but "The Bank of England").
        opening = not sentence[: match.start()].strip(" \"“‘'(")
        if opening and len(words) > 2 and words[1] in _JOINERS:
            if words[0].lower() in english_words() - _NOT_NAME_START:
                words = words[2:]
        while words and words[0].lower() in _NOT_NAME_START:
            words = words[1:]
        while words and words[-1].lower() in _JOINERS:
            words = words[:-1]
        yield words


# A role of two to four words ("managing director", "chief operating officer"), and the
# small-letter word typed for it.
_ROLE_WORDS = range(2, 5)
_TYPED_ROLE = re.compile(r"(?<![\w.’'-])[a-z]{2,4}(?![\w’'-])")
# Words before a role that are not its own: "its chief executive", "the managing director".
_NOT_ROLE_START = _NOT_NAME_START | frozenset("its his her their our new former acting".split())


def _roles(text: str) -> Iterable[str]:
    """The runs of two to four words in `text` that name a role, in small letters or
    capitalised, each ending in a word that names one alone ("officer", "director")."""
    found = re.findall(r"[\w-]+", text)
    for end in range(len(found)):
        parts = found[end].lower().split("-")
        if len(parts) > 1 and all(part.isalpha() for part in parts) and names_a_role(parts[-1]):
            # "vice-chancellor": one word of two, typed "vc" (story h48).
            yield found[end].lower()
        if not names_a_role(found[end].lower()):
            continue
        for count in _ROLE_WORDS:
            run = found[end - count + 1 : end + 1] if end + 1 >= count else []
            if not run or run[0].lower() in _NOT_ROLE_START or not run[0].isalpha():
                continue
            if names_a_role(" ".join(run).lower()):
                yield " ".join(word.lower() for word in run)


class Acronyms:
    """The names an article writes out, by their initials (see the module doc)."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        written = {word for text in texts for word in re.findall(r"[\w&]+", text)}
        found: dict[str, set[str]] = {}
        for text in texts:
            for run in _names(text):
                capitals = [word for word in run if word[:1].isupper()]
                if len(capitals) < 2:
                    continue
                name = " ".join(run)
                for joiners in (False, True):
                    found.setdefault(_initials(run, joiners), set()).add(name)
        self._names = {
            initials: names.pop()
            for initials, names in found.items()
            if len(names) == 1 and initials not in written and len(initials) >= 2
        }
        roles: dict[str, set[str]] = {}
        for text in texts:
            for role in _roles(text):
                words = role.split() if " " in role else role.split("-")
                roles.setdefault("".join(word[0] for word in words), set()).add(role)
        lowered = {word.lower() for word in written}
        self._roles = {
            initials: names.pop()
            for initials, names in roles.items()
            if len(names) == 1 and initials not in lowered
        }

    def __len__(self) -> int:
        return len(self._names)

    def role(self, typed: str) -> str | None:
        """The role a typed word of small letters stands for by its initials ("coo":
        "chief operating officer"), or None; never a common English word ("us")."""
        if typed in common_words():
            return None
        return self._roles.get(typed)

    def name(self, initials: str) -> str | None:
        """The article's name for typed initials ("UN", "U.N."), or None."""
        return self._names.get(initials.replace(".", ""))

    def expand(self, question: str) -> str:
        """`question` with the initials the article writes out as names written out."""
        if self._roles:
            question = _TYPED_ROLE.sub(
                lambda typed: self.role(typed.group()) or typed.group(), question
            )
        if not self._names:
            return question
        return _TYPED.sub(lambda typed: self.name(typed.group()) or typed.group(), question)
