"""A place and the word for its people match: "How did Lebanon react?" finds "Lebanese
authorities", "What does Israel think of Hezbollah?" finds "Israeli officials".

The stemmer keeps "Lebanon" and "Lebanese", "Israel" and "Israeli" apart, so the sentence
that answers shared no word with the question and ranked below five that name Lebanon.
English makes the word for a place's people from the place's name with a few endings
("-ese", "-i", "-ian", "-an"), after dropping one of its own ("-on", "-ia", "-a", "-y",
"-e"): Lebanon -> Leban -> Lebanese, Russia -> Russ -> Russian, Israel -> Israeli. Both
are proper words, written with a capital, so only the article's proper words take part
(a word it also writes in lower case, "Civilian" opening a sentence, is not one): a pair
of them sharing a stem this way is one term, and a typed word ("lebanese", "israelis")
that makes such a pair with one of them is that term too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The endings of a word for a place's people, and those a place's name drops first.
PEOPLE_ENDINGS = ("ese", "ians", "ian", "eans", "ean", "ans", "an", "is", "i")
PLACE_ENDINGS = ("on", "ia", "a", "y", "e", "")
# A shorter stem ("Ir" of "Iran", "As" of "Asian") would pair unrelated names.
MIN_STEM = 3

_WORD = re.compile(r"[^\W\d_]+")


def _written(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """The lowercased words `texts` write with a capital and never in lower case, and
    those they write in lower case."""
    capitalised: set[str] = set()
    lowercase: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text):
            if word[0].isupper():
                capitalised.add(word.lower())
            elif word.islower():
                lowercase.add(word)
    return capitalised - lowercase, lowercase


def _stems(word: str, endings: tuple[str, ...]) -> set[str]:
    """What is left of `word` without each of `endings` it has (at least MIN_STEM)."""
    return {
        word[: len(word) - len(ending)]
        for ending in endings
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM
    }


def place_words(texts: Iterable[str]) -> dict[str, str]:
    """Each word that pairs with one of the proper words of `texts` as a place and its
    people ("lebanese" with "lebanon"), to the word it stands for: the place where the
    texts have both ("lebanese" -> "lebanon"), else the texts' word ("israelis" ->
    "israeli" where they write only "Israeli"). Words the texts write in lower case and
    words of neither kind are left out."""
    proper, lowercase = _written(texts)
    as_place = {stem: word for word in sorted(proper) for stem in _stems(word, PLACE_ENDINGS)}
    as_people = {stem: word for word in sorted(proper) for stem in _stems(word, PEOPLE_ENDINGS)}
    folds: dict[str, str] = {}
    for stem, people in as_people.items():
        place = as_place.get(stem)
        if place is not None and place != people:
            folds[people] = place
    # Words the texts do not write, typed in a question: the other kind of each.
    for stem, place in as_place.items():
        for ending in PEOPLE_ENDINGS:
            folds.setdefault(stem + ending, place)
    for stem, people in as_people.items():
        for ending in PLACE_ENDINGS:
            folds.setdefault(stem + ending, folds.get(people, people))
    return {word: to for word, to in folds.items() if word != to and word not in lowercase}


def people_of(word: str, place: str) -> bool:
    """Whether `word` is the word for the people of `place` ("Velmoran" of "Velmora",
    "Israeli" of "Israel"); "Astranian" is not Velmora's."""
    people = _stems(word.lower(), PEOPLE_ENDINGS)
    return bool(people & _stems(place.lower(), PLACE_ENDINGS))


def is_people_word(word: str) -> bool:
    """Whether `word`, capitalised, may be the word for a place's people ("Velmoran",
    "Israeli"): it ends as those words do."""
    return word[:1].isupper() and bool(_stems(word.lower(), PEOPLE_ENDINGS))
