"""Words spelled as the article spells them: typos, a dropped apostrophe, lost capitals.

In "which contry backs hezbolah" BM25 never matches "Hezbollah", and the embedder reads
the typos as other words, so the ranking drifts. An ArticleWords, built once per article
from its sentences, mends a typed word only when it is not a word at all (neither the
article's nor English: the word list that symspellpy ships, SCOWL words seen in Google
Books), and only into a word of the article within an edit distance that grows with the
word (rapidfuzz, optimal string alignment: a swap of two letters is one edit). A typo
near no word of the article is mended into the most frequent English word one edit away,
if any ("contry" -> "country": the reader reads "country" where "contry" is a word it
has never seen). Short words, anything with a digit and words outside the English
alphabet (the word list can't vouch for them) are never mended.

A question's first word is mended against the question words first ("whre", "wehre",
"wich", "waht" -> "where", "where", "which", "what"; "hwo", as near to "who" as to "how",
stays): they are a closed class, the word that says what kind of answer is wanted, and a
typo of one is otherwise as near to the article's common words ("were", "with") as to
the question word. In a question with no question word, an English first word a letter
dropped, doubled or swapped from one is read as it too ("wat", "wen" -> "what", "when"),
unless it opens questions as it is ("were", "do", "in").

A word shortened as chat shortens words, its first letters ("evac") or its letters in
order from the first ("mgmt", "ppl"), is read as the article's word it shortens
("evacuation", "management", "people"): asked "When was the evac order issued?" the
reader saw "eva" and no answer; asked with "evacuation" it read "March 11". The English
word list holds shortenings too ("hrs", "mgr", "min"), and words that look like them
("cared", "sect", "its" are no "carried", "security", "incentives"), so a word of the
list is read as shortened only where it has no vowel at all, or where it is short and
rare and the article writes the word typed before it with the word it shortens
("transport min": "transport Minister").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from qa.acronyms import Acronyms
from qa.dates import MonthDay, find_dates, name_days, name_years, stated_years
from qa.english import english_listing, english_words
from qa.errors import InvalidQuestion
from qa.keyboard import no_wrong_key, struck_beside
from qa.limits import check_history
from qa.person_nouns import is_person_noun
from qa.question_form import tidy
from qa.referring import (
    AUXILIARIES,
    DETERMINERS,
    LEADING_CONJUNCTIONS,
    NOUN_OPENERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)
from qa.verbs import IRREGULAR_PASTS

# Letters only, not touching a digit or "_": "23rd" and "A320s" are never words to mend.
_WORD = re.compile(r"(?<![\w])[^\W\d_]+(?![\w])")
# Shorter words are left alone: one edit from a three-letter word is almost any other
# ("teh": "the", "ten", "tea"), and a short typo is rarely what a search hinges on.
MIN_LETTERS = 4
# A name cut shorter than this is no name ("is", "le"): "isr" is Israel.
_SHORTENED_NAME_LETTERS = 3
# A word shortened to fewer letters is no word ("rd", "w"), and a word it shortens drops
# at least this many letters ("hrs" is "hours", not "hers": that is one letter missed).
_SHORTENED_LETTERS = 3
_LETTERS_DROPPED = 2
# An English word is read as a shortening only this short ("min", "govt", "pres"): a
# longer one beside a longer word of the article is that word's stem ("confirm" of "IDF
# confirmed"), not cut from it.
_SHORT_ENGLISH = 4
# ... whose first two letters are the word's own.
_OPENING_LETTERS = 2
# ... and not among the most used ("did" of "who described", "min" is the 1,574th).
_COMMON_RANK = 1000
# A rare English word, this long at least, may be typed for a longer word it begins
# ("prelim" for "preliminary"); a shorter or commoner one is a word of its own ("win").
_BEGUN_LETTERS = 5
_RARE_RANK = 10000
# One edit per four letters: "contry" -> "country" (1), "hezbolahs" -> "Hezbollah" (2).
LETTERS_PER_EDIT = 4
QUESTION_WORDS = ("who", "whom", "whose", "what", "which", "where", "when", "why", "how")
# English words that open questions and statements as they are ("were", "do", "in",
# "the", "it"): never read as a question word typed wrong, however near ("were": "where").
# Pronouns that own ("an operation of hers"): words, however rarely the list ranks them.
_OWNING_PRONOUNS = frozenset("mine yours hers ours theirs thine".split())
_OPENERS = AUXILIARIES | PREPOSITIONS | DETERMINERS | SUBJECT_PRONOUNS | LEADING_CONJUNCTIONS


def max_edits(word: str) -> int:
    """How many edits a typed word of this length may be from the article's word."""
    return max(1, len(word) // LETTERS_PER_EDIT)


@functools.cache
def _english_by_length() -> dict[int, list[str]]:
    by_length: dict[int, list[str]] = {}
    for word in english_listing():
        by_length.setdefault(len(word), []).append(word)
    return by_length


@functools.cache
def _english_rank() -> dict[str, int]:
    return {word: i for i, word in enumerate(english_listing())}


def likelihood(typed: str, word: str, edits: float) -> tuple[float, bool, bool]:
    """How likely a slip of the finger turns `word` into `typed`, as a sort key (lower is
    likelier): fewer edits; the same first letter (slips rarely hit it); and a word
    holding every letter typed, as a dropped, doubled or swapped letter leaves it, over
    one that needs a wrong key struck ("besat": "beast" over "best", "whre": "where" over
    "were"). Counting letters instead ("thetre": "theatre" over "there") mended fewer of
    the split's typos (tools/typed_check, docs/measurements.md)."""
    return edits, word[0] != typed[0], not holds_every_letter(typed, word)


def holds_every_letter(typed: str, word: str) -> bool:
    """Whether `word` has every letter of `typed`, as a dropped, doubled or swapped letter
    leaves it (a wrong key struck does not)."""
    return set(typed) <= set(word)


def _asks_nothing(words: list[str]) -> bool:
    """Whether a question of `words` may open with a question word typed wrong, even an
    English word ("wat"): it has no question word of its own, and does not open with two
    capitals ("Wen Jiabao ...": a name's first word)."""
    asks = any(word.lower() in QUESTION_WORDS for word in words)
    named = len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper()
    return not asks and not named


def _as_typed(word: str, typed: str) -> str:
    """Lower-case `word` with a capital where the user typed one."""
    return word.capitalize() if typed[:1].isupper() else word


# "how" asks a degree before these ("how many", "how long"); "who" and "why" never do.
_DEGREES = frozenset("many much long old far often soon big large high tall".split())
# A verb that agrees with its subject ("attacks", "proposed", "won") follows "who", never
# "why" or "how" ("Why does ...", "How did ..."): one that is not an auxiliary.
_AGREEING_VERB = re.compile(r"^[a-z]+(?:ed|[^s]s)$")


def _by_next_word(near: list[str], following: str | None) -> list[str]:
    """Of question words as near as each other ("hwo": "who", "how"; "wh": "who", "why"),
    the one the next word goes with: "how" before a degree ("hwo many"), "who" before a
    verb that agrees with its subject ("wh attacks"); all of them otherwise."""
    if following is None:
        return near
    if following in _DEGREES and "how" in near:
        return ["how"]
    agrees = _AGREEING_VERB.match(following) or following in IRREGULAR_PASTS  # "wh won"
    if agrees and following not in AUXILIARIES and "who" in near:
        return ["who"]
    return near


# Endings of the words for a people ("Israeli", "Russian", "Lebanese", "Danish"), whose
# plural is not a possessive typed without its apostrophe.
_PEOPLE = ("i", "an", "ese", "ish")


_AFTER_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "did" and the subject's first words before the name: the word after the name is a verb.
_DO_SUBJECT = re.compile(r"\b(?:did|do|does)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# A negative contraction's end: the word before it ("wouldn", "didn") is no word to mend.
_NOT = ("'t", "’t")
# A capitalised plural with the possessive mark after it ("Farmers' Voice"), not "’s".
_PLURAL_OWNER = re.compile(r"(?<![\w’'-])([A-Z][\w-]*s)(['’])\s+([^\W\d_][\w-]*)")
_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
# An apostrophe inside a word ("Redfield's", "don't") or after a plural's "s" ("the
# miners' families"): not a quotation mark, which stands against a word's other side.
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])|(?<=s)['’](?=\s)")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’-]*)")
_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
# Words after which a name's plural is no possessive: they cannot be what it owns.
_NOT_OWNED = (
    AUXILIARIES | PREPOSITIONS | LEADING_CONJUNCTIONS | frozenset("as than that which who".split())
)


def _owns(match: re.Match[str], stem: str) -> bool:
    """Whether a name typed with an "s" (`match`, of a name `stem` the article writes with
    a capital) is its possessive, the apostrophe dropped: "israels view", "roberts
    campaign". The English word list holds names' plurals too, so only where a noun it
    owns follows: not before a verb, a name or the end ("vikings attacked", "agains
    Dyrrachium", "... Heritage Sites?"), not a people's plural ("israelis"), not after
    "the" ("the kennedys") or inside a name ("World Heritage Sites")."""
    text = match.string
    following = _NEXT_WORD.match(text, match.end())
    before = _PREVIOUS_WORD.search(text, 0, match.start())
    if following is None or stem.endswith(_PEOPLE):
        return False
    owned = following.group(1)
    if owned[:1].isupper() or owned.lower() in _NOT_OWNED or owned.lower().endswith(("ed", "ing")):
        return False
    inside_name = before is not None and before.start() > 0 and before.group(1)[:1].isupper()
    after = _NEXT_WORD.match(text, following.end())
    verb_last = after is None or after.group(1).lower() in _NOT_OWNED | NOUN_OPENERS
    if verb_last and _DO_SUBJECT.search(text, 0, match.start()):
        # "When did Robert and vikings attack?": the verb follows the subject ("What did
        # roberts campaign say?" owns its campaign).
        return False
    return _AFTER_THE.search(text, 0, match.start()) is None and not inside_name


@functools.lru_cache(maxsize=256)
def question_words(typed: str, following: str | None = None) -> tuple[str, ...]:
    """The likeliest question words within one edit of `typed`, a word neither English
    nor the article's ("whre" -> "where"); () when none is that near. Where several are:
    those holding every letter typed (`holds_every_letter`, as `likelihood` ranks any
    other word: "wher" -> "where", not "when", which needs a wrong key struck); then a
    letter doubled over a wrong key ("whoo" -> "who", not "whom"); then, of wrong keys
    struck, one beside the right key (qa.keyboard: "whp" -> "who", not "why"); then the
    one the `following` word goes with (`_by_next_word`: "hwo many" -> "how"). Several
    may be left ("wh does": "who", "why"): qa.bot asks each (`ArticleWords.openings`)."""
    from rapidfuzz.distance import OSA

    near = [w for w in QUESTION_WORDS if OSA.distance(typed, w, score_cutoff=1) <= 1]
    if len(near) > 1:
        # None holding every letter ("whi": a wrong key in "who" or "why"): still a tie.
        near = [w for w in near if holds_every_letter(typed, w)] or near
    if len(near) > 1:
        # A letter doubled, dropped or swapped over a wrong key: "whoo" is "who", not
        # "whom" (an "m" struck as an "o").
        near = [w for w in near if no_wrong_key(typed, w)] or near
    if len(near) > 1:
        # A wrong key beside the right one: "whp" is "who" (p beside o), not "why".
        near = [w for w in near if struck_beside(typed, w)] or near
    if len(near) > 1:
        near = _by_next_word(near, following)
    return tuple(near)


def question_word(typed: str, following: str | None = None) -> str | None:
    """The one question word `typed` is a slip of (`question_words`), or None when there
    is none or several are as likely ("wh does": "who", "why")."""
    near = question_words(typed, following)
    return near[0] if len(near) == 1 else None


@functools.lru_cache(maxsize=1024)
def closest_english(key: str) -> str | None:
    """The English word one edit from `key`, the likeliest slip (`likelihood`) and then
    the most frequent first, or None. One edit only: the word list is large, and two
    edits reach too many words."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    near = []
    by_length = _english_by_length()
    for length in (len(key) - 1, len(key), len(key) + 1):
        near += process.extract(
            key, by_length.get(length, []), scorer=OSA.distance, score_cutoff=1, limit=None
        )
    if not near:
        return _vowels_put_back(key)
    # extract keeps each list's order on ties: the order is by frequency within a length.
    rank = _english_rank()
    best = min(near, key=lambda hit: (*likelihood(key, hit[0], hit[1]), rank[hit[0]]))
    return str(best[0])


_VOWELS = re.compile(r"[aeiou]")


def _skeleton(word: str) -> str:
    """`word` without its vowels after the first letter, and a doubled letter once:
    "happened" -> "hpnd"."""
    return re.sub(r"(.)\1+", r"\1", word[:1] + _VOWELS.sub("", word[1:]))


@functools.cache
def _english_by_skeleton(first: str) -> dict[str, list[str]]:
    """The English words starting with `first`, by skeleton, most frequent first: built
    per letter when a word first needs it (the whole list took ~240 ms)."""
    by_skeleton: dict[str, list[str]] = {}
    for word in english_listing():
        if word.startswith(first):
            by_skeleton.setdefault(_skeleton(word), []).append(word)
    return by_skeleton


def _vowels_put_back(key: str, by_skeleton: dict[str, list[str]] | None = None) -> str | None:
    """The most frequent English word that `key` is with vowels (or a doubled letter)
    left out, as chat writes "happnd", "hapend" or "cnfrmd" (more than the one edit
    closest_english allows), or None. `by_skeleton`: the words to look in, most used
    first (an article's); the English word list by default."""
    if len(_skeleton(key)) < MIN_LETTERS:  # "hw", "wht": too few letters to tell
        return None
    if by_skeleton is None:
        by_skeleton = _english_by_skeleton(key[:1])
    words = by_skeleton.get(_skeleton(key), [])
    for word in words:
        if len(word) > len(key) and _left_out_of(key, word):
            return word
    return None


def shortens(key: str, word: str) -> bool:
    """Whether `key` is `word` shortened, at least _LETTERS_DROPPED letters fewer: its
    first letters ("evac" of "evacuation"; four at least, "ren" is no "renewal"), or
    its first letter, some others in order and its last consonant ("mgmt", "govt",
    "ppl" of "management", "government", "people"; not "citta" of "constitutional")."""
    if len(word) < len(key) + _LETTERS_DROPPED or word[:1] != key[:1]:
        return False
    if word.startswith(key):
        return len(key) >= MIN_LETTERS
    if key[-1] != word.rstrip("aeiouy")[-1:]:
        return False
    letters = iter(word[1:])
    return all(letter in letters for letter in key[1:])  # each found after the last


def _unvoiced(key: str) -> bool:
    """Whether `key` has no vowel at all, "y" counted ("hrs", "mgr", "ppl"): a word
    shortened, even where the English word list holds it. Not "cared" of "carried",
    "sect" of "security" or "its" of "incentives": words in their own right, which the
    list holds too."""
    return len(key) >= _SHORTENED_LETTERS and re.search(r"[aeiouy]", key) is None


def _left_out_of(key: str, word: str) -> bool:
    """Whether `key` is `word` with some of its vowels or a doubled letter's second
    (never its first letter) left out: "happnd", "hapend" of "happened"."""
    typed = 0
    for at, letter in enumerate(word):
        if typed < len(key) and key[typed] == letter:
            typed += 1
        elif at == 0 or (letter not in "aeiou" and letter != word[at - 1]):
            return False
    return typed == len(key)


def _usual_forms(sentences: Iterable[list[str]]) -> tuple[Counter[str], dict[str, str]]:
    """Each word's count (lower case) and, for words the article always writes with
    capitals inside a sentence ("Hezbollah", "IDF"), that form, from each sentence's words
    as written. A sentence's first word says nothing about its own case."""
    counts: Counter[str] = Counter()
    inside: Counter[str] = Counter()  # each form as written after a sentence's first word
    for words in sentences:
        counts.update(word.lower() for word in words)
        inside.update(words[1:])
    forms: dict[str, set[str]] = {}
    for form in inside:
        forms.setdefault(form.lower(), set()).add(form)
    capitals = {}
    for key, seen in forms.items():
        if len(seen) == 1:
            (form,) = seen
            if form != key:
                capitals[key] = form
    return counts, capitals


# A month's name shortened as people type it, which English also has as a word of its own
# ("mar", "jun", "dec"): before a day's number it is the month.
_MONTHS_SHORTENED = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_DAY_AFTER = re.compile(r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")


class ArticleWords:
    """An article's vocabulary, to spell typed questions the way the article does."""

    def __init__(
        self,
        sentences: Iterable[str],
        stated_days: set[MonthDay] | None = None,
        head: Iterable[str] = (),
    ) -> None:
        """Count the words of `sentences` (linear in their length). `stated_days`: the
        (month, day) pairs they state, for "on the 23rd" (qa.dates.name_days), where the
        caller has found them already (qa.retrieval.Retriever.stated_days). `head`: the
        headline and byline, whose words are the article's to spell typed ones by, but
        which no phrase search covers (has_phrase: what the story itself says)."""
        sentences = list(sentences)
        head = list(head)
        found = [_WORD.findall(sentence) for sentence in sentences]
        self._acronyms = Acronyms([*sentences, *head])
        if stated_days is None:
            stated_days = {day for sentence in sentences for day in find_dates(sentence)}
        self._stated = stated_days
        joined = " ".join(sentences)
        # "in '53": the article's one year that ends so (qa.dates.name_years).
        self._years = stated_years(joined)
        # The apostrophe the article writes ("Redfield’s" or "Redfield's"): a question's is
        # written so, so that its words are found as the article has them.
        self._apostrophe = "’" if joined.count("’") > joined.count("'") else "'"
        counts, self._capitals = _usual_forms([*found, *(_WORD.findall(text) for text in head)])
        # Every word in order, lower case, space-separated: has_phrase is one search.
        self._flat = f" {' '.join(w.lower() for words in found for w in words)} "
        self._counts = counts
        # Words the article writes with a possessive "’s" (split off as a word "s"):
        # `_owner` looks further only for these, not through the whole text every time.
        self._possessors = set(re.findall(r"(?<= )([^\W\d_]+) s(?= )", self._flat))
        # Names the article writes as plural possessives ("Farmers' Voice"), with the mark
        # it writes: typed without it ("farmers voice"), the reader took the words apart.
        self._plural_owners: dict[tuple[str, str], str] = {
            (found[0].lower(), found[2].lower()): found[0] + found[1]
            for sentence in sentences
            for found in _PLURAL_OWNER.findall(sentence)
        }
        # Candidates by length (a word more letters off than its edit bound is never
        # near), each list most used first, then alphabetical: the one kept on a tie is
        # always the same.
        ranked = sorted(
            (key for key in counts if len(key) >= MIN_LETTERS - 1),
            key=lambda key: (-counts[key], key),
        )
        self._rank = {key: rank for rank, key in enumerate(ranked)}
        self._by_length: dict[int, list[str]] = {}
        for key in ranked:
            self._by_length.setdefault(len(key), []).append(key)
        self._closest = functools.lru_cache(maxsize=1024)(self._nearest)
        # A chat replays its earlier questions with every new one: each is mended once.
        self._cleaned = functools.lru_cache(maxsize=512)(self._clean)

    @functools.cached_property
    def _by_skeleton(self) -> dict[str, list[str]]:
        """The article's words by vowel skeleton, most used first: built when a typed word
        first needs it ("hzbllh"), not for every article read."""
        by_skeleton: dict[str, list[str]] = {}
        for key in self._rank:  # most used first, as _rank orders them
            by_skeleton.setdefault(_skeleton(key), []).append(key)
        return by_skeleton

    def has_phrase(self, text: str) -> bool:
        """Whether the article writes the words of `text` together, in this order (any
        case; punctuation between them aside): "Lebanese officials", "the Russian envoy"."""
        found = [word.lower() for word in _WORD.findall(text)]
        return bool(found) and f" {' '.join(found)} " in self._flat

    def __contains__(self, word: str) -> bool:
        """Whether the article uses `word` (in any case)."""
        return word.lower() in self._counts

    def closest(self, key: str) -> str | None:
        """The article's word nearest to the lower-case `key` within its edit bound, the
        likeliest slip first (`likelihood`), then the article's most used."""
        return self._closest(key)

    def _nearest(self, key: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        bound = max_edits(key)
        near = []
        for length in range(len(key) - bound, len(key) + bound + 1):
            choices = self._by_length.get(length, [])
            near += process.extract(
                key, choices, scorer=OSA.distance, score_cutoff=bound, limit=None
            )
        if not near:  # "hzbllh": the article's word with its vowels left out
            return _vowels_put_back(key, self._by_skeleton)
        best = min(near, key=lambda hit: (*likelihood(key, hit[0], hit[1]), self._rank[hit[0]]))
        return str(best[0])

    def _name_begun(self, key: str) -> str | None:
        """The shortest name the article writes that `key` (three letters or more, no
        word of the article's or English) begins, the most used of equals: "israel" of
        "isr" (not "israeli"), "hezbollah" of "hezb"; a name in capitals ("IDF") is typed
        whole. None where no name begins so."""
        if len(key) < _SHORTENED_NAME_LETTERS:
            return None
        names = [
            word
            for word in self._by_prefix.get(key[:_SHORTENED_NAME_LETTERS], [])
            if word.startswith(key) and len(word) > len(key)
        ]
        return min(names, key=len) if names else None  # "Israel", not "Israeli"

    @functools.cached_property
    def _by_prefix(self) -> dict[str, list[str]]:
        """The article's names (words it writes with a capital, not in capitals) by their
        first letters, most used first: built when a word first needs it."""
        by_prefix: dict[str, list[str]] = {}
        for key in self._rank:  # most used first
            form = self._capitals.get(key, "")
            if form[:1].isupper() and not form.isupper():
                by_prefix.setdefault(key[:_SHORTENED_NAME_LETTERS], []).append(key)
        return by_prefix

    @staticmethod
    def _slip_of_english(key: str) -> bool:
        """Whether an English word one edit from `key` holds every letter typed."""
        nearest = closest_english(key)
        return nearest is not None and holds_every_letter(key, nearest)

    def _shortened(self, key: str, match: re.Match[str]) -> str | None:
        """The article's word that the lower-case `key` (typed as `match`) shortens
        (`shortens`), or None.
        Of several, the one the article writes before the next word typed ("evac order":
        "evacuation order"), then one whose consonants are the ones typed ("ppl":
        "people"), then the most used."""
        if len(key) < _SHORTENED_LETTERS:  # "t" of "didn't", "w" of "w/"
            return None
        words = [word for word in self._by_first.get(key[:1], []) if shortens(key, word)]
        if not words:
            return None
        skeleton = _skeleton(key)
        after = _NEXT_WORD.match(match.string, match.end())
        following = after.group(1).lower() if after else None

        def preference(word: str) -> tuple[bool, bool]:
            before = following is not None and self.has_phrase(f"{word} {following}")
            return not before, _skeleton(word) != skeleton

        best = min(words, key=preference)  # min keeps the first (most used) of equals
        return self._capitals.get(best, best)

    def _shortened_after(self, key: str, match: re.Match[str]) -> str | None:
        """The article's word that `key`, a word of English the article does not use,
        shortens after the word typed before it, where the article writes the two
        together: "transport min" -> "Transport Minister", "health min" -> "Health
        Minister" ("min" is English, and three letters, too few to tell alone). Only a
        word of _SHORT_ENGLISH letters at most, past the _COMMON_RANK most used ("who
        did" is not "who described"), and not after a word that opens phrases of any noun
        ("the", "of", "his") or a question word."""
        before = _PREVIOUS_WORD.search(match.string, 0, match.start())
        if before is None or not before.group(1).isalpha():
            return None
        previous = before.group(1).lower()
        if previous in _OPENERS or previous in QUESTION_WORDS:
            return None
        if not _SHORTENED_LETTERS <= len(key) <= _SHORT_ENGLISH:
            return None
        if _english_rank().get(key, 0) < _COMMON_RANK:  # "did", "was": words in their own right
            return None
        for word in self._by_first.get(key[:1], []):  # most used first
            if len(word) < len(key) + _LETTERS_DROPPED:
                continue
            # A shortening keeps the word's opening ("dept", "min"): "people died" is not
            # "people derailed", though the letters of "died" are in it, in order.
            opens = word[:_OPENING_LETTERS] == key[:_OPENING_LETTERS]
            shortened = word.startswith(key) or shortens(key, word)
            if opens and shortened and self.has_phrase(f"{previous} {word}"):
                return self._capitals.get(word, word)
        return None

    def _shortened_before(self, key: str, match: re.Match[str]) -> str | None:
        """The article's word that `key`, a rare word of English, begins, where the article
        writes it before the next word typed: "prelim report" -> "preliminary report"
        ("prelim" is in the English list; the reader, given it, found no answer). Only a
        word of _BEGUN_LETTERS or more, past the _RARE_RANK most used, and
        _LETTERS_DROPPED letters or more shorter than the article's."""
        if len(key) < _BEGUN_LETTERS or _english_rank().get(key, 0) < _RARE_RANK:
            return None  # "win" of "tipped to win by" is no "Winters by"
        after = _NEXT_WORD.match(match.string, match.end())
        if after is None:
            return None
        following = after.group(1).lower()
        for word in self._by_first.get(key[:1], []):  # most used first
            begun = word.startswith(key) and len(word) >= len(key) + _LETTERS_DROPPED
            if begun and not _inflected(key, word) and self.has_phrase(f"{word} {following}"):
                return self._capitals.get(word, word)
        return None

    @functools.cached_property
    def _by_first(self) -> dict[str, list[str]]:
        """The article's words by first letter, most used first: built when a word first
        needs it."""
        by_first: dict[str, list[str]] = {}
        for key in self._rank:  # most used first
            by_first.setdefault(key[:1], []).append(key)
        return by_first

    def _article_form(self, key: str, typed: str) -> str:
        """`key` written as the article writes it; with a capital where the user gave one."""
        form = self._capitals.get(key)
        if form is not None:
            return form
        return _as_typed(key, typed)

    def _mend(
        self,
        match: re.Match[str],
        opening: bool = False,
        english: bool = False,
        following: str | None = None,
    ) -> str:
        """The typed word `match` spelled as the article spells it; `opening`: it is the
        question's first word, which may be a question word typed wrong; `english`: even
        an English word ("wat"), the question having no question word of its own."""
        typed = match.group(0)
        key = typed.lower()
        if key.endswith("n") and match.string[match.end() : match.end() + 2] in _NOT:
            return typed  # "wouldn't", "didn't": no "would't", "din't"
        short = len(key) < MIN_LETTERS
        month = _MONTHS_SHORTENED.get(key)
        if month is not None and _DAY_AFTER.match(match.string, match.end()):
            return month  # "mar 11", "jun 3": the month, not the English word
        if opening and english and key in AUXILIARIES and following in AUXILIARIES:
            # "were were the talks held?", "were is the camp?": no question opens with
            # two auxiliaries; the first is a question word a letter short ("where").
            wanted = question_word(key, following)
            if wanted is not None and holds_every_letter(key, wanted):
                return _as_typed(wanted, typed)
        if self._owner(match):
            return f"{self._article_form(key[:-1], typed[:-1])}'s"
        if key in self._counts:
            # Capitals back ("iran" -> "Iran"), except on short English words ("us", "US").
            if short and key in english_words() and not self._opens_name(match):
                return typed
            if self._progressive(match):
                return typed  # "is building the plant", not "Building" of "Building Trades"
            form = self._capitals.get(key, typed)
            after = _NEXT_WORD.match(match.string, match.end())
            named = after is not None and self._capitals.get(after.group(1).lower(), "")[:1]
            if typed.islower() and is_person_noun(key) and not (named and named.isupper()):
                # "chief executive" typed, of an article writing only "Fire Chief Dolores
                # Hart": a role asked, which a title's capital would hide (story h45); a
                # title before a name keeps it ("councilwoman whitcombe").
                form = typed
            owner = self._plural_owners.get((key, after.group(1).lower())) if after else None
            if owner:
                return owner  # "farmers voice" -> "Farmers' Voice"
            return form
        if opening and english and key in english_words() and key not in _OPENERS:
            # "wat was targeted", "wen was the camp hit": English words ("wat", "wen"),
            # but one slip from a question word, opening a question that has none. Only
            # a letter dropped, doubled or swapped after the first, the likeliest slips:
            # "hot", "way" and "hat" (a wrong key, a lost first letter) stay as typed.
            wanted = question_word(key, following)
            if wanted is None:
                return typed
            slipped = wanted[0] == key[0] and holds_every_letter(key, wanted)
            # "hoe many": a wrong key, but only "how" asks a degree.
            if slipped or (wanted == "how" and following in _DEGREES):
                return _as_typed(wanted, typed)
            return typed
        stem = key[:-1]
        if key.endswith("s") and self._capitals.get(stem, "")[:1].isupper():
            # "hezbollahs": "Hezbollah's", a name's apostrophe dropped. Where the English
            # word list holds the plural too ("israels", "vikings"), only before a noun
            # the name can own (`_owns`).
            if key not in english_words() or _owns(match, stem):
                return self._article_form(stem, typed) + "'s"
        if not key.isascii():
            return typed
        if key in english_words():
            # "yrs", "hrs": the list holds them as shortenings; so it does "supt" and
            # "capt", short rare words there, of a title the article writes
            # ("superintendent": story h45). Only a title: "sect" is a word of its own,
            # not "security" (the validation split); nor is "hers" "headquarters".
            rare = (
                len(key) <= _SHORT_ENGLISH
                and key not in _OWNING_PRONOUNS
                and _english_rank().get(key, 0) >= _RARE_RANK
            )
            expanded = self._shortened(key, match) if _unvoiced(key) or rare else None
            if expanded is not None and not _unvoiced(key) and not is_person_noun(expanded.lower()):
                expanded = None
            if expanded is not None and typed.islower():
                return expanded
            phrased = self._shortened_after(key, match) if typed.islower() else None
            begun = self._shortened_before(key, match) if typed.islower() else None
            return phrased or begun or typed
        wanted = question_word(key, following) if opening else None
        if wanted is not None:
            return _as_typed(wanted, typed)
        shortened = self._name_begun(key)
        if short:
            # "isr": a name the article writes, cut short ("Israel"); "ppl": a word
            # shortened ("people"); else as typed.
            if shortened:
                return self._article_form(shortened, typed)
            unvoiced = typed.islower() and _unvoiced(key)  # "ppl", not "ren" of "(ren)"
            return (unvoiced and self._shortened(key, match)) or typed
        closest = self.closest(key)
        if closest is not None and holds_every_letter(key, closest):
            return self._article_form(closest, typed)
        # "evac", "mgmt": a word shortened, over a word a wrong key away or an English one
        # that lacks a letter typed ("eva"); never a name typed with its capital, nor a
        # word one slip from an English one that holds every letter ("etats": "states",
        # not "estimates").
        abbreviated = None
        if typed.islower() and not self._slip_of_english(key):
            abbreviated = self._shortened(key, match)
        if abbreviated is not None:
            return abbreviated
        if closest is not None:
            return self._article_form(closest, typed)
        if shortened is not None:
            return self._article_form(shortened, typed)
        owner = self.closest(key[:-1]) if key.endswith("s") and len(key) > MIN_LETTERS else None
        if owner is not None and owner in self._possessors:
            # "netanyahoos office": a possessive typed wrong and without its apostrophe,
            # of a name the article writes with one ("Netanyahu’s office").
            return f"{self._article_form(owner, typed[:-1])}'s"
        nearest = closest_english(key)
        if nearest is None:
            return typed
        return _as_typed(nearest, typed)

    def _owner(self, match: re.Match[str]) -> bool:
        """Whether a typed word in "-s" (`match`: "regions") is a possessive typed
        without its apostrophe: the article writes the word with one
        before the next word typed, or one word before it ("the region’s precarious
        situation"), and never the two as typed ("border regions" is no "regions
        situation"). The reader read "Who warned about the regions situation?" as no
        answer (margin -5.2) and "... the region's situation?" as Russia's ambassador
        (+7.4)."""
        key = match.group(0).lower()
        if not key.endswith("s") or len(key) < MIN_LETTERS or key[:-1] not in self._possessors:
            return False
        following = _NEXT_WORD.match(match.string, match.end())
        if following is None:
            return False
        owned = following.group(1).lower()
        if owned in _NOT_OWNED or self.has_phrase(f"{key} {owned}"):
            return False  # "contestants on", "friends or": no noun to own
        owns = re.compile(rf" {re.escape(key[:-1])} s (?:[^\W\d_]+ )?{re.escape(owned)} ")
        return owns.search(self._flat) is not None

    def _progressive(self, match: re.Match[str]) -> bool:
        """Whether the typed word is an English "-ing" form right after an auxiliary ("is
        building"): a verb, whatever capitals the article gives the word elsewhere
        ("Lorran Valley Building Trades Council")."""
        key = match.group(0).lower()
        if not key.endswith("ing") or key not in english_words():
            return False
        before = _LAST_WORD.search(match.string, 0, match.start())
        return before is not None and before.group(1).lower() in AUXILIARIES

    def _opens_name(self, match: re.Match[str]) -> bool:
        """Whether the typed word opens a name the article writes, its next word one the
        article capitalises too: "tom hale" is "Tom Hale" ("tom", short and English,
        had kept its small letter, and the reader read "who is tom Hale" otherwise)."""
        form = self._capitals.get(match.group(0).lower(), "")
        after = _NEXT_WORD.match(match.string, match.end())
        if not form[:1].isupper() or after is None:
            return False
        following = self._capitals.get(after.group(1).lower(), "")
        return following[:1].isupper() and self.has_phrase(f"{form} {following}")

    def openings(self, question: str) -> list[str]:
        """`question` (as `clean` gives it) read with each question word its first word
        is as likely a slip of, when there are several ("Wh does it rain": "Who does it
        rain", "Why does it rain"; `question_words`); [] otherwise. Nothing in the words
        tells them apart, so qa.bot asks each and keeps the answer the article supports
        best, as a reader asked in person would."""
        found = list(_WORD.finditer(question))
        lead = len(question) - len(question.lstrip())
        words = [m.group(0) for m in found]
        if len(found) < 2 or found[0].start() != lead or not _asks_nothing(words):
            return []
        typed = found[0].group(0)
        key = typed.lower()
        if key in self._counts:
            return []  # the article's own word
        near = question_words(key, words[1].lower())
        if key in english_words():
            # As `_mend` reads an English first word: not a word that opens questions
            # itself ("was", "the"), and only a letter dropped, doubled or swapped.
            if key in _OPENERS:
                return []
            near = tuple(w for w in near if w[0] == key[0] and holds_every_letter(key, w))
        if len(near) < 2:
            return []
        rest = question[found[0].end() :]
        return [f"{question[:lead]}{_as_typed(word, typed)}{rest}" for word in near]

    def spell(self, text: str) -> str:
        """`text` with each word spelled as the article spells it (see the module doc)."""
        lead = len(text) - len(text.lstrip())  # where the question's first word can start
        found = _WORD.findall(text)
        english = _asks_nothing(found)
        following = found[1].lower() if len(found) > 1 else None
        # "... could lead to wat": a question word typed wrong may end a question too.
        last = len(text.rstrip(" ?!.")) if english and len(found) > 1 else -1

        def mend(match: re.Match[str]) -> str:
            first = match.start() == lead
            if english and match.end() == last:
                return self._mend(match, True, True, None)
            return self._mend(match, first, english and first, following)

        return _WORD.sub(mend, text)

    def _clean(self, question: str) -> str:
        tidied = self._acronyms.expand(tidy(question))  # "the UN": "the United Nations"
        spelled = self.spell(tidied)
        # A mended word can complete a date ("novmber 23"): tidy once more.
        cleaned = spelled if spelled == tidied else tidy(spelled)
        cleaned = _APOSTROPHE.sub(self._apostrophe, cleaned)
        # "on the 23rd": the article's one date on that day, as it names it; "in '53",
        # its one year that ends so.
        return name_years(name_days(cleaned, self._stated), self._years)

    def clean(self, question: str) -> str:
        """`question` as its clean form reads: tidied (qa.question_form) and spelled as
        the article spells it. A question typed the clean way comes back unchanged."""
        return self._cleaned(question)

    def clean_history(self, history: Any) -> Any:
        """`history` with its user turns cleaned; anything malformed is left for
        qa.followup to reject with its own message."""
        if not isinstance(history, list):
            return history
        check_history(history)  # sizes first: nothing over the limits is read
        cleaned = [self._clean_turn(message) for message in history]
        try:
            check_history(cleaned)
        except InvalidQuestion:
            # "nov" -> "November" can take a turn at the limit over it: read it as typed.
            return history
        return cleaned

    def _clean_turn(self, message: Any) -> Any:
        if not isinstance(message, dict) or message.get("role") != "user":
            return message
        content = message.get("content")
        if not isinstance(content, str) or not content.strip():
            return message
        return {**message, "content": self.clean(content)}


# Endings that make another form of the same word ("partnered", "beginning",
# "expectation"): a word typed is not shortened from its own forms.
_ENDINGS = frozenset(
    "s es ed d ing er ers est ly ment ments ness ion ions ation ations ive al ally ity ance "
    "ence ant ent ful less ship".split()
)


def _inflected(key: str, word: str) -> bool:
    """Whether `word` is `key` with an ending of _ENDINGS, its last letter doubled or not
    ("partner" -> "partnered", "begin" -> "beginning")."""
    rest = word[len(key) :]
    return rest in _ENDINGS or (rest[:1] == key[-1:] and rest[1:] in _ENDINGS)
