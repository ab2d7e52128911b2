from __future__ import annotations

from datetime import date, datetime

import pytest

from index.sentences import split_sentences
from qa.grounded_dates import (
    GroundedDate,
    article_date,
    format_grounded,
    ground_sentences,
    ground_text,
    overlaps,
    question_range,
)

D = date

REUTERS = """Israel strikes Beirut suburb

BEIRUT, Nov 24 (Reuters) - Israel struck Beirut's southern suburbs on Sunday, killing a \
senior Hezbollah commander, the military said.
The strike followed a drone attack on November 20 near the border.
Two days later, the army said it had hit launch sites.
The ceasefire took effect on Nov 27, 2024, and talks on it stalled last week.
Yesterday, Lebanese officials met the U.S. envoy.
Earlier this month, the army reported dozens of strikes.
Just days later, the envoy left.
"""

AP = """Storm batters Gulf Coast

MIAMI, Nov. 24, 2025 (AP) — A storm tore through the coast on Saturday.
Forecasters had first warned of it on Tuesday.
It made landfall on 21 November near Pensacola.
The next day, crews restored power to half the homes.
Schools reopen today, officials said.
"""

# No dateline: the date comes from the archive's metadata.
NEW_YEAR = """Fireworks ban tested

Police said crowds gathered on December 30 despite the ban.
On January 2, the city council met.
The next day, it voted to keep the ban.
Three days earlier, the mayor had defended it.
"""

# No dateline, no metadata: nothing to count from.
UNDATED = """A long week in the capital

Protests began on November 19 and grew.
Two days later, the cabinet resigned.
Days later, a new cabinet was named.
Yesterday, the president spoke.
The last election was held on March 3, 2024.
A week later, results were announced.
"""


def grounded(text: str, day: date | None) -> list[list[tuple[str, object]]]:
    """Each sentence's (phrase, value) pairs; also checks the offsets point at the phrase."""
    sentences = split_sentences(text)
    result: list[list[tuple[str, object]]] = []
    for values in ground_sentences(sentences, day):
        for value in values:
            assert text[value.start : value.end] == value.text
        result.append([(value.text, value.value) for value in values])
    return result


# --- article_date -------------------------------------------------------------------


def test_reuters_dateline_takes_the_year_that_is_not_before_dated_events() -> None:
    # The dateline says "Nov 24" without a year; the text's latest dated event is
    # Nov 27, 2024, so the article is from 2025, not 2024.
    assert article_date(REUTERS) == D(2025, 11, 24)


def test_reuters_dateline_without_any_year_needs_a_hint() -> None:
    text = "BEIRUT, Nov 24 (Reuters) - Israel struck Beirut on Sunday.\nMore to come.\n"
    assert article_date(text) is None
    assert article_date(text, year=2025) == D(2025, 11, 24)


def test_ap_dateline() -> None:
    assert article_date(AP) == D(2025, 11, 24)


@pytest.mark.parametrize(
    "head",
    [
        "Nov. 24, 2025 — A storm tore through the coast.",
        "WASHINGTON (AP) — Nov. 24, 2025 — Lawmakers met.",
        "Monday, 24 November 2025",
        "2025-11-24",
        "2025-11-24T09:30:00Z",
        "Published: November 24, 2025 at 3:04 p.m. ET",
        "Posted on 24 Nov 2025",
        "By Jane Doe, November 24, 2025",
    ],
)
def test_dateline_forms(head: str) -> None:
    text = f"Storm batters coast\n\n{head}\n\nThe storm hit on November 20, 2025.\n"
    assert article_date(text) == D(2025, 11, 24)


def test_published_wins_over_updated_and_updated_is_the_fallback() -> None:
    both = "Headline\nUpdated: November 25, 2025\nPublished: November 24, 2025\nText.\n"
    assert article_date(both) == D(2025, 11, 24)
    only_updated = "Headline\nUpdated: November 25, 2025\nText.\n"
    assert article_date(only_updated) == D(2025, 11, 25)


@pytest.mark.parametrize(
    "text",
    [
        "Israel strikes Beirut on November 23, 2025\n\nThe strike killed five.\n",
        "Published reports said the talks ended on Nov 20, 2025.\n",
        "Headline\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nNov. 24, 2025 — late line.\n",
        "Nothing dated here.\n",
    ],
)
def test_dates_in_prose_or_below_the_head_are_not_the_article_date(text: str) -> None:
    assert article_date(text) is None


@pytest.mark.parametrize(
    "metadata",
    ["2025-11-20", "2025-11-20T23:59:00+00:00", D(2025, 11, 20), datetime(2025, 11, 20, 8)],
)
def test_metadata_wins_over_the_dateline(metadata: date | str) -> None:
    assert article_date(AP, metadata) == D(2025, 11, 20)


def test_unreadable_metadata_falls_back_to_the_dateline() -> None:
    assert article_date(AP, "last Tuesday") == D(2025, 11, 24)
    assert article_date(NEW_YEAR, "2026-01-03") == D(2026, 1, 3)
    assert article_date(NEW_YEAR) is None


# --- ground_sentences ---------------------------------------------------------------


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


def test_weekday_on_the_article_day_is_that_day_but_last_weekday_is_a_week_before() -> None:
    monday = D(2025, 11, 24)
    assert [v.value for v in ground_text("It met on Monday.", monday)] == [monday]
    assert [v.value for v in ground_text("It met last Monday.", monday)] == [D(2025, 11, 17)]
    assert [v.value for v in ground_text("It meets next Monday.", monday)] == [D(2025, 12, 1)]


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


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("yesterday", D(2025, 11, 23)),
        ("last night", D(2025, 11, 23)),
        ("tomorrow", D(2025, 11, 25)),
        ("three days ago", D(2025, 11, 21)),
        ("a week ago", D(2025, 11, 17)),
        ("days ago", (D(2025, 11, 17), D(2025, 11, 23))),
        ("this week", (D(2025, 11, 24), D(2025, 11, 30))),
        ("last weekend", (D(2025, 11, 22), D(2025, 11, 23))),
        ("last month", (D(2025, 10, 1), D(2025, 10, 31))),
        ("earlier this year", (D(2025, 1, 1), D(2025, 11, 23))),
        ("next week", (D(2025, 12, 1), D(2025, 12, 7))),
    ],
)
def test_relative_to_the_article_date(phrase: str, expected: object) -> None:
    values = ground_text(f"Officials said {phrase}, the strike hit.", D(2025, 11, 24))
    assert [(v.text, v.value) for v in values] == [(phrase, expected)]


def test_chain_within_one_sentence_and_across_sentences() -> None:
    text = "On November 3 talks began and two weeks later they ended. A month later, war."
    values = ground_text(text, D(2025, 12, 20))
    assert [v.value for v in values] == [D(2025, 11, 3), D(2025, 11, 17), D(2025, 12, 17)]


def test_event_relative_phrases_are_not_chained() -> None:
    text = "On November 3 talks began. The day before the vote, and two days prior to it, rain."
    assert [v.text for v in ground_text(text, D(2025, 11, 24))] == ["November 3"]


def test_chain_without_an_earlier_date_is_left_out() -> None:
    assert ground_text("Two days later, the army withdrew.", D(2025, 11, 24)) == []


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


# --- question_range -----------------------------------------------------------------

ARTICLE = D(2025, 11, 24)  # a Monday


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What happened after November 20?", (D(2025, 11, 21), None)),
        ("What happened since November 20?", (D(2025, 11, 20), None)),
        ("What happened on or after Nov 20?", (D(2025, 11, 20), None)),
        ("What was hit before Nov 23?", (None, D(2025, 11, 22))),
        ("What was hit until Nov. 23?", (None, D(2025, 11, 23))),
        ("Who spoke between November 19 and 23?", (D(2025, 11, 19), D(2025, 11, 23))),
        ("Who spoke between October 28 and 2?", (D(2025, 10, 28), D(2025, 11, 2))),
        ("Who spoke between Nov 19 and Nov 21?", (D(2025, 11, 19), D(2025, 11, 21))),
        ("Who spoke from 19 November to 21 November?", (D(2025, 11, 19), D(2025, 11, 21))),
        ("What was targeted on November 23?", (D(2025, 11, 23), D(2025, 11, 23))),
        ("What happened in the week of November 19?", (D(2025, 11, 17), D(2025, 11, 23))),
        ("What happened last week?", (D(2025, 11, 17), D(2025, 11, 23))),
        ("What happened yesterday?", (D(2025, 11, 23), D(2025, 11, 23))),
        ("What happened on Tuesday?", (D(2025, 11, 18), D(2025, 11, 18))),
        ("What happened in October?", (D(2025, 10, 1), D(2025, 10, 31))),
        ("What happened after Nov 20 but before Nov 23?", (D(2025, 11, 21), D(2025, 11, 22))),
        ("What happened on Nov 20 or Nov 22?", (D(2025, 11, 20), D(2025, 11, 22))),
        ("What happened on November 23, 2024?", (D(2024, 11, 23), D(2024, 11, 23))),
    ],
)
def test_question_ranges(question: str, expected: tuple[date | None, date | None]) -> None:
    assert question_range(question, ARTICLE) == expected


def test_question_range_across_the_new_year() -> None:
    question = "What happened between December 28 and January 2?"
    assert question_range(question, D(2026, 1, 3)) == (D(2025, 12, 28), D(2026, 1, 2))


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("What happened in the week of the talks?", ARTICLE),
        ("Who was the commander?", ARTICLE),
        ("What happened two days later?", ARTICLE),  # no earlier date to count from
        ("What happened after November 20?", None),  # no year without the article date
        ("What happened yesterday?", None),
        ("What happened after Nov 23 and before Nov 20?", ARTICLE),  # empty
    ],
)
def test_questions_without_a_usable_range(question: str, article: date | None) -> None:
    assert question_range(question, article) is None


def test_question_with_explicit_year_needs_no_article_date() -> None:
    assert question_range("What happened after Nov 20, 2025?", None) == (D(2025, 11, 21), None)


# --- overlaps and format_grounded ---------------------------------------------------


def test_overlaps_uses_inclusive_open_windows() -> None:
    last_week = ground_text("last week", ARTICLE)[0]
    assert overlaps(last_week, (D(2025, 11, 23), None))
    assert not overlaps(last_week, (D(2025, 11, 24), None))
    assert overlaps(last_week, (None, D(2025, 11, 17)))
    assert not overlaps(last_week, (None, D(2025, 11, 16)))
    assert not overlaps(ground_text("November 20", None)[0], (None, None))


def test_format_grounded() -> None:
    day, week = ground_text("November 23 and last week", ARTICLE)
    assert format_grounded(day) == "2025-11-23"
    assert format_grounded(week) == "2025-11-17 to 2025-11-23"
    assert format_grounded(ground_text("November 23", None)[0]) == "November 23, year unknown"
    assert format_grounded(D(2025, 11, 23)) == "2025-11-23"
    assert format_grounded((D(2025, 11, 21), None)) == "from 2025-11-21"
    assert format_grounded((None, D(2025, 11, 22))) == "until 2025-11-22"
    assert format_grounded((D(2025, 11, 23), D(2025, 11, 23))) == "2025-11-23"


def test_grounded_date_value_shapes() -> None:
    one = GroundedDate("x", 0, 1, D(2025, 11, 23), D(2025, 11, 23))
    span = GroundedDate("x", 0, 1, D(2025, 11, 17), D(2025, 11, 23))
    part = GroundedDate("x", 0, 1, None, None, (11, 23))
    assert (one.value, one.is_range) == (D(2025, 11, 23), False)
    assert (span.value, span.is_range) == ((D(2025, 11, 17), D(2025, 11, 23)), True)
    assert (part.value, part.is_range) == ((11, 23), False)
