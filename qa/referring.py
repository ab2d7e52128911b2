"""Whether a question refers back to the conversation, decided from its form alone.

A question refers back when it holds a word that points at something said before (a
pronoun with nothing in the question for it to stand for: "Where was that?", "What did
he call for?"; "then", a place "there", a final "so") or when it is a fragment that only
makes sense as a variation of the last question ("Why?", "and on November 19?", "What
about Hezbollah?", or a correction: "no, I mean on November 23"), or a question word and a
verb alone ("Who was inside?", "How many died?": `bare`). Anything else stands
on its own, however long the chat: "Who condemned the strike?" names what it asks about.
No word lists keyed to any article: only English function words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.dates import only_a_day
from qa.english import english_words
from qa.time_shift import moves_time
from qa.verbs import is_participle, is_verb_form

# A word: letters and digits, with apostrophes and hyphens inside ("Lebanon’s", "al-Hilweh").
WORD = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")

WH = frozenset("what who whom whose where when why how which".split())
AUXILIARIES = frozenset(
    "is are was were be been being am do does did has have had "
    "can could will would shall should may might must".split()
)
_DO = frozenset("do does did".split())
BE = frozenset("is are was were be been being am".split())
PREPOSITIONS = frozenset(
    "on in at after before during since until by for from about near to with of over "
    "under against between around through into across toward towards behind within "
    "including excluding without except besides among beyond despite".split()
)
DETERMINERS = frozenset("the a an".split())
LEADING_CONJUNCTIONS = frozenset("and but or also plus".split())
SUBJECT_PRONOUNS = frozenset("i you we he she it they".split())
# Pronouns that stand for a thing or person named before; a possessive may stand for a
# name earlier in the same question ("What did Israel say about its strike?"), the others
# not for their own clause's subject ("What did Israel say about it?" is not Israel).
PERSONAL = frozenset("he him she they them it".split())
POSSESSIVE = frozenset("his her hers its their theirs".split())
DEMONSTRATIVES = frozenset("this these those".split())
# Words a noun phrase opens with: "the harroy school", "that fault", "his team".
NOUN_OPENERS = DETERMINERS | DEMONSTRATIVES | frozenset("that his her its their".split())
# Words that start a new clause, inside which a pronoun may stand for an earlier name.
CLAUSE_LINKS = frozenset("and but or that which who because while when after before".split())
# "this week", "these days": a time the article's dates resolve, not a back-reference.
TIME_UNITS = frozenset(
    "day days week weekend month year morning afternoon evening night time season "
    "spring summer autumn fall winter quarter decade century".split()
)
# "anything else?", "someone else?": words that "else" asks another one of.
SOME = frozenset("anything something anyone someone anybody somebody any".split())
# "Where?", "Who else?": a question word and at most one of these.
# "Why is that?", "why's that", "why so": why the last answer is so.
_WHY_THAT = [["why", "is", "that"], ["why", "was", "that"], ["why", "is", "this"], ["why", "so"]]
_BARE_TAILS = frozenset("else exactly then instead not".split())  # "Why not?"
# "How long did it take?": an "it" that names nothing.
_TAKE = frozenset("take takes took taken".split())
# "How long has it been?", "It has been since ...": "been" as the whole predicate. Before
# a participle ("How has it been designated?") the "it" names the last answer.
_BEEN_ALONE = frozenset("since for".split())
# "those in Beirut", "those who ...": the ones so described, not ones named before.
_MODIFYING = PREPOSITIONS | frozenset("who that which".split())
_PUNCTUATION = re.compile(r"[,.;:!?]")
# A fragment ("and on November 19?") is short; longer text is a statement of its own.
_FRAGMENT_WORDS = 6
# "By whom?", "To whom?", "From where?", "Since when?": question words a preposition can
# lead in a fragment of two words.
_ASKED_AFTER_PREPOSITION = frozenset("whom who what where when which".split())
# "Between which cities?", "In what way?": a preposition, "which" or "what", and the kind
# of thing asked for in a word or two, none of them a word that makes a clause.
_KIND_WORDS = 2
# "How much?", "For how long?": what "how" asks the measure of.
_MEASURES = frozenset("much many long often far old big large".split())
_NOT_A_KIND = WH | AUXILIARIES | SUBJECT_PRONOUNS | PERSONAL | DETERMINERS
_ABOUT = re.compile(r"^(?:what|how)\s+about\s+|^what\s+of\s+", re.IGNORECASE)
# A correction ("no, I mean on November 23", "sorry, I meant Hezbollah") names what the
# last question should have asked about. "no" and the like count only before a
# punctuation mark or "I mean": "No casualties?" is a question of its own.
_CORRECTION = re.compile(
    r"^(?:(?:no|nope|sorry|oops|actually|wait)\s*[,.!:;-]+\s*"
    r"|(?:(?:no|nope|sorry)\s+)?i\s+mean[t]?\b[\s,:;-]*)+",
    re.IGNORECASE,
)
# "same question for the 19th", "same for Hezbollah": the last question about another
# thing, as "and for ...?" asks it.
_SAME_FOR = re.compile(
    r"^(?:and\s+)?(?:the\s+)?same(?:\s+(?:question|thing))?(?:\s+but)?\s+"
    r"(?:(?:for|about|with)\s+)?(?!(?:question|thing|as|again)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Pointer:
    """A word that points back: its index among the question's words and its kind.

    Kinds: "thing" (that/this/it as a pronoun), "determiner" ("that strike"),
    "person" (he/him/she/they/them), "possessive" (his/her/its/their), "place"
    (there), "time" (then), "claim" (a final "so": "Who said so?"), "else" ("What else
    ...?", "anything else?": another answer than the last).
    """

    index: int
    kind: str


@dataclass(frozen=True)
class Ellipsis:
    """A fragment that varies the last question: a bare question word ("Why?", "By
    whom?": `question_word` holds the preposition too) or what to ask about instead ("and
    on November 19?", "What about Hezbollah?")."""

    question_word: str | None = None
    instead: str | None = None


def words(text: str) -> list[str]:
    """The words of `text`, in order, as written."""
    return WORD.findall(text)


class _Scan:
    """One question's words, with what each word's reading needs precomputed in one pass,
    so that reading every word costs the same however long the question is."""

    def __init__(self, question: str) -> None:
        spans = list(WORD.finditer(question))
        self.tokens = [span.group() for span in spans]
        self.lower = [word.lower() for word in self.tokens]
        # From which word on a noun phrase precedes: a name (a capitalised word, not the
        # opening question word) or "the/a X" (with its X before the word).
        self.named_from = len(self.tokens) + 1
        # The last word before each one that starts a clause: a linking word, or a word
        # after punctuation ("When Liszt lived there, where ...").
        self.clause_start: list[int] = []
        last = -1
        for i, (word, lower) in enumerate(zip(self.tokens, self.lower, strict=True)):
            self.clause_start.append(last)
            gap = question[spans[i - 1].end() : spans[i].start()] if i else ""
            if lower in CLAUSE_LINKS or _PUNCTUATION.search(gap):
                last = i
            opening = i == 0 and lower in WH | AUXILIARIES | PREPOSITIONS | LEADING_CONJUNCTIONS
            if word[:1].isupper() and word != "I" and not opening:
                self.named_from = min(self.named_from, i + 1)
            if lower in DETERMINERS:
                self.named_from = min(self.named_from, i + 2)
        self.asks_subject = _asks_subject(self.lower)

    def named_before(self, i: int) -> bool:
        """Whether a noun phrase precedes word `i` for a pronoun there to stand for."""
        return i >= self.named_from

    def named_in_earlier_clause(self, i: int) -> bool:
        """Whether a noun phrase precedes the clause that word `i` is in."""
        return self.clause_start[i] >= 0 and self.named_before(self.clause_start[i])


def _that_points(previous: str, after: list[str], rest: int) -> str | None:
    """ "that" as a pronoun ("Where was that?") or determiner ("that strike"), or None
    where it joins a clause ("said that Israel ...", "the building that was hit").
    `previous`: the word before ("" at the start); `after`: the next few; `rest`: how
    many follow in all."""
    if not previous or previous in WH | AUXILIARIES | PREPOSITIONS | LEADING_CONJUNCTIONS:
        verb_follows = (
            previous in _DO and (rest == 1 or _verb_then_particle(after))
        ) or _participle_follows(previous, after)
        return "determiner" if _noun_follows(after, True) and not verb_follows else "thing"
    if not rest or after[0].lower() in _HAPPEN:
        return "thing"  # "Who condemned that?", "Where would all that happen?"
    # "Who condemned that strike?" ends on its noun; where more follows, "that" may as
    # well start a clause ("the style that emerged from ..."): read as standing alone.
    return "determiner" if rest == 1 and _noun_follows(after, True) else None


# Words after a verb that end its phrase: "free up", "set off", "cost the city".
_PARTICLES = frozenset("up down off out on in over away back".split())


def _verb_then_particle(after: list[str]) -> bool:
    """Whether the two words after "that" (after "did"/"does") read as a verb and its
    particle or object ("How much money did that free up?"), not a noun and its verb
    ("Did that strike kill anyone?")."""
    return len(after) >= 2 and after[1].lower() in _PARTICLES | DETERMINERS


def _participle_follows(previous: str, after: list[str]) -> bool:
    """Whether a demonstrative after "was"/"is" is followed by a past participle ("Why
    was that criticized?", "When was this built?"): the word stands alone, the verb
    follows."""
    # After "has"/"had" too: "How much habitat has that removed?".
    return previous in BE | _PERFECT and bool(after) and is_participle(after[0])


_PERFECT = frozenset("has have had".split())


def _noun_follows(after: list[str], singular: bool = False) -> bool:
    """Whether a demonstrative is followed by its noun ("that strike"), not by a verb,
    preposition or name ("Was that in Beirut?", "Was that Beirut?", "Where would all
    that happen?"). After a `singular` one ("that", "this") a word ending in "s" is a
    verb ("How much of that comes from a grant?"), save for a noun that ends so ("that
    news", "this crisis", "that bus", "that class")."""
    if not after:
        return False
    following = after[0]
    if singular and _SINGULAR_VERB.search(following) and not _SINGULAR_NOUN_END.search(following):
        return False
    closed = AUXILIARIES | PREPOSITIONS | DETERMINERS | SUBJECT_PRONOUNS | _NO_NOUN | _HAPPEN
    return following.lower() not in closed and not following[:1].isupper()


_SINGULAR_VERB = re.compile(r"^[a-z]{2,}s$")
_SINGULAR_NOUN_END = re.compile(r"(?:ss|us|is|ws|ics|ies)$")


# Verbs of an event after "that" ("all that happen"): no noun for it to point with.
_HAPPEN = frozenset(
    "happen happens happened occur occurs occurred take takes took start starts started "
    "begin begins began end ends ended mean means meant".split()
)


# Words after "that"/"this" that are no noun for it to point with ("Is that all in
# cash?", "How much was that up on the year?": "that" is the thing itself).
_NO_NOUN = frozenset(
    "all up down out off so too much many more less also today tonight now then yesterday "
    "tomorrow as".split()  # "What's that as a rate?"
)


# Verbs that report what their subject says or thinks: "it" right after one stands for
# that subject, named in the question ("Who did the IDF say it targeted?").
_REPORTING = frozenset(
    "say says said claim claims claimed think thinks thought believe believes believed "
    "announce announces announced confirm confirms confirmed deny denies denied insist "
    "insists insisted".split()
)


# Superlatives not made with "-est".
_SUPERLATIVES = frozenset("best worst most least first last".split())


def _superlative(word: str) -> bool:
    """Whether a word is a superlative adjective: "largest" has its "larger" ("forest"
    and "interest" have none)."""
    return word in _SUPERLATIVES or (word.endswith("est") and f"{word[:-3]}er" in english_words())


_ORDINALS = frozenset(
    "first second third fourth fifth last other latter former older younger bigger "
    "smaller larger".split()
)


def _kind(scan: _Scan, i: int) -> str | None:
    """The kind of back-reference word `i` makes, or None."""
    word, lower = scan.tokens[i], scan.lower[i]
    previous = scan.lower[i - 1] if i else ""
    after, rest = scan.tokens[i + 1 : i + 4], len(scan.tokens) - i - 1
    following = after[0].lower() if after else ""
    if i > 0 and word[:1].isupper():
        return None  # inside a name or title ("Work It Out")
    if lower in ("this", "that") and previous == "like" and not _noun_follows(after, True):
        # "When was the port last shut down like this before?": the way of it, as the
        # question tells it, not something said before.
        return None
    if lower == "that":
        return _that_points(previous, after, rest)
    if lower in DEMONSTRATIVES:
        if following in TIME_UNITS or (lower == "those" and following in _MODIFYING):
            return None  # "this week"; "those in Beirut" (the ones in Beirut)
        if (previous in _DO and rest == 1) or _participle_follows(previous, after):
            return "thing"  # "Where did this happen?": the word after is the verb
        return "determiner" if _noun_follows(after, lower == "this") else "thing"
    if lower in SUBJECT_PRONOUNS & PERSONAL - {"it"}:
        # A clause's subject may stand for a name in an earlier clause ("When Liszt ...,
        # where did he live?"), never for one in its own.
        return None if scan.named_before(i) else "person"
    if lower in PERSONAL:
        if (lower == "it" and _expletive(after, rest)) or scan.named_in_earlier_clause(i):
            return None
        if lower == "it" and previous in _REPORTING and scan.named_before(i):
            return None  # "Who did the IDF say it targeted?": the IDF, who said it
        return "thing" if lower == "it" else "person"
    if lower == "her" and (not after or following in PREPOSITIONS | DETERMINERS):
        # "Who removed her from the throne?": "her" as an object, someone pointed at (a
        # possessive has its noun after it).
        # Never its own clause's noun phrase ("after her" is not the crown got).
        return None if scan.named_in_earlier_clause(i) else "person"
    if lower in POSSESSIVE:
        return None if scan.named_before(i) or scan.asks_subject else "possessive"
    if lower == "there":
        # "Was there a warning?", "How many are there?": there is something, no place.
        counting = scan.lower[:2] in (["how", "many"], ["how", "much"])
        existential = following in BE or (previous in BE and (rest > 0 or counting))
        return None if existential else "place"
    if lower == "then":
        return "time"
    if lower == "one" and previous in _ORDINALS and rest and following not in ("to", "of", "who"):
        # "What did the first one warn about?" after "Who dissented?" / "A and B": the
        # first of those the answer lists (qa.referents); not "the first one to ...".
        return "counted"
    if lower in ("one", "ones") and previous in _ORDINALS and not rest:
        # "Who described the second one?" after "How many subspecies are recognised?":
        # one of the things counted (qa.referents), at the question's end only ("the
        # first one to ..." says what it is).
        return "counted"
    if previous == "the" and not rest and i >= 2 and _superlative(lower):
        # "Which was the largest?" after "How many mass strandings has the bay seen?":
        # the largest of the things counted, at the question's end only.
        return "counted"
    if lower == "else" and (previous in WH or previous in SOME):
        return "else"  # "What else was discussed?", "anything else?": not the last answer
    if lower == "also" and i > 0 and previous not in LEADING_CONJUNCTIONS:
        # "Which charity also supported it?" after "Who funded the project?": another.
        # (First, "also" only joins: "Also, when was it?")
        return "else"
    if lower == "so" and previous and not rest and not scan.named_before(i):
        return "claim"  # "Who said so?", not "... making her the first to do so?"
    return None


def pointers(question: str) -> list[Pointer]:
    """The words of `question` that point back at the conversation, in order."""
    scan = _Scan(question)
    found = []
    for i in range(len(scan.tokens)):
        kind = _kind(scan, i)
        if kind is not None:
            found.append(Pointer(i, kind))
    return found


def _expletive(after: list[str], rest: int) -> bool:
    """ "How long did it take?", "Why was it difficult to ...?": an "it" that stands for
    nothing, followed by "take" or soon by "to"/"that" (not a "to" that ends the
    question, `rest` words on: "Who is it dedicated to?")."""
    following = [word.lower() for word in after[:3]]
    if following[:1] == ["been"]:
        return len(following) == 1 or following[1] in _BEEN_ALONE
    linking = {"to", "that"} & set(following[: rest - 1] if rest <= len(following) else following)
    return bool(following) and (following[0] in _TAKE or bool(linking))


def _asks_subject(lower: list[str]) -> bool:
    """ "Who returned for his ...?", "Which city wanted their ...?": the question word is
    the subject, which a possessive after it may stand for. `lower`: the words, lowercased."""
    if not lower:
        return False
    # "Who returned", "Which city wanted": no auxiliary before the verb ("What did ...").
    after = {"who": lower[1:2], "which": lower[1:3], "what": lower[1:3]}.get(lower[0], [])
    wanted = 1 if lower[0] == "who" else 2
    return len(after) == wanted and not set(after) & AUXILIARIES


def ellipsis(question: str) -> Ellipsis | None:
    """The fragment `question` is, or None if it is a whole question."""
    text = question.strip().rstrip("?!. ").strip()
    for lead in (_CORRECTION, _SAME_FOR):
        found = lead.match(text)
        rest = text[found.end() :].strip() if found else ""
        tokens = words(rest)
        if (
            rest
            and len(tokens) <= _FRAGMENT_WORDS
            and not {t.lower() for t in tokens} & (WH | AUXILIARIES)
        ):
            return Ellipsis(instead=rest)
    first = WORD.search(text)
    joined = first is not None and first.group().lower() in LEADING_CONJUNCTIONS
    if first is not None and joined:
        text = text[first.end() :].lstrip(" ,")  # "and on November 19" -> "on November 19"
    tokens = words(text)
    if not tokens:
        return None
    lower = [t.lower() for t in tokens]
    if lower[0] in WH and (len(lower) == 1 or (len(lower) == 2 and lower[1] in _BARE_TAILS)):
        return Ellipsis(question_word=lower[0])
    if lower == ["what", "for"] or lower in _WHY_THAT:
        return Ellipsis(question_word="why")  # "What for?", "Why is that?" ask why
    if len(lower) == 2 and lower[0] in PREPOSITIONS and lower[1] in _ASKED_AFTER_PREPOSITION:
        # "By whom?", "Since when?"; "by who?" as people type it.
        asked = "whom" if lower[1] == "who" else lower[1]
        return Ellipsis(question_word=f"{lower[0]} {asked}")
    if len(lower) == 2 and lower[0] in _ASKED_AFTER_PREPOSITION and lower[1] in PREPOSITIONS:
        # The preposition stranded, as people say it: "Who to?" asks "To whom?", "Where
        # from?" "From where?" ("What for?" asks why, above).
        asked = "whom" if lower[0] == "who" else lower[0]
        return Ellipsis(question_word=f"{lower[1]} {asked}")
    kind = lower[2:]
    if (
        len(lower) > 1
        and lower[0] in PREPOSITIONS
        and lower[1] in ("which", "what")
        and 1 <= len(kind) <= _KIND_WORDS
        and not set(kind) & (_NOT_A_KIND | PREPOSITIONS)
    ):
        return Ellipsis(question_word=" ".join(lower))
    # "How much?", "for how long?": a measure asked of the last question.
    measure = lower[1:] if lower[0] in PREPOSITIONS else lower
    if len(measure) == 2 and measure[0] == "how" and measure[1] in _MEASURES:
        return Ellipsis(question_word=" ".join(lower))
    about = _ABOUT.match(text)
    if about and text[about.end() :].strip():
        return Ellipsis(instead=text[about.end() :].strip())
    if len(tokens) > _FRAGMENT_WORDS or set(lower) & (WH | AUXILIARIES):
        return None
    if joined or lower[0] in PREPOSITIONS or COMPARING.match(text) or moves_time(text):
        return Ellipsis(instead=text)
    day = only_a_day(text)  # "November 19?" after a question about November 23
    return Ellipsis(instead=f"on {day}") if day is not None else None


# "compared with last year?", "versus 2023?": the last question, set against another.
COMPARING = re.compile(
    r"^(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|as\s+opposed\s+to)\b",
    re.IGNORECASE,
)


# Words that complete a bare verb without naming anything ("Who was inside?", "Who
# stepped down?").
_PARTICLES = frozenset("inside outside out up off away back down over first".split())
# A bare question has at most this many words past its question word and auxiliaries.
_BARE_WORDS = 2


def bare(question: str) -> bool:
    """Whether `question` is a question word and a verb with nothing they are about:
    "Who was inside?", "How many died?", "Who attended?". It names no one and no thing,
    so it asks about what was just talked about (inside the building just named, died
    in the strike just asked about), as a pronoun would."""
    lower = [word.lower() for word in words(question)]
    if lower[:1] and lower[0] in LEADING_CONJUNCTIONS:
        lower = lower[1:]
    if not lower or lower[0] not in WH:
        return False
    rest = lower[2:] if lower[0] == "how" and lower[1:2] in (["many"], ["much"]) else lower[1:]
    helped = any(word in AUXILIARIES for word in rest)  # "Who was inside?": a verb in all
    rest = [word for word in rest if word not in AUXILIARIES]
    if not 0 < len(rest) <= _BARE_WORDS:
        return False  # before the verb forms: they may load the English word list
    verbs = [word for word in rest if is_verb_form(word)]
    others = [word for word in rest if word not in verbs]
    return 0 < len(rest) <= _BARE_WORDS and bool(verbs or helped) and set(others) <= _PARTICLES


def refers_back(question: str) -> bool:
    """Whether `question` leans on the conversation (see the module's docstring)."""
    return bool(pointers(question)) or ellipsis(question) is not None or bare(question)
