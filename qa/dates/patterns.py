"""The one set of date patterns: month and day words, and the phrases built from them.

Every module of qa.dates reads text through these. Each pattern only ever backtracks
within one phrase and the whitespace around it, so a scan is linear in the text; which
of several overlapping phrases counts is decided afterwards (`finding.date_hits`).
"""

from __future__ import annotations

import re

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# (?!\d): "November 234" is not November 23.
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:19|20)\d{2}(?!\d)"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
_AFTER_DATE = r"(?![\w])"
_YEAR_SUFFIX = rf"(?:,?\s+(?P<y>{YEAR}))?"

# A (month, day) as people write it in questions and sentences, nothing around it:
# "Nov. 23", "23 November", "23rd of Nov." -- the unit the date signal matches on.
MONTH_DAY = re.compile(
    rf"\b(?:(?P<mon>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH}))"
    rf"{_AFTER_DATE}",
    re.IGNORECASE,
)

# The phrases grounding resolves to calendar days. A match keeps its weekday, "the" and
# year, so a citation highlights "Sunday, November 23, 2025" whole.
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_MD_RANGE = re.compile(
    rf"\b{_WD_PREFIX}(?P<mon>{MONTH})\s+(?P<d>{DAY})\s*[-–]\s*(?P<d2>{DAY})"
    rf"{_YEAR_SUFFIX}{_AFTER_DATE}",
    re.IGNORECASE,
)
_DM_RANGE = re.compile(
    rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY})\s*[-–]\s*(?P<d2>{DAY})\s+(?:of\s+)?"
    rf"(?P<mon>{MONTH}){_YEAR_SUFFIX}{_AFTER_DATE}",
    re.IGNORECASE,
)
_MD = re.compile(
    rf"\b{_WD_PREFIX}(?P<mon>{MONTH})\s+(?P<d>{DAY}){_YEAR_SUFFIX}{_AFTER_DATE}",
    re.IGNORECASE,
)
_DM = re.compile(
    rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH}){_YEAR_SUFFIX}"
    rf"{_AFTER_DATE}",
    re.IGNORECASE,
)
_WORD = re.compile(r"\b(?P<w>yesterday|today|tonight|tomorrow|last\s+night)\b", re.IGNORECASE)
_WEEKDAY_PHRASE = re.compile(
    rf"\b(?:(?P<q>last|this\s+past|past|next|this\s+coming|coming)\s+)?(?P<wd>{_WEEKDAY})\b",
    re.IGNORECASE,
)
# "open from Tuesday to Sunday", "Monday-Friday": a weekly schedule, not two days; read
# as one phrase that grounds to nothing (a lone weekday is the last such day).
_SCHEDULE = re.compile(
    rf"\b(?:from\s+)?{_WEEKDAY}s?\s*(?:to|through|thru|till|until|-|–|—)\s*{_WEEKDAY}s?\b",
    re.IGNORECASE,
)
# A month or a year an event is placed in, without a day ("in January 2027", "in
# October", "during 2019", "in early 2021", "the summer of 1944"): the whole month or
# year. Only after "in", "during", "throughout" or "of" ("since 2019" and "by 2029" bound
# a time rather than place an event in it); the phrase is the words after it.
_PLACED_IN = r"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthroughout\s)|(?<=\bof\s))"
_PART_OF = r"(?:(?:early|late|mid)[\s-]+)?"
# Full names first: the stop after "in October." ends the sentence.
_MONTH_NAMED = rf"(?:{'|'.join(MONTH_NAMES)}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
_MONTH_PERIOD = re.compile(
    rf"{_PLACED_IN}{_PART_OF}(?P<mon>{_MONTH_NAMED})(?:,?\s+(?P<y>{YEAR}))?(?![\w])(?!\s*\d)",
    re.IGNORECASE,
)
# Years back to 1000 ("in 1066"); a figure run on ("in 1,233 km") or a count ("in 2019
# cases" aside, which reads as a year) is not one.
_YEAR_PERIOD = re.compile(
    rf"{_PLACED_IN}{_PART_OF}(?P<y>1\d{{3}}|20\d{{2}})(?![\w,.-]?\d)(?!\w)", re.IGNORECASE
)
_PERIOD = re.compile(
    r"\b(?P<p>(?:earlier|later)\s+this\s+(?:week|month|year)|(?:last|this)\s+(?:week|weekend"
    r"|month|year)|(?:the\s+)?past\s+week)\b",
    re.IGNORECASE,
)
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_COUNT = r"(?:\d{1,3}|" + "|".join(NUMBERS) + r"|(?:a\s+)?couple\s+of)"
_OFFSET = re.compile(
    rf"\b(?:(?:just|only|barely|some|about|nearly|almost)\s+)?"
    rf"(?:(?P<n>{_COUNT})\s+(?P<u>day|week|month)s?|(?P<vague>(?:a\s+few\s+|few\s+|several\s+)?days))"
    r"\s+(?P<dir>later|earlier|afterwards?|after\s+that|before\s+that|prior(?!\s+to)|ago)\b",
    re.IGNORECASE,
)
# "the day before" / "the week after" only when nothing follows ("the day before the
# vote" counts from an event, not a date).
_STEP = re.compile(
    r"\b(?P<the>the\s+)?(?P<s>(?:next|following)\s+(?:day|morning|evening|night|week)"
    r"|(?:previous|prior)\s+(?:day|morning|evening|night|week)"
    r"|(?:day|night|week)\s+(?:before|after)(?=\s*(?:[,.;:!?)\]—–-]|$)))\b",
    re.IGNORECASE,
)
# (kind, pattern), in the order that breaks ties between equally long phrases at one place.
GROUNDABLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", _ISO),
    ("range", _MD_RANGE),
    ("range", _DM_RANGE),
    ("day", _MD),
    ("day", _DM),
    ("word", _WORD),
    ("weekday", _WEEKDAY_PHRASE),
    ("schedule", _SCHEDULE),
    ("period", _PERIOD),
    ("month", _MONTH_PERIOD),
    ("year", _YEAR_PERIOD),
    ("offset", _OFFSET),
    ("step", _STEP),
)
# Month words that are also ordinary words count only when capitalised ("may have").
AMBIGUOUS_MONTHS = {"may", "mar", "march"}

# A month named alone in a question ("in October", "since May 2024"): a whole month.
MONTH_ONLY = re.compile(
    rf"\b(?:in|during|since|before|after|until|through|throughout|of|by)\s+"
    rf"(?P<v>(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?)(?![\w])(?!\s*\d)",
    re.IGNORECASE,
)
