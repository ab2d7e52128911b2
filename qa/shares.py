"""A share is no price, and seldom a count: "27% over 18 months" does not say what a pill
costs, and "About 3%" rarely how many patients were in a trial.

The reader picks a percentage for such questions where the sentence that holds it repeats
the question's words ("About 3% of patients in the trial had ...") and the count or the
price is in a sentence that words it otherwise ("in a trial of 1,800 patients"). People do
ask "how many graduates remain?" for "80.5%" (three of the validation split's gold
answers), so for a count a share only keeps the first passage from being decisive, and
the passages after it are read and weighed as usual; a price is never a bare percentage,
so for a price the other spans are preferred (docs/measurements.md, thirtieth session).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from index.sentences import Sentence
from qa.reading import ReadSpan, set_aside

# "How many patients ...?" asks for a count, unless it asks how many percent or points.
_COUNT = re.compile(
    r"\bhow\s+many\b(?!.*\b(?:percent|per\s*cent|percentage|points?|shares?|proportion)\b)",
    re.IGNORECASE,
)
# "How much does it cost?", "How much was it sold for?": a price, paid or asked. Not "How
# much did shares rise?", which a percentage answers.
_PRICE = re.compile(
    r"\bhow\s+much\b.*\b(?:cost|costs|costing|price[ds]?|pay|pays|paid|spend|spends|spent|"
    r"charged?|charges|earn|earns|earned|fined?|sell|sells|sold|salary|fees?|owe[ds]?|"
    r"invest|invests|invested|donated?)\b"
    # "What price did they end the day at?", "At what price ...?": a price asked by "what".
    r"|\bwhat\s+price\b"
    # "What was Calder Holdings' share price before ...?" (not "What was the price rise?").
    r"|^\W*what(?:[’']s|\s+(?:is|was|are|were))\s+(?:[\w’'-]+\s+){0,5}?prices?\b"
    r"(?!\s+(?:increases?|rises?|hikes?|cuts?|drops?|falls?|changes?|growth|index|inflation|war))",
    re.IGNORECASE,
)
# "By how much did the share price drop?", "How much did the stock price rise?": a change,
# which a percentage answers, even where the question names a price.
CHANGE = re.compile(
    r"\bby\s+how\s+much\b|\bhow\s+much\b.*\b(?:rise|rises|rose|risen|fall|falls|fell|fallen|"
    r"drop|drops|dropped|climb|climbs|climbed|jump|jumps|jumped|slip|slips|slipped|slide|"
    r"slides|slid|sink|sinks|sank|plunge[sd]?|surge[sd]?|soar|soars|soared|tumble[sd]?|"
    r"increase[sd]?|decrease[sd]?|decline[sd]?|grow|grows|grew|grown|shrink|shrinks|shrank|"
    r"gain|gains|gained)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)
# "4% of its annual revenue", "3% of patients": a share of something named is an amount.
_SHARE_OF = re.compile(r"(?:%|\bper\s*cent|\bpercent)\s+of\b", re.IGNORECASE)
# A number that is not the percentage's own ("27% over 18 months" holds one).
_NUMBER = re.compile(r"\d[\d,.]*")


def asks_amount(question: str) -> bool:
    """Whether the question asks for a count or a price, which a share seldom gives."""
    return bool(_COUNT.search(question) or asks_price(question))


def asks_price(question: str) -> bool:
    """Whether the question asks what something costs, was sold or paid for (not by how
    much a price moved)."""
    return _PRICE.search(question) is not None and CHANGE.search(question) is None


def is_share(answer: str) -> bool:
    """Whether the answer gives a percentage and no amount beside it: "About 3%",
    "27% over 18 months"; not "$21,000", "3% of 1,800 patients" nor "up to 4% of its
    annual revenue" (a fine)."""
    percents = list(_PERCENT.finditer(answer))
    if not percents or _SHARE_OF.search(answer):
        return False
    numbers = _NUMBER.findall(answer)
    return len(numbers) <= len(percents) + _durations(answer)


_DURATION = re.compile(
    r"\d[\d,.]*\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\b", re.IGNORECASE
)


def _durations(answer: str) -> int:
    """Numbers that are spans of time ("over 18 months"): no count of the thing asked."""
    return len(_DURATION.findall(answer))


def not_shares(spans: Sequence[ReadSpan], question: str) -> list[ReadSpan]:
    """The spans less the bare percentages, where the question asks a price and some span
    gives something else; otherwise the spans as they are."""
    spans = list(spans)
    if not asks_price(question):
        return spans
    kept = [span for span in spans if not is_share(span.text)]
    return kept or spans


# "fell 4.1 percent to 35.60 dollars": the level reached, after "to".
_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s+(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)


def not_levels(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less the levels a change reached ("35.60 dollars" of "fell 4.1 percent to
    35.60 dollars"), where `question` asks by how much something moved (`text`: the
    article the spans' offsets are in); each replaced by the reader's runner-up in its
    sentence where it believed it: the change is the other number."""
    if CHANGE.search(question) is None:
        return list(spans)

    def level(span: ReadSpan) -> bool:
        before = text[max(0, span.start - 20) : span.start]
        return _NUMBER.search(span.text) is not None and _LEVEL_BEFORE.search(before) is not None

    return [_change_only(span) for span in set_aside(spans, level)]


# "the population has fallen from about 8,100": the level before a change.
_FORMER_BEFORE = re.compile(
    r"\b(?:fell|fallen|dropped|declined|down|rose|risen|up|grew|grown|increased|decreased|"
    r"climbed|shrunk|shrank|slipped|jumped|cut|raised|reduced|lowered)\s+from\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|almost\s+)?$",
    re.IGNORECASE,
)
# A span running from the former level to the new: "18 to 24".
_RANGE = re.compile(r"^\S*\d[\d,.]*(?:\s+\w+)?\s+to\s+\S*\d")
# A question asking the level before: "What was the population before the mill closed?",
# "... in 2019?", "How many lived there at its peak?", "And last year?".
_FORMER_ASKED = re.compile(
    r"\b(?:before|previous(?:ly)?|earlier|originally|initially|once|used\s+to|former|"
    r"first|start\w*|beg[aiu]n\w*|from|peak|high|low|ago|then|last|(?:1[89]|20)\d\d)\b",
    re.IGNORECASE,
)


def not_former_levels(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """The spans less the levels a change started from ("8,100" of "the population has
    fallen from about 8,100" for "What is the population of Vessford?"), where `question`
    asks neither the change nor a time before it (`text`: the article the spans' offsets
    are in); each replaced by the reader's runner-up in its sentence where it believed it."""
    if CHANGE.search(question) is not None or _FORMER_ASKED.search(question) is not None:
        return list(spans)

    def former(span: ReadSpan) -> bool:
        before = text[max(0, span.start - 40) : span.start]
        return (
            _NUMBER.match(span.text) is not None
            and _FORMER_BEFORE.search(before) is not None
            and _RANGE.match(span.text) is None  # "18 to 24": from one to the other
        )

    return set_aside(spans, former)


# "4.1 percent to 35.60 dollars": the change, then the level it reached.
_CHANGE_THEN_LEVEL = re.compile(r"^(?P<change>\S*\d.*?)\s+to\s+\S*\d")


def _change_only(span: ReadSpan) -> ReadSpan:
    """`span` up to its change, a percentage, where it runs on to the level reached (not
    "4,600 to 75,000": a range from one figure to the other)."""
    found = _CHANGE_THEN_LEVEL.match(span.text)
    if found is None or not _PERCENT.search(found["change"]):
        return span
    change = found["change"]
    return replace(span, text=change, end=span.start + len(change))


# "What did the shares fall to?", "What price did the stock close at?": the level a
# move reached, asked by the preposition it ends on.
_LEVEL_ASKED = re.compile(
    r"\b(?:fall|falls|fell|fallen|drop|drops|dropped|rise|rises|rose|risen|climb|climbs|"
    r"climbed|sink|sinks|sank|slip|slips|slipped|jump|jumps|jumped|plunge[sd]?|soar|soars|"
    r"soared|tumble[sd]?|close|closes|closed|end|ends|ended|finish|finished|trade|traded|"
    r"cut|cuts|raise[sd]?|lower|lowers|lowered|reduce[sd]?|set|sets)\b"
    r"(?:\s+[\w’'-]+){0,3}?\s+(?:to|at)\W*$"
    # "To how much did steel imports rise last year?"
    r"|^\W*to\s+how\s+(?:much|many|high|low)\b",
    re.IGNORECASE,
)
# An amount opening a span: "$21.40" of "$21.40 in Monday trading, wiping ...".
_AMOUNT = re.compile(
    r"^(?:about\s+|around\s+|roughly\s+|nearly\s+)?[$€£¥]?\s?\d[\d,.]*(?:\s+(?:million|billion|"
    r"trillion|dollars?|euros?|pounds?|pence|cents?|yen|francs?|kronor|crowns?|per\s*cent|"
    r"percent))?(?![\w.,]*\d)",
    re.IGNORECASE,
)
# "cut his price target on the stock to $18 from $46": an analyst's target, no price paid.
_TARGET_BEFORE = re.compile(r"\btarget\b[^.;]{0,40}$", re.IGNORECASE)


def levels_reached(spans: Sequence[ReadSpan], question: str, text: str) -> list[ReadSpan]:
    """For a question asking the level a move reached ("What did the shares fall to?"),
    the spans less an analyst's price target (unless a target is asked), each cut to the
    amount it opens on: "$18" of "$18 from $46", "$21.40" of "$21.40 in Monday trading,
    wiping roughly $3.1 billion from the company's market value"; otherwise the spans as
    they are (`text`: the article the spans' offsets are in)."""
    if _LEVEL_ASKED.search(question) is None:
        return list(spans)
    targeted = re.search(r"\btargets?\b", question, re.IGNORECASE) is not None

    def target(span: ReadSpan) -> bool:
        before = text[max(0, span.start - 60) : span.start]
        return not targeted and _TARGET_BEFORE.search(before) is not None

    return [_level_after(_amount_only(span), text) for span in set_aside(spans, target)]


# "38 percent last year to 4.2 million tonnes": the level a change reached, after "to".
_LEVEL_AFTER = re.compile(
    r"(?:\s+[\w’'-]+){0,3}?\s+to\s+(?P<level>(?:about\s+|around\s+|roughly\s+|nearly\s+)?"
    r"[$€£¥]?\d[\d,.]*(?:\s+(?:million|billion|trillion))?"
    r"(?:\s+(?!(?:from|in|on|at|by|for|with|and|while|after|before)\b)[a-z]+)?)"
)


def _level_after(span: ReadSpan, text: str) -> ReadSpan:
    """The level a change reached, where `span` is a percentage right before it ("4.2
    million tonnes" for "38 percent" of "rose 38 percent last year to 4.2 million
    tonnes"); else `span` as it is."""
    if not _PERCENT.search(span.text):
        return span
    found = _LEVEL_AFTER.match(text, span.end)
    if found is None:
        return span
    start, end = found.span("level")
    return replace(span, text=text[start:end], start=start, end=end)


def _amount_only(span: ReadSpan) -> ReadSpan:
    """`span` cut to the amount it opens on, where words run on after it."""
    found = _AMOUNT.match(span.text)
    if found is None or found.end() == len(span.text.rstrip(" .,;")):
        return span
    amount = found.group().rstrip(" .,")
    return replace(span, text=amount, end=span.start + len(amount))


# "By what percentage has enrolment fallen?", "what % is the union asking for",
# "egg price rise %": a share asked, which only a percentage gives.
# So does the word typed last, as a keyword ("cod quota cut percentage"), and "%" or
# "pct" typed anywhere ("pay cut % in 2022"); not "41 percent", "41.2%" nor "each
# percentage point of pay", which name a share asked about.
_SHARE_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:(?:percentage|percent|per\s*cent)\b|%)"
    r"|\bhow\s+many\s+(?:percent|per\s*cent)\b"
    r"|(?<!\d)(?<!\d\s)(?:\bpercentage|\bpercent)\W*$"
    r"|(?<!\d)(?<!\d\s)(?:\bpct\b|%)",
    re.IGNORECASE,
)


def of_shares(
    spans: Sequence[ReadSpan], question: str, sentences: Sequence[Sentence]
) -> list[ReadSpan]:
    """The spans giving a percentage, where `question` asks for one (`sentences`: the
    article's): a number completed with its "percent" ("38" of "rose 38 percent"), and
    each other span replaced by the one percentage its sentence states where the reader
    believed it ("9,800" of "had lost 27 percent of its students in a decade, falling
    from 9,800 in 2014": "27 percent", story h45), else by the reader's runner-up there."""
    if _SHARE_ASKED.search(question) is None:
        return list(spans)
    stated = [_stated_share(span, sentences) for span in spans]
    spans = [share or span for span, share in zip(spans, stated, strict=True)]
    return set_aside(spans, lambda span: not _gives_a_share(span.text))


# A share in words: "half", "one in four", "a quarter to a third", "one-fifth", "a factor
# of five" (the validation split's gold answers to "What percentage ...?").
_SHARE_IN_WORDS = re.compile(
    r"\b(?:half|halves|quarters?|thirds?|fifths?|tenths?|fraction|factor|majority|minority"
    r"|all|none|most)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:in|out\s+of)\s+\w+\b",
    re.IGNORECASE,
)


def _gives_a_share(answer: str) -> bool:
    """Whether `answer` gives a share: a percentage, or one in words."""
    return _PERCENT.search(answer) is not None or _SHARE_IN_WORDS.search(answer) is not None


_A_SHARE = re.compile(r"\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)


def _stated_share(span: ReadSpan, sentences: Sequence[Sentence]) -> ReadSpan | None:
    """The percentage `span`, a number, begins ("38" of "rose 38 percent last year"), or
    else the one percentage the sentence of `span` states, as a span read as surely; None
    where `span` gives one, or its sentence states none or several."""
    if _gives_a_share(span.text) or not 0 <= span.position < len(sentences):
        return None
    sentence = sentences[span.position]
    begun = _A_SHARE.match(sentence.text, span.start - sentence.start)
    if begun is not None and span.end - sentence.start <= begun.end():
        return _read_as(span, sentence, begun)
    found = list(_A_SHARE.finditer(sentence.text))
    if len(found) != 1 or span.margin <= 0:  # another number, doubted: no share read
        return None
    return _read_as(span, sentence, found[0])


def _read_as(span: ReadSpan, sentence: Sentence, found: re.Match[str]) -> ReadSpan:
    """`span` moved to the text `found` in `sentence`, read as surely as it was."""
    start, end = sentence.start + found.start(), sentence.start + found.end()
    return replace(span, text=found.group(), start=start, end=end, runner_up=None)
