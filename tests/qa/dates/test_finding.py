"""Finding (month, day) pairs and date phrases in questions and sentences."""

from __future__ import annotations

import pytest

from qa.dates import date_phrases, find_dates, name_years, remove_dates, stated_years
from qa.dates.finding import _DAY_KINDS, date_hits, names_a_day


@pytest.mark.parametrize(
    "text", ["November 23", "Nov. 23", "nov 23", "23 November", "November 23rd", "23rd of November"]
)
def test_written_forms_of_one_date_agree(text: str) -> None:
    assert find_dates(f"What happened on {text}?") == {(11, 23)}


def test_words_that_look_like_months_are_not_dates() -> None:
    assert find_dates("May I ask what happened in march of progress?") == set()


def test_remove_dates_blanks_only_the_date() -> None:
    assert remove_dates("What was targeted on Nov. 23?").split() == [
        "What",
        "was",
        "targeted",
        "on",
        "?",
    ]


def test_days_that_do_not_exist_are_skipped_but_february_29_counts() -> None:
    assert find_dates("On November 31 and Feb 29, and June 31st.") == {(2, 29)}


def test_date_phrases_are_the_words_as_written() -> None:
    assert date_phrases("Sunday, Nov. 23 and the 19th of November") == [
        "Nov. 23",
        "19th of November",
    ]


def test_a_day_without_its_month_is_named_by_the_articles_one_date_that_day() -> None:
    from qa.dates import name_days

    stated = {(11, 19), (11, 23), (12, 19)}
    assert name_days("What was targeted on the 23rd?", stated) == (
        "What was targeted on November 23?"
    )
    assert name_days("what happened since the 23rd and why", stated) == (
        "what happened since November 23 and why"
    )
    # Two dates that day, none, or not a date at all ("the 23rd floor"): as written.
    assert name_days("What happened on the 19th?", stated) == "What happened on the 19th?"
    assert name_days("What happened on the 21st?", stated) == "What happened on the 21st?"
    assert name_days("Who lives on the 23rd floor?", stated) == "Who lives on the 23rd floor?"
    assert name_days("What was targeted on the 23rd?", set()) == "What was targeted on the 23rd?"


def test_a_year_typed_by_its_last_two_digits_is_the_article_s_year() -> None:
    stated = stated_years("The glacier surged in 1953 and again in 2011, 1,953 metres.")
    assert stated == {1953, 2011}
    assert name_years("how far did it advance in '53", stated) == "how far did it advance in 1953"
    assert name_years("the ’11 surge", stated) == "the 2011 surge"
    # A decade, a year the article does not state, or one of several: as typed.
    assert name_years("what happened in the '90s", stated) == "what happened in the '90s"
    assert name_years("in '62", stated) == "in '62"
    assert name_years("in '53", {1853, 1953}) == "in '53"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("It ended with a loss to Kelso Park last Saturday.", True),
        ("The ward opens tomorrow.", True),
        ("Two days later the port reopened.", True),
        ("The next morning it rained.", True),
        ("It was signed on 23 November.", True),
        ("The shop is open Monday-Friday.", False),  # a weekly schedule, not a day
        ("It was founded in 2019 and grew last week.", False),  # a year, a period
        ("They may have left in May.", False),
        ("Fans left early.", False),
    ],
)
def test_whether_a_sentence_names_a_day(text: str, names: bool) -> None:
    assert names_a_day(text) is names
    assert names is any(kind in _DAY_KINDS for kind, _ in date_hits(text))  # as date_hits reads it
