"""A count is no age.

"How old was Captain Johan Aaberg when he died?" was answered "23" (0.94) of "Of the 31
people on board, 23 died, including the captain, Johan Aaberg.": the number of the dead,
in the sentence that names him. An article gives an age with words that say so: "aged
68", "at the age of 17", "a 52-year-old", "68 years old", "when she was 17", or set off
by commas after a name ("Baird, 68, said"). Where "how old" is asked, a span that is a
bare number with none of these around it is set aside, so the other spans are weighed
or the question withheld.

"How old is Helmut Brandauer?" asks the age the article sets beside that name ("Helmut
Brandauer, 61, who ..."): `person_aged` and `age_beside` find it for qa.bot, and a span
that is the age set beside another name is set aside.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from qa.cardinals import CARDINALS
from qa.counted import counts_asked
from qa.person_nouns import names_a_role
from qa.reading import ReadSpan
from qa.time_of_day import CLOCK_TIME

_AGE_ASKED = re.compile(r"\bhow\s+old\b|\bwhat\s+age\b|\bat\s+what\s+age\b", re.IGNORECASE)
# A number alone: digits or number words, nothing that says what it measures.
# Any word of age: "What is her age?", "the older brother", "aged".
_AGE_WORD = re.compile(r"\b(?:ages?|aged|old|older|oldest)\b", re.IGNORECASE)
_BARE = re.compile(
    rf"^(?:about\s+|around\s+|nearly\s+|almost\s+)?(?:\d[\d,.]*|(?:[a-z]+-)?(?:{CARDINALS}))$",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    r"\b(?:aged?|age\s+of|was|is|were|are|turned|turns|turning|be|been)\s+"
    r"(?:now\s+|then\s+|only\s+|just\s+)?$",
    re.IGNORECASE,
)
_NAME_COMMA = re.compile(r"(?-i:[A-Z])[\w’'-]*\s*,\s*$")
_AFTER = re.compile(r"^[\s-]*(?:years?|yrs?)\b", re.IGNORECASE)


def not_counts(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less an age set beside a name where `question` asks no age; less bare
    numbers that the article does not give as an age, where `question` asks how old
    (`text`: the article the spans' offsets are in); where it asks "how old", less
    spans that hold no amount of time at all ("Prime Minister" for "How old is he?"),
    tell a clock time ("6 a.m.") or an amount no age is told in ("68 million", "$40")."""
    if _AGE_ASKED.search(question) is None:
        if _AGE_WORD.search(question):  # "What is Rachel Ostrowski's age?"
            return list(spans)
        # An age set beside a name answers nothing else: "Marcus Oyelaran, 44," is no
        # year, no count and no time in office ("How long has he been chief?"). The
        # reader's runner-up beside it may, where it counts what is asked: "22 hectares"
        # of "said Odile Marchand, 54, who farms 22 hectares", asked how many hectares she
        # has (not "two" of "lives two blocks from the river", asked her grandchildren).
        kept = []
        for span in spans:
            if not _beside_a_name(span, text):
                kept.append(span)
                continue
            beside = span.beside() if span.margin > 0 else None
            if beside is not None and counts_asked(beside, question, text):
                kept.append(beside)
        return kept
    kept = [span for span in spans if not _BARE.match(span.text.strip()) or _aged(span, text)]
    if _HOW_OLD.search(question) is None:
        return kept  # "What age ...?" asks for an era as often ("the Bronze Age")
    if _OF_MANY.search(question):
        # "How old are her kids?": an age beside one name ("Priya Anand, 34,") is hers.
        kept = [span for span in kept if not _beside_a_name(span, text)]
    return [
        span
        for span in kept
        if _AN_AGE.search(_NOT_OF_TIME.sub(" ", span.text))
        and not _CLOCK.search(span.text)
        and not _no_age(span.text)
        and not _a_term(span, text)
        and not _someone_elses(span, text, question)
    ]


# Amounts no age is told in: money, a share, and millions of anything but years ("68
# million" of "a club-record fee of 68 million euros", read for "How old is Jonah
# Okwell?"; "68 million years" is a fossil's age).
_MONEY_OR_SHARE = re.compile(r"[$€£¥%]|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)
_MILLIONS = re.compile(r"\b(?:million|billion|trillion)\b", re.IGNORECASE)
# Nor a measure: "18 feet" (of "18 feet deep", read for "How old is Raymond Tsai?").
_MEASURE = re.compile(
    r"\d\s*(?:feet|foot|ft|inch(?:es)?|yards?|miles?|metres?|meters?|kilometres?|kilometers?|"
    r"km|cm|mm|tonnes?|tons?|kilograms?|kg|pounds|lbs?|litres?|liters?|gallons?|hectares?|"
    r"acres?|degrees?|mph|knots?)\b",
    re.IGNORECASE,
)


def _no_age(answer: str) -> bool:
    """Whether `answer` tells an amount that no age is told in."""
    if _MEASURE.search(answer):
        return True
    if _MONEY_OR_SHARE.search(answer) or _ORDINAL.fullmatch(answer.strip()):
        return True  # nor a rank: "31st" (of "the 31st car") for "How old is Reyes?"
    return _MILLIONS.search(answer) is not None and _TIME_SPAN.search(answer) is None


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


# A span of time: an age where it is "old" or "ago" ("150 years old", "built 150 years
# ago"), or said to be one ("aged"); otherwise how long something lasted ("a sentence of
# no more than eight years", for "How old is Halvorsen?").
_TIME_SPAN = re.compile(r"\b(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies))\b", re.I)
_OLD = re.compile(r"\bold\b|\bago\b", re.IGNORECASE)
_OLD_AFTER = re.compile(r"^[\s-]*(?:old|ago|of\s+age)\b", re.IGNORECASE)


def _a_term(span: ReadSpan, text: str) -> bool:
    """Whether `span` tells a span of time that the words around it give as no age."""
    if not _TIME_SPAN.search(span.text) or _OLD.search(span.text):
        return False
    before = text[max(0, span.start - 40) : span.start]
    after = text[span.end : span.end + 12]
    return not (_OLD_AFTER.match(after) or _AGED_BEFORE.search(before))


# "Reinholt, 34," or "Reinholt, a 34-year-old ...": an age set beside a name.
_NAME_BEFORE_AGE = re.compile(
    r"(?:(?<![\w’'-])(?P<given>(?-i:[A-Z])[\w’'-]+)\s+)?"
    r"(?P<name>(?-i:[A-Z])[\w’'-]+)\s*,\s*(?:aged\s+|(?:a|an)\s+)?$"
)


def _someone_elses(span: ReadSpan, text: str, question: str) -> bool:
    """Whether `span` is an age the article sets beside another name than the one
    `question` asks the age of ("How old is Frieda Molnar?" / "Reinholt, 34,")."""
    asked = person_aged(question)
    if asked is None:
        return False
    before = _NAME_BEFORE_AGE.search(text[max(0, span.start - 40) : span.start])
    if before is None:
        return False
    names = asked.split()
    if before["name"] not in names:
        return True
    # The same surname with another given name: "Marit Halden, 39," is not Pavel Halden's.
    given = before["given"]
    return (
        given is not None
        and len(names) > 1
        and given not in names
        and not names_a_role(given.lower())
    )


_AGED_BEFORE = re.compile(r"\b(?:aged?|age\s+of)\s+$", re.IGNORECASE)


_HOW_OLD = re.compile(r"\bhow\s+old\b", re.IGNORECASE)
# The age of many asked: "How old are they?", "how old were the victims".
_OF_MANY = re.compile(r"\bhow\s+old\s+(?:are|were)\b", re.IGNORECASE)
# What an age is told with: a number, or a span of time ("several centuries"; "the
# fifth-oldest", as reference text compares).
_AN_AGE = re.compile(
    rf"\d|\b(?:{CARDINALS})|teens?\b|ties\b|hundred|dozen|years?\b|decades?\b|centur|"
    r"months?\b|weeks?\b|days?\b|old",
    re.IGNORECASE,
)
_CLOCK = re.compile(CLOCK_TIME, re.IGNORECASE)
# A number joined to what it counts that is no time: "two-person" (crew), "12-storey".
_NOT_OF_TIME = re.compile(
    rf"\b(?:\d+|{CARDINALS})-(?!(?:years?|months?|weeks?|days?|decades?|centur\w*|old)\b)"
    r"[^\W\d_]+",
    re.IGNORECASE,
)


def _set_off_after_a_name(span: ReadSpan, text: str) -> bool:
    """Whether `span` is set off by commas after a name ("Baird, 68, said"; not "on
    board, 23 died")."""
    before = text[max(0, span.start - 40) : span.start]
    after = text[span.end : span.end + 12]
    return _NAME_COMMA.search(before) is not None and after.lstrip().startswith(",")


def _beside_a_name(span: ReadSpan, text: str) -> bool:
    """Whether `span` is a bare number set off by commas after a name ("Baird, 68,")."""
    return _BARE.match(span.text.strip()) is not None and _set_off_after_a_name(span, text)


def _aged(span: ReadSpan, text: str) -> bool:
    """Whether the words around `span` give it as an age: "aged 68", "68 years", or set
    off by commas after a name ("Baird, 68, said")."""
    before = text[max(0, span.start - 40) : span.start]
    after = text[span.end : span.end + 12]
    return bool(_BEFORE.search(before) or _AFTER.match(after)) or _set_off_after_a_name(span, text)


# "How old is Helmut Brandauer?", "How old was Dr. Tomasz Okafor?": a person's age asked,
# and nothing more (not "How old was he when he died?").
_AGE_OF = re.compile(
    r"^how\s+old(?:\s+(?:is|was)|[’']s)\s+(?P<name>(?:(?-i:[A-Z])[\w’'.-]*\s+){0,3}(?-i:[A-Z])[\w’'-]*)"
    r"(?:\s+(?:now|today|exactly))?\s*\??$",
    re.IGNORECASE,
)


# "How old is the prime minister?": the age of a role's holder. Its words may have the
# capital of the article's title ("the Fire chief" of "Fire Chief Daniel Vokes", as typed
# words are mended to the article's).
_ROLE_AGE = re.compile(
    r"^how\s+old(?:\s+(?:is|was)|[’']s)\s+(?P<role>the(?:\s+[^\W\d_][\w-]*){1,4})\s*\??$",
    re.IGNORECASE,
)


def role_aged(question: str) -> str | None:
    """The role whose holder's age `question` asks ("the prime minister"), in small
    letters, or None (for a name: "How old is the Eiffel Tower?")."""
    found = _ROLE_AGE.match(question.strip())
    if found is None:
        return None
    role = found["role"]
    if role != role.lower() and not names_a_role(role.lower()):
        return None
    return role.lower()


def person_aged(question: str) -> str | None:
    """The name whose age `question` asks, as it is written there ("Helmut Brandauer"),
    or None for any other question."""
    found = _AGE_OF.match(question.strip())
    return found["name"] if found is not None else None


def age_beside(name: str, sentence: str) -> tuple[int, int] | None:
    """Where `sentence` gives the age of `name` (or of its last word, a surname, where no
    other given name comes before it: "Tomas Reiner, 34," is not Elena Reiner's age) as
    news writes it: "Helmut Brandauer, 61, who ..." ("61"), "... its deputy mayor, Tamsin
    Vale, 52." (the sentence's end), "Reinholt, a 34-year-old
    history teacher", "the 52-year-old Petar Danek" ("34-year-old"); None where it gives
    none."""
    names = [re.escape(name)]
    surname = name.split()[-1]
    if surname != name:
        names.append(re.escape(surname))
    named = rf"(?<![\w’'-])(?P<name>{'|'.join(names)})(?![\w’'-])"
    for pattern in (
        rf"{named}\s*,\s*(?:aged\s+|(?:a|an)\s+)?"
        rf"(?:(?P<age>\d{{1,3}})(?:\s*,|\.?\s*$)|(?P<old>\d{{1,3}}-year-old)\b)",
        rf"(?P<old>\d{{1,3}}-year-old)\s+(?:[\w-]+\s+){{0,3}}?{named}",
    ):
        for found in re.finditer(pattern, sentence):
            if _someone_else_called(found, name, sentence):
                continue
            # As the article words it: "61" of "Brandauer, 61,", "34-year-old" of "a
            # 34-year-old history teacher".
            group = "age" if found.groupdict().get("age") else "old"
            return found.start(group), found.end(group)
    return None


def _someone_else_called(found: re.Match[str], name: str, sentence: str) -> bool:
    """Whether the surname `found` names is another's: a given name not the asked one's
    comes right before it ("Tomas Reiner" for "Elena Reiner")."""
    if found["name"] == name:
        return False
    before = re.search(r"(?-i:[A-Z])[\w’'-]*\s+$", sentence[: found.start("name")])
    return before is not None and before.group().strip() not in name.split()


# "Who is the union president?" read as "Denise Okafor, 52, president of Local 617": the
# name, where a span opens on a name set beside its age.
_ASKS_WHO = re.compile(r"^\W*who(?:[’']?s|se|m)?\b", re.IGNORECASE)
# ... or ending on it: "Commander Ilsa Varnow, 52" (story h48).
_OPENS_ON_AGED_NAME = re.compile(
    r"^(?P<name>(?:(?-i:[A-Z])[\w’'.-]*\s+){0,3}(?-i:[A-Z])[\w’'-]*)\s*,\s*\d{1,3}\s*(?:,|$)"
)


def names_before_ages(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans, each that opens on a name set beside its age cut to the name, and each
    that opens on the age after a name ("58, Qaldor's minister of state" of "said Idris
    al-Manouri, 58, Qaldor's minister ...") taken back to the name, where `question` asks
    who; `text`: the article the spans' offsets are in."""
    if _ASKS_WHO.match(question) is None:
        return list(spans)
    cut = []
    for span in spans:
        found = _OPENS_ON_AGED_NAME.match(span.text)
        if found is not None:
            end = span.start + found.end("name")
            cut.append(replace(span, text=span.text[: found.end("name")], end=end))
            continue
        name = _NAME_SET_OFF.search(text, max(0, span.start - 60), span.start)
        if _OPENS_ON_AGE.match(span.text) and name is not None:
            start, end = name.start("name"), name.end("name")
            cut.append(replace(span, text=text[start:end], start=start, end=end))
            continue
        cut.append(span)
    return cut


# A span opening on an age set off by commas: "58, Qaldor's minister of state".
_OPENS_ON_AGE = re.compile(r"^\d{1,3}\s*,\s")
# A name right before ", ": "Idris al-Manouri" of "said Idris al-Manouri, ".
_NAME_WORD = r"(?:(?:al|el|ad|ibn|bin|de|du|da|di|van|von|le|la)-)?(?-i:[A-Z])[\w’'-]*"
_NAME_SET_OFF = re.compile(
    rf"(?<![\w’'.-])(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*,\s*$"
)
