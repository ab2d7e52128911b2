"""Each sentence's dates grounded against the article date, with their offsets."""

from __future__ import annotations

from datetime import date

from index.sentences import split_sentences
from qa.dates import article_date, ground_sentences, ground_text
from tests.qa.dates.articles import AP, NEW_YEAR, REUTERS, UNDATED

D = date


def grounded(text: str, day: date | None) -> list[list[tuple[str, object]]]:
    """Each sentence's (phrase, value) pairs; also checks the offsets point at the phrase."""
    sentences = split_sentences(text)
    result: list[list[tuple[str, object]]] = []
    for values in ground_sentences(sentences, day):
        for value in values:
            assert text[value.start : value.end] == value.text
        result.append([(value.text, value.value) for value in values])
    return result


def test_reuters_article_grounds_absolute_and_relative_dates() -> None:
    assert grounded(REUTERS, article_date(REUTERS)) == [
        [],
        [("Nov 24", D(2025, 11, 24)), ("Sunday", D(2025, 11, 23))],
        [("November 20", D(2025, 11, 20))],
        # counted from the previous dated sentence, not from the article date
        [("Two days later", D(2025, 11, 22))],
        [("Nov 27, 2024", D(2024, 11, 27)), ("last week", (D(2025, 11, 17), D(2025, 11, 23)))],
        [("Yesterday", D(2025, 11, 23))],
        [("Earlier this month", (D(2025, 11, 1), D(2025, 11, 23)))],
        # "days later" is a range after the previous date (the end of "earlier this month")
        [("Just days later", (D(2025, 11, 24), D(2025, 11, 30)))],
    ]


def test_ap_article_weekdays_day_first_dates_and_the_next_day() -> None:
    assert grounded(AP, article_date(AP)) == [
        [],
        [("Nov. 24, 2025", D(2025, 11, 24)), ("Saturday", D(2025, 11, 22))],
        [("Tuesday", D(2025, 11, 18))],  # most recent Tuesday on/before Monday Nov 24
        [("21 November", D(2025, 11, 21))],
        [("The next day", D(2025, 11, 22))],
        [("today", D(2025, 11, 24))],
    ]


def test_year_rollover_from_metadata_date() -> None:
    assert grounded(NEW_YEAR, article_date(NEW_YEAR, "2026-01-03")) == [
        [],
        [("December 30", D(2025, 12, 30))],
        [("January 2", D(2026, 1, 2))],
        [("The next day", D(2026, 1, 3))],
        [("Three days earlier", D(2025, 12, 31))],  # back from Jan 3, across the year
    ]


def test_month_after_the_article_month_is_last_year_and_same_month_is_this_year() -> None:
    article = D(2025, 11, 24)
    assert [v.value for v in ground_text("On December 5 and November 28.", article)] == [
        D(2024, 12, 5),
        D(2025, 11, 28),
    ]


def test_explicit_year_and_written_forms() -> None:
    article = D(2025, 11, 24)
    text = (
        "Talks on Nov 23, 2024 failed; on Sunday, November 23 they resumed; "
        "the 19th of November was quiet; from November 19-21 aid flowed; and "
        "on 2025-11-10 the UN met."
    )
    assert [(v.text, v.value) for v in ground_text(text, article)] == [
        ("Nov 23, 2024", D(2024, 11, 23)),
        ("Sunday, November 23", D(2025, 11, 23)),  # one value, not two
        ("the 19th of November", D(2025, 11, 19)),
        ("November 19-21", (D(2025, 11, 19), D(2025, 11, 21))),
        ("2025-11-10", D(2025, 11, 10)),
    ]


def test_overlapping_phrases_keep_the_longest() -> None:
    # "last Sunday" and "Sunday, November 16" overlap; the full date wins.
    values = ground_text("It happened last Sunday, November 16.", D(2025, 11, 24))
    assert [(v.text, v.value) for v in values] == [("Sunday, November 16", D(2025, 11, 16))]


def test_may_and_march_as_ordinary_words_are_not_dates() -> None:
    text = "Some 23 may have died; 5 march to the square. On 3 May they met."
    assert [v.text for v in ground_text(text, D(2025, 11, 24))] == ["3 May"]


def test_unknown_article_date_keeps_partial_days_and_drops_article_relative_ones() -> None:
    assert grounded(UNDATED, article_date(UNDATED)) == [
        [],
        [("November 19", (11, 19))],  # partial: year unknown
        [("Two days later", (11, 21))],  # exact offset from a partial day stays partial
        [],  # "days later" from a partial day: no range without a year
        [],  # "yesterday" needs the article date
        [("March 3, 2024", D(2024, 3, 3))],  # an explicit year is enough
        [("A week later", D(2024, 3, 10))],  # and chains from it work
    ]
    partial = ground_sentences(split_sentences(UNDATED), None)[1][0]
    assert partial.first is None and partial.last is None and partial.partial == (11, 19)


def test_the_dateline_article_gives_different_answers_with_and_without_its_date() -> None:
    # The same sentence grounds to a full day only when the article date is known.
    sentence = "The strike followed a drone attack on November 20."
    assert [v.value for v in ground_text(sentence, D(2025, 11, 24))] == [D(2025, 11, 20)]
    assert [v.value for v in ground_text(sentence, None)] == [(11, 20)]


def test_a_month_or_year_an_event_is_placed_in_is_that_whole_month_or_year() -> None:
    text = (
        "Asbestos found in 2019 was removed.\n"
        "The council will review prices in January 2027.\n"
        "A depot opened in early 2021.\n"
        "Rain fell in October.\n"
        "Prices have risen since 2019 and will double by 2029.\n"  # bounds, not placed in
        "The river runs in 1,233 km of bends.\n"
    )
    assert grounded(text, D(2026, 3, 12)) == [
        [("2019", (D(2019, 1, 1), D(2019, 12, 31)))],
        [("January 2027", (D(2027, 1, 1), D(2027, 1, 31)))],
        [("early 2021", (D(2021, 1, 1), D(2021, 12, 31)))],
        [("October", (D(2025, 10, 1), D(2025, 10, 31)))],
        [],
        [],
    ]
    # Without the article's date, a month needs its year.
    assert grounded("Rain fell in October.\n", None) == [[]]


def test_a_weekly_schedule_is_no_day() -> None:
    assert grounded("Open from Tuesday to Sunday and Monday-Friday.\n", D(2026, 3, 12)) == [[]]
    assert grounded("Talks were held on Tuesday and Wednesday.\n", D(2026, 3, 12)) == [
        [("Tuesday", D(2026, 3, 10)), ("Wednesday", D(2026, 3, 11))]
    ]


def test_a_later_day_is_this_years_where_its_sentence_tells_of_what_is_to_come() -> None:
    text = (
        "Harbor City will face Northport in the final on May 16.\n"
        "Construction is set to begin in September.\n"
        "The old stadium closed on May 16.\n"  # told of as past: last year's
        "It will review the decision made on March 3.\n"  # earlier this year, as before
    )
    assert grounded(text, D(2026, 4, 27)) == [
        [("May 16", D(2026, 5, 16))],
        [("September", (D(2026, 9, 1), D(2026, 9, 30)))],
        [("May 16", D(2025, 5, 16))],
        [("March 3", D(2026, 3, 3))],
    ]
