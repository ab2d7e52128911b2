"""A count of what the question counts.

"How many ships were waiting at anchor?" read "9,200" in "an estimated 9,200 containers
were stuck on the quayside or aboard vessels waiting at anchor" over "17" in "17 ships
were anchored in the outer roads": the first sentence has the question's other words, the
second what it counts. Where a question asks "how many <things>" and some span the reader
read as an answer (its margin over "no answer" above 0) is a number the article writes
just before those things ("17 ships", "642 patients", "14 special trains"), the spans
that count something else are set aside. Where none does, the spans stay as they are:
the article may count them under another name ("residents" for "people").

"How many of the postponed operations were for cancer?" asks a part: the reader read
"1,412" of "Of the 1,412 postponed operations, 219 were cancer procedures", the whole.
A span counting the whole is replaced by the number the reader reads beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.sentences import Sentence
from qa.answerability import NUMBER, fits_type
from qa.cardinals import CARDINALS
from qa.casualties import asked_fate
from qa.lexical import terms
from qa.reading import ReadSpan, set_aside
from qa.time_of_day import CLOCK_TIME
from qa.verbs import is_verb_form

# The words after "how many" (or a question's opening "the number of"), up to two:
# "ships", "special trains". Not "number of" inside a question ("How does the airport
# rank for number of passengers?" asks a rank).
_HOW_MANY = re.compile(
    r"(?:\bhow\s+many|^\W*(?:(?:what|which)(?:'s|\s+is|\s+was|\s+were)\s+)?(?:the\s+)?"
    r"number\s+of)\s+(?P<things>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)",
    re.IGNORECASE,
)
# "How many times ...": "once" and "twice" count times without the word.
_NOT_THINGS = frozenset({"time"})
# Words after a span's number that may stand before what it counts ("17 cargo ships").
_AFTER = re.compile(r"\W*(?:[^\W_][\w'’-]*\W+){0,2}[^\W_][\w'’-]*")


# "How many of the postponed operations were for cancer?": a part of a whole counted.
_PART_OF = re.compile(
    r"\bhow\s+many\s+of\s+(?:the|these|those|its|their|his|her|our)\s+"
    r"(?P<things>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)",
    re.IGNORECASE,
)


# After a count, what makes it a part: "31 of the victims".
_PART = re.compile(r"\s+of\s+(?:the|these|those|its|their|his|her|our|them|us)\b", re.I)


def counted(question: str) -> set[str]:
    """The stemmed words naming what `question` counts ("how many special trains ..."):
    none where it asks no "how many"."""
    found = _HOW_MANY.search(question)
    return set(terms(found["things"])) - _NOT_THINGS if found else set()


# Spans of time: a clock time ("5 a.m.", "10:30"), a length of time or an age ("16
# weeks", "two days", "2,900-year-old").
_UNITS = r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|nights?"
_TIMED = re.compile(
    rf"{CLOCK_TIME}|\b\d{{1,2}}:\d{{2}}\b"
    rf"|(?:\d[\d,.]*|\b(?:{CARDINALS}))[\s-]+(?:{_UNITS})\b",
    re.IGNORECASE,
)
# What a span of time may count: "How many weeks ...?", "How many times ...?".
_TIME_THINGS = set(terms(" ".join(re.findall(r"[a-z]+", _UNITS.replace("(?:y|ies)", "y")))))
_TIME_THINGS |= set(terms("time times period periods season seasons term terms shift shifts"))


# A number with a unit of measure after it: an amount of something. (Not a share: "How
# many of the people are Catholic?" may be answered "40%"; nor a sum: "annual sales"
# and what a thing cost are counted in money.)
_MEASURES = (
    r"tonnes?|tons?|kilo(?:gram|metre|meter)s?|km|kg|miles?|metres?|"
    r"meters?|feet|foot|litres?|liters?|gallons?|hectares?|acres?|degrees?|barrels?"
)
_MEASURED = re.compile(
    rf"(?:\d[\d,.]*|\b(?:{CARDINALS}))(?:\s+(?:million|billion|thousand))?"
    rf"[\s-]*(?:{_MEASURES})(?![\w])",
    re.IGNORECASE,
)
_MEASURE_THINGS = set(terms(re.sub(r"[^a-z ]", " ", _MEASURES.replace("?", ""))))
_MEASURE_THINGS |= set(terms("amount volume distance area weight"))
# A phrase of this many words with no number in it counts nothing ("family-run firm").
_CLAUSE_WORDS = 2
_ANY_NUMBER = re.compile(
    rf"\d|\b(?:{CARDINALS}|hundreds|thousands|millions|dozens?|several|few|handful|all|"
    r"none|no|both|scores|countless|numerous|once|twice)\b",
    re.IGNORECASE,
)


def _uncounted(span: ReadSpan) -> bool:
    """Whether `span` is a clause that names no number (see counting)."""
    return len(span.text.split()) >= _CLAUSE_WORDS and _ANY_NUMBER.search(span.text) is None


def counting(
    spans: Sequence[ReadSpan], question: str, sentences: Sequence[Sentence]
) -> list[ReadSpan]:
    """The spans that count what `question` counts, where one of them leads "no answer";
    otherwise the spans as they are. A span of time never counts things that are not
    time ("5 a.m." for "How many people joined the picket line?")."""
    whole = _PART_OF.search(question)
    if whole is not None:
        return _parts(spans, set(terms(whole["things"])), sentences)
    things = counted(question)
    # "How many died in the ferry capsize?": people counted by what befell them, which
    # news counts without naming them ("raising the death toll ... to 17"), and the words
    # after a number say the fate, not the thing ("41 people died" in 1998 counts "died"
    # too); qa.casualties has judged each count by its fate already (qa.reading).
    if not things or asked_fate(question) is not None:
        return list(spans)
    if not things & _TIME_THINGS:
        spans = set_aside(spans, lambda span: _TIMED.search(span.text) is not None)
    # Nor a measure or a sum ("412,000 tonnes" for "How many Icelandic vessels ...?"), nor a
    # clause that holds no number at all ("many smaller boats would be tied up for months").
    if not things & _MEASURE_THINGS:
        spans = set_aside(spans, lambda span: _MEASURED.search(span.text) is not None)
    spans = set_aside(spans, _uncounted)
    kept = [span for span in spans if _counts(span, things, sentences[span.position])]
    if not any(span.margin > 0 for span in kept):
        # None counts them: a count of something else the question names is no answer
        # ("three" of "crews from three neighbouring grid operators" for "How many
        # workers did the neighbouring grid operators send?"); a count of what it does
        # not name may be of them by another name ("residents" for "people").
        others = set(terms(question)) - things - _asked_phrase(question)
        return set_aside(spans, lambda span: _counts_other(span, others, sentences[span.position]))
    return kept


# The words after "how many" up to a word of no meaning: "Ostrevian extradition
# requests" of "How many Ostrevian extradition requests have ... turned down?" (counted()
# keeps two words, which may not reach the noun).
_ASKED_PHRASE = re.compile(r"\bhow\s+many\s+(?P<words>(?:[^\W\d_][\w'’-]*\s*){1,5})", re.I)


def _asked_phrase(question: str) -> set[str]:
    """The stemmed words of what `question` counts, as far as they go: up to a word of no
    meaning only ("newly promoted clubs" holds a participle)."""
    found = _ASKED_PHRASE.search(question)
    return {term for word in _noun_run(found["words"] if found else "") for term in word}


def _noun_run(words: str, verb_ends: bool = False) -> list[list[str]]:
    """The stemmed terms of each of `words` up to a word of no meaning ("were"), or, where
    `verb_ends`, a verb after the first ("ships anchored")."""
    run: list[list[str]] = []
    for k, word in enumerate(words.split()):
        stemmed = terms(word)
        if not stemmed or (verb_ends and k > 0 and is_verb_form(word.lower())):
            break
        run.append(stemmed)
    return run


def _counts_other(span: ReadSpan, others: set[str], sentence: Sentence) -> bool:
    """Whether `span` is a number written just before a noun of `others` (the question's
    words it does not ask to count): "three neighbouring grid operators"."""
    if not fits_type(NUMBER, span.text, starts_sentence=False):
        return False
    rest = sentence.text[span.end - sentence.start :]
    if rest.startswith("-"):
        return False  # "a 50-person orchestra" counts persons, whatever the question names
    # The words after the number up to a mark, a word of no meaning or a verb after the
    # first: the last of them is what it counts.
    after = _RUN.match(rest)
    run = _noun_run(after.group() if after else "", verb_ends=True)
    return bool(run) and run[-1][-1] in others


# Up to three words after a number, before any mark: "neighbouring grid operators" of
# "three neighbouring grid operators had arrived", "women" of "three women, 101 Class II".
_RUN = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){0,3}")


def _counts(span: ReadSpan, things: set[str], sentence: Sentence) -> bool:
    """Whether `span` holds a number written just before `things`, every one of them: in
    the span ("17 ships") or in the three words after it ("17" of "17 cargo ships were
    ..."; "Six" of "Six people died" for "how many people died")."""
    return _counts_in(span, things, sentence.text, sentence.start)


def _counts_in(span: ReadSpan, things: set[str], text: str, offset: int = 0) -> bool:
    """_counts of a span in `text`, which starts at `offset` of the article."""
    if not fits_type(NUMBER, span.text, starts_sentence=False):
        return False
    after = _AFTER.match(text, span.end - offset)
    said = span.text + (after.group() if after else "")
    return things <= set(terms(said))


def counts_asked(span: ReadSpan, question: str, text: str) -> bool:
    """Whether `span` counts what `question` counts ("22 hectares" for "How many hectares
    does she farm?"; `text`: the article its offsets are in); False for a question that
    counts nothing."""
    things = counted(question)
    return bool(things) and _counts_in(span, things, text)


def _parts(
    spans: Sequence[ReadSpan], whole: set[str], sentences: Sequence[Sentence]
) -> list[ReadSpan]:
    """The spans, each that counts the `whole` a part of which is asked ("1,412" of "Of the
    1,412 postponed operations, 219 were cancer procedures") replaced by the number the
    reader reads beside it in its sentence ("219"), or left out where it reads none."""
    kept: list[ReadSpan] = []
    for span in spans:
        sentence = sentences[span.position]
        if not _counts(span, whole, sentence) or _PART.match(
            sentence.text, span.end - sentence.start
        ):
            kept.append(span)  # "31" of "reimbursed 31 of the victims" is a part
            continue
        beside = span.beside()
        if beside is not None and fits_type(NUMBER, beside.text, starts_sentence=False):
            kept.append(beside)
    return kept


# "What is the population of Marlow Springs?", "How many people live in ...?".
_POPULATION = re.compile(
    r"\bpopulation\b|\bhow\s+many\s+(?:people|residents|inhabitants)\s+(?:live|lived|living)\b",
    re.IGNORECASE,
)
# What a population counts.
_DWELLERS = frozenset(
    "people persons residents inhabitants citizens souls population dwellers locals".split()
)
# The noun right after a count: "customers" of "41,000 customers in Marlow Springs".
_NOUN_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+)?(?P<noun>[a-z]+s)\b")


def of_the_population(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """For a question asking a place's population, the spans less the counts of
    something other than its people: "41,000" of "serves about 41,000 customers in
    Marlow Springs" (`text`: the article the spans' offsets are in). A count of "people"
    or "residents", or with no noun after it ("a town of 6,400"), stays."""
    if _POPULATION.search(question) is None:
        return list(spans)

    def others(span: ReadSpan) -> bool:
        if not fits_type(NUMBER, span.text, False):
            return False
        after = _NOUN_AFTER.match(text[span.end : span.end + 40])
        return after is not None and after["noun"].lower() not in _DWELLERS

    return set_aside(spans, others)


# "How many employees does Halvern have?", "How many people does it employ?": a total held.
_TOTAL_ASKED = re.compile(
    r"\bhow\s+many\b.*\b(?:does|do|did)\s+.+?\s+(?:have|employ)\b"
    r"|\bhow\s+many\b.*\b(?:are|were)\s+there\b|\bhow\s+many\b.*\bemploy(?:s|ed)?\b",
    re.IGNORECASE,
)
# "laid off about 120 employees", "will cut 300 jobs": a change to a total, not the total.
_CHANGED_BEFORE = re.compile(
    r"\b(?:laid\s+off|lay\s+off|lays\s+off|laying\s+off|cut|cuts|cutting|shed|sheds|shedding|"
    r"fired|firing|hired|hires|hiring|added|adds|adding|axed|axing|lost|losing)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|another\s+|more\s+than\s+|over\s+)?$",
    re.IGNORECASE,
)

# "How many jobs were cut?", "How many did it lay off?": the change itself asked.
_CHANGE_ASKED = re.compile(
    r"\b(?:lay|laid|lays|laying|cut|cuts|shed|fire|fired|hire|hired|add|added|axe|axed|lose|lost)"
    r"\b",
    re.IGNORECASE,
)


def not_changes(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """For a question asking how many something has ("How many employees does Halvern
    currently have?"), the spans less the counts a change took away or added ("120" of
    "laid off about 120 employees"; `text`: the article the spans' offsets are in)."""
    if _TOTAL_ASKED.search(question) is None or _CHANGE_ASKED.search(question):
        return list(spans)

    def changed(span: ReadSpan) -> bool:
        before = text[max(0, span.start - 40) : span.start]
        return fits_type(NUMBER, span.text, False) and _CHANGED_BEFORE.search(before) is not None

    kept = []
    for span in spans:
        if not changed(span):
            kept.append(span)
            continue
        # The reader's runner-up in its sentence, where it is another count ("employees"
        # beside "120" is none).
        beside = span.beside() if span.margin > 0 else None
        if beside is not None and fits_type(NUMBER, beside.text, False) and not changed(beside):
            kept.append(beside)
    return kept
