"""Finding (month, day) pairs and date phrases in questions and sentences."""

from __future__ import annotations

import pytest

from qa.dates import date_phrases, find_dates, name_years, remove_dates, stated_years


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
