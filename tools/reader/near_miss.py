"""Near-miss questions: a question changed so that its own passage no longer answers it.

Real unanswerable questions (SQuAD 2.0's) are mostly near misses: the passage talks about
the question's topic but not the entity, number or polarity asked. The reader's
"neg-swap" training windows imitate them: the positive's own passage with one name or
number of the question swapped for another from the same article, one word swapped for
its opposite ("largest" for "smallest", "before" for "after"), one content word swapped
for another of the article's ("discovered" for "formed"), or the question negated.

Every draw comes from the caller's seeded random.Random.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence

from qa.dates.patterns import WEEKDAYS

# A name (capitalised words, possibly joined by "of"/"the"/"de"...) or a number.
_ENTITY = re.compile(
    r"\b(?:[A-Z][\w'-]*(?:\s+(?:of|the|de|du|von|van|and|la|le)?\s*[A-Z][\w'-]*)*"
    r"|\d[\d,.]*\d|\d)\b"
)
NEGATE_SHARE = 0.25
_AUXILIARY = re.compile(r"\b(did|does|do|was|were|is|are|can|could|has|have|had|will|would)\b")

# Common English opposites that change what a factual question asks. About a fifth of
# SQuAD 2.0's unanswerable questions are made this way (Rajpurkar et al. 2018, "Know
# What You Don't Know"): "the largest" asked of a passage that only names the smallest.
_OPPOSITE_PAIRS = (
    "first last|largest smallest|biggest smallest|bigger smaller|larger smaller|"
    "highest lowest|higher lower|most least|more less|earliest latest|earlier later|"
    "before after|increase decrease|increased decreased|increases decreases|"
    "rise fall|rose fell|north south|northern southern|east west|eastern western|"
    "upper lower|inner outer|maximum minimum|major minor|longest shortest|"
    "longer shorter|oldest youngest|older younger|start end|started ended|"
    "began ended|opened closed|win lose|won lost|accepted rejected|allowed forbidden|"
    "success failure|successful unsuccessful|strongest weakest|stronger weaker|"
    "fastest slowest|faster slower|richest poorest|deepest shallowest|widest narrowest|"
    "top bottom|inside outside|above below|upstream downstream|import export|"
    "imported exported|buy sell|bought sold|private public|legal illegal|"
    "positive negative|common rare|ancient modern|domestic foreign|internal external|"
    "birth death|born died|supported opposed|support oppose|included excluded|"
    "minority majority|primary secondary|previous next|cheapest dearest|"
    "invaded defended|attack defend|hottest coldest"
)
OPPOSITES = {
    a: b
    for pair in _OPPOSITE_PAIRS.split("|")
    for x, y in [pair.split()]
    for a, b in ((x, y), (y, x))
}
_OPPOSABLE = re.compile(r"\b(" + "|".join(sorted(OPPOSITES, key=len, reverse=True)) + r")\b")


def names_and_numbers(text: str) -> list[str]:
    """Names and numbers in `text`, except the question's first word ("What", "In")."""
    return [m.group() for m in _ENTITY.finditer(text) if m.start() > 0]


def _entity_swapped(
    question: str, passage: str, article_entities: Sequence[str], rng: random.Random
) -> str | None:
    """One of the question's names or numbers replaced by another of the same kind from
    the article that the passage never mentions."""
    present = [e for e in names_and_numbers(question) if e in passage]
    if not present:
        return None
    old = rng.choice(present)
    numeric = old[0].isdigit()
    pool = [
        e
        for e in article_entities
        if e[0].isdigit() == numeric and e != old and e not in passage and e not in question
    ]
    return question.replace(old, rng.choice(pool), 1) if pool else None


def _uses(lowered: str, word: str) -> bool:
    """Whether lower-cased text uses `word` as a whole word (not inside another word)."""
    return re.search(rf"\b{word}\b", lowered) is not None


def _opposite_swapped(question: str, passage: str, rng: random.Random) -> str | None:
    """One word of the question replaced by its opposite, when the passage never uses the
    opposite (else the passage might answer the new question)."""
    words = passage.lower()
    found = [
        m for m in _OPPOSABLE.finditer(question.lower()) if not _uses(words, OPPOSITES[m.group()])
    ]
    if not found:
        return None
    m = rng.choice(found)
    opposite = OPPOSITES[m.group()]
    if question[m.start()].isupper():
        opposite = opposite.capitalize()
    return question[: m.start()] + opposite + question[m.end() :]


# Function words, question words and verbs too general to change what is asked.
_PLAIN_WORDS = frozenset(
    """about above after again also among another around because been before being
    between both called came come could does doing done during each either from given
    have having into just known like made make many more most much must name named
    near other over same should since some such than that their them then there these
    they this those through under until upon used using very were what when where
    which while whom whose with within would year years""".split()
)
_CONTENT_WORD = re.compile(r"\b([a-z][a-z-]{3,})\b(?!')")
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|these|those|of)\s+$")


def _word_kind(word: str, before: str) -> str:
    """A crude part-of-speech stand-in, so that a swap keeps the question's grammar (a
    past verb for a past verb, a noun after "the" for another); "" when unsure."""
    for suffix in ("ed", "ing", "tion"):
        if word.endswith(suffix):
            return suffix
    plural = word.endswith("s") and not word.endswith("ss")
    if _DETERMINER.search(before):
        return "noun-s" if plural else "noun"
    return "s" if plural else ""


def content_words(text: str) -> list[tuple[str, str]]:
    """(word, kind) for the lower-case words of `text` that carry its meaning and whose
    kind is known (not names, not function words, not "doesn" of "doesn't")."""
    found = []
    for m in _CONTENT_WORD.finditer(text):
        word = m.group(1)
        kind = _word_kind(word, text[: m.start()])
        if word not in _PLAIN_WORDS and kind:
            found.append((word, kind))
    return found


def word_swapped(
    question: str, passage: str, article_words: Mapping[str, Sequence[str]], rng: random.Random
) -> str | None:
    """One of the question's content words that the passage uses replaced by a word of
    the same kind (`article_words`: kind -> the article's words) that the passage never
    uses.

    The commonest unanswerable questions the opposite and name swaps miss ask about
    another action or thing on the same topic: "When was the lagoon *discovered*?"
    of a passage that says when it *formed*.
    """
    lowered = passage.lower()
    present = [
        (w, k)
        for w, k in content_words(question)
        if any(x != w for x in article_words.get(k, ())) and _uses(lowered, w)
    ]
    if not present:
        return None
    old, kind = rng.choice(present)
    pool = [w for w in article_words[kind] if w != old]
    for _ in range(8):  # a few tries: most of the pool is absent from one passage
        new = rng.choice(pool)
        if new not in question and not _uses(lowered, new):
            return re.sub(rf"\b{old}\b", new, question, count=1)
    return None


def swapped_question(
    question: str, passage: str, article_entities: Sequence[str], rng: random.Random
) -> str | None:
    """`question` made unanswerable from `passage`: a name or number swapped, a word
    turned into its opposite, or else negated; None when none applies. When both swaps
    apply, either is drawn, so both kinds are learnt."""
    swaps = [
        swap
        for swap in (
            _entity_swapped(question, passage, article_entities, rng),
            _opposite_swapped(question, passage, rng),
        )
        if swap is not None
    ]
    if swaps:
        return rng.choice(swaps)
    match = _AUXILIARY.search(question)
    # Negating by inserting "not" is clumsy English more often than not; keep it rare.
    if match and rng.random() < NEGATE_SHARE and " not " not in question and "n't" not in question:
        return question[: match.end()] + " not" + question[match.end() :]
    return None


def _mid_sentence_names(text: str) -> list[str]:
    """Names and numbers of a passage, except capitalised words that open a sentence or
    follow a quote ("The", "She", "According"): in a passage those are mostly not names."""
    lowered_words = set(re.findall(r"\b[a-z][\w'-]*\b", text))
    return [
        m.group()
        for m in _ENTITY.finditer(text)
        if m.start() > 0
        and text[: m.start()].rstrip()[-1:] not in ".!?\"'“‘(:;"
        # a word the passage also writes in lower case ("In", "During") is not a name
        and m.group().lower() not in lowered_words
    ]


def in_passage_swapped(
    question: str, passage: str, answer_sentence: str, rng: random.Random
) -> str | None:
    """One of the question's names, numbers or content words replaced by another of the
    same kind that the passage *does* use, outside the sentence that answers the question.

    The other swaps always bring in a word the passage lacks, so a reader trained on them
    alone can learn "a question word missing from the passage means no answer", and
    people's unanswerable questions rarely give that away: they are written with the
    paragraph in view and reuse its words ("When did the Normans conquer Sicily?" of a
    paragraph that dates only the conquest of England and mentions Sicily elsewhere).
    Keeping the new word out of the answering sentence keeps most such questions
    unanswerable; some are not, as some of SQuAD 2.0's are not.
    """
    in_answer = answer_sentence.lower()
    present = [e for e in names_and_numbers(question) if e in passage]
    if present:
        old = rng.choice(present)
        numeric = old[0].isdigit()
        pool = [
            e
            for e in dict.fromkeys(_mid_sentence_names(passage))
            if e[0].isdigit() == numeric
            and e not in question
            and old not in e
            and e not in old
            and e.lower() not in in_answer
        ]
        if pool:
            return question.replace(old, rng.choice(pool), 1)
    lowered = passage.lower()
    words = [(w, k) for w, k in content_words(question) if _uses(lowered, w)]
    if not words:
        return None
    old, kind = rng.choice(words)
    asked = question.lower()
    pool = [
        w
        for w, k in dict.fromkeys(content_words(passage))
        if k == kind and w != old and not _uses(asked, w) and not _uses(in_answer, w)
    ]
    return re.sub(rf"\b{old}\b", rng.choice(pool), question, count=1) if pool else None


# Details SQuAD 2.0's writers changed that the other swaps rarely make: a year moved a
# little ("in 1067" of a passage dating it 1066), another weekday or month, "early" for
# "late", and two of the question's names the other way round ("Who did the Franks
# defeat?" turned into "Who defeated the Franks?" reads as the same names reversed).
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_WEEKDAYS = list(WEEKDAYS)
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_CALENDAR = re.compile(r"\b(" + "|".join(w.capitalize() for w in _WEEKDAYS + _MONTHS) + r")\b")
_TIME_OPPOSITES = {
    "early": "late",
    "late": "early",
    "morning": "evening",
    "evening": "morning",
    "night": "day",
    "daily": "weekly",
    "weekly": "daily",
    "annual": "monthly",
    "annually": "monthly",
}
_TIME_WORD = re.compile(r"\b(" + "|".join(_TIME_OPPOSITES) + r")\b", re.IGNORECASE)
# The most a year is moved: near enough to stay on the passage's topic and era.
_YEAR_SHIFT = 10


def _year_shifted(question: str, passage: str, rng: random.Random) -> str | None:
    """A year of the question that the passage states moved by a few years to one the
    passage never states."""
    years = [m for m in _YEAR.finditer(question) if m.group() in passage]
    if not years:
        return None
    m = rng.choice(years)
    year = int(m.group())
    moved = [
        str(year + d)
        for d in range(-_YEAR_SHIFT, _YEAR_SHIFT + 1)
        if d and str(year + d) not in passage
    ]
    if not moved:
        return None
    return question[: m.start()] + rng.choice(moved) + question[m.end() :]


def _calendar_swapped(question: str, passage: str, rng: random.Random) -> str | None:
    """A weekday or month of the question replaced by another of its kind that the
    passage never names."""
    # Not a word of a name ("the Funeral March", "March Madness").
    found = [
        m
        for m in _CALENDAR.finditer(question)
        if not re.search(r"\b[A-Z][\w'-]*\s+$", question[: m.start()][-30:])
        and not re.match(r"\s+[A-Z]", question[m.end() :])
    ]
    if not found:
        return None
    m = rng.choice(found)
    kind = _WEEKDAYS if m.group().lower() in _WEEKDAYS else _MONTHS
    pool = [
        w.capitalize() for w in kind if w != m.group().lower() and w.capitalize() not in passage
    ]
    if not pool:
        return None
    return question[: m.start()] + rng.choice(pool) + question[m.end() :]


def _time_word_swapped(question: str, passage: str, rng: random.Random) -> str | None:
    """ "early" for "late", "morning" for "evening": when the passage never uses the new word."""
    lowered = passage.lower()
    found = [
        m
        for m in _TIME_WORD.finditer(question)
        if not _uses(lowered, _TIME_OPPOSITES[m.group().lower()])
    ]
    if not found:
        return None
    m = rng.choice(found)
    new = _TIME_OPPOSITES[m.group().lower()]
    if m.group()[0].isupper():
        new = new.capitalize()
    return question[: m.start()] + new + question[m.end() :]


# Between two names that a question sets in different roles: one to six lower-case words
# ("did Yongle want to trade with"), not a joining word that makes them one name or a
# list ("Museum for African Art", "M or C").
_ROLES_BETWEEN = re.compile(
    r"\s+(?!(?:for|of|de|and|or|the|in|at|on|to)\s)(?:[a-z][\w'-]*\s+){1,6}"
)


def _names_reversed(question: str, passage: str) -> str | None:
    """The question's first two names that the passage holds, each put in the other's
    place, where words that set them in different roles stand between them: who did what
    to whom, reversed."""
    found = [
        m
        for m in _ENTITY.finditer(question)
        if m.start() > 0
        and not m.group()[0].isdigit()
        and len(m.group()) > 2
        and m.group() in passage
    ]
    if len(found) < 2:
        return None
    a, b = found[0], found[1]
    if a.group() == b.group() or _ROLES_BETWEEN.fullmatch(question[a.end() : b.start()]) is None:
        return None
    return (
        question[: a.start()]
        + b.group()
        + question[a.end() : b.start()]
        + a.group()
        + question[b.end() :]
    )


def detail_swapped(question: str, passage: str, rng: random.Random) -> str | None:
    """`question` with one detail changed in kind: a year moved a little, another weekday
    or month, a time word turned ("early" for "late"), or two names reversed; None when
    none applies. A calendar change is drawn where one applies: reversed names read as
    nonsense more often than not, so they are the change of last resort."""
    swaps = [
        swap
        for swap in (
            _year_shifted(question, passage, rng),
            _calendar_swapped(question, passage, rng),
            _time_word_swapped(question, passage, rng),
        )
        if swap is not None and swap != question
    ]
    return rng.choice(swaps) if swaps else _names_reversed(question, passage)
