"""A follow-up that moves the last question in time: "And the month before?".

After "What was Norvalia's inflation rate in October?", "And the month before?" asks the
same of September; after "How many people visited the zoo last year?", "And the year
before?" asks the same of the year before that. Read as another thing in the question's
place, the first became "What was the month before inflation rate in October?". The
question is asked again with its month or year moved by one ("in September", "in 2023"),
where it names one; with its relative time ("last year", "this month") replaced by the
fragment's, where it names that; otherwise, None, and the fragment is read as before.
"""

from __future__ import annotations

import calendar
import re

_UNITS = ("day", "week", "month", "year")
# "the month before", "in the year before", "a year earlier", "the previous month", "the
# following year", "one month later".
_SHIFT = re.compile(
    r"^(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:in\s+|during\s+)?"
    r"(?:(?:the|a|one)\s+(?P<unit>day|week|month|year)\s+(?P<way>before|after|earlier|later|prior)"
    r"|the\s+(?P<way2>previous|preceding|next|following)\s+(?P<unit2>day|week|month|year))$",
    re.IGNORECASE,
)
_BACK = frozenset("before earlier prior previous preceding".split())
_MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_MONTH = re.compile(rf"\b(?P<month>{'|'.join(_MONTHS)})\b(?:\s+(?P<year>1\d{{3}}|20\d{{2}}))?")
_YEAR = re.compile(r"\b(?P<year>1[5-9]\d{2}|20\d{2})\b")
# "last year", "this month", "yesterday": a time told from today.
_RELATIVE = {
    "day": re.compile(r"\b(?:yesterday|today|tomorrow)\b", re.IGNORECASE),
    "week": re.compile(r"\b(?:last|this|next)\s+week\b", re.IGNORECASE),
    "month": re.compile(r"\b(?:last|this|next)\s+month\b", re.IGNORECASE),
    "year": re.compile(r"\b(?:last|this|next)\s+year\b", re.IGNORECASE),
}


def moves_time(fragment: str) -> bool:
    """Whether `fragment` is only a move in time ("The year before?")."""
    return _SHIFT.match(fragment.strip().rstrip("?!. ")) is not None


def shifted(fragment: str, question: str) -> str | None:
    """`question` asked again of the time `fragment` moves it to, or None where the
    fragment moves no time or the question names none of its unit."""
    found = _SHIFT.match(fragment.strip().rstrip("?!. "))
    if found is None:
        return None
    unit = (found["unit"] or found["unit2"]).lower()
    step = -1 if (found["way"] or found["way2"]).lower() in _BACK else 1
    body = question.strip().rstrip("?!. ")
    if unit == "month":
        month = _MONTH.search(body)
        if month is not None:
            index = _MONTHS.index(month["month"]) + step
            year = month["year"]
            if year is not None:
                year = str(int(year) + (index // 12))
            moved = _MONTHS[index % 12] + (f" {year}" if year else "")
            return f"{body[: month.start()]}{moved}{body[month.end() :]}?"
    if unit == "year" and _MONTH.search(body) is None:
        year = _YEAR.search(body)
        if year is not None:
            moved = str(int(year["year"]) + step)
            return f"{body[: year.start()]}{moved}{body[year.end() :]}?"
    relative = _RELATIVE[unit].search(body)
    if relative is not None:
        said = f"the {unit} {'before' if step < 0 else 'after'}"
        return f"{body[: relative.start()]}{said}{body[relative.end() :]}?"
    return None


# A time told from today, or a year: "last year", "this autumn", "in 2003".
_TOLD = (
    r"(?:(?:last|this|next|past|previous|coming)\s+(?:week|month|year|season|spring|summer|"
    r"autumn|fall|winter|weekend|quarter)|yesterday|today|tomorrow|(?:in\s+)?(?:1[5-9]\d{2}|20\d{2}))"
)
_TIME_ALONE = re.compile(
    rf"^(?:and\s+|what\s+about\s+|how\s+about\s+)?(?P<time>{_TOLD})$", re.IGNORECASE
)
_TIME_IN = re.compile(rf"(?:\bin\s+)?\b{_TOLD}\b", re.IGNORECASE)


def retimed(fragment: str, question: str) -> str | None:
    """`question` asked again of the time `fragment` names instead of its own ("And last
    year?" after "How many tonnes does the cooperative expect this autumn?": "... expect
    last year?"; "What about in 2003?" after that: "... in 2003?"), or with it where the
    question names none; None where the fragment is no such time, or a year after "in"
    where the question names no such time (read as a phrase after "in" is, in the place
    of the question's). Read as another thing
    counted, it had become "How many last year does the cooperative expect ...?"."""
    found = _TIME_ALONE.match(fragment.strip().rstrip("?!. "))
    if found is None:
        return None
    time = found["time"]
    if _YEAR.fullmatch(time):
        time = f"in {time}"  # "And 2003?": in 2003
    body = question.strip().rstrip("?!. ")
    told = _TIME_IN.search(body)
    if told is None and time.lower().startswith("in "):
        return None  # "in 1991" after "... in the region last Tuesday?": in its place
    if told is None:
        return f"{body} {time}?"
    return f"{body[: told.start()]}{time}{body[told.end() :]}?"
