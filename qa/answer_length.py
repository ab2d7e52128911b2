"""Answer length that fits the question: "What happened on November 23?" wants what
happened, not the two words a SQuAD-trained reader gives a "what" question.

The question's kind comes from its words (cheap rules: "what happened", "why", "what did
X say", "how did X react", ...). For the kinds that want more than a name, a short span
is completed within its sentence to the end of its clause ("rainforest collapse" ->
"rainforest collapse led to a great loss of plant and animal life"), or to the sentence
when that clause is most of it. Which kinds are widened, how far and for which spans was
chosen on the reader's validation split, `python -m tools.answer_length` (table in
docs/measurements.md): a kind is widened only where that did not lower SQuAD token F1
against the gold answers there. SQuAD's "why" answers are short, and the reader already
gives them as a clause, so "why" keeps its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from index.sentences import Sentence
from qa.apposition import name_pattern, whole_title
from qa.dates import date_spans, find_dates
from qa.dates.finding import date_hits
from qa.dates.patterns import WEEKDAYS
from qa.earlier_question import asked_deed, described_thing
from qa.lifespan import one_end
from qa.possessor import owned_noun, owner
from qa.quotes import balance_quotes
from qa.reading import ReadSpan
from qa.referring import DETERMINERS, PREPOSITIONS
from qa.time_of_day import CLOCK_TIME
from qa.verbs import IRREGULAR_PASTS

Kind = Literal["event", "action", "reason", "statement", "manner", "explanation"]
Width = Literal["span", "clause", "clause-end", "sentence"]

# Checked in order: the first pattern that matches the question names its kind. Rules on
# the question words only (cheap, and the same whatever the article): a lowercased
# question with straight apostrophes, "?" or not.
_SUBJECT = r"(?:\w[\w'.-]*\s+){0,8}?"  # "the lebanese foreign ministry", lazily
_KINDS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "reason",
        re.compile(
            r"^(?:and\s+|so\s+)?(?:why|how come)\b"
            r"|\bfor what (?:reason|purpose)\b"
            r"|\bwhat (?:is|was|are|were|'s) the (?:reason|cause|motive|purpose)s?\b"
            r"|^what (?:caused|prompted|led to|triggered|motivated)\b"
        ),
    ),
    (
        # What someone said, or how they reacted (a reaction is mostly a statement, and
        # the split has one reaction question: they are measured and widened together).
        "statement",
        re.compile(
            r"^what (?:did|does|do|has|have|had|will|would) "
            rf"{_SUBJECT}(?:say|state|claim|announce|report|warn|tell|argue|declare"
            r"|accuse|urge|call for|promise|threaten|demand|write)"
            r"(?:$| (?:about|of|on|to|regarding|after|when|that|in response|at)\b)"
            # "What did Virtanen tell reporters?": told someone.
            rf"|^what (?:did|does|do|has|have|had|will|would) {_SUBJECT}tell(?: [\w']+){{1,3}}$"
            r"|^how (?:did|does|do|has|have|had|will|would|was|were|is|are) "
            rf"{_SUBJECT}(?:describe|characteri[sz]e|portray|explain|justify|react|respond"
            r"|reply|answer|greet|receive)"
            r"|^what (?:is|was|are|were|'s) (?:the |an? )?(?:[\w-]+'s? )?(?:[\w-]+ )?"
            r"(?:reaction|response|reply)(?:$| (?:to|of|from|by|after|in)\b)"
        ),
    ),
    (
        "event",
        re.compile(
            r"^what(?:'s| has| had| is| was| will)? (?:happen(?:ed|s|ing)?|occur(?:red|s)?"
            r"|took place|takes place|went on|went wrong|is going on|was going on)\b"
        ),
    ),
    (
        "action",
        re.compile(rf"^what (?:did|does|do|has|have|had|will|would) {_SUBJECT}do\b"),
    ),
    (
        "manner",
        re.compile(
            r"^how (?:did|does|do|has|have|had|will|would|can|could|was|were|is|are) "
            r"(?!many\b|much\b|long\b|old\b|far\b|often\b|big\b|large\b|tall\b)"
        ),
    ),
    (
        "explanation",
        re.compile(r"^(?:please\s+)?(?:explain|describe|tell me about|summari[sz]e)\b"),
    ),
)


@dataclass(frozen=True)
class Widening:
    """How far one kind's answers are widened, and only spans this short (in words; None:
    any span): a longer span already says more than a name."""

    width: Width
    up_to_words: int | None = None


# Chosen on the validation split (tools/answer_length.py; table in docs/measurements.md):
# only events ("what happened") and statements had a widening that did not lower SQuAD
# F1, and only for spans of at most two words completed to their clause's end. Reasons
# ("why"), manner ("how did"), actions ("what did X do") and factoids lost F1 to every
# widening and keep the span. Statements are left as read too: their gain rests on six
# changed answers of 36 (+0.014 F1), too few to change what users are told; events are
# what users ask most when they want the clause (and the issue names them).
WIDTH: dict[Kind, Widening] = {
    "event": Widening("clause-end", 2),
}

# A clause that is this much of its sentence (in characters) is given as the sentence:
# the rest is then a few words, and a whole sentence reads better than one cut short.
MOST_OF_SENTENCE = 0.8

# Where a clause ends and the next begins: punctuation that separates clauses (a comma
# only before a space, so "1,000" stays whole; a hyphen only between spaces) ...
_PUNCTUATION = re.compile(r"[,;:]\s|[—–()]| - ")
# ... and words that open a clause of their own (subordinating and relative words): the
# clause before ends at the space before them, theirs starts at them.
_OPENERS = re.compile(
    r"\b(?:because|after|before|since|although|though|while|whereas|unless|until|when"
    r"|where|which|who|whom|whose|but|so that|in order to|due to)\b",
    re.IGNORECASE,
)
_TERMINAL = ".!?…\"'”’)] \t\n"


def _plain(question: str) -> str:
    """The question as the rules read it: lowercase, straight apostrophes, single spaces."""
    text = question.lower().replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).strip(" ?!.")


def question_kind(question: str) -> Kind | None:
    """Which kind of long answer the question asks for, from its words; None for a
    factoid ("Who ...?", "When ...?", "What was targeted ...?")."""
    plain = _plain(question)
    for kind, pattern in _KINDS:
        if pattern.search(plain):
            return kind
    return None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `text` that holds text[start:end], as offsets in `text`.

    Boundaries inside the span are ignored: the result always contains the span.
    """
    first, last = 0, len(text.rstrip(_TERMINAL))
    for mark in _PUNCTUATION.finditer(text):
        if mark.end() <= start:
            first = max(first, mark.end())
        elif mark.start() >= end:
            last = min(last, mark.start())
    for word in _OPENERS.finditer(text):
        if word.start() <= start:
            first = max(first, word.start())
        elif word.start() >= end:
            last = min(last, word.start())
    # A clause keeps no outer spaces or quotes left by the cut (never inside the span).
    while first < start and text[first] in " \t\n\"'“‘":
        first += 1
    while last > end and text[last - 1] in " \t\n\"'”’":
        last -= 1
    return first, max(last, end)


def widen(
    span: ReadSpan, sentence: Sentence, width: Width, most: float = MOST_OF_SENTENCE
) -> ReadSpan:
    """`span` widened to its clause, to its clause's end, or to its whole `sentence`
    (offsets in the article); a clause that is `most` of its sentence or more becomes the
    sentence.

    The result always contains the span and stays inside the sentence, so it is a
    contiguous slice of the article: its text is sentence.text[start - sentence.start:...].
    """
    if width == "span":
        return span
    # The span's offsets inside the sentence, clamped (a span never crosses a sentence).
    start = min(max(span.start - sentence.start, 0), len(sentence.text))
    end = min(max(span.end - sentence.start, start), len(sentence.text))
    whole = len(sentence.text) - len(sentence.text.lstrip())
    whole_end = len(sentence.text.rstrip())
    if width in ("clause", "clause-end"):
        first, last = _clause_bounds(sentence.text, start, end)
        if width == "clause-end":  # the span completed to its clause's end, no further back
            first = start
        if last - first < most * (whole_end - whole):
            whole, whole_end = first, last
    first, last = min(whole, start), max(whole_end, end)
    return replace(
        span,
        text=sentence.text[first:last],
        start=sentence.start + first,
        end=sentence.start + last,
    )


def fit_answer(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """The span to answer `question` with: the reader's `span`, widened within its
    `sentence` as WIDTH says for the question's kind (an event, what someone said or how
    they reacted), a title completed ("Who is Mazón?": "Regional president", not
    "president"), and with no half pair of quotation marks (qa.quotes)."""
    span = _without_the_day(question, _owner_asked(question, span, sentence))
    span = _whole_day(question, span, sentence)
    span = one_end(question, _since(question, _one_count(question, span), sentence))
    span = _how_often(question, span)
    span = _occupation_only(question, span)
    span = _with_its_noun(question, span, sentence)
    span = _described_as(question, _whole_owner_name(span, sentence))
    said = _said_content(question, _before_the_deed(question, span), sentence)
    return balance_quotes(_titled(question, _widened(question, said, sentence), sentence), sentence)


def _owner_asked(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """The name owning the noun "Which country's ambassador ...?" asks about, where the
    span's sentence writes it as a possessive before that noun (qa.possessor); else
    `span` as it is."""
    noun = owned_noun(question)
    found = owner(noun, sentence.text) if noun is not None else None
    if found is None:
        return span
    start, end = sentence.start + found[0], sentence.start + found[1]
    return replace(span, text=sentence.text[found[0] : found[1]], start=start, end=end)


# "When ...?", "What time ...?", "On what day ...?": a time asked.
_WHEN_ASKED = re.compile(r"^\W*(?:when\b|(?:\w+\s+)?what\s+(?:time|day|date)\b)", re.I)
# What completes a day read alone ("Tuesday", "Friday"): "last Tuesday", "at 11:40 p.m.
# on Friday", written right before it.
_DAY_BEFORE = re.compile(
    rf"(?:\b(?:last|next|this|early|late)\s+|(?:\bat\s+)?{CLOCK_TIME}\s+on\s+)$",
    re.IGNORECASE,
)
_A_DAY = re.compile(rf"^(?:{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)


def _whole_day(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """A day asked for, with the words right before it that say which ("last Tuesday")
    or at what time ("11:40 p.m. on Friday"); else `span` as it is."""
    if _WHEN_ASKED.match(question) is None or _A_DAY.match(span.text) is None:
        return span
    start = span.start - sentence.start
    before = _DAY_BEFORE.search(sentence.text, 0, start)
    if before is None:
        return span
    text = sentence.text[before.start() : span.end - sentence.start]
    return replace(span, text=text, start=sentence.start + before.start())


# "How much ...?", "By how many ...?": an amount asked, not when.
_AMOUNT_ASKED = re.compile(r"\bhow\s+(?:much|many)\b", re.IGNORECASE)
# Before a date that ends an amount: "half a percentage point on Thursday, October 9".
_DAY_LED = re.compile(r"\s+(?:on|in|by|at|during|as\s+of)\s+$", re.IGNORECASE)
# ... the date ending the span or its clause ("..., lifting it to 6.25 percent").
_PART_OF_DAY = re.compile(r"^\s*(?:morning|afternoon|evening|night)?(?:\W*$|\s*,)", re.IGNORECASE)


def _without_the_day(question: str, span: ReadSpan) -> ReadSpan:
    """An amount asked for, without the day the span runs on to ("half a percentage
    point on Thursday, October 9" -> "half a percentage point"). Else `span` as it is."""
    if _AMOUNT_ASKED.search(question) is None or find_dates(question):
        return span
    for _, hit in date_hits(span.text):
        led = _DAY_LED.search(span.text, 0, hit.start())
        if led is not None and _PART_OF_DAY.match(span.text[hit.end() :]):
            break
    else:
        return span
    amount = span.text[: led.start()]
    if not _COUNTS.search(amount) and not re.search(r"\b(?:half|quarter)\b", amount, re.I):
        return span
    return replace(span, text=amount, end=span.start + len(amount))


# "How many ...?": a count, then "and" and another deed's verb ("six miners and injured
# 11" of "a methane explosion in 2018 that killed six miners and injured 11").
_HOW_MANY = re.compile(r"^\W*how\s+many\b", re.IGNORECASE)
_COUNT_THEN_DEED = re.compile(
    r"^(?P<count>.+?)\s*,?\s+and\s+(?:[a-z]+ed|left|hurt|made|took|sent|saw|won|lost)\b"
)


def _one_count(question: str, span: ReadSpan) -> ReadSpan:
    """A count question's answer up to the count, where the span runs on with "and"
    into another deed ("six miners and injured 11" -> "six miners"). Else `span`."""
    if _HOW_MANY.match(question) is None:
        return span
    found = _COUNT_THEN_DEED.match(span.text)
    if found is None or not _COUNTS.search(found["count"]):
        return span
    return replace(span, text=found["count"], end=span.start + len(found["count"]))


# "How often ...?" asks a frequency: "twice a day", not "37 pumping stations and 12
# storage tanks twice a day" (what is visited that often).
_HOW_OFTEN = re.compile(r"\bhow\s+(?:often|frequently)\b", re.IGNORECASE)
_UNIT = r"(?:day|week|month|year|hour|minute|night|season|shift|fortnight)"
_FREQUENCY = re.compile(
    rf"(?<![\w-])(?:(?:once|twice|thrice|(?:\w+|\d+(?:[-–]\d+)?)\s+times)(?:\s+(?:a|an|per|each|every)\s+{_UNIT})?"
    rf"|every\s+(?:(?:\w+|\d+)\s+)?{_UNIT}s?|(?:(?:bi|semi)-?)?(?:daily|weekly|monthly|yearly|annually|hourly"
    r"|nightly))\b",
    re.IGNORECASE,
)


def _how_often(question: str, span: ReadSpan) -> ReadSpan:
    """A frequency question's answer cut to the frequency its span writes ("twice a
    day"), where the span says more; else `span`."""
    if _HOW_OFTEN.search(question) is None:
        return span
    found = _FREQUENCY.search(span.text)
    if found is None or found.group() == span.text:
        return span
    start, end = span.start + found.start(), span.start + found.end()
    return replace(span, text=found.group(), start=start, end=end)


# "What cut did Iceland want?" is not answered "deeper" of "a deeper cut of 25 percent":
# a word that describes the thing asked is said with it, and with the figure it is of.
# (Only with the figure: on the validation split, "plastic" read as "plastic dome",
# "religious" as "religious groups", lost more answers than it made.)
_NOUN_AFTER = re.compile(
    r"\s+(?P<noun>[a-z][a-z-]*)\s+of\s+(?:about\s+|some\s+|nearly\s+|up\s+to\s+|"
    r"no\s+more\s+than\s+|at\s+least\s+)?[$€£]?\d[\d.,]*(?:\s*(?:%|percent|per\s+cent|"
    r"[a-z]+))?"
)
# A word that compares ("deeper", "steepest"): it describes the thing, is not it.
_ONE_WORD = re.compile(r"[a-z][a-z-]*(?:er|est)")
# A count, an amount, a length or an age is asked: a number word is its whole answer.
_MEASURE_ASKED = re.compile(r"\bhow\s+(?:many|much|long|old|far|big|large)\b", re.IGNORECASE)
_NOT_NOUNS = (
    PREPOSITIONS | DETERMINERS | frozenset("who whom whose which that other and or but".split())
)


def _with_its_noun(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """A span of one comparing word followed by a noun the question asks about and the
    figure it is of ("deeper" before "cut of 25 percent"), reaching over both ("deeper
    cut of 25 percent"); else `span`."""
    if _ONE_WORD.fullmatch(span.text) is None or _MEASURE_ASKED.search(question):
        return span  # "three" of "three of them" counts: "How many ...?" is answered
    found = _NOUN_AFTER.match(sentence.text, span.end - sentence.start)
    if found is None:
        return span
    noun = found["noun"]
    if noun in _NOT_NOUNS or noun.endswith("ed"):
        return span  # "nurse who ...", "ammonia ruptured": no noun after it
    asked = {w.lower() for w in re.findall(r"[A-Za-z-]+", question)}
    if noun not in asked and noun.removesuffix("s") not in asked:
        return span
    end = sentence.start + found.end()
    return replace(span, text=span.text + found.group(), end=end)


# "How long has Stoev been her coach?": a time since which, read as its point alone ("14"
# of "has coached Arkova since she was 14"), is an answer only with its "since".
_HOW_LONG = re.compile(r"^\W*(?:for\s+)?how\s+long\b", re.IGNORECASE)
# "since", then at most three words of its clause, right before the span.
_SINCE_BEFORE = re.compile(r"\bsince(?:\s+[^\s,;:()]+){0,3}\s+$", re.IGNORECASE)


def _since(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """A "how long" question's answer from the "since" that leads to it in its sentence
    ("14" -> "since she was 14"); else `span` as it is."""
    if _HOW_LONG.match(question) is None:
        return span
    start = span.start - sentence.start
    before = _SINCE_BEFORE.search(sentence.text, 0, max(start, 0))
    if before is None:
        return span
    text = sentence.text[before.start() : span.end - sentence.start]
    return replace(span, text=text, start=sentence.start + before.start())


_COUNTS = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?|thousands?|millions?)\b",
    re.IGNORECASE,
)


# The rest of a name whose first part is a plural owner ("Farmers" of "Farmers' Voice").
_OWNED_NAME_REST = re.compile(r"^['’]\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*")


def _whole_owner_name(span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """The span with the rest of a name it stops inside, at a plural owner's mark: "Green
    Left Union and Farmers" -> "... and Farmers' Voice" (the reader's tokens split the
    mark off). Else `span` as it is."""
    last = span.text.split()[-1] if span.text.split() else ""
    if not (last[:1].isupper() and last.endswith("s")):
        return span
    rest = _OWNED_NAME_REST.match(sentence.text[span.end - sentence.start :])
    if rest is None:
        return span
    added = rest.group()
    return replace(span, text=span.text + added, end=span.end + len(added))


# "How did Lebanon's foreign ministry describe the talks?": how they were described.
_DESCRIBED_HOW = re.compile(
    r"^how\s+(?:did|does|do|has|have|had|was|were|is|are)\s+.*\b"
    r"(?:describe|described|characteri[sz]ed?|portray(?:ed)?|label(?:l?ed)?|regard(?:ed)?)\b",
    re.IGNORECASE,
)
_AS = re.compile(r"\bas\s+(?=\S)")


def _described_as(question: str, span: ReadSpan) -> ReadSpan:
    """How something was described, where the span holds the deed and its "as ..." ("hailed
    the recent round of talks ... as a significant breakthrough" -> "a significant
    breakthrough"). Else `span` as it is."""
    if _DESCRIBED_HOW.match(question.strip()) is None:
        return span
    found = list(_AS.finditer(span.text))
    if not found or found[-1].start() == 0:
        return span
    start = found[-1].end()
    return replace(span, text=span.text[start:], start=span.start + start)


def _before_the_deed(question: str, span: ReadSpan) -> ReadSpan:
    """A who-question's answer without the deed it asked about, where the span runs on
    into it past a comma: "Marta Gil, reported the payments to police" (of "a former
    city official, Marta Gil, reported the payments to police") for "Who reported the
    payments?" is "Marta Gil". Else `span` as it is."""
    asked = asked_deed(question)
    if asked is None:
        return span
    verb = asked.split()[0]
    deed = re.search(rf"\s*[,;]\s+{re.escape(verb)}\b", span.text, re.IGNORECASE)
    if deed is None or deed.start() == 0:
        return span
    return replace(span, text=span.text[: deed.start()], end=span.start + deed.start())


# News tells who said it after what was said ("It will produce cells ..., chief executive
# Lena Virtanen said.") or before it ("According to the Israeli press office, the target
# was ..."): the attribution and the content it sets off with a comma.
_SAID_AFTER = re.compile(
    r"^(?P<content>.+),[’”\"']?\s+(?P<who>[^,]{1,80}?\s(?:said|says|told\s[^,]{1,40}|added|stated"
    r"|wrote|reported|announced))[.!]?[’”\"']?\s*$"
)
_NAME_WORD = re.compile(r"\b[A-Z][\w’'-]+")  # a capitalised word: who said it
_FEW_WORDS_SAID = 3
_SAID_BEFORE = re.compile(r"^(?P<who>According\s+to\s[^,]{1,80}),\s+(?P<content>.+?)[.!]?\s*$")
# '"Nobody knocked on our door," said Tom Hale, a 67-year-old retired teacher ...': a
# quotation, then the verb of saying before who said it.
_SAID_INVERTED = re.compile(
    r"^(?P<content>[\"“‘'].+?),[’”\"']\s+(?P<who>(?:said|says|added|asked)\s+(?-i:[A-Z]).*?)"
    r"[.!]?\s*$"
)
# "Gusts of up to 60 miles per hour pushed the flames toward the town, said Battalion Chief
# Diane Okafor of the county fire department.": the same without quotation marks.
# Not "Captain Rolf Anders, 61, chairman of the association, said Reiner was "one of
# the most experienced pilots we have"": a name then a verb or a quotation is what was
# said, not who said it.
_SAID_INVERTED_PLAIN = re.compile(
    r"^(?P<content>[^\"“‘'].+?),\s+(?P<who>(?:said|says|added)\s+(?-i:[A-Z])"
    r"(?:(?![\"“”]|\b(?:was|is|were|are|had|has|have|would|will|could|should|that)\b).)*?)"
    r"[.!]?\s*$"
)


def _said_content(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """What was said, for "What did X say?" answered inside the attribution ("chief
    executive" of "It will produce cells for up to 300,000 electric cars a year, chief
    executive Lena Virtanen said." names who said it, never what: the reader's span for
    "What did Lena Virtanen say?") or inside part of what the one the question names
    said. Else `span` as it is."""
    if question_kind(question) != "statement":
        return span
    text = sentence.text
    found = (
        _SAID_AFTER.match(text)
        or _SAID_BEFORE.match(text)
        or _SAID_INVERTED.match(text)
        or _SAID_INVERTED_PLAIN.match(text)
    )
    if found is None:
        return span
    start, end = span.start - sentence.start, span.end - sentence.start
    who_start, who_end = found.span("who")
    first, last = found.span("content")
    inside_who = who_start <= start and end <= who_end
    # Part of what the one asked about said ("hydroelectric power" of "Volta chose
    # Finland ... because of its cheap hydroelectric power, Virtanen told reporters."):
    # all of it, as it is the answer to what they said.
    named = {w.lower() for w in _NAME_WORD.findall(found["who"])}
    asked = {w.lower() for w in _NAME_WORD.findall(question)}
    # A few words of what was said ("hydroelectric power"; a longer span already says
    # it, as the event kind's widening keeps one), or what was said with the attribution
    # after it (the whole sentence), where the attribution names someone the question does.
    few = len(span.text.split()) <= _FEW_WORDS_SAID
    runs_on = who_start >= last and end > who_start  # into an attribution after it
    inside_said = first <= start < last and ((end <= last and few) or runs_on)
    if not (inside_who or (inside_said and named & asked)):
        return span
    while first < last and text[first] in "\"'“‘":
        first += 1
    while last > first and text[last - 1] in "\"'”’,":
        last -= 1
    return replace(
        span, text=text[first:last], start=sentence.start + first, end=sentence.start + last
    )


def _titled(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """`span` from the start of the title it ends, for "Who is <name>?" (whole_title)."""
    asked = described_thing(question)
    if asked is None or not question.lower().startswith("who"):
        return span
    start = span.start - sentence.start
    first = whole_title(asked, sentence.text, start, span.end - sentence.start)
    if first == start:
        return _described_after(asked, span, sentence)
    return replace(
        span, text=sentence.text[first : span.end - sentence.start], start=sentence.start + first
    )


# A title of one short word ("Dr", "Sen.", "CEO") says little of who someone is; the clause
# the article sets after the name ("Dr Peter Mwangi, who led the trial in Kenya") says it.
_SHORT_TITLE = 4


def _described_after(asked: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """`span` through the asked name and the "who ..." clause after it, where `span` is a
    one-word short title right before the name ("Who is Peter Mwangi?": "Dr" -> "Dr Peter
    Mwangi, who led the trial in Kenya"); else `span` as it is."""
    title = span.text.strip().rstrip(".")
    if " " in title or not title[:1].isupper() or len(title) > _SHORT_TITLE:
        return span
    end = span.end - sentence.start
    name = name_pattern(asked)
    if name is None:
        return span
    after = re.compile(rf"\.?\s+(?i:{name}),\s+who\s+[^,.;:()]+").match(sentence.text, end)
    if after is None:
        return span
    return replace(
        span,
        text=sentence.text[span.start - sentence.start : after.end()],
        end=sentence.start + after.end(),
    )


def _widened(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan:
    kind = question_kind(question)
    widening = WIDTH.get(kind) if kind is not None else None
    if widening is None:
        return span
    if widening.up_to_words is not None and len(span.text.split()) > widening.up_to_words:
        return span
    widened = widen(span, sentence, widening.width)
    if kind == "event" and _bare_deed(span.text):
        # "collapsed" of "... after part of the Karrow Ridge gold mine collapsed early on
        # Wednesday": what happened is what collapsed too (story h10).
        widened = _with_its_doer(widened, sentence)
    if kind == "event" and find_dates(widened.text) & find_dates(question):
        return _what_happened_then(question, span, sentence) or widen(span, sentence, "sentence")
    return widened


# "What does she do?", "What does Mirela Danescu do for a living?": an occupation asked.
_OCCUPATION_ASKED = re.compile(
    r"^\W*what\s+(?:does|did|do)\s+.+?\s+do(?:\s+for\s+(?:a\s+)?(?:living|work))?\W*$",
    re.IGNORECASE,
)
# "a nursing student who was sitting on the upper deck": the noun, then who they are.
_NOUN_THEN_CLAUSE = re.compile(
    r"^(?P<noun>(?:a|an)\s+[^,;:]+?)(?:\s*,)?\s+(?:who|which|that|whose)\s", re.IGNORECASE
)


def _occupation_only(question: str, span: ReadSpan) -> ReadSpan:
    """For "What does she do?", the noun of what she is, without the clause after it ("a
    nursing student", not "... who was sitting on the upper deck with her younger
    brother": story h47)."""
    if _OCCUPATION_ASKED.match(question) is None:
        return span
    found = _NOUN_THEN_CLAUSE.match(span.text)
    if found is None:
        return span
    noun = found["noun"]
    return replace(span, text=noun, end=span.start + len(noun))


def _bare_deed(text: str) -> bool:
    """Whether `text` is a verb in the past alone ("collapsed", "sank"): a deed without
    its doer."""
    word = text.strip().lower()
    return " " not in word and word.isalpha() and (word.endswith("ed") or word in IRREGULAR_PASTS)


# A clause's opening word, before the doer: "after part of the mine collapsed".
# (A relative word, "who drowned", opens no doer: the deed is left as read.)
_OPENER_WORD = re.compile(
    r"(?:after|before|since|when|while|because|as|until|who|which|that)\s+", re.IGNORECASE
)


def _with_its_doer(span: ReadSpan, sentence: Sentence) -> ReadSpan:
    """`span` (a deed completed to its clause's end) from its clause's start, less the
    word opening the clause: "part of the Karrow Ridge gold mine collapsed early on
    Wednesday"; as it is where the clause is most of the sentence."""
    start, end = span.start - sentence.start, span.end - sentence.start
    first, _ = _clause_bounds(sentence.text, start, end)
    opener = _OPENER_WORD.match(sentence.text, first)
    if opener is not None:
        first = opener.end()
    if first >= start or end - first >= MOST_OF_SENTENCE * len(sentence.text):
        return span
    return replace(span, text=sentence.text[first:end], start=sentence.start + first)


# "..., when the Israeli military launched a strike": what happened, after the date.
_WHEN_AFTER = re.compile(r"\s*,\s+when\s+(?P<what>[^;:]+?)[.!]?\s*$", re.IGNORECASE)
# Words before a date that only say when ("in the early hours of", "on the morning of").
_WHEN_WORDS = re.compile(
    r"(?:\s+(?:on|in|at|during|by|of|late|early|the|hours|morning|afternoon|evening|night))*"
    r"[\s,]*$",
    re.IGNORECASE,
)
_OPENER_FIRST = re.compile(rf"^(?:{_OPENERS.pattern})\s+", re.IGNORECASE)
_EVENT_WORDS = 2  # "a fire": fewer words than this say no event


def _what_happened_then(question: str, span: ReadSpan, sentence: Sentence) -> ReadSpan | None:
    """What happened on the day "What happened on <day>?" asks, where the span's clause
    holds that day: the clause without its date ("The symphony was first performed in
    Copenhagen on 22 April 1882 under the conductor ..." -> "The symphony was first
    performed in Copenhagen"), or the "when" clause after the date ("Tensions escalated in
    the early hours of November 19, when the Israeli military launched a strike ..." -> "the
    Israeli military launched a strike ...": the date's own clause says only when). None
    where neither says an event: the sentence is then given whole."""
    text = sentence.text
    start, end = span.start - sentence.start, span.end - sentence.start
    first, last = _clause_bounds(text, start, end)
    dates = [d for d in date_spans(text, find_dates(question)) if first <= d[0] < last]
    if not dates:
        return None
    date_start, date_end = dates[0]
    after = _WHEN_AFTER.match(text, date_end)
    if after is not None:
        cut = after.span("what")
    else:
        before = _WHEN_WORDS.sub("", text[first:date_start])
        opener = _OPENER_FIRST.match(before)
        cut = (first + (opener.end() if opener else 0), first + len(before))
    if len(text[cut[0] : cut[1]].split()) < _EVENT_WORDS:
        return None
    return replace(
        span, text=text[cut[0] : cut[1]], start=sentence.start + cut[0], end=sentence.start + cut[1]
    )


def fit_span(question: str, span: ReadSpan | None, sentences: list[Sentence]) -> ReadSpan | None:
    """fit_answer for the span chosen among an article's `sentences` (None stays None)."""
    if span is None:
        return None
    return fit_answer(question, span, sentences[span.position])
