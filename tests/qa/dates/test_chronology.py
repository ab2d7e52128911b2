"""The pane's timeline: every day, span, month or year an article states (qa.dates.chronology)."""

from __future__ import annotations

from datetime import date

from index.sentences import split_sentences
from qa.dates import chronology

MUSEUM = (
    "The museum reopened to the public on Saturday after a five-year renovation.\n"
    "The work removed asbestos found in 2019.\n"
    "Its best-known painting returned from a loan to Vienna last month.\n"
    "A depot that opened next door in 2021 showed 2,000 works.\n"
    "The museum will be open from Tuesday to Sunday.\n"
    "The council will review the prices in January 2027.\n"
    "Critics said 2019 visitors a day was too few.\n"
)


def test_days_periods_months_and_years_in_calendar_order() -> None:
    events = chronology(split_sentences(MUSEUM), date(2026, 3, 12))  # a Thursday
    assert [(e.label, e.position) for e in events] == [
        ("2019", 1),
        ("2021", 3),
        ("February 2026", 2),  # "last month"
        ("March 7, 2026", 0),  # "on Saturday": the Saturday before the article's date
        ("January 2027", 5),
    ]  # "from Tuesday to Sunday" is every week; "2019 visitors" no year
    assert events[0].summary == "The work removed asbestos found in 2019."


def test_without_the_articles_date_only_what_it_writes_out() -> None:
    events = chronology(split_sentences(MUSEUM), None)
    assert [e.label for e in events] == ["2019", "2021", "January 2027"]
    # Days without a year sort in the latest year the article names.
    undated = "In 1066 William conquered England.\nOn June 5 Richard left for Acre.\n"
    events = chronology(split_sentences(undated), None)
    assert [e.label for e in events] == ["1066", "June 5"]


def test_spans_are_written_as_people_write_them() -> None:
    text = "Talks ran on May 4-6.\nThe strike was last week.\n"
    events = chronology(split_sentences(text), date(2025, 11, 24))
    assert [e.label for e in events] == ["May 4–6, 2025", "November 17–23, 2025"]
