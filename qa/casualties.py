"""A count of the injured is no count of the dead: casualty figures by what befell them.

Disaster news gives several counts side by side ("killing at least 143 people" ... "611
people had been injured" ... "212 foreign tourists had been evacuated"), and the reader,
asked "How many people died?", took "611" (margin +2.1, read first and decisive) from
"611 people had been injured". Where the question asks how many died, were hurt, are
missing or were made to leave, and the words right after a span's number say the people
counted met another of these fates and not the asked one, the span counts others: it is
dropped from what the reader found, so the other passages are read and weighed.
"""

from __future__ import annotations

import re

from index.sentences import Sentence
from qa.cardinals import CARDINALS

# What befell the people counted, by the words news uses for it.
_FATES = {
    "dead": r"die[ds]?|dying|dead|deaths?|killed|killing|kill|fatalit(?:y|ies)|lives|bodies|toll",
    "hurt": r"injur(?:ed|ies|y|ing)|wounded|hurt|hospitali[sz]ed|treated",
    "missing": r"missing|unaccounted",
    "moved": r"evacuated|evacuation|displaced|homeless|sheltered|housing|fled",
    # "How many miners were rescued alive?": not "four others were confirmed dead".
    "alive": r"alive|surviv(?:ed|ing|ors?)|unhurt|unharmed|rescued",
}
_FATE = {fate: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for fate, words in _FATES.items()}
# "How many people died?", "What was the death toll?": a count asked for.
_COUNT_ASKED = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b|\btoll\b", re.IGNORECASE)
# The words around a number that say what befell those it counts ("611 people had been
# injured", "killing at least 143 people"), within its clause.
_AFTER_WORDS = 5
_BEFORE_WORDS = 3


def asked_fate(question: str) -> str | None:
    """The one fate a count question asks about ("dead" for "How many people died?"),
    or None: no count, or no fate, or more than one ("killed or injured")."""
    if _COUNT_ASKED.search(question) is None:
        return None
    fates = [fate for fate, pattern in _FATE.items() if pattern.search(question)]
    return fates[0] if len(fates) == 1 else None


# A count of people: figures (not a decimal: "a magnitude 6.2 earthquake killed ...") or a
# number written as a word.
_COUNT = re.compile(
    rf"(?<![\d.,])\d{{1,3}}(?:,\d{{3}})*(?!\d|[.,]\d)|\b(?:{CARDINALS}|dozens|hundreds|thousands)\b",
    re.IGNORECASE,
)
# Said before a count, and part of it: "at least 142 people", "more than 900".
_HEDGE = re.compile(
    r"(?:at\s+least|more\s+than|fewer\s+than|less\s+than|about|around|nearly|almost|over|"
    r"some|roughly|up\s+to|an\s+estimated)\s+$",
    re.IGNORECASE,
)
# Said after it, and part of it: who was counted ("9 people", "three soldiers").
_COUNTED = re.compile(
    r"\s+(?:people|persons|children|men|women|police|staff|crew|[^\W\d_]{3,}s)\b", re.IGNORECASE
)
# After a count, what makes it a part of another ("61 of the dead"), not the toll.
_PART = re.compile(r"\s+of\s+(?:the|these|those|them)\b", re.IGNORECASE)


def _clause(sentence: Sentence, start: int, end: int) -> tuple[str, str]:
    """The words of the clause before and after [start, end) (article offsets) in
    `sentence`: back to the last comma, semicolon or colon, on to the next or the stop."""
    before = re.split(r"[,;:]", sentence.text[: start - sentence.start])[-1]
    after = re.split(r"[,;.:]", sentence.text[end - sentence.start :], maxsplit=1)[0]
    return before, after


def _near_words(sentence: Sentence, start: int, end: int) -> tuple[list[str], list[str]]:
    """The words that say what befell those the number at [start, end) counts: the last
    _BEFORE_WORDS of its clause before it and the first _AFTER_WORDS after it."""
    before, after = _clause(sentence, start, end)
    return before.split()[-_BEFORE_WORDS:], after.split()[:_AFTER_WORDS]


def nearest_fate(sentence: Sentence, start: int, end: int) -> str | None:
    """The fate named nearest the number at [start, end) (article offsets) in `sentence`,
    within its clause (ties go to the words before): "dead" for 9 and "hurt" for 87 in
    "killing 9 people and injuring 87"."""
    before, after = _near_words(sentence, start, end)
    near = [*enumerate(reversed(before)), *enumerate(after)]
    for _, word in sorted(near, key=lambda item: item[0]):
        for fate, pattern in _FATE.items():
            if pattern.search(word):
                return fate
    return None


def clause_names(fate: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the clause around [start, end) (article offsets) in `sentence` names `fate`
    anywhere: "raising the death toll from last Wednesday's capsizing ... to 17"."""
    before, after = _clause(sentence, start, end)
    return _FATE[fate].search(f"{before} {after}") is not None


def fate_counts(fate: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The counts in `sentence` of people whom `fate` befell, as article offsets with the
    words that belong to them ("at least 142 people"): numbers whose nearest fate it is,
    not a part of another count ("61 of the dead")."""
    found = []
    text = sentence.text
    for match in _COUNT.finditer(text):
        if _PART.match(text, match.end()):
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if nearest_fate(sentence, start, end) != fate:
            continue
        hedge = _HEDGE.search(text, 0, match.start())
        counted = _COUNTED.match(text, match.end())
        first = hedge.start() if hedge else match.start()
        last = counted.end() if counted and not _FATE[fate].search(counted.group()) else match.end()
        found.append((sentence.start + first, sentence.start + last))
    return found


# A sentence of background opens with the year it tells of ("In 1987, a magnitude 6.2
# earthquake killed 210 people ..."; "In March 2019, ...").
_OPENS_WITH_YEAR = re.compile(
    r"^\W*(?:in|by|since|during)\s+(?:[^\W\d_]+\s+){0,2}(?P<year>1[5-9]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def of_another_year(question: str, sentence: Sentence) -> bool:
    """Whether `sentence` opens with a year the question does not name: its counts are
    of an earlier event, not the one asked about."""
    found = _OPENS_WITH_YEAR.match(sentence.text)
    return found is not None and found["year"] not in question


def counts_others(fate: str, sentence: Sentence, start: int, end: int) -> bool:
    """Whether the number at [start, end) (article offsets) in `sentence` counts people
    who met another fate than `fate`: the words around it name another and not this one."""
    around = " ".join(word for side in _near_words(sentence, start, end) for word in side)
    named = {other for other, pattern in _FATE.items() if pattern.search(around)}
    return bool(named) and fate not in named


# "ferry capsize death toll", "What is the dam release death toll?", "the death toll of
# the stranding": the toll of an event named, typed as a keyword query or asked so.
_TOLL_OF = re.compile(
    r"^(?:what(?:[’']s|\s+(?:is|was))\s+)?(?:the\s+)?(?:(?P<before>[^?]+?)\s+)?death\s+toll"
    r"(?:\s+(?:of|from|in)\s+(?:the\s+)?(?P<after>[^?]+?))?(?:\s+(?:so\s+far|now|to\s+date))?"
    r"\s*\??$",
    re.IGNORECASE,
)


def as_count_of_dead(question: str) -> str | None:
    """ "ferry capsize death toll" asked as "How many died in the ferry capsize?", which
    the reader reads as a count ("17"; it read the toll's own sentence, "raising the
    death toll from last Wednesday's capsizing ... to 17", as a phrase); None for another
    question, or a toll of no event named ("What is the death toll so far?")."""
    found = _TOLL_OF.match(question.strip())
    if found is None:
        return None
    event = (found["after"] or found["before"] or "").strip()
    if not event or not re.search(r"[^\W\d_]", event):
        return None
    return f"How many died in the {event[:1].lower()}{event[1:]}?"
