"""Dates in an article resolved to calendar days against the article's own date.

`qa.dates` matches dates as (month, day) pairs; this module grounds them: "November 23"
in an article dated 2025-11-24 is 2025-11-23, "yesterday" is 2025-11-23, "last week" is
2025-11-17 to 2025-11-23 and "two days later" counts from the date mentioned before it.

Reference rules
- The article date comes from metadata, else a dateline at the top ("BEIRUT, Nov 24
  (Reuters) -", "Nov. 24, 2025 —", "Monday, 24 November 2025", "2025-11-24",
  "Published: ..."), else it is unknown (`article_date`).
- A date written without a year takes the article date's year, or the year before when
  its month comes after the article's month (an article of 2026-01-03 saying
  "December 30" means 2025-12-30). A future month is therefore read as last year's.
- "later / earlier / after that / before that / the next day / the previous day" count
  from the most recent date mentioned before them in the article (in an earlier
  sentence or earlier in the same sentence), whatever its kind; with none before them
  they are left out. Everything else relative ("yesterday", "on Tuesday", "last week",
  "earlier this month", "three days ago") counts from the article date.
- A weekday ("on Tuesday", "Sunday") is the most recent such day on or before the
  article date; "last Tuesday" is strictly before it and "next Tuesday" strictly after.
- Vague spans are ranges: "days later" is the 1st to the 7th day after the reference
  (VAGUE_DAYS), "days earlier"/"days ago" the 7 days before it.

Unknown article date
- Dates with an explicit year ("Nov 23, 2024", "2024-11-23") are still grounded.
- Dates without a year become partial: `first`/`last` are None and `partial` holds
  (month, day); a year-less range keeps its first day.
- Relative expressions anchored on the article date are left out (no value at all).
- Chains ("two days later") still work from a full date; from a partial date an exact
  offset gives a partial day, and a vague one ("days later") is left out.

Every value keeps the words it came from and their character offsets in the article
(`Sentence.start`-based), so a citation can show and highlight them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from index.sentences import Sentence

DateRange = tuple[date | None, date | None]  # inclusive; None = open on that side
MonthDay = tuple[int, int]

VAGUE_DAYS = 7  # "days later" = 1..VAGUE_DAYS days after the reference
HEAD_LINES = 6  # a dateline is looked for in this many non-blank lines at the top
HEAD_LINE_CHARS = 200  # ... and only at the start of each

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
_AFTER_DATE = r"(?![\w])"
_YEAR_SUFFIX = rf"(?:,?\s+(?P<y>{_YEAR}))?"

_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_MD_RANGE = re.compile(
    rf"\b{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\s*[-–]\s*(?P<d2>{_DAY})"
    rf"{_YEAR_SUFFIX}{_AFTER_DATE}",
    re.IGNORECASE,
)
_DM_RANGE = re.compile(
    rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{_DAY})\s*[-–]\s*(?P<d2>{_DAY})\s+(?:of\s+)?"
    rf"(?P<mon>{_MONTH}){_YEAR_SUFFIX}{_AFTER_DATE}",
    re.IGNORECASE,
)
_MD = re.compile(
    rf"\b{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?P<d>{_DAY}){_YEAR_SUFFIX}{_AFTER_DATE}",
    re.IGNORECASE,
)
_DM = re.compile(
    rf"\b{_WD_PREFIX}(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}){_YEAR_SUFFIX}"
    rf"{_AFTER_DATE}",
    re.IGNORECASE,
)
_WORD = re.compile(r"\b(?P<w>yesterday|today|tonight|tomorrow|last\s+night)\b", re.IGNORECASE)
_WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<q>last|this\s+past|past|next|this\s+coming|coming)\s+)?(?P<wd>{_WEEKDAY})\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?P<p>(?:earlier|later)\s+this\s+(?:week|month|year)|(?:last|this)\s+(?:week|weekend"
    r"|month|year)|(?:the\s+)?past\s+week)\b",
    re.IGNORECASE,
)
_NUMBERS = {
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
_COUNT = r"(?:\d{1,3}|" + "|".join(_NUMBERS) + r"|(?:a\s+)?couple\s+of)"
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
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", _ISO),
    ("range", _MD_RANGE),
    ("range", _DM_RANGE),
    ("day", _MD),
    ("day", _DM),
    ("word", _WORD),
    ("weekday", _WEEKDAY_RE),
    ("period", _PERIOD),
    ("offset", _OFFSET),
    ("step", _STEP),
)
# Month words that are also ordinary words count only when capitalised ("may have").
_AMBIGUOUS_MONTHS = {"may", "mar", "march"}


@dataclass(frozen=True)
class GroundedDate:
    """A date or date range the text states, resolved to calendar days where possible.

    `text` is the phrase as written and `start`/`end` its character offsets in the
    article (in the text passed to `ground_text`). `first`..`last` is the inclusive day
    range (equal for one day); both are None for a partial date, whose (month, day) is
    in `partial` because the year is unknown.
    """

    text: str
    start: int
    end: int
    first: date | None
    last: date | None
    partial: MonthDay | None = None

    @property
    def is_range(self) -> bool:
        return self.first is not None and self.first != self.last

    @property
    def value(self) -> date | tuple[date, date] | MonthDay:
        """The day, the (first, last) range, or the partial (month, day)."""
        if self.first is None or self.last is None:
            assert self.partial is not None
            return self.partial
        return (self.first, self.last) if self.first != self.last else self.first


# --- calendar helpers ---------------------------------------------------------------


def _month_number(word: str) -> int:
    key = word.rstrip(".").lower()[:3]
    return ("jan feb mar apr may jun jul aug sep oct nov dec".split()).index(key) + 1


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, reference: date) -> int:
    """The year of a year-less month: the reference's, or the one before for later months."""
    return reference.year if month <= reference.month else reference.year - 1


def _add_months(day: date, months: int) -> date:
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last_day))


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _weekday_on_or_before(reference: date, weekday: int) -> date:
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def _weekday_before(reference: date, weekday: int) -> date:
    return reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)


def _weekday_after(reference: date, weekday: int) -> date:
    return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


# --- finding and resolving phrases --------------------------------------------------

_Resolved = tuple[date, date] | MonthDay


def _hits(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every date phrase in `text`, longest first where they overlap, in text order."""
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            month = match.groupdict().get("mon")
            if month and month.rstrip(".").lower() in _AMBIGUOUS_MONTHS and month.islower():
                continue
            found.append((kind, match))
    found.sort(key=lambda hit: (-(hit[1].end() - hit[1].start()), hit[1].start()))
    taken: list[tuple[str, re.Match[str]]] = []
    for kind, match in found:
        if all(match.end() <= m.start() or match.start() >= m.end() for _, m in taken):
            taken.append((kind, match))
    return sorted(taken, key=lambda hit: hit[1].start())


def _stated(match: re.Match[str], article: date | None) -> _Resolved | None:
    """A date written out: "November 23", "23 Nov 2024", "November 19-23"."""
    month = _month_number(match.group("mon"))
    day = _day_number(match.group("d"))
    second = match.groupdict().get("d2")
    last_day = _day_number(second) if second else day
    if last_day < day:
        return None
    if match.group("y"):
        year = int(match.group("y"))
    elif article is not None:
        year = _year_for(month, article)
    else:
        return (month, day) if _make(2000, month, day) else None
    first, last = _make(year, month, day), _make(year, month, last_day)
    return (first, last) if first and last else None


def _relative(kind: str, match: re.Match[str], article: date) -> tuple[date, date] | None:
    """A phrase counted from the article date: "yesterday", "on Tuesday", "last week"."""
    if kind == "word":
        word = " ".join(match.group("w").lower().split())
        shift = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
        day = article + timedelta(days=shift[word])
        return day, day
    if kind == "weekday":
        weekday = _WEEKDAYS.index(match.group("wd").lower())
        qualifier = " ".join((match.group("q") or "").lower().split())
        if qualifier in ("last", "this past", "past"):
            day = _weekday_before(article, weekday)
        elif qualifier in ("next", "this coming", "coming"):
            day = _weekday_after(article, weekday)
        else:
            day = _weekday_on_or_before(article, weekday)
        return day, day
    if kind == "period":
        return _period(" ".join(match.group("p").lower().split()), article)
    return None


def _period(phrase: str, ref: date) -> tuple[date, date]:
    week = _week_start(ref)
    month_first, month_last = _month_span(ref.year, ref.month)
    year_first, year_last = date(ref.year, 1, 1), date(ref.year, 12, 31)
    yesterday, tomorrow = ref - timedelta(days=1), ref + timedelta(days=1)
    if phrase == "last week":
        return week - timedelta(days=7), week - timedelta(days=1)
    if phrase == "this week":
        return week, week + timedelta(days=6)
    if phrase == "earlier this week":
        return week, max(week, yesterday)
    if phrase == "later this week":
        return min(tomorrow, week + timedelta(days=6)), week + timedelta(days=6)
    if phrase in ("past week", "the past week"):
        return ref - timedelta(days=7), yesterday
    if phrase == "last weekend":
        sunday = _weekday_before(ref, 6)
        return sunday - timedelta(days=1), sunday
    if phrase == "this weekend":
        return week + timedelta(days=5), week + timedelta(days=6)
    if phrase == "last month":
        previous = _add_months(month_first, -1)
        return _month_span(previous.year, previous.month)
    if phrase == "this month":
        return month_first, month_last
    if phrase == "earlier this month":
        return month_first, max(month_first, yesterday)
    if phrase == "later this month":
        return min(tomorrow, month_last), month_last
    if phrase == "last year":
        return date(ref.year - 1, 1, 1), date(ref.year - 1, 12, 31)
    if phrase == "this year":
        return year_first, year_last
    if phrase == "earlier this year":
        return year_first, max(year_first, yesterday)
    assert phrase == "later this year", phrase
    return min(tomorrow, year_last), year_last


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return 2 if word.endswith("couple of") else _NUMBERS[word]


def _shift(day: date, amount: int, unit: str) -> date:
    if unit == "month":
        return _add_months(day, amount)
    return day + timedelta(days=amount * (7 if unit == "week" else 1))


def _chained(kind: str, match: re.Match[str], previous: GroundedDate | None) -> _Resolved | None:
    """A phrase counted from the previous date: "two days later", "the next day"."""
    if previous is None:
        return None
    if kind == "offset":
        forward = match.group("dir").lower().startswith(("later", "after"))
        sign = 1 if forward else -1
        if match.group("vague"):
            if previous.first is None or previous.last is None:
                return None
            if forward:
                return previous.last + timedelta(days=1), previous.last + timedelta(VAGUE_DAYS)
            return previous.first - timedelta(VAGUE_DAYS), previous.first - timedelta(days=1)
        amount, unit = sign * _count(match.group("n")), match.group("u").lower()
        if previous.first is None or previous.last is None:
            assert previous.partial is not None
            shifted = _shift(date(2000, *previous.partial), amount, unit)
            return shifted.month, shifted.day
        day = _shift(previous.last if forward else previous.first, amount, unit)
        return day, day
    step = " ".join(match.group("s").lower().split())
    forward = step.startswith(("next", "following")) or step.endswith("after")
    if step.endswith("week") or step.startswith("week"):
        if previous.first is None or previous.last is None:
            return None
        week = _week_start(previous.last if forward else previous.first)
        week += timedelta(days=7 if forward else -7)
        return week, week + timedelta(days=6)
    if previous.first is None or previous.last is None:
        assert previous.partial is not None
        shifted = date(2000, *previous.partial) + timedelta(days=1 if forward else -1)
        return shifted.month, shifted.day
    day = previous.last + timedelta(days=1) if forward else previous.first - timedelta(days=1)
    return day, day


def _resolve(
    kind: str, match: re.Match[str], article: date | None, previous: GroundedDate | None
) -> _Resolved | None:
    if kind == "iso":
        day = _make(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        return (day, day) if day else None
    if kind in ("day", "range"):
        return _stated(match, article)
    if kind == "offset" and match.group("dir").lower() == "ago":
        if article is None:
            return None
        if match.group("vague"):
            return article - timedelta(VAGUE_DAYS), article - timedelta(days=1)
        day = _shift(article, -_count(match.group("n")), match.group("u").lower())
        return day, day
    step = " ".join(match.group("s").lower().split()) if kind == "step" else ""
    if step == "next week" and not match.group("the"):
        if article is None:
            return None
        week = _week_start(article) + timedelta(days=7)
        return week, week + timedelta(days=6)
    if kind in ("offset", "step"):
        return _chained(kind, match, previous)
    return _relative(kind, match, article) if article is not None else None


def _grounded(
    text: str, offset: int, article: date | None, previous: GroundedDate | None
) -> list[GroundedDate]:
    values: list[GroundedDate] = []
    for kind, match in _hits(text):
        resolved = _resolve(kind, match, article, previous)
        if resolved is None:
            continue
        start, end = offset + match.start(), offset + match.end()
        if isinstance(resolved[0], date):
            first, last = resolved
            assert isinstance(first, date) and isinstance(last, date)
            value = GroundedDate(match.group(0), start, end, first, last)
        else:
            month, day = resolved
            assert isinstance(month, int) and isinstance(day, int)
            value = GroundedDate(match.group(0), start, end, None, None, (month, day))
        values.append(value)
        previous = value
    return values


def ground_text(text: str, article_date: date | None) -> list[GroundedDate]:
    """The grounded dates of one text, in order; offsets are into `text`."""
    return _grounded(text, 0, article_date, None)


def ground_sentences(
    sentences: Sequence[Sentence], article_date: date | None
) -> list[list[GroundedDate]]:
    """For each sentence, the dates it states, grounded (see the module notes), in order.

    A sentence that states no date gets an empty list (no inheritance: `qa.dates.
    sentence_dates` does that). Offsets are article offsets (`Sentence.start`-based).
    """
    result: list[list[GroundedDate]] = []
    previous: GroundedDate | None = None
    for sentence in sentences:
        values = _grounded(sentence.text, sentence.start, article_date, previous)
        if values:
            previous = values[-1]
        result.append(values)
    return result


# --- the article's own date ---------------------------------------------------------

_LABEL = re.compile(
    r"^\s*(?P<label>first\s+published|published|posted|dated|date|last\s+updated|updated"
    r"|last\s+modified|modified)\b\s*(?:on|at)?\s*[:\-—–|]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# What may come before a dateline's date: a place, maybe an agency ("BEIRUT,",
# "WASHINGTON (AP) —", "By Jane Doe,") -- a few capitalised words, then a separator.
_DATELINE_BEFORE = re.compile(
    r"^(?:[A-Z][\w.'’\-]*(?:\s+[A-Za-z][\w.'’\-]*){0,4}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2})?"
    r"\s*(?:\([A-Za-z .]+\))?\s*[,—–\-|]\s*)?$"
)
# What may follow it: end of line, an agency, a dash, a colon or a time.
_DATELINE_AFTER = re.compile(
    r"^\s*,?\s*(?:$|\([A-Za-z .]+\)|[—–\-|:]|T\d|\d{1,2}[:.]\d{2}|at\b)", re.IGNORECASE
)


def _explicit_dates(text: str) -> list[tuple[re.Match[str], date | None, MonthDay | None]]:
    """Each written date in `text` in order: with a year -> date, without -> (month, day)."""
    found: list[tuple[re.Match[str], date | None, MonthDay | None]] = []
    for kind, match in _hits(text):
        if kind == "iso":
            day = _make(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            if day:
                found.append((match, day, None))
        elif kind == "day":
            month, day_number = _month_number(match.group("mon")), _day_number(match.group("d"))
            if match.group("y"):
                full = _make(int(match.group("y")), month, day_number)
                if full:
                    found.append((match, full, None))
            elif _make(2000, month, day_number):
                found.append((match, None, (month, day_number)))
    return found


def _complete(month_day: MonthDay, text: str, year: int | None) -> date | None:
    """A dateline day without a year: `year` if given, else the earliest year that puts it
    on or after every date the article writes with a year (an article is not older than
    the dated events it reports); None when the article writes no year."""
    if year is not None:
        return _make(year, *month_day)
    stated = [day for _, day, _ in _explicit_dates(text) if day is not None]
    if not stated:
        return None
    latest = max(stated)
    candidate = _make(latest.year, *month_day)
    if candidate is not None and candidate >= latest:
        return candidate
    return _make(latest.year + 1, *month_day)


def _first_date(
    fragment: str, text: str, year: int | None, *, at_start: bool = False
) -> date | None:
    """The first date written in `fragment` (with `at_start`, only one that opens it)."""
    for match, day, month_day in _explicit_dates(fragment):
        if at_start and fragment[: match.start()].strip():
            return None
        if day is not None:
            return day
        assert month_day is not None
        return _complete(month_day, text, year)
    return None


def _dateline(line: str, text: str, year: int | None) -> date | None:
    for match, day, month_day in _explicit_dates(line):
        if not _DATELINE_BEFORE.match(line[: match.start()]):
            return None
        if not _DATELINE_AFTER.match(line[match.end() :]):
            return None
        if day is not None:
            return day
        assert month_day is not None
        return _complete(month_day, text, year)
    return None


def _from_metadata(value: date | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return _first_date(value, value, None)


def article_date(
    text: str, metadata_date: date | str | None = None, *, year: int | None = None
) -> date | None:
    """The article's own date: metadata, else a dateline at the top, else None.

    `metadata_date` may be a date, a datetime or an ISO string (an unreadable string
    counts as missing). The dateline is looked for in the first HEAD_LINES non-blank
    lines: a "Published:"/"Posted:"/"Date:" line, or a line starting with a date,
    perhaps after a place and an agency ("BEIRUT, Nov 24 (Reuters) -", "Nov. 24, 2025 —",
    "Monday, 24 November 2025", "2025-11-24"); "Updated:" only when nothing else is
    found. A dateline without a year ("Nov 24") takes `year`, else the earliest year that
    is not before any date written with a year in the article, else gives None.
    """
    from_metadata = _from_metadata(metadata_date)
    if from_metadata is not None:
        return from_metadata
    updated: date | None = None
    lines = [line.strip() for line in text.splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        head = line[:HEAD_LINE_CHARS]
        labelled = _LABEL.match(head)
        if labelled:
            found = _first_date(labelled.group("rest"), text, year, at_start=True)
            if "updated" in labelled.group("label").lower() or "modified" in (
                labelled.group("label").lower()
            ):
                updated = updated or found
                continue
            if found is not None:
                return found
            continue
        found = _dateline(head, text, year)
        if found is not None:
            return found
    return updated


# --- questions ----------------------------------------------------------------------

_MONTH_ONLY = re.compile(
    rf"\b(?:in|during|since|before|after|until|through|throughout|of|by)\s+"
    rf"(?P<v>(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?)(?![\w])(?!\s*\d)",
    re.IGNORECASE,
)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|thru|-|–)\s*", re.IGNORECASE)
_BARE_DAY = re.compile(r"^(?P<d>(?:[12]\d|3[01]|0?[1-9]))(?:st|nd|rd|th)?\b")
_AFTER = re.compile(r"\b(?:after|later\s+than|following)\s*$", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:since|from|starting|beginning|on\s+or\s+after)\s*$", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:before|prior\s+to|earlier\s+than)\s*$", re.IGNORECASE)
_UNTIL = re.compile(
    r"\b(?:until|till|by|through|up\s+to|no\s+later\s+than|on\s+or\s+before)\s*$",
    re.IGNORECASE,
)
_WEEK_OF = re.compile(r"\bweek\s+of\s*$", re.IGNORECASE)


def _question_values(question: str, article: date | None) -> list[GroundedDate]:
    values = [v for v in ground_text(question, article) if v.first is not None]
    for match in _MONTH_ONLY.finditer(question):
        start, end = match.start("v"), match.end("v")
        if any(start < v.end and v.start < end for v in values):
            continue
        month = _month_number(match.group("mon"))
        if match.group("y"):
            year = int(match.group("y"))
        elif article is not None:
            year = _year_for(month, article)
        else:
            continue
        first, last = _month_span(year, month)
        values.append(GroundedDate(match.group("v"), start, end, first, last))
    return sorted(values, key=lambda v: v.start)


def question_range(question: str, article_date: date | None) -> DateRange | None:
    """The days a question asks about, inclusive, None on an open side; None if it names none.

    "on November 23" -> (Nov 23, Nov 23); "after November 20" -> (Nov 21, None);
    "since ..." keeps the day; "before Nov 23" -> (None, Nov 22); "until/by ..." keeps it;
    "between November 19 and 23" / "from ... to ..."; "in the week of November 17" ->
    its Monday..Sunday; "in November" -> the month; "yesterday", "last week", "on
    Tuesday" count from the article date. Several dates: the stated days and ranges are
    joined (earliest to latest) and the one-sided bounds then narrow that. Dates without
    a year need the article date; chains ("two days later") are ignored in questions.
    """
    values = _question_values(question, article_date)
    bounded: list[tuple[date, date]] = []
    lower: list[date] = []
    upper: list[date] = []
    skip: set[int] = set()
    for index, value in enumerate(values):
        if index in skip:
            continue
        assert value.first is not None and value.last is not None
        before = question[: value.start]
        if _RANGE_OPEN.search(before):
            join = _RANGE_JOIN.match(question[value.end :])
            if join:
                at = value.end + join.end()
                following = next((v for v in values if v.start == at), None)
                bare = _BARE_DAY.match(question[at:])
                if following is not None and following.last is not None:
                    skip.add(values.index(following))
                    bounded.append((value.first, following.last))
                    continue
                if bare:
                    end = _make(value.last.year, value.last.month, int(bare.group("d")))
                    if end is not None and end < value.last:
                        end = _add_months(end, 1)
                    if end is not None:
                        bounded.append((value.first, end))
                        continue
        # "on or after" / "on or before" are checked before "after" / "before".
        if _SINCE.search(before):
            lower.append(value.first)
        elif _AFTER.search(before):
            lower.append(value.last + timedelta(days=1))
        elif _UNTIL.search(before):
            upper.append(value.last)
        elif _BEFORE.search(before):
            upper.append(value.first - timedelta(days=1))
        elif _WEEK_OF.search(before):
            week = _week_start(value.first)
            bounded.append((week, week + timedelta(days=6)))
        else:
            bounded.append((value.first, value.last))
    if not (bounded or lower or upper):
        return None
    low: date | None = min(first for first, _ in bounded) if bounded else None
    high: date | None = max(last for _, last in bounded) if bounded else None
    if lower:
        low = max([*lower, *([low] if low else [])])
    if upper:
        high = min([*upper, *([high] if high else [])])
    if low is not None and high is not None and low > high:
        return None
    return low, high


def overlaps(value: GroundedDate, window: DateRange) -> bool:
    """Whether a grounded value shares a day with an inclusive window (None = open).

    A partial value (year unknown) never does; callers match its (month, day) instead.
    """
    if value.first is None or value.last is None:
        return False
    low, high = window
    return (low is None or value.last >= low) and (high is None or value.first <= high)


def format_grounded(value: GroundedDate | date | DateRange) -> str:
    """A grounded value for a citation: "2025-11-23", "2025-11-17 to 2025-11-23",
    "from 2025-11-21", "until 2025-11-22", or "November 23, year unknown"."""
    if isinstance(value, GroundedDate):
        if value.first is None or value.last is None:
            assert value.partial is not None
            month, day = value.partial
            return f"{calendar.month_name[month]} {day}, year unknown"
        value = (value.first, value.last)
    if isinstance(value, date):
        return value.isoformat()
    first, last = value
    if first is not None and last is not None:
        if first == last:
            return first.isoformat()
        return f"{first.isoformat()} to {last.isoformat()}"
    if first is not None:
        return f"from {first.isoformat()}"
    if last is not None:
        return f"until {last.isoformat()}"
    return "any date"
