"""Dates in articles and questions, one module per job.

- patterns: the one set of regular expressions (month and day words, date phrases).
- days: calendar arithmetic (month numbers, weeks, weekdays, shifting by days/months).
- values: GroundedDate and date ranges; overlap and how citations write them.
- finding: (month, day) pairs and phrases in text; every groundable phrase, longest wins.
- relative: phrases counted from the article date or from the previous date.
- grounding: a text's or an article's dates resolved against the article date.
- datelines: the article's own date, from metadata or a dateline at the top.
- sentences: each sentence's dates, stated or inherited from the last stated ones.
- ranges: the days a question asks about, including ranges anchored on events.
- timeline: the article's dated events in calendar order.
- unstated: a dated question as read beside a passage in its date's scope.

Every step is linear in the size of its input (tests/qa/dates/test_linear.py).
"""

from qa.dates.chronology import DatedEvent, chronology
from qa.dates.datelines import HEAD_LINE_CHARS, HEAD_LINES, article_date, is_time_stamp
from qa.dates.finding import (
    date_phrases,
    date_spans,
    find_dates,
    name_days,
    name_years,
    only_a_day,
    remove_dates,
    stated_years,
)
from qa.dates.grounding import ground_sentences, ground_text
from qa.dates.ranges import (
    EVENT_CANDIDATES,
    event_range,
    question_range,
    range_scores,
    scores_within,
)
from qa.dates.relative import VAGUE_DAYS
from qa.dates.sentences import (
    INHERIT_DECAY,
    INHERIT_SPAN,
    SentenceDates,
    dated_sentences,
    inherit,
    own_days,
    sentence_dates,
    stating,
)
from qa.dates.timeline import SUMMARY_WORDS, TimelineEvent, summarize, timeline
from qa.dates.unstated import PassageQuestion, passage_question, without_dates
from qa.dates.values import DateRange, GroundedDate, MonthDay, format_grounded, label, overlaps

__all__ = [
    "EVENT_CANDIDATES",
    "HEAD_LINES",
    "HEAD_LINE_CHARS",
    "INHERIT_DECAY",
    "INHERIT_SPAN",
    "SUMMARY_WORDS",
    "VAGUE_DAYS",
    "DateRange",
    "DatedEvent",
    "GroundedDate",
    "MonthDay",
    "PassageQuestion",
    "SentenceDates",
    "TimelineEvent",
    "article_date",
    "chronology",
    "date_phrases",
    "date_spans",
    "dated_sentences",
    "event_range",
    "find_dates",
    "format_grounded",
    "ground_sentences",
    "ground_text",
    "inherit",
    "is_time_stamp",
    "label",
    "name_days",
    "name_years",
    "overlaps",
    "own_days",
    "passage_question",
    "question_range",
    "range_scores",
    "only_a_day",
    "remove_dates",
    "scores_within",
    "sentence_dates",
    "stating",
    "summarize",
    "timeline",
    "without_dates",
    "stated_years",
]
